"""The application page's Word buttons in Chromium: the library is fetched from the site itself
only after a click; if it cannot load, the page says so and keeps what was typed; once it loads,
the files download with every typed value and in the page's language.

One journey on one Russian page, failing and then succeeding: what a document holds in each
language is proved without a browser (tests/application_docx/test_documents.py), and that the
build writes each language's texts in tests/sitebuild/test_application_docx.py; here the
browser proves the buttons' wiring, the page's language reaching the documents included (the
Russian page's letter adds a Russian version). The failure cuts the documents' texts, the one
part fetched rather than imported: a failed import stays failed for the document's life, so a
cut library would need a second page for the success, and all three fail into the same
message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.application_docx.reading import all_text, expected_rows, is_a4, open_document, table_rows
from tests.application_docx.reading import texts as document_texts

from .conftest import Site, Visit
from .test_application_form import (
    SAMPLES,
    XSS,
    fill_fast,
    form_values,
    open_form,
    t,
)

pytestmark = pytest.mark.browser

#: Left empty: the files must show them as blanks to fill in by hand.
LEFT_EMPTY = ("city_website", "it_fax", "office_department")
#: What the click loads, and the first load must not.
LOADED_ON_CLICK = re.compile(
    r"/assets/(?:v/[0-9a-f]+/)?"
    r"(vendor/docx/|javascripts/application-docx/documents|application-docx/texts)"
)
FILE_CITY = {"ru": "Gorod-Ulianovsk", "en": "City-of-Ulyanovsk"}
#: The documents' texts for the page's language: cut to make the first click fail.
TEXTS = "**/application-docx/texts.*.json"


def typed_values(lang: str) -> dict[str, str]:
    """The sample application but the fields left empty, with markup in one field."""
    values = {name: value for name, value in SAMPLES[lang].items() if name not in LEFT_EMPTY}
    values["it_department"] = XSS
    return values


def fill_for_word(page: Page, lang: str) -> dict[str, str]:
    values = typed_values(lang)
    fill_fast(page, {**values, **dict.fromkeys(LEFT_EMPTY, "")})
    return values


def loaded_on_click(visit: Visit) -> list[str]:
    return [url for url in visit.requests if LOADED_ON_CLICK.search(url)]


def assert_buttons_speak(page: Page, lang: str) -> None:
    expect(page.locator("[data-action=download-docx]"), "the form's button").to_have_text(
        t(lang, "action.download-docx")
    )
    expect(page.locator("[data-action=download-letter]"), "the letter's button").to_have_text(
        t(lang, "action.download-letter")
    )


def download_both(page: Page, lang: str, folder: Path) -> dict[str, Path]:
    """Click both Word buttons; the files, named for the city, and the status saying so."""
    files = {}
    for kind, action in (("application", "download-docx"), ("letter", "download-letter")):
        with page.expect_download() as download:
            page.click(f"[data-action={action}]")
        files[kind] = folder / download.value.suggested_filename
        download.value.save_as(files[kind])
    assert [path.name for path in files.values()] == [
        f"WeGO-application-{FILE_CITY[lang]}.docx",
        f"WeGO-cover-letter-{FILE_CITY[lang]}.docx",
    ], "named for what they are and the city"
    expect(page.locator("[data-docx-status]"), "the page says it is done").to_have_text(
        t(lang, "docx.done", file=files["letter"].name)
    )
    return files


def assert_documents_hold(files: dict[str, Path], values: dict[str, str], lang: str) -> None:
    """The form has every typed value beside its label, blanks for the fields left empty, the
    agreement and the markup as text, on A4; the letter names the city, contact and signer."""
    form = open_document(files["application"])
    assert table_rows(form) == expected_rows(values, lang), f"{lang}: every value by its label"
    blanks = [label for rows in table_rows(form) for label, value in rows if not value]
    assert len(blanks) == len(LEFT_EMPTY), f"{lang}: blanks for the fields left empty"
    text = all_text(form)
    for sentence in document_texts(lang)["application"]["agreement"]:
        assert sentence.format(city=values["city_official_name"]) in text, "the agreement"
    assert XSS in text, "markup stays text"
    assert is_a4(form), "the form is A4"

    letter = open_document(files["letter"])
    text = all_text(letter)
    for name in ("city_official_name", "secretariat_name", "secretariat_email", "mayor_name"):
        assert values[name] in text, f"{lang}: the letter names {name}"
    assert len(letter.sections) == (2 if lang == "ru" else 1), "a Russian version on ru"
    assert is_a4(letter), "the letter is A4"


def test_word_files_load_only_on_a_click_say_a_failure_then_carry_every_typed_value(
    visit: Visit, site: Site, tmp_path: Path
) -> None:
    """Russian page, the files' texts unreachable (a broken connection): nothing is fetched
    before the click; after it the page says the files could not be made, in its language,
    and keeps what was typed. Connected again, a click downloads both files from the site's
    own origin with every typed value."""
    page = visit.page
    page.route(TEXTS, lambda route: route.abort())
    open_form(page, site, "ru")
    assert_buttons_speak(page, "ru")
    values = fill_for_word(page, "ru")
    before = form_values(page)
    assert loaded_on_click(visit) == [], "nothing of the Word files is fetched before a click"
    page.click("[data-action=download-docx]")
    expect(page.locator("[data-docx-status]"), "a failure is said").to_have_text(
        t("ru", "docx.failed")
    )
    assert form_values(page) == before, "nothing typed is lost"
    expect(page.locator("[data-action=download-docx]")).not_to_have_attribute("aria-busy", "true")
    page.unroute(TEXTS)

    assert_documents_hold(download_both(page, "ru", tmp_path), values, "ru")
    loaded = {match[1] for url in visit.requests if (match := LOADED_ON_CLICK.search(url))}
    assert loaded == {
        "vendor/docx/",
        "javascripts/application-docx/documents",
        "application-docx/texts",
    }, "the click loads the generator, the library and the texts"
    assert all(url.startswith(site.origin + "/") for url in loaded_on_click(visit)), "from home"
    assert page.evaluate("window.__xss") is None, "no markup ran"
