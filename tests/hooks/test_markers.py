"""hooks/markers.py: markers become the engine's HTML, and what a page carries is recorded."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from calculator import Language, render_table_html
from hooks import markers
from sitebuild import page_components

CONFIG = {"theme": {"language": "ru"}}


def page(locale: str | None = "en", url: str = "en/fees/", src: str = "en/fees.md"):
    return SimpleNamespace(url=url, meta={}, file=SimpleNamespace(locale=locale, src_uri=src))


def test_a_marker_becomes_the_engines_rendering():
    html = markers.render_markers("<p>a</p><!-- wego:fee-table -->", Language.EN, "..", "x.md")
    assert html == "<p>a</p>" + render_table_html(Language.EN)


def test_an_unknown_marker_fails_the_build_naming_the_page():
    with pytest.raises(PluginError, match=r"en/fees\.md: unknown marker <!-- wego:fee-tabel -->"):
        markers.on_page_content("<!-- wego:fee-tabel -->", page(), CONFIG, files=None)


def test_the_page_records_what_it_carries():
    """The rendered markers and a Mermaid diagram land in page.meta, for the other hooks."""
    fees = page()
    html = markers.on_page_content(
        "<!-- wego:fee-quote --><!-- wego:fee-table -->", fees, CONFIG, files=None
    )
    assert 'id="fee-quote"' in html
    assert page_components.components(fees.meta) == {"fee-quote", "fee-table"}
    procedure = page(url="procedure/", src="ru/procedure.md")
    markers.on_page_content(
        '<pre class="mermaid"><code>graph</code></pre>', procedure, CONFIG, None
    )
    assert page_components.components(procedure.meta) == {page_components.MERMAID}
    plain = page(url="about/")
    markers.on_page_content("<p>no marker</p>", plain, CONFIG, files=None)
    assert page_components.components(plain.meta) == frozenset()


def test_the_language_comes_from_the_file_then_the_theme():
    assert markers.page_language(page("en"), CONFIG) is Language.EN
    assert markers.page_language(page(None), CONFIG) is Language.RU
