"""The Membership Application Form on the application page, in both languages, in Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from .axe import COLOUR_RULES, axe_violations
from .conftest import Site, record_page
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


def fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.fill(f"[data-field='{name}']", value)


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


# ---------------------------------------------------------------- keeping the draft


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_value_survives_a_reload(visit, site, lang):
    """Every field filled in comes back after a reload, from the browser's storage."""
    page = visit.page
    open_form(page, site, lang)
    fill(page, SAMPLES[lang])
    page.reload()
    page.wait_for_selector(READY, state="attached")
    assert form_values(page) == expected(SAMPLES[lang])


def test_the_draft_survives_a_closed_tab(visit, site):
    """A tab closed and a new one opened on the page in the same browser gets the draft back."""
    open_form(visit.page, site, "en")
    fill_fast(visit.page, SAMPLES["en"])
    second = visit.page.context.new_page()
    visit.page.close()
    open_form(second, site, "en")
    assert form_values(second) == expected(SAMPLES["en"])


@pytest.mark.parametrize(("start", "other"), [("ru", "en"), ("en", "ru")])
def test_values_follow_the_language_selector(visit, site, start, other):
    """Switching language with the header's selector opens the other page with the same draft."""
    page = visit.page
    open_form(page, site, start)
    fill_fast(page, SAMPLES[start])
    page.hover(".md-header .md-select")
    page.click(f".md-select a[hreflang='{other}']")
    page.wait_for_url(site.url(other, SLUG))
    page.wait_for_selector(READY, state="attached")
    assert page.locator("html").get_attribute("lang") == other
    assert form_values(page) == expected(SAMPLES[start])


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_country_default_follows_the_page_language(visit, site, lang):
    """The country is «Россия» on a fresh Russian page and empty on the English one, editable."""
    page = visit.page
    open_form(page, site, lang)
    country = page.locator("[data-field='city_country']")
    expect(country).to_have_value("Россия" if lang == "ru" else "")
    assert country.is_editable()


def test_downloaded_draft_loads_identically_in_a_fresh_browser(visit, site, browser, tmp_path):
    """The downloaded JSON draft, loaded into a new browser context, gives identical values."""
    page = visit.page
    open_form(page, site, "ru")
    fill_fast(page, {**SAMPLES["ru"], "mayor_name": 'Иванов "И." \\ Иван\tИванович'})
    page.check("[data-field='secretariat_same_as_office']")
    before = form_values(page)
    with page.expect_download() as info:
        page.click("[data-action=download]")
    download = info.value
    assert download.suggested_filename.endswith(".json")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    draft = json.loads(path.read_text(encoding="utf-8"))
    assert draft["fields"] == before

    with other_browser(browser, site, locale="en-GB") as fresh:
        open_form(fresh, site, "en")
        assert stored(fresh) is None
        fresh.set_input_files("#wego-app-load", str(path))
        expect(fresh.locator("[data-notice]")).to_have_text(
            t("en", "notice.loaded", file=path.name)
        )
        assert form_values(fresh) == before
        assert json.loads(stored(fresh) or "{}")["fields"] == before


def _draft(fields: dict[str, object], **top: object) -> bytes:
    data = {"format": "wego-membership-application-draft", "version": 1, "fields": fields}
    return json.dumps({**data, **top}).encode()


REFUSED = [
    ("broken.json", b'{"format": "wego-membership-application-draft", "fields": {', "not_json"),
    ("photo.json", b"\x89PNG\r\n\x1a\n\x00\x00", "not_json"),
    ("other.json", json.dumps({"name": "something else"}).encode(), "foreign"),
    ("list.json", b"[1, 2, 3]", "foreign"),
    ("future.json", _draft({"city_official_name": "X"}, version=2), "foreign"),
    ("extra.json", _draft({"city_official_name": "X", "password": "y"}), "foreign"),
    ("month.json", _draft({"city_official_name": "X", "mayor_term_start": "soon"}), "bad_value"),
    ("type.json", _draft({"city_official_name": "X", "mayor_phone": 78422}), "bad_value"),
    ("long.json", _draft({"city_official_name": "X", "city_postcode": "1" * 500}), "bad_value"),
]


def test_a_malformed_or_foreign_draft_is_refused_and_nothing_changes(visit, site, tmp_path):
    """A bad draft file is refused with a clear message; form and saved draft stay as they were."""
    page = visit.page
    open_form(page, site, "en")
    fill_fast(page, SAMPLES["en"])
    before, saved = form_values(page), stored(page)
    notice = page.locator("[data-notice]")
    for name, content, reason in REFUSED:
        path = tmp_path / name
        path.write_bytes(content)
        page.set_input_files("#wego-app-load", str(path))
        expect(notice).to_contain_text(f"“{name}” was not loaded")
        assert notice.get_attribute("data-kind") == "error"
        if reason == "bad_value":
            label = {"month": "term_start", "type": "phone", "long": "postcode"}[name[:-5]]
            message = t("en", "file.bad_value", file=name, label=t("en", f"field.{label}"))
        else:
            message = t("en", f"file.{reason}", file=name)
        assert notice.text_content() == message, name
        assert form_values(page) == before, name
        assert stored(page) == saved, name


def test_start_again_asks_first_then_clears_everything(visit, site):
    """'Start again' asks for confirmation; declined keeps the draft, accepted clears it."""
    page = visit.page
    open_form(page, site, "ru")
    fill_fast(page, SAMPLES["ru"])
    messages: list[str] = []

    def answer(accept: bool):
        def handler(dialog):
            messages.append(dialog.message)
            if accept:
                dialog.accept()
            else:
                dialog.dismiss()

        return handler

    page.once("dialog", answer(accept=False))
    page.click("[data-action=reset]")
    assert messages == [t("ru", "confirm.reset")]
    assert form_values(page) == expected(SAMPLES["ru"])

    page.once("dialog", answer(accept=True))
    page.click("[data-action=reset]")
    expect(page.locator("[data-notice]")).to_have_text(t("ru", "notice.cleared"))
    assert stored(page) is None
    values = form_values(page)
    assert values.pop("city_country") == "Россия"
    assert set(values.values()) <= {"", False}


def test_same_as_the_mayors_office_contact(visit, site):
    """The tick copies the Mayor's office contact into section 5 and keeps it in step."""
    page = visit.page
    open_form(page, site, "en")
    office = {k: v for k, v in SAMPLES["en"].items() if k.startswith("office_")}
    fill_fast(page, office)
    page.check("[data-field='secretariat_same_as_office']")
    for key, value in office.items():
        mirror = page.locator(f"[data-field='{key.replace('office_', 'secretariat_')}']")
        expect(mirror).to_have_value(value)
        expect(mirror).to_have_attribute("readonly", "")
    page.fill("[data-field='office_name']", "Anna Petrova-Smirnova")
    expect(page.locator("[data-field='secretariat_name']")).to_have_value("Anna Petrova-Smirnova")
    page.reload()
    page.wait_for_selector(READY, state="attached")
    expect(page.locator("[data-field='secretariat_same_as_office']")).to_be_checked()
    expect(page.locator("[data-field='secretariat_name']")).to_have_value("Anna Petrova-Smirnova")


# ---------------------------------------------------------------- checks


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_error_summary_lists_missing_fields_and_links_to_them(visit, site, lang):
    """On submit the summary lists every missing required field; each link focuses its field."""
    page = visit.page
    open_form(page, site, lang)
    page.click("button[type=submit]")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary.locator("h2")).to_have_text(t(lang, "summary.title"))
    assert page.evaluate("document.activeElement.id") == "wego-app-summary"

    required = page.eval_on_selector_all(
        "[data-field][required]", "els => els.filter(e => !e.value).map(e => e.id)"
    )
    links = summary.locator("a")
    targets = [links.nth(i).get_attribute("data-target") for i in range(links.count())]
    assert targets == required
    assert len(required) == (22 if lang == "ru" else 23)
    first = page.locator(f"#{required[0]}")
    label = first.get_attribute("data-label") or ""
    assert links.first.text_content() == t(
        lang,
        "summary.item",
        section=t(lang, "section_short.city"),
        message=t(lang, "error.required", label=label),
    )
    for index, target in enumerate(targets):
        links.nth(index).click()
        assert page.evaluate("document.activeElement.id") == target
        expect(page.locator(f"#{target}")).to_have_attribute("aria-invalid", "true")
        expect(page.locator(f"#{target}-error")).to_be_visible()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_fields_are_checked_when_left_not_while_typing(visit, site, lang):
    """Format errors show when leaving a field, in the page's language, and clear when fixed."""
    page = visit.page
    open_form(page, site, lang)

    def error_of(name: str):
        return page.locator(f"#wego-app-{name.replace('_', '-')}-error")

    cases = [
        ("mayor_email", "mayor@ulmeria", "error.email", "mayor@ulmeria.ru"),
        ("mayor_phone", "8 (8422) 58-93-43", "error.tel", "+7 8422 58-93-43"),
        ("city_website", "not a site", "error.url", "www.ulmeria.ru"),
    ]
    for name, wrong, key, right in cases:
        page.fill(f"[data-field='{name}']", wrong)
        expect(error_of(name)).to_be_hidden()
        page.keyboard.press("Tab")
        expect(error_of(name)).to_have_text(
            t(lang, "error.prefix") + " " + t(lang, key), use_inner_text=False
        )
        page.fill(f"[data-field='{name}']", right)
        expect(error_of(name)).to_be_visible()  # still shown until the field is left
        page.keyboard.press("Tab")
        expect(error_of(name)).to_be_hidden()

    page.fill("[data-field='mayor_term_start']", "2020-05")
    page.fill("[data-field='mayor_term_end']", "2019-05")
    page.focus("[data-field='city_official_name']")
    expect(error_of("mayor_term_end")).to_contain_text(t(lang, "error.term_order"))
    page.fill("[data-field='mayor_term_end']", "2025-05")
    page.focus("[data-field='city_official_name']")
    expect(error_of("mayor_term_end")).to_be_hidden()
    assert page.locator("[data-error-summary]").is_hidden()


def test_a_complete_form_passes_the_check(visit, site):
    """A complete form shows no errors on submit and says what to do next."""
    page = visit.page
    open_form(page, site, "en")
    fill_fast(page, SAMPLES["en"])
    page.click("button[type=submit]")
    expect(page.locator("[data-check-status]")).to_have_text(t("en", "check.ok"))
    assert page.locator("[data-error-summary]").is_hidden()
    assert page.locator("[aria-invalid=true]").count() == 0


def test_print_with_errors_shows_the_summary_and_can_print_anyway(visit, site):
    """Print checks first; with problems it offers 'Print anyway', which prints."""
    page = visit.page
    open_form(page, site, "en")
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    page.click("[data-action=print]")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.evaluate("window.__printed") == 0
    page.click("[data-action=print-anyway]")
    assert page.evaluate("window.__printed") == 1
    fill_fast(page, SAMPLES["en"])
    page.click("[data-action=print]")
    assert page.evaluate("window.__printed") == 2


# ---------------------------------------------------------------- print


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


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_print_is_the_form_sheet_on_one_to_three_a4_pages(visit, site, lang):
    """Printed, the page is the form sheet, every typed value and the agreement with the city,
    on one to three A4 pages."""
    page = visit.page
    open_form(page, site, lang)
    values = SAMPLES[lang]
    fill_fast(page, values)
    page.emulate_media(media="print")
    sheet = page.locator("[data-print-sheet]")
    expect(sheet).to_be_visible()
    expect(page.locator("#wego-application-form")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("article h1")).to_be_hidden()
    text = squash(sheet.inner_text())
    for name, value in values.items():
        shown = month(lang, value) if name.startswith("mayor_term") else value
        assert squash(shown) in text, name
    city = values["city_official_name"]
    assert f"{city} agrees to follow the WeGO Charter and become a member of WeGO." in text
    assert CATALOGUE["en"]["form.print.seal"] in text
    if lang == "ru":
        assert f"{city} согласен(на) следовать Уставу WeGO и стать членом WeGO." in text
        assert CATALOGUE["ru"]["form.field.official_name"] in text
    sizes = _pdf_pages(page.pdf(prefer_css_page_size=True))
    assert 1 <= len(sizes) <= 3
    for width, height in sizes:
        assert abs(width - 595.3) < 2
        assert abs(height - 841.9) < 2
    page.emulate_media(media="screen")
    expect(sheet).to_be_hidden()


# ---------------------------------------------------------------- safety and sending


def test_markup_typed_anywhere_stays_text(visit, site, tmp_path):
    """Markup typed into fields or loaded from a draft is shown as text and never runs."""
    page = visit.page
    open_form(page, site, "ru")
    texts = page.eval_on_selector_all(
        "[data-field]:not([type=checkbox]):not([type=month])",
        "els => els.map(e => [e.dataset.field, e.maxLength])",
    )
    payloads = {name: XSS if limit >= len(XSS) else "<b>x</b>" for name, limit in texts}
    fill_fast(page, payloads)
    page.click("button[type=submit]")
    page.emulate_media(media="print")
    sheet = page.locator("[data-print-sheet]").inner_text()
    assert sheet.count(XSS) >= len([p for p in payloads.values() if p == XSS])
    assert "<b>x</b>" in sheet
    page.emulate_media(media="screen")
    _, query = mail_parts(page)
    assert XSS in query["body"][0]
    assert XSS in query["subject"][0]

    path = tmp_path / f"{XSS}.json"
    path.write_text(json.dumps({"format": XSS, "fields": {}}), encoding="utf-8")
    page.set_input_files("#wego-app-load", str(path))
    expect(page.locator("[data-notice]")).to_contain_text(XSS)

    page.click("[data-action=reset]")  # declined: the dialog is dismissed by default
    draft = tmp_path / "draft.json"
    draft.write_bytes(_draft({"city_official_name": XSS, "it_name": XSS}))
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector(READY, state="attached")
    page.once("dialog", lambda dialog: dialog.accept())
    page.set_input_files("#wego-app-load", str(draft))
    expect(page.locator("[data-field='it_name']")).to_have_value(XSS)
    assert XSS in page.locator("[data-print-sheet]").inner_text()

    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x'], .wego-app b").count() == 0
    assert not [url for url in visit.requests if url.endswith("/x")]


def test_mailto_link_carries_the_whole_form_when_it_fits(visit, site):
    """With short answers the e-mail link holds a full plain-text summary, well-formed."""
    page = visit.page
    open_form(page, site, "en")
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
        assert value in body or value == "2018-09"
    assert t("en", "mail.attachment") in body
    assert t("en", "mail.shortened") not in body
    expect(page.locator("[data-mail-shortened]")).to_be_hidden()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_mailto_link_is_shortened_to_fit(visit, site, lang):
    """With long answers the link stays under the limit, keeps the essentials and says so."""
    page = visit.page
    open_form(page, site, lang)
    long_values = {
        name: (value + " — длинное значение поля" * 6)[:200]
        if name.endswith(("_name", "_position", "_department", "government_body"))
        else value
        for name, value in SAMPLES[lang].items()
    }
    fill_fast(page, long_values)
    href, query = mail_parts(page)
    assert len(href) <= MAIL_LIMIT
    assert re.fullmatch(r"[\x21-\x7e]+", href)
    body = query["body"][0]
    assert t("en", "mail.shortened") in body  # the e-mail is in English on both pages
    assert t("en", "mail.attachment") in body
    for name in ("secretariat_email", "secretariat_phone", "city_country"):
        assert long_values[name] in body, name
    assert long_values["city_official_name"][:40] in body
    assert long_values["city_official_name"][:40] in query["subject"][0]
    expect(page.locator("[data-mail-shortened]")).to_be_visible()
    expect(page.get_by_text("+82 (0)2 720 2939").first).to_be_visible()


# ---------------------------------------------------------------- accessibility, no script


@pytest.mark.parametrize(("lang", "scheme"), [("ru", "light"), ("en", "light"), ("en", "dark")])
def test_axe_finds_no_violation_empty_and_with_errors(browser, site, lang, scheme):
    """axe-core passes the page empty and with the error summary showing, in both palettes
    (in dark, its colour rules: the palette changes colours only; see COLOUR_RULES)."""
    rules = COLOUR_RULES if scheme == "dark" else ()
    with other_browser(browser, site, color_scheme=scheme) as page:
        open_form(page, site, lang)
        expected_scheme = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected_scheme
        assert axe_violations(page, rules=rules) == []
        page.click("button[type=submit]")
        expect(page.locator("[data-error-summary]")).to_be_visible()
        assert axe_violations(page, rules=rules) == []


def test_without_javascript_the_form_prints_by_hand_and_promises_nothing(browser, site):
    """With JavaScript off every field is still on the page and prints as a blank form, and the
    page speaks of no saved draft and no «Начать заново»."""
    with other_browser(browser, site, java_script_enabled=False) as page:
        page.goto(site.url("en", SLUG))
        assert page.locator("[data-field]").count() == 32
        expect(page.locator("[data-field='mayor_email']")).to_be_visible()
        expect(page.locator("button[type=submit]")).to_be_hidden()
        expect(page.locator(".wego-app__noscript")).to_have_text(t("en", "noscript"))
        page.emulate_media(media="print")
        expect(page.locator("[data-print-sheet]")).to_be_visible()
        assert page.locator("[data-print-sheet] h3").count() == 5
        page.emulate_media(media="screen")
        page.goto(site.url("ru", SLUG))
        expect(page.locator(".wego-app__privacy")).to_have_text(
            t("ru", "privacy"), use_inner_text=True
        )
        form_text = page.locator("#wego-application-form").inner_text()
        assert t("ru", "draft.reset") not in form_text
        assert t("ru", "privacy_draft") not in form_text
        assert t("ru", "draft.autosave") not in form_text


# ---------------------------------------------------------------- defects seen by new readers


def test_with_javascript_the_draft_is_explained(visit, site):
    """With the script the privacy note adds how the draft is kept and how to delete it."""
    open_form(visit.page, site, "ru")
    expect(visit.page.locator(".wego-app__privacy")).to_have_text(
        t("ru", "privacy") + " " + t("ru", "privacy_draft")
    )


def test_error_summary_heading_is_on_screen_on_a_phone(browser, site):
    """At 390 px, "Check the form" brings the summary's heading to the top of the screen."""
    with other_browser(browser, site, viewport={"width": 390, "height": 844}) as page:
        open_form(page, site, "ru")
        page.click("button[type=submit]")
        expect(page.locator("[data-error-summary]")).to_be_focused()
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
        assert first["y"] + first["height"] <= 844


@pytest.mark.parametrize(
    ("lang", "number"),
    [("ru", "+7 8422 58-93-43 доб. 123"), ("en", "+1 202 555 0100 ext. 123")],
)
def test_a_phone_number_with_an_extension_is_accepted(visit, site, lang, number):
    """An extension («доб. 123», "ext. 123") after an international number is no error."""
    page = visit.page
    open_form(page, site, lang)
    page.fill("[data-field='mayor_phone']", number)
    page.keyboard.press("Tab")
    page.click("button[type=submit]")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    expect(page.locator("#wego-app-mayor-phone-error")).to_be_hidden()
    expect(page.locator("[data-field='mayor_phone']")).not_to_have_attribute("aria-invalid", "true")


def test_a_long_paste_says_it_was_cut(browser, site):
    """Text pasted beyond a field's limit is cut by the browser, and the page says so."""
    with other_browser(browser, site, permissions=["clipboard-read", "clipboard-write"]) as page:
        open_form(page, site, "ru")
        postcode = page.locator("[data-field='city_postcode']")
        limit = int(postcode.get_attribute("maxlength") or 0)
        pasted = "4320171234567890123456789"
        assert len(pasted) > limit
        page.evaluate("text => navigator.clipboard.writeText(text)", pasted)
        postcode.focus()
        page.keyboard.press("Control+V")
        expect(postcode).to_have_value(pasted[:limit])
        note = page.locator("#wego-app-city-postcode-cut")
        expect(note).to_have_text(t("ru", "cut.note", max=str(limit), length=str(len(pasted))))
        assert "wego-app-city-postcode-cut" in (postcode.get_attribute("aria-describedby") or "")
        postcode.fill("432017")
        expect(note).to_be_hidden()


def test_a_shortened_mail_names_the_fields_it_left_out(visit, site):
    """With Cyrillic answers the e-mail says which fields it left out and where they all are."""
    page = visit.page
    open_form(page, site, "ru")
    fill_fast(page, SAMPLES["ru"])
    href, query = mail_parts(page)
    assert len(href) <= MAIL_LIMIT
    body = query["body"][0]
    assert t("en", "mail.shortened") in body
    assert "the full form is in the attached print or file" in body
    intro = t("en", "mail.omitted", fields="")[:-1]
    note = next(line for line in body.split("\r\n") if line.startswith(intro))
    left_out = [name for name, value in SAMPLES["ru"].items() if f": {value}" not in body]
    assert left_out, "the Russian sample no longer needs shortening"
    sections = {
        name: CATALOGUE["en"][f"form.section_short.{name}"]
        for name in ("city", "mayor", "office", "it", "secretariat")
    }
    for name in left_out:
        label = page.get_attribute(f"[data-field='{name}']", "data-mail-label") or ""
        section = sections[name.split("_")[0]]
        assert f"{section} (" in note or (f"{section}: " in note and label in note), (name, note)


# ---------------------------------------------------------------- a stored draft that does not fit

SET_ASIDE_KEY = f"{STORAGE_KEY}-set-aside"


def _stored_draft(fields: dict[str, object]) -> str:
    return _draft(fields).decode()


#: Stored drafts the form cannot take whole: (text, the field kept, the set-aside list as
#: (label key or stored name, reason, max)). A None label key names an unknown field by its name.
BAD_STORED = {
    "too_long": (
        _stored_draft({"city_official_name": "Kazan", "city_postcode": "4" * 500}),
        True,
        [("field.postcode", "too_long", "20")],
    ),
    "unknown_field": (
        _stored_draft({"city_official_name": "Kazan", "city_population": "1 300 000"}),
        True,
        [(None, "unknown", "0")],
    ),
    "bad_month": (
        _stored_draft({"city_official_name": "Kazan", "mayor_term_start": "soon"}),
        True,
        [("field.term_start", "month", "7")],
    ),
    "not_json": ('{"format": "wego-membership-application-draft", "fields": {"city_', False, []),
}


def _set_aside_items(lang: str, expected_items: list[tuple[str | None, str, str]]) -> list[str]:
    return [
        t(
            lang,
            "set_aside.item",
            label=t(lang, label) if label else "city_population",
            reason=t(lang, f"set_aside.reason.{reason}", max=limit),
        )
        for label, reason, limit in expected_items
    ]


def _open_with_stored(page: Page, site: Site, lang: str, text: str) -> None:
    open_form(page, site, lang)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
    page.reload()
    page.wait_for_selector(READY, state="attached")


@pytest.mark.parametrize("case", list(BAD_STORED))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_stored_draft_that_does_not_fit_is_set_aside_and_said(visit, site, tmp_path, lang, case):
    """What fits is applied, the notice names the rest, the stored text is kept untouched under
    its own key while typing goes on, downloads exactly, and goes only when discarded."""
    original, kept, items = BAD_STORED[case]
    page = visit.page
    _open_with_stored(page, site, lang, original)
    panel = page.locator("[data-set-aside-panel]")
    expect(panel).to_be_visible()
    intro = "set_aside.partial" if items else "set_aside.whole.not_json"
    expect(page.locator("[data-set-aside-text]")).to_have_text(t(lang, intro))
    expect(page.locator("[data-set-aside-list] li")).to_have_text(_set_aside_items(lang, items))
    assert page.get_attribute("[data-set-aside]", "aria-live") == "polite"
    official_name = page.locator("[data-field='city_official_name']")
    expect(official_name).to_have_value("Kazan" if kept else "")

    page.fill("[data-field='city_government_body']", "Kazan City Executive Committee")
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") == original
    assert json.loads(stored(page) or "{}")["fields"]["city_government_body"] == (
        "Kazan City Executive Committee"
    )
    page.reload()
    page.wait_for_selector(READY, state="attached")
    expect(panel).to_be_visible()
    expect(page.locator("[data-field='city_government_body']")).to_have_value(
        "Kazan City Executive Committee"
    )

    with page.expect_download() as info:
        page.click("[data-action=set-aside-download]")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.startswith("wego-application-draft-set-aside-")
    assert path.read_text(encoding="utf-8") == original

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=set-aside-discard]")
    expect(page.locator("[data-notice]")).to_have_text(t(lang, "notice.set_aside_discarded"))
    expect(panel).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") is None
    page.reload()
    page.wait_for_selector(READY, state="attached")
    expect(panel).to_be_hidden()
    expect(official_name).to_have_value("Kazan" if kept else "")


def test_declining_to_discard_keeps_the_set_aside_draft(visit, site):
    """«Удалить отложенный черновик» asks first; declined, the stored text stays."""
    original = BAD_STORED["unknown_field"][0]
    page = visit.page
    _open_with_stored(page, site, "ru", original)
    questions: list[str] = []

    def decline(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    page.click("[data-action=set-aside-discard]")
    assert questions == [t("ru", "confirm.discard_set_aside")]
    expect(page.locator("[data-set-aside-panel]")).to_be_visible()
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") == original


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_the_set_aside_notice(browser, site, scheme):
    """axe-core passes the page with the set-aside notice showing, in both palettes."""
    rules = COLOUR_RULES if scheme == "dark" else ()
    with other_browser(browser, site, color_scheme=scheme) as page:
        _open_with_stored(page, site, "ru", BAD_STORED["too_long"][0])
        expect(page.locator("[data-set-aside-panel]")).to_be_visible()
        assert axe_violations(page, rules=rules) == []


# ---------------------------------------------------------------- control characters


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pasted_control_characters_are_stripped_and_said(browser, site, lang):
    """A NUL pasted into a field is dropped, the field says so, and the e-mail link has no %00."""
    with other_browser(browser, site, permissions=["clipboard-read", "clipboard-write"]) as page:
        open_form(page, site, lang)
        city = page.locator("[data-field='city_official_name']")
        page.evaluate("text => navigator.clipboard.writeText(text)", "Ka\u0000zan")
        city.focus()
        page.keyboard.press("Control+V")
        expect(city).to_have_value("Kazan")
        note = page.locator("#wego-app-city-official-name-stripped")
        expect(note).to_have_text(t(lang, "stripped.note"))
        assert "wego-app-city-official-name-stripped" in (
            city.get_attribute("aria-describedby") or ""
        )
        href, query = mail_parts(page)
        assert "%00" not in href
        assert "Kazan" in query["subject"][0]
        assert json.loads(stored(page) or "{}")["fields"]["city_official_name"] == "Kazan"
        page.keyboard.type("!")
        expect(city).to_have_value("Kazan!")
        expect(note).to_be_hidden()


def test_control_characters_in_a_stored_draft_are_stripped_and_said(visit, site):
    """A draft saved with a control character in it comes back without it, and the field says so."""
    page = visit.page
    _open_with_stored(page, site, "ru", _stored_draft({"city_official_name": "Ka\u0001zan"}))
    expect(page.locator("[data-field='city_official_name']")).to_have_value("Kazan")
    note = page.locator("#wego-app-city-official-name-stripped")
    expect(note).to_have_text(t("ru", "stripped.note"))
    expect(page.locator("[data-set-aside-panel]")).to_be_hidden()
    assert "%01" not in mail_parts(page)[0]


def test_a_second_set_aside_draft_waits_its_turn_and_saving_says_so(visit, site):
    """With an earlier draft already set aside, a second one is shown first and typing is not
    saved over it (the page says so); discarding it brings the earlier one up."""
    first = BAD_STORED["bad_month"][0]
    second = BAD_STORED["unknown_field"][0]
    page = visit.page
    open_form(page, site, "en")
    page.evaluate(
        "([key, aside, first, second]) => {"
        " localStorage.setItem(aside, first); localStorage.setItem(key, second); }",
        [STORAGE_KEY, SET_ASIDE_KEY, first, second],
    )
    page.reload()
    page.wait_for_selector(READY, state="attached")
    items = page.locator("[data-set-aside-list] li")
    expect(items).to_have_text(_set_aside_items("en", BAD_STORED["unknown_field"][2]))
    page.fill("[data-field='city_government_body']", "Kazan City Executive Committee")
    expect(page.locator("[data-notice]")).to_have_text(t("en", "notice.saving_held"))
    assert stored(page) == second

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=set-aside-discard]")
    expect(items).to_have_text(_set_aside_items("en", BAD_STORED["bad_month"][2]))
    assert page.evaluate(f"localStorage.getItem({SET_ASIDE_KEY!r})") == first
    assert json.loads(stored(page) or "{}")["fields"]["city_government_body"] == (
        "Kazan City Executive Committee"
    )
