"""hooks/markers.py: markers become the engine's HTML (or the page's Markdown), and what a page
carries is recorded."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from calculator import Language, render_table_html
from hooks import markers
from sitebuild import page_components, secretariat

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


#: The Secretariat's contacts as the contacts page lists them (before they had one source).
SECRETARIAT_LIST = {
    Language.RU: (
        "- Адрес: 10F Seoul Global Center, 38 Jongro, Jongno-gu, Seoul 100-739, Republic of Korea"
        " (Республика Корея, Сеул). Почтовый индекс записан в старом шестизначном формате; более"
        " поздний адрес — на странице [Что изменилось с 2017\u00a0года](since-2017.md).\n"
        "- Телефон: +82 (0)2 720 2937\n"
        "- Факс: +82 (0)2 720 2939\n"
        "- Электронная почта: [secretariat@we-gov.org](mailto:secretariat@we-gov.org)\n"
        "- Сайт: [www.we-gov.org](http://www.we-gov.org)\n"
    ),
    Language.EN: (
        "- Address: 10F Seoul Global Center, 38 Jongro, Jongno-gu, Seoul 100-739, Republic of"
        " Korea. The postcode is in the old six-digit format; a later address is on the"
        " [What has changed since 2017](since-2017.md) page.\n"
        "- Tel: +82 (0)2 720 2937\n"
        "- Fax: +82 (0)2 720 2939\n"
        "- E-mail: [secretariat@we-gov.org](mailto:secretariat@we-gov.org)\n"
        "- Website: [www.we-gov.org](http://www.we-gov.org)\n"
    ),
}


@pytest.mark.parametrize("lang", [Language.RU, Language.EN])
def test_the_secretariat_marker_becomes_the_contacts_list_before_markdown(lang):
    """The contacts page's list, in the page's language, replaces the marker in the Markdown."""
    text = "Intro.\n\n<!-- wego:secretariat -->\n\nOutro.\n"
    contacts = page(lang.value, url="contacts/", src=f"{lang.value}/contacts.md")
    output = markers.on_page_markdown(text, contacts, CONFIG, files=None)
    assert output == f"Intro.\n\n{SECRETARIAT_LIST[lang]}\n\nOutro.\n"
    assert page_components.components(contacts.meta) == {"secretariat"}


def test_the_markdown_record_is_kept_when_the_html_markers_are_added():
    contacts = page(url="contacts/", src="en/contacts.md")
    markers.on_page_markdown("<!-- wego:secretariat -->\n", contacts, CONFIG, files=None)
    markers.on_page_content("<p>list</p><!-- wego:fee-table -->", contacts, CONFIG, None)
    assert page_components.components(contacts.meta) == {"secretariat", "fee-table"}


def test_only_a_marker_alone_on_its_line_is_rendered_before_markdown():
    """A marker quoted inside a sentence stays text; HTML markers wait for their own step."""
    quoted = "Write `<!-- wego:secretariat -->` on its own line.\n"
    assert markers.render_markdown_markers(quoted, Language.EN) == (quoted, [])
    later = "<!-- wego:fee-table -->\n<!-- wego:fee-tabel -->\n"
    assert markers.render_markdown_markers(later, Language.EN) == (later, [])


def test_an_unknown_marker_still_fails_the_build_after_the_markdown_step():
    fees = page()
    markdown = markers.on_page_markdown("<!-- wego:secretariats -->\n", fees, CONFIG, None)
    with pytest.raises(PluginError, match=r"unknown marker <!-- wego:secretariats -->"):
        markers.on_page_content(markdown, fees, CONFIG, files=None)


def test_the_contacts_list_reads_the_one_source_of_the_contacts(monkeypatch):
    """Change a value in sitebuild/secretariat.py and the page's list changes with it."""
    monkeypatch.setattr(secretariat, "FAX", "+82 2 000 0000")
    assert "- Fax: +82 2 000 0000\n" in secretariat.contacts_markdown(Language.EN)
