"""The application page's Word buttons in Chromium, in both languages: the files download with
every typed value, and the library is fetched from the site itself only after the click."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.application_docx.reading import all_text, expected_rows, is_a4, open_document, table_rows
from tests.application_docx.reading import texts as document_texts

from .test_application_form import SAMPLES, XSS, fill_fast, open_form, t

pytestmark = pytest.mark.browser

#: Left empty: the files must show them as blanks to fill in by hand.
LEFT_EMPTY = ("city_website", "it_fax", "office_department")
#: What the click loads, and the first load must not.
LOADED_ON_CLICK = re.compile(
    r"/assets/(?:v/[0-9a-f]+/)?"
    r"(vendor/docx/|javascripts/application-docx/documents|application-docx/texts)"
)
FILE_CITY = {"ru": "Gorod-Ulianovsk", "en": "City-of-Ulyanovsk"}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_word_files_carry_every_typed_value_and_load_only_after_the_click(
    visit, site, lang, tmp_path
):
    page = visit.page
    open_form(page, site, lang)
    values = {name: value for name, value in SAMPLES[lang].items() if name not in LEFT_EMPTY}
    values["it_department"] = XSS
    fill_fast(page, values)
    button = page.locator("[data-action=download-docx]")
    expect(button).to_have_text(t(lang, "action.download-docx"))
    letter = page.locator("[data-action=download-letter]")
    expect(letter).to_have_text(t(lang, "action.download-letter"))
    assert [url for url in visit.requests if LOADED_ON_CLICK.search(url)] == []

    files = {}
    for kind, action in (("application", "download-docx"), ("letter", "download-letter")):
        with page.expect_download() as download:
            page.click(f"[data-action={action}]")
        files[kind] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[kind])
    assert [path.name for path in files.values()] == [
        f"WeGO-application-{FILE_CITY[lang]}.docx",
        f"WeGO-cover-letter-{FILE_CITY[lang]}.docx",
    ]
    expect(page.locator("[data-docx-status]")).to_have_text(
        t(lang, "docx.done", file=files["letter"].name)
    )
    loaded = {match[1] for url in visit.requests if (match := LOADED_ON_CLICK.search(url))}
    assert loaded == {
        "vendor/docx/",
        "javascripts/application-docx/documents",
        "application-docx/texts",
    }
    assert all(
        url.startswith(site.origin + "/") for url in visit.requests if LOADED_ON_CLICK.search(url)
    )
    assert page.evaluate("window.__xss") is None

    form = open_document(files["application"])
    assert table_rows(form) == expected_rows(values, lang)
    blanks = [label for rows in table_rows(form) for label, value in rows if not value]
    assert len(blanks) == len(LEFT_EMPTY)
    text = all_text(form)
    for sentence in document_texts(lang)["application"]["agreement"]:
        assert sentence.format(city=values["city_official_name"]) in text
    assert XSS in text
    assert is_a4(form)

    letter = open_document(files["letter"])
    text = all_text(letter)
    for name in ("city_official_name", "secretariat_name", "secretariat_email", "mayor_name"):
        assert values[name] in text
    assert len(letter.sections) == (2 if lang == "ru" else 1)
    assert is_a4(letter)


def test_a_library_that_cannot_load_is_said_and_nothing_typed_is_lost(visit, site):
    """If the library does not arrive (a broken connection), the page says so in its language
    and the form keeps what was typed."""
    page = visit.page
    page.route("**/vendor/docx/**", lambda route: route.abort())
    open_form(page, site, "ru")
    fill_fast(page, {"city_official_name": "Город Ульяновск"})
    page.click("[data-action=download-docx]")
    expect(page.locator("[data-docx-status]")).to_have_text(t("ru", "docx.failed"))
    expect(page.locator("[data-field=city_official_name]")).to_have_value("Город Ульяновск")
    expect(page.locator("[data-action=download-docx]")).not_to_have_attribute("aria-busy", "true")
