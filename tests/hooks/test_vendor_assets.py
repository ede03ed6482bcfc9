"""hooks/vendor_assets.py: pinned third-party files copied from node_modules/ into the site."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import vendor_assets


def test_each_pinned_file_is_copied_byte_for_byte(tmp_path):
    vendor_assets.copy_vendor_files(tmp_path)
    for target, source in vendor_assets.VENDOR_FILES.items():
        copied = tmp_path / target
        assert copied.read_bytes() == (vendor_assets.NODE_MODULES / source).read_bytes()


def test_a_missing_file_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setattr(vendor_assets, "NODE_MODULES", tmp_path / "node_modules")
    with pytest.raises(PluginError, match=r"make setup"):
        vendor_assets.copy_vendor_files(tmp_path / "site")


@pytest.mark.parametrize(("default_build", "copied"), [(True, True), (False, False)])
def test_only_the_root_build_copies(tmp_path, default_build, copied):
    """Shared files go to the site root once, not into every language's folder."""
    i18n = SimpleNamespace(is_default_language_build=default_build)
    vendor_assets.on_post_build({"plugins": {"i18n": i18n}, "site_dir": str(tmp_path)})
    target = next(iter(vendor_assets.VENDOR_FILES))
    assert (tmp_path / target).is_file() is copied
