"""The Membership Application Form on the application page, in both languages, in Chromium.

Each test is one reader's journey on one page load (or a few, where another load, tab or
language is the point): a page load costs far more than the checks made on it. What the
form's modules decide on their own (which values a draft keeps, which file is refused and why,
what a set-aside notice or the e-mail says, which value is an error) is proved under Node in
tests/js/application/; here the browser proves the wiring: what the page shows, focus, storage,
downloads, print and the e-mail link. A behaviour whose code does not depend on the page's
language is checked in one language, Russian in one journey and English in the next; the
catalogues' parity is proved by the catalogue tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect

from .axe import COLOUR_RULES, axe_violations
from .conftest import Site, Visit, record_page
from .timeouts import STEP, ms

pytestmark = pytest.mark.browser

LOCALES = Path(__file__).resolve().parents[2] / "sitebuild" / "locales"
CATALOGUE = {
    lang: json.loads((LOCALES / f"form.{lang}.json").read_text(encoding="utf-8"))
    for lang in ("ru", "en")
}
SLUG = "application/"
READY = "#wego-application-form[data-enhanced='true']"
STORAGE_KEY = "wego-application-draft-v1"
MAIL_LIMIT = 1800
XSS = "<img src=x onerror=window.__xss=1>"


def _person(prefix: str, name: str, position: str, department: str, n: int) -> dict[str, str]:
    values = {
        f"{prefix}_name": name,
        f"{prefix}_position": position,
        f"{prefix}_email": f"{prefix}.{n}@ulmeria.ru",
        f"{prefix}_phone": f"+7 8422 42-00-{n:02d}",
        f"{prefix}_fax": f"+7 8422 42-01-{n:02d}",
    }
    if department:
        values[f"{prefix}_department"] = department
    return values


#: A complete, valid application per page language (every value distinct).
SAMPLES = {
    "ru": {
        "city_official_name": "Город Ульяновск",
        "city_government_body": "Администрация города Ульяновска",
        "city_postal_address": "ул. Кузнецова, д. 7\nУльяновск",
        "city_postcode": "432017",
        "city_country": "Российская Федерация",
        "city_website": "https://ulmeria.ru",
        **_person("mayor", "Иванов Иван Иванович", "Глава города", "", 1),
        "mayor_term_start": "2018-09",
        "mayor_term_end": "2023-09",
        **_person("office", "Петрова Анна Сергеевна", "Начальник управления", "Протокол", 2),
        **_person("it", "Смирнов Олег Петрович", "Директор по ИТ", "Департамент ИТ", 3),
        **_person("secretariat", "Соколова Мария", "Главный специалист", "Отдел связей", 4),
    },
    "en": {
        "city_official_name": "City of Ulyanovsk",
        "city_government_body": "Ulyanovsk City Administration",
        "city_postal_address": "7 Kuznetsova Street\nUlyanovsk",
        "city_postcode": "432017",
        "city_country": "Russian Federation",
        "city_website": "www.ulmeria.ru",
        **_person("mayor", "Ivan Ivanov", "Head of the City", "", 1),
        "mayor_term_start": "2018-09",
        "mayor_term_end": "2023-09",
        **_person("office", "Anna Petrova", "Head of Protocol", "Protocol Office", 2),
        **_person("it", "Oleg Smirnov", "Chief Information Officer", "IT Department", 3),
        **_person("secretariat", "Maria Sokolova", "Chief Specialist", "Relations Division", 4),
    },
}


def t(lang: str, key: str, **values: str) -> str:
    return CATALOGUE[lang][f"form.{key}"].format(**values)


def open_form(page: Page, site: Site, lang: str) -> None:
    page.goto(site.url(lang, SLUG))
    page.wait_for_selector(READY, state="attached")


def fill_fast(page: Page, values: dict[str, str]) -> None:
    """Set many fields in one round trip, with the input events typing would fire."""
    page.evaluate(
        """values => {
            for (const [name, value] of Object.entries(values)) {
                const control = document.querySelector(`[data-field='${name}']`);
                control.focus();
                control.value = value;
                control.dispatchEvent(new Event('input', {bubbles: true}));
                control.dispatchEvent(new Event('change', {bubbles: true}));
                control.blur();
            }
        }""",
        values,
    )


def form_values(page: Page) -> dict[str, str | bool]:
    return page.eval_on_selector_all(
        "[data-field]",
        """els => Object.fromEntries(els.map(e =>
            [e.dataset.field, e.type === 'checkbox' ? e.checked : e.value]))""",
    )


def expected(values: dict[str, str], same_as: bool = False) -> dict[str, str | bool]:
    return {**values, "secretariat_same_as_office": same_as}


def stored(page: Page) -> str | None:
    return page.evaluate(f"localStorage.getItem({STORAGE_KEY!r})")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def month(lang: str, value: str) -> str:
    year, number = value.split("-")
    return t(lang, "format.month", month=number, year=year)


def mail_parts(page: Page) -> tuple[str, dict[str, list[str]]]:
    href = page.get_attribute("[data-action=mail]", "href") or ""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    assert parts.path == "secretariat@we-gov.org"
    return href, parse_qs(parts.query, strict_parsing=True)


@contextmanager
def other_browser(browser: Browser, site: Site, **options: object) -> Iterator[Page]:
    """A second, fresh browser context held to the same rules as the `visit` fixture."""
    context = browser.new_context(service_workers="block", **options)  # type: ignore[arg-type]
    record = record_page(context.new_page())
    yield record.page
    context.close()
    assert record.foreign_requests(site.origin) == []
    assert record.errors == []


SET_ASIDE_KEY = f"{STORAGE_KEY}-set-aside"


def seed_storage(page: Page, items: dict[str, str]) -> None:
    """Have the page's storage hold ``items`` before its scripts first run, as a draft saved
    on an earlier visit would, without a load to write them and a reload to read them. Once
    per tab: a later reload finds what the page itself saved."""
    page.add_init_script(
        f"""(() => {{
            if (sessionStorage.getItem('wego-test-seeded')) return;
            for (const [key, text] of Object.entries({json.dumps(items)})) {{
                localStorage.setItem(key, text);
            }}
            sessionStorage.setItem('wego-test-seeded', '1');
        }})();"""
    )


def switch_language(page: Page, site: Site, other: str) -> None:
    """Go to the other language's page with the header's language selector."""
    page.hover(".md-header .md-select")
    page.click(f".md-select a[hreflang='{other}']")
    page.wait_for_url(site.url(other, SLUG))
    page.wait_for_selector(READY, state="attached")
    assert page.locator("html").get_attribute("lang") == other, "the other language's page"


def count_prints(page: Page) -> None:
    """Count calls to window.print in ``window.__printed`` instead of opening the dialog."""
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )


def _draft(fields: dict[str, object], **top: object) -> bytes:
    data = {"format": "wego-membership-application-draft", "version": 1, "fields": fields}
    return json.dumps({**data, **top}).encode()


def _stored_draft(fields: dict[str, object]) -> str:
    return _draft(fields).decode()


def _set_aside_item(lang: str, label_key: str | None, reason: str, limit: str) -> str:
    """The notice's line for one field set aside (a None label key: a field the form lacks,
    named as stored: ``city_population``)."""
    return t(
        lang,
        "set_aside.item",
        label=t(lang, label_key) if label_key else "city_population",
        reason=t(lang, f"set_aside.reason.{reason}", max=limit),
    )


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Page sizes (points) of a PDF, read from its page objects' MediaBoxes."""
    pages = re.split(rb"/Type\s*/Page\b(?!s)", pdf)[1:]
    assert pages, "no page objects found"
    sizes = []
    for box in re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", pdf)[: len(pages)]:
        x0, y0, x1, y1 = (float(v) for v in box.split())
        sizes.append((x1 - x0, y1 - y0))
    assert len(sizes) == len(pages)
    return sizes


def assert_prints_the_sheet_on_a4(page: Page, lang: str, values: dict[str, str | bool]) -> None:
    """Printed, the page is the form sheet with every typed value and the agreement with the
    city, on one to three A4 pages; back on screen the sheet is hidden again."""
    page.emulate_media(media="print")
    sheet = page.locator("[data-print-sheet]")
    expect(sheet, "print shows the form sheet").to_be_visible()
    expect(page.locator("#wego-application-form"), "print hides the form").to_be_hidden()
    expect(page.locator(".md-header"), "print hides the header").to_be_hidden()
    expect(page.locator("article h1"), "print hides the page title").to_be_hidden()
    text = squash(sheet.inner_text())
    for name, value in values.items():
        if isinstance(value, bool) or not value:
            continue
        shown = month(lang, value) if name.startswith("mayor_term") else value
        assert squash(shown) in text, f"the printed sheet shows {name}"
    city = values["city_official_name"]
    assert f"{city} agrees to follow the WeGO Charter and become a member of WeGO." in text
    assert CATALOGUE["en"]["form.print.seal"] in text
    if lang == "ru":
        assert f"{city} согласен(на) следовать Уставу WeGO и стать членом WeGO." in text
        assert CATALOGUE["ru"]["form.field.official_name"] in text
    sizes = _pdf_pages(page.pdf(prefer_css_page_size=True))
    assert 1 <= len(sizes) <= 3, f"one to three pages, not {len(sizes)}"
    for width, height in sizes:
        assert abs(width - 595.3) < 2, "A4 pages: width"
        assert abs(height - 841.9) < 2, "A4 pages: height"
    page.emulate_media(media="screen")
    expect(sheet, "on screen the sheet is hidden").to_be_hidden()


def assert_summary_links_every_missing_field(page: Page, lang: str) -> list[str]:
    """The error summary shows, focused, with its heading and one link per required field left
    empty, in form order, each naming its section and problem; every listed field is marked
    invalid with its error shown, and a link moves the focus to its field. Returns the ids."""
    summary = page.locator("[data-error-summary]")
    expect(summary, "the error summary shows").to_be_visible()
    expect(summary.locator("h2"), "its heading").to_have_text(t(lang, "summary.title"))
    assert page.evaluate("document.activeElement.id") == "wego-app-summary", "it has the focus"
    required = page.eval_on_selector_all(
        "[data-field][required]", "els => els.filter(e => !e.value).map(e => e.id)"
    )
    links = summary.locator("a")
    targets = links.evaluate_all("links => links.map(a => a.dataset.target)")
    assert targets == required, "one link per empty required field, in form order"
    first = page.locator(f"#{required[0]}")
    assert links.first.text_content() == t(
        lang,
        "summary.item",
        section=t(lang, "section_short.city"),
        message=t(lang, "error.required", label=first.get_attribute("data-label") or ""),
    ), "a link names the section and the problem"
    marked = page.evaluate(
        """ids => ids.filter(id => document.getElementById(id).getAttribute('aria-invalid')
            !== 'true' || !document.getElementById(id + '-error').checkVisibility())""",
        targets,
    )
    assert marked == [], "every listed field is marked invalid and shows its error"
    for index in (0, len(targets) // 2, len(targets) - 1):
        links.nth(index).click()
        assert page.evaluate("document.activeElement.id") == targets[index], "a link focuses"
    return targets


def assert_fields_are_checked_when_left(page: Page, lang: str) -> None:
    """Format errors show when a field is left, not while typing, in the page's language, and
    clear when the field is fixed and left; a term's end before its start is an error."""

    def error_of(name: str) -> Locator:
        return page.locator(f"#wego-app-{name.replace('_', '-')}-error")

    cases = [
        ("mayor_email", "mayor@ulmeria", "error.email", "mayor@ulmeria.ru"),
        ("mayor_phone", "8 (8422) 58-93-43", "error.tel", "+7 8422 58-93-43"),
        ("city_website", "not a site", "error.url", "www.ulmeria.ru"),
    ]
    for name, wrong, key, right in cases:
        page.fill(f"[data-field='{name}']", wrong)
        expect(error_of(name), f"{name}: no error while typing").to_be_hidden()
        page.keyboard.press("Tab")
        expect(error_of(name), f"{name}: the error once left").to_have_text(
            t(lang, "error.prefix") + " " + t(lang, key), use_inner_text=False
        )
        page.fill(f"[data-field='{name}']", right)
        expect(error_of(name), f"{name}: still shown until left").to_be_visible()
        page.keyboard.press("Tab")
        expect(error_of(name), f"{name}: cleared once fixed and left").to_be_hidden()

    page.fill("[data-field='mayor_term_start']", "2020-05")
    page.fill("[data-field='mayor_term_end']", "2019-05")
    page.focus("[data-field='city_official_name']")
    expect(error_of("mayor_term_end"), "an end before the start").to_contain_text(
        t(lang, "error.term_order")
    )
    page.fill("[data-field='mayor_term_end']", "2025-05")
    page.focus("[data-field='city_official_name']")
    expect(error_of("mayor_term_end"), "the term fixed").to_be_hidden()
    assert page.locator("[data-error-summary]").is_hidden(), "no summary before a check"


def assert_a_phone_extension_is_no_error(page: Page, number: str) -> None:
    """An extension after an international number passes once the field is left."""
    page.fill("[data-field='mayor_phone']", number)
    page.keyboard.press("Tab")
    expect(page.locator("#wego-app-mayor-phone-error"), number).to_be_hidden()
    expect(page.locator("[data-field='mayor_phone']"), number).not_to_have_attribute(
        "aria-invalid", "true"
    )


def assert_a_complete_form_passes(page: Page, lang: str) -> None:
    """A complete form shows no errors on submit and says what to do next."""
    fill_fast(page, SAMPLES[lang])
    page.click("button[type=submit]")
    expect(page.locator("[data-check-status]"), "the check passes").to_have_text(
        t(lang, "check.ok")
    )
    assert page.locator("[data-error-summary]").is_hidden(), "no summary"
    assert page.locator("[aria-invalid=true]").count() == 0, "no field marked invalid"


# ---------------------------------------------------------------- keeping the draft


def test_a_russian_draft_is_mailed_printed_and_taken_to_english(visit, site):
    """On a fresh Russian page the country is «Россия» and the privacy note says how the draft
    is kept. Typed in, the draft makes a shortened e-mail that names what it left out and
    prints as the form sheet on A4; the language selector takes it whole to the English page
    (a new load that reads it from the browser's storage: the way back is the same code)."""
    page = visit.page
    open_form(page, site, "ru")
    country = page.locator("[data-field='city_country']")
    expect(country, "the Russian page's country").to_have_value("Россия")
    assert country.is_editable(), "the country can be changed"
    expect(
        page.locator(".wego-app__privacy"), "with the script, how the draft is kept"
    ).to_have_text(t("ru", "privacy") + " " + t("ru", "privacy_draft"))

    values = SAMPLES["ru"]
    fill_fast(page, values)
    href, query = mail_parts(page)
    assert len(href) <= MAIL_LIMIT, "the e-mail link fits the limit"
    assert re.fullmatch(r"[\x21-\x7e]+", href), "the link is fully percent-encoded"
    body = query["body"][0]
    assert t("en", "mail.shortened") in body, "the e-mail (in English) says it is shortened"
    assert t("en", "mail.attachment") in body
    assert "the full form is in the attached print or file" in body
    for name in ("secretariat_email", "secretariat_phone", "city_country", "city_official_name"):
        assert values[name] in body, f"the shortened e-mail keeps {name}"
    assert values["city_official_name"] in query["subject"][0], "the subject names the city"
    intro = t("en", "mail.omitted", fields="")[:-1]
    note = next(line for line in body.split("\r\n") if line.startswith(intro))
    left_out = [name for name, value in values.items() if f": {value}" not in body]
    assert left_out, "the Russian sample no longer needs shortening"
    for name in left_out:
        label = page.get_attribute(f"[data-field='{name}']", "data-mail-label") or ""
        section = CATALOGUE["en"][f"form.section_short.{name.split('_')[0]}"]
        assert f"{section} (" in note or (f"{section}: " in note and label in note), (name, note)
    expect(page.locator("[data-mail-shortened]"), "the page says so too").to_be_visible()
    expect(page.get_by_text("+82 (0)2 720 2939").first, "with the phone instead").to_be_visible()

    assert_prints_the_sheet_on_a4(page, "ru", expected(values))

    switch_language(page, site, "en")
    assert form_values(page) == expected(values), "the draft follows, every value from storage"


def test_an_english_draft_mirrors_the_office_survives_a_closed_tab_and_prints(visit, site):
    """On a fresh English page the country is empty. Ticked, «same as the Mayor's office»
    copies that contact into section 5 and keeps it in step; the whole draft, the tick with
    it, comes back in a new tab after the first is closed (from the browser's storage, as the
    language selector's new page reads it: the Russian journey above), and prints as the form
    sheet on A4."""
    page = visit.page
    open_form(page, site, "en")
    country = page.locator("[data-field='city_country']")
    expect(country, "the English page's country").to_have_value("")
    assert country.is_editable(), "the country can be typed"

    office = {k: v for k, v in SAMPLES["en"].items() if k.startswith("office_")}
    fill_fast(page, office)
    page.check("[data-field='secretariat_same_as_office']")
    for key, value in office.items():
        mirror = page.locator(f"[data-field='{key.replace('office_', 'secretariat_')}']")
        expect(mirror, f"{key} copied").to_have_value(value)
        expect(mirror, f"{key}'s copy read-only").to_have_attribute("readonly", "")
    page.fill("[data-field='office_name']", "Anna Petrova-Smirnova")
    expect(page.locator("[data-field='secretariat_name']"), "the copy in step").to_have_value(
        "Anna Petrova-Smirnova"
    )
    rest = {k: v for k, v in SAMPLES["en"].items() if not k.startswith(("office_", "secretariat_"))}
    fill_fast(page, rest)
    before = form_values(page)
    office_now = {**office, "office_name": "Anna Petrova-Smirnova"}
    copies = {k.replace("office_", "secretariat_"): v for k, v in office_now.items()}
    assert before == expected({**SAMPLES["en"], **office_now, **copies}, same_as=True), (
        "what was typed, with the copies"
    )

    second = page.context.new_page()
    page.close()
    open_form(second, site, "en")
    assert form_values(second) == before, "the draft comes back in a new tab"
    expect(second.locator("[data-field='secretariat_same_as_office']")).to_be_checked()
    assert_prints_the_sheet_on_a4(second, "en", before)


def test_a_downloaded_draft_loads_back_after_start_again_and_bad_files_change_nothing(
    visit, site, tmp_path
):
    """The downloaded JSON draft holds the form's values exactly; «Начать заново» asks first
    (declined, nothing changes; accepted, form and saved draft are emptied); the file, loaded
    into the emptied form, gives identical values. Then a file that is not a draft of this form
    is refused with its reason, and the form and saved draft stay as they were (which file is
    refused for what: tests/js/application/draft-files.test.mjs)."""
    page = visit.page
    open_form(page, site, "ru")
    fill_fast(page, {**SAMPLES["ru"], "mayor_name": 'Иванов "И." \\ Иван\tИванович'})
    page.check("[data-field='secretariat_same_as_office']")
    before = form_values(page)
    with page.expect_download() as info:
        page.click("[data-action=download]")
    path = tmp_path / info.value.suggested_filename
    assert path.suffix == ".json", "a JSON file"
    info.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["fields"] == before, "the file holds all"

    questions: list[str] = []

    def answer(accept: bool) -> Callable[[Dialog], None]:
        def handler(dialog: Dialog) -> None:
            questions.append(dialog.message)
            if accept:
                dialog.accept()
            else:
                dialog.dismiss()

        return handler

    page.once("dialog", answer(accept=False))
    page.click("[data-action=reset]")
    assert questions == [t("ru", "confirm.reset")], "«Начать заново» asks first"
    assert form_values(page) == before, "declined, nothing changes"
    page.once("dialog", answer(accept=True))
    page.click("[data-action=reset]")
    expect(page.locator("[data-notice]"), "accepted, it says so").to_have_text(
        t("ru", "notice.cleared")
    )
    assert stored(page) is None, "the saved draft is deleted"
    emptied = form_values(page)
    assert emptied.pop("city_country") == "Россия", "the country is back to its default"
    assert set(emptied.values()) <= {"", False}, "every other field is empty"

    page.set_input_files("#wego-app-load", str(path))
    expect(page.locator("[data-notice]"), "the file is loaded").to_have_text(
        t("ru", "notice.loaded", file=path.name)
    )
    assert form_values(page) == before, "the file gives identical values"
    assert json.loads(stored(page) or "{}")["fields"] == before, "and they are saved"

    saved = stored(page)
    notice = page.locator("[data-notice]")
    png = b"\x89PNG\r\n\x1a\n\x00\x00"
    phone = t("ru", "field.phone")
    refused = [  # one file per message; every reason: tests/js/application/draft-files.test.mjs
        ("photo.json", png, t("ru", "file.not_json", file="photo.json")),
        (
            "future.json",
            _draft({"city_official_name": "X"}, version=2),
            t("ru", "file.foreign", file="future.json"),
        ),
        (
            "type.json",
            _draft({"city_official_name": "X", "mayor_phone": 78422}),
            t("ru", "file.bad_value", file="type.json", label=phone),
        ),
        (
            f"{XSS}.json",
            json.dumps({"format": XSS, "fields": {}}).encode(),
            t("ru", "file.foreign", file=f"{XSS}.json"),
        ),
    ]
    for name, content, message in refused:
        refused_file = tmp_path / name
        refused_file.write_bytes(content)
        page.set_input_files("#wego-app-load", str(refused_file))
        expect(notice, name).to_have_text(message)
        assert notice.text_content() == message, f"{name}: why, as text"
        assert notice.get_attribute("data-kind") == "error", f"{name}: said as an error"
        assert form_values(page) == before, f"{name}: the form is unchanged"
        assert stored(page) == saved, f"{name}: the saved draft is unchanged"
    assert page.evaluate("window.__xss") is None, "a file name's markup never runs"


# ---------------------------------------------------------------- checks


def test_russian_checks_on_a_phone_then_a_complete_form_then_markup_stays_text(
    visit, site, tmp_path
):
    """On a phone, «Проверить форму» on the empty Russian form brings the error summary's
    heading to the top of the screen; the summary lists every missing required field and links
    to it. A number with «доб.» then clears the phone's error, and the complete form passes.
    Then markup typed into every field, and a draft file with markup loaded over it, stay text
    (``assert_markup_typed_or_loaded_stays_text``)."""
    page = visit.page
    open_form(page, site, "ru")
    screen = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    page.click("button[type=submit]")
    expect(page.locator("[data-error-summary]"), "the summary takes the focus").to_be_focused()
    # Scrolling may be smooth: wait until it settles with the heading below the header.
    page.wait_for_function(
        """() => {
            const title = document.getElementById('wego-app-summary-title');
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const box = title.getBoundingClientRect();
            return box.top >= header.bottom && box.bottom <= window.innerHeight;
        }""",
        timeout=ms(STEP),
    )
    first = page.locator("[data-error-list] li").first.bounding_box()
    assert first is not None
    assert first["y"] + first["height"] <= 844, "its first item on screen"
    if screen is not None:
        page.set_viewport_size(screen)
    assert len(assert_summary_links_every_missing_field(page, "ru")) == 22

    assert_a_phone_extension_is_no_error(page, "+7 8422 58-93-43 доб. 123")
    assert_a_complete_form_passes(page, "ru")
    assert_markup_typed_or_loaded_stays_text(visit, tmp_path)


def test_english_checks_when_fields_are_left_then_print_checks_first(visit, site):
    """On the English page fields are checked when left; an extension ("ext. 123") is no
    error. «Print» checks first: with problems it shows the summary and offers "Print anyway",
    which prints; complete, it prints at once, and the check passes."""
    page = visit.page
    open_form(page, site, "en")
    count_prints(page)
    assert_fields_are_checked_when_left(page, "en")
    assert_a_phone_extension_is_no_error(page, "+1 202 555 0100 ext. 123")

    page.click("[data-action=print]")
    targets = assert_summary_links_every_missing_field(page, "en")
    assert "wego-app-city-country" in targets, "the English page's country is missing"
    assert page.evaluate("window.__printed") == 0, "not printed with problems"
    page.click("[data-action=print-anyway]")
    assert page.evaluate("window.__printed") == 1, "printed anyway"
    fill_fast(page, SAMPLES["en"])
    page.click("[data-action=print]")
    assert page.evaluate("window.__printed") == 2, "complete, printed at once"
    assert_a_complete_form_passes(page, "en")


# ---------------------------------------------------------------- safety and sending


def assert_markup_typed_or_loaded_stays_text(visit: Visit, tmp_path: Path) -> None:
    """On the Russian page: markup typed into every text field (over what was there) is shown
    as text in print and in the e-mail; a draft file with markup, loaded over what was typed,
    asks first and is shown as text; none of it runs."""
    page = visit.page
    texts = page.eval_on_selector_all(
        "[data-field]:not([type=checkbox]):not([type=month])",
        "els => els.map(e => [e.dataset.field, e.maxLength])",
    )
    payloads = {name: XSS if limit >= len(XSS) else "<b>x</b>" for name, limit in texts}
    fill_fast(page, payloads)
    page.click("button[type=submit]")
    page.emulate_media(media="print")
    sheet = page.locator("[data-print-sheet]").inner_text()
    assert sheet.count(XSS) >= len([p for p in payloads.values() if p == XSS]), "print: as text"
    assert "<b>x</b>" in sheet
    page.emulate_media(media="screen")
    _, query = mail_parts(page)
    assert XSS in query["body"][0], "the e-mail's body: as text"
    assert XSS in query["subject"][0], "the e-mail's subject: as text"

    draft = tmp_path / "draft.json"
    draft.write_bytes(_draft({"city_official_name": XSS, "it_name": XSS}))
    # The fields already hold the same markup, so the question is waited for, not the values.
    with page.expect_event("dialog") as asked:
        page.set_input_files("#wego-app-load", str(draft))
    question = asked.value
    assert question.message == t("ru", "confirm.replace", file="draft.json"), "asked first"
    question.accept()
    other = next(name for name in payloads if name not in {"city_official_name", "it_name"})
    expect(page.locator(f"[data-field='{other}']"), "replaced by the draft").to_have_value("")
    expect(page.locator("[data-field='it_name']"), "the loaded draft").to_have_value(XSS)
    assert XSS in page.locator("[data-print-sheet]").inner_text(), "loaded markup: as text"

    assert page.evaluate("window.__xss") is None, "no markup ran"
    assert page.locator("img[src='x'], .wego-app b").count() == 0, "no markup became elements"
    assert not [url for url in visit.requests if url.endswith("/x")], "nothing fetched for it"


def test_english_pastes_are_cleaned_and_the_mail_link_is_whole_then_shortened(visit, site):
    """A NUL pasted into a field is dropped and the field says so (the e-mail link has no %00);
    a paste cut by a field's limit is said; with short answers the e-mail link holds the whole
    form, with long ones it stays under the limit, keeps the essentials and says so."""
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    open_form(page, site, "en")
    city = page.locator("[data-field='city_official_name']")
    page.evaluate("text => navigator.clipboard.writeText(text)", "Ka\u0000zan")
    city.focus()
    page.keyboard.press("Control+V")
    expect(city, "the NUL is dropped").to_have_value("Kazan")
    stripped = page.locator("#wego-app-city-official-name-stripped")
    expect(stripped, "the field says so").to_have_text(t("en", "stripped.note"))
    assert "wego-app-city-official-name-stripped" in (city.get_attribute("aria-describedby") or "")
    href, query = mail_parts(page)
    assert "%00" not in href, "the e-mail link has no NUL"
    assert "Kazan" in query["subject"][0], "the e-mail has the name cleaned"
    assert json.loads(stored(page) or "{}")["fields"]["city_official_name"] == "Kazan"
    page.keyboard.type("!")
    expect(city).to_have_value("Kazan!")
    expect(stripped, "the note goes with the next keystroke").to_be_hidden()

    postcode = page.locator("[data-field='city_postcode']")
    limit = int(postcode.get_attribute("maxlength") or 0)
    pasted = "4320171234567890123456789"
    assert len(pasted) > limit
    page.evaluate("text => navigator.clipboard.writeText(text)", pasted)
    postcode.focus()
    page.keyboard.press("Control+V")
    expect(postcode, "the browser cuts the paste").to_have_value(pasted[:limit])
    cut = page.locator("#wego-app-city-postcode-cut")
    expect(cut, "the page says so").to_have_text(
        t("en", "cut.note", max=str(limit), length=str(len(pasted)))
    )
    assert "wego-app-city-postcode-cut" in (postcode.get_attribute("aria-describedby") or "")
    postcode.fill("432017")
    expect(cut, "the note goes once the value fits").to_be_hidden()

    short = {
        "city_official_name": "Ulyanovsk",
        "city_country": "Russia",
        "mayor_name": "I. Ivanov",
        "mayor_term_start": "2018-09",
        "secretariat_name": "M. Sokolova",
        "secretariat_email": "m@ulmeria.ru",
        "secretariat_phone": "+7 8422 42-00-04",
    }
    fill_fast(page, short)
    href, query = mail_parts(page)
    assert len(href) <= MAIL_LIMIT
    assert re.fullmatch(r"[\x21-\x7e]+", href), "the link must be fully percent-encoded"
    assert set(query) == {"subject", "body"}
    assert query["subject"] == [t("en", "mail.subject", city="Ulyanovsk")]
    body = query["body"][0]
    assert body.startswith(t("en", "mail.greeting"))
    assert "\r\n" in body
    assert "Start of the term of office: 09/2018" in body
    for value in short.values():
        assert value in body or value == "2018-09", f"the whole e-mail holds {value}"
    assert t("en", "mail.attachment") in body
    assert t("en", "mail.shortened") not in body, "short answers: not shortened"
    expect(page.locator("[data-mail-shortened]")).to_be_hidden()

    long_values = {
        name: (value + " — длинное значение поля" * 6)[:200]
        if name.endswith(("_name", "_position", "_department", "government_body"))
        else value
        for name, value in SAMPLES["en"].items()
    }
    fill_fast(page, long_values)
    href, query = mail_parts(page)
    assert len(href) <= MAIL_LIMIT, "long answers: still under the limit"
    assert re.fullmatch(r"[\x21-\x7e]+", href)
    body = query["body"][0]
    assert t("en", "mail.shortened") in body, "and says it is shortened"
    assert t("en", "mail.attachment") in body
    for name in ("secretariat_email", "secretariat_phone", "city_country"):
        assert long_values[name] in body, f"the shortened e-mail keeps {name}"
    assert long_values["city_official_name"][:40] in body
    assert long_values["city_official_name"][:40] in query["subject"][0]
    expect(page.locator("[data-mail-shortened]"), "the page says so").to_be_visible()
    expect(page.get_by_text("+82 (0)2 720 2939").first).to_be_visible()


# ---------------------------------------------------------------- a stored draft that does not fit


def test_a_russian_draft_partly_set_aside_is_said_kept_downloaded_and_discarded(
    visit, site, tmp_path
):
    """A stored draft with a postcode too long and a control character in the name: the rest is
    applied (the name without the character, which the field says), the notice names the
    postcode; axe-core passes the page with the notice and the error summary showing. The
    stored text stays untouched under its own key while typing is saved and survives a reload;
    declining «Удалить отложенный черновик» keeps it; it downloads exactly, and goes only when
    discarded. (What each kind of field keeps: tests/js/application/draft.test.mjs; what the
    notice says for each: set-aside-notice.test.mjs.)"""
    original = _stored_draft({"city_official_name": "Ka\u0001zan", "city_postcode": "4" * 500})
    page = visit.page
    seed_storage(page, {STORAGE_KEY: original})
    open_form(page, site, "ru")
    panel = page.locator("[data-set-aside-panel]")
    expect(panel, "the notice shows").to_be_visible()
    expect(page.locator("[data-set-aside-text]")).to_have_text(t("ru", "set_aside.partial"))
    expect(page.locator("[data-set-aside-list] li"), "it names the postcode").to_have_text(
        [_set_aside_item("ru", "field.postcode", "too_long", "20")]
    )
    assert page.get_attribute("[data-set-aside]", "aria-live") == "polite", "announced politely"
    official_name = page.locator("[data-field='city_official_name']")
    expect(official_name, "the rest applied, the character dropped").to_have_value("Kazan")
    expect(page.locator("#wego-app-city-official-name-stripped")).to_have_text(
        t("ru", "stripped.note")
    )
    assert "%01" not in mail_parts(page)[0], "the e-mail has no control character"
    page.click("button[type=submit]")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert axe_violations(page) == [], "axe-core: the notice and the error summary showing"

    page.fill("[data-field='city_government_body']", "Kazan City Executive Committee")
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") == original, "untouched"
    assert json.loads(stored(page) or "{}")["fields"]["city_government_body"] == (
        "Kazan City Executive Committee"
    ), "typing is saved"
    page.reload()
    page.wait_for_selector(READY, state="attached")
    expect(panel, "after a reload, still offered").to_be_visible()
    expect(page.locator("[data-field='city_government_body']"), "and typing kept").to_have_value(
        "Kazan City Executive Committee"
    )

    questions: list[str] = []

    def decline(dialog: Dialog) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    page.click("[data-action=set-aside-discard]")
    assert questions == [t("ru", "confirm.discard_set_aside")], "discarding asks first"
    expect(panel, "declined, the notice stays").to_be_visible()
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") == original, "and the text"

    with page.expect_download() as info:
        page.click("[data-action=set-aside-download]")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.startswith("wego-application-draft-set-aside-")
    assert path.read_text(encoding="utf-8") == original, "the download is the stored text"

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=set-aside-discard]")
    expect(page.locator("[data-notice]")).to_have_text(t("ru", "notice.set_aside_discarded"))
    expect(panel, "discarded, the notice goes").to_be_hidden()
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") is None, "and the text"
    expect(official_name, "the form keeps what was applied").to_have_value("Kazan")


def test_a_second_english_set_aside_draft_waits_its_turn_in_the_dark_palette(visit, site):
    """With an unreadable draft already set aside, a second one (a field this form lacks) is
    shown first, and typing is not saved over it (the page says so); axe-core's colour rules
    pass the dark palette with the notice and the error summary showing; discarding it brings
    the earlier one up, said whole, and what was typed is saved."""
    first = '{"format": "wego-membership-application-draft", "fields": {"city_'
    second = _stored_draft({"city_official_name": "Kazan", "city_population": "1 300 000"})
    page = visit.page
    page.emulate_media(color_scheme="dark")
    seed_storage(page, {SET_ASIDE_KEY: first, STORAGE_KEY: second})
    open_form(page, site, "en")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "the dark palette"
    text = page.locator("[data-set-aside-text]")
    items = page.locator("[data-set-aside-list] li")
    expect(text).to_have_text(t("en", "set_aside.partial"))
    expect(items, "the second draft first").to_have_text(
        [_set_aside_item("en", None, "unknown", "0")]
    )
    expect(page.locator("[data-field='city_official_name']")).to_have_value("Kazan")
    page.click("button[type=submit]")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert axe_violations(page, rules=COLOUR_RULES) == [], "axe-core: colours in the dark"

    page.fill("[data-field='city_government_body']", "Kazan City Executive Committee")
    expect(page.locator("[data-notice]"), "saving waits").to_have_text(
        t("en", "notice.saving_held")
    )
    assert stored(page) == second, "the second draft is not written over"

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=set-aside-discard]")
    expect(text, "the earlier draft comes up").to_have_text(t("en", "set_aside.whole.not_json"))
    expect(items, "set aside whole: no list").to_have_count(0)
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") == first
    assert json.loads(stored(page) or "{}")["fields"]["city_government_body"] == (
        "Kazan City Executive Committee"
    ), "what was typed is saved now"


# ---------------------------------------------------------------- no script


def test_without_javascript_the_form_prints_by_hand_and_promises_nothing(browser, site):
    """With JavaScript off every field is still on the page and prints as a blank form, and the
    page speaks of no saved draft and no "Start again" (the markup's script-only parts:
    tests/sitebuild/test_application_form.py, in both languages)."""
    with other_browser(browser, site, java_script_enabled=False) as page:
        page.goto(site.url("en", SLUG))
        assert page.locator("[data-field]").count() == 32, "every field"
        expect(page.locator("[data-field='mayor_email']")).to_be_visible()
        expect(page.locator("button[type=submit]"), "no check without the script").to_be_hidden()
        expect(page.locator(".wego-app__noscript")).to_have_text(t("en", "noscript"))
        expect(page.locator(".wego-app__privacy"), "no word of a kept draft").to_have_text(
            t("en", "privacy"), use_inner_text=True
        )
        form_text = page.locator("#wego-application-form").inner_text()
        for key in ("draft.reset", "privacy_draft", "draft.autosave"):
            assert t("en", key) not in form_text, key
        page.emulate_media(media="print")
        expect(page.locator("[data-print-sheet]"), "a blank sheet to print").to_be_visible()
        assert page.locator("[data-print-sheet] h3").count() == 5, "its five sections"
