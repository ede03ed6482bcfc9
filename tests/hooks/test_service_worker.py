"""hooks/service_worker.py: the site's service worker is written after every language is built."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from hooks import service_worker


def test_a_missing_worker_script_fails_the_build(tmp_path, monkeypatch):
    """Without the copied worker script there is nothing to write the manifest into: a build
    error, not a site that silently never works offline."""
    monkeypatch.setattr(service_worker, "_after_all_languages", lambda config: True)
    with pytest.raises(PluginError, match="was not copied"):
        service_worker.on_post_build({"site_dir": str(tmp_path)})
