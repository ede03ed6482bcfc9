"""The application form's build-time markup: fields of the source, catalogues, escaping."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculator import Language
from hooks import markers
from sitebuild import application_form, secretariat
from sitebuild.application_form import (
    MAIL_MESSAGES,
    SCRIPT_MESSAGES,
    SECTIONS,
    fields,
    render_application_form,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "sitebuild" / "locales"
SEED = Path(__file__).resolve().parents[2] / "source" / "letter-2017-08-01.txt"
LANGS = (Language.RU, Language.EN)
#: «Ф. И. О.» with a no-break space after each initial, so it never breaks across lines.
FULL_NAME = "Ф.\u00a0И.\u00a0О."

#: Every field of the source's application form, by section, as (name, Russian label of the
#: source, English label). The term of office is one source line, entered as two months.
SOURCE_FIELDS = {
    "city": [
        (
            "city_official_name",
            "Официальное название города / государственного органа исполнительной власти",
            "Official name of the city / government executive body",
        ),
        (
            "city_government_body",
            "Официальное название государственного органа местной власти",
            "Official name of the local government body",
        ),
        ("city_postal_address", "Почтовый адрес", "Postal address"),
        ("city_postcode", "Индекс", "Postcode"),
        ("city_country", "Страна", "Country"),
        ("city_website", "Официальный сайт", "Official website"),
    ],
    "mayor": [
        ("mayor_name", FULL_NAME, "Full name"),
        ("mayor_position", "Должность", "Position"),
        ("mayor_email", "Адрес электронной почты", "E-mail"),
        ("mayor_phone", "Телефон", "Telephone"),
        ("mayor_fax", "Факс", "Fax"),
        ("mayor_term_start", "Срок пребывания в должности", "Term of office"),
        ("mayor_term_end", "Срок пребывания в должности", "Term of office"),
    ],
    **{
        section: [
            (f"{section}_name", FULL_NAME, "Full name"),
            (f"{section}_position", "Должность", "Position"),
            (f"{section}_department", "Наименование подразделения/отдела", "Department"),
            (f"{section}_email", "Адрес электронной почты", "E-mail"),
            (f"{section}_phone", "Телефон", "Telephone"),
            (f"{section}_fax", "Факс", "Fax"),
        ]
        for section in ("office", "it", "secretariat")
    },
}
SOURCE_SECTIONS = {
    "city": "Город или государственный орган местной исполнительной власти",
    "mayor": "Мэр / глава местной исполнительной власти",
    "office": "Контактное лицо со стороны мэрии / главы местной исполнительной власти",
    "it": "Руководитель департамента/отдела по вопросам информационных технологий",
    "secretariat": "Контактное лицо для связи с секретариатом WeGO",
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Controls(HTMLParser):
    """Collects the form's controls, labels, ids and every element's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: dict[str, dict[str, str | None]] = {}
        self.label_for: set[str] = set()
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if tag == "label" and attributes.get("for"):
            self.label_for.add(str(attributes["for"]))
        if tag in {"input", "textarea"} and attributes.get("data-field"):
            self.controls[str(attributes["data-field"])] = attributes


def parse(html: str) -> Controls:
    parser = Controls()
    parser.feed(html)
    parser.close()
    return parser


def squash(text: str) -> str:
    """Compare labels ignoring spacing and dash style (the source is loosely typed)."""
    text = text.replace("–", "-").replace("—", "-").lower()
    return re.sub(r"\s+", "", text)


def catalogue(lang: str) -> dict[str, str]:
    return json.loads((LOCALES / f"form.{lang}.json").read_text(encoding="utf-8"))


def test_fields_are_the_source_fields_in_order():
    """The declared fields are exactly the source's fields, section by section, in order."""
    declared = {section.name: [field.name for field in section.fields] for section in SECTIONS}
    assert declared == {s: [name for name, _, _ in rows] for s, rows in SOURCE_FIELDS.items()}
    names = [field.name for field in fields()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("language", LANGS, ids=lambda lang: lang.value)
def test_every_source_field_is_a_labelled_control(language):
    """Every source field is a control with a label in both languages, with its source wording."""
    html = render_application_form(language, "..")
    page = parse(html)
    column = 1 if language is Language.RU else 2
    for section, rows in SOURCE_FIELDS.items():
        for row in rows:
            name, label = row[0], row[column]
            control = page.controls[name]
            assert control["id"] in page.label_for, name
            assert control["data-section"] == section
            shown = str(control["data-label"])
            if name.startswith("mayor_term"):
                assert squash(label) in squash(html), name
            else:
                assert squash(label) in squash(shown), (name, shown)
    assert len(page.controls) == sum(len(rows) for rows in SOURCE_FIELDS.values()) + 1
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"


def test_russian_labels_follow_the_source_wording():
    """Each Russian section title and field label appears, spacing aside, in the source."""
    source = squash(SEED.read_text(encoding="utf-8"))
    ru = catalogue("ru")
    for section in SECTIONS:
        title = re.sub(r"^\d+\.\s*", "", ru[f"form.section.{section.name}"])
        assert squash(title) in source, title
        assert squash(SOURCE_SECTIONS[section.name]) in source
        for field in section.fields:
            if field.kind == "month":
                label = ru["form.group.term"].split("(")[0]
            else:
                label = ru[f"form.field.{field.label}"]
            assert squash(label.replace(FULL_NAME, "Ф.И.О.")) in source, label
    for key in ("print.signature", "print.seal", "print.city_caption"):
        assert squash(ru[f"form.{key}"]) in source, key
    assert squash("согласен(на) следовать Уставу WeGO и стать членом WeGO") in source


@pytest.mark.parametrize("language", LANGS, ids=lambda lang: lang.value)
def test_controls_have_sensible_types_and_autocomplete(language):
    """E-mail, tel, url and month inputs; autocomplete hints; required marked on the control."""
    page = parse(render_application_form(language, ".."))
    for field in fields():
        control = page.controls[field.name]
        if field.kind == "textarea":
            assert "type" not in control
        else:
            assert control["type"] == field.kind
        assert ("required" in control) == field.required, field.name
        if field.kind != "checkbox":
            assert control["autocomplete"], field.name
    assert page.controls["mayor_email"]["autocomplete"] == "section-mayor work email"
    assert page.controls["it_fax"]["autocomplete"] == "section-it fax tel"
    assert page.controls["city_website"]["type"] == "url"
    assert page.controls["mayor_term_end"]["data-after"] == "mayor_term_start"
    assert page.controls["secretariat_email"]["data-mirror-of"] == "office_email"


def test_country_is_prefilled_only_on_the_russian_page():
    """The country defaults to «Россия» on the Russian page and is empty on the English one."""
    ru = parse(render_application_form(Language.RU, "..")).controls["city_country"]
    en = parse(render_application_form(Language.EN, "..")).controls["city_country"]
    assert ru.get("value") == "Россия"
    assert "value" not in en


def test_catalogue_keys_are_the_forms():
    """form.*.json hold only form.* keys, among them every message the script and mail use.

    Parity between the languages is checked for every catalogue in test_catalogue_parity.py.
    """
    ru = catalogue("ru")
    assert all(key.startswith("form.") for key in ru)
    for key in (*SCRIPT_MESSAGES, *MAIL_MESSAGES):
        assert f"form.{key}" in ru, key


def test_every_catalogue_key_is_used(monkeypatch):
    """No catalogue entry is dead: rendering both pages reads every key of both files."""
    real = application_form.ui_catalogue
    read: set[tuple[str, str]] = set()

    class Recording(dict):
        def __init__(self, lang, entries):
            super().__init__(entries)
            self.lang = lang

        def __getitem__(self, key):
            read.add((self.lang, key))
            return super().__getitem__(key)

    monkeypatch.setattr(application_form, "ui_catalogue", lambda lang: Recording(lang, real(lang)))
    for language in LANGS:
        render_application_form(language, "..")
    keys = {key for _, key in read}
    assert set(catalogue("en")) - keys == set()


def test_script_messages_are_passed_in_one_data_attribute():
    """The script's messages come from the page's catalogue; the e-mail's from the mail's."""
    for language in LANGS:
        page = parse(render_application_form(language, ".."))
        form = next(attrs for tag, attrs in page.tags if tag == "form")
        messages = json.loads(str(form["data-messages"]))
        lang = language.value
        for key in SCRIPT_MESSAGES:
            assert messages[key] == catalogue(lang)[f"form.{key}"]
        mail_lang = catalogue(lang)["form.mail.language"]
        for key in MAIL_MESSAGES:
            assert messages[f"mail:{key}"] == catalogue(mail_lang)[f"form.{key}"]


def test_mail_language_follows_the_catalogue(monkeypatch):
    """The e-mail is English on both pages; a catalogue set to Russian switches it over."""
    assert catalogue("ru")["form.mail.language"] == "en"
    real = application_form.ui_catalogue

    def russian_mail(lang):
        entries = dict(real(lang))
        entries["form.mail.language"] = "ru"
        return entries

    monkeypatch.setattr(application_form, "ui_catalogue", russian_mail)
    page = parse(render_application_form(Language.RU, ".."))
    form = next(attrs for tag, attrs in page.tags if tag == "form")
    messages = json.loads(str(form["data-messages"]))
    assert messages["mail:mail.greeting"] == catalogue("ru")["form.mail.greeting"]
    assert page.controls["mayor_name"]["data-mail-label"] == FULL_NAME


def test_print_view_is_english_with_russian_beside_on_the_russian_page():
    """The print view labels every field in English, plus Russian on the Russian page."""
    en, ru = catalogue("en"), catalogue("ru")
    html_ru = render_application_form(Language.RU, "..")
    html_en = render_application_form(Language.EN, "..")
    sheet_ru = html_ru[html_ru.index("data-print-sheet") :]
    sheet_en = html_en[html_en.index("data-print-sheet") :]
    for key in ("form.print.title", "form.print.signature", "form.print.seal", "form.print.date"):
        assert en[key] in sheet_ru
        assert ru[key] in sheet_ru
        assert en[key] in sheet_en
        assert ru[key] not in sheet_en
    for field in fields():
        if field.kind != "checkbox":
            assert f'data-fill="{field.name}"' in sheet_ru
    assert "agrees to follow the WeGO Charter" in sheet_ru
    assert "согласен(на) следовать Уставу WeGO" in sheet_ru


HOSTILE = "<img src=x onerror=alert(1)>\"'&</p><script>x()</script>"


@pytest.mark.parametrize("language", LANGS, ids=lambda lang: lang.value)
def test_markup_escapes_catalogue_text(monkeypatch, language):
    """Catalogue text containing markup comes out as text, never as elements."""
    real = application_form.ui_catalogue

    def hostile(lang):
        return {
            key: (value if key == "form.mail.language" else value + HOSTILE)
            for key, value in real(lang).items()
        }

    monkeypatch.setattr(application_form, "ui_catalogue", hostile)
    html = render_application_form(language, "..")
    page = parse(html)
    assert not [tag for tag, _ in page.tags if tag == "img"]
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [
        {"type": "module", "src": f"../{application_form.SCRIPT}"},
    ]
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    form = next(attrs for tag, attrs in page.tags if tag == "form")
    messages = json.loads(str(form["data-messages"]))
    assert messages["error.required"].endswith(HOSTILE)
    assert str(page.controls["mayor_name"]["data-label"]).endswith(HOSTILE)


def test_marker_is_registered():
    """The page marker <!-- wego:application-form --> renders this form."""
    assert markers.RENDERERS["application-form"] is render_application_form
    html = markers.render_markers(
        "<p>x</p>\n<!-- wego:application-form -->\n", Language.EN, "..", "application.md"
    )
    assert 'id="wego-application-form"' in html


class ScriptOnly(HTMLParser):
    """Collects the elements shown without the script: outside every [data-js-only]."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.shown: list[dict[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        hidden = bool(self.stack and self.stack[-1]) or "data-js-only" in attributes
        if not hidden:
            self.shown.append({"tag": tag, **attributes})
        if tag not in self.VOID:
            self.stack.append(hidden)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


@pytest.mark.parametrize("language", LANGS, ids=lambda lang: lang.value)
def test_actions_render_in_declared_order(monkeypatch, language):
    """The actions row is the declared ACTIONS list: a new entry is a new button, in place."""
    real_raw = application_form._raw
    extra = application_form.Action("extra")
    monkeypatch.setattr(application_form, "ACTIONS", (*application_form.ACTIONS, extra))
    monkeypatch.setattr(
        application_form,
        "_raw",
        lambda lang, key: "Extra" if key == "action.extra" else real_raw(lang, key),
    )
    html = render_application_form(language, "..")
    row = parse(html[html.index("data-actions") : html.index("data-check-status")])
    actions = [attrs.get("data-action") or attrs.get("type") for _, attrs in row.tags]
    assert actions == ["submit", "print", "download-docx", "download-letter", "mail", "extra"]
    added = next(attrs for _, attrs in row.tags if attrs.get("data-action") == "extra")
    assert "hidden" in added
    assert "data-js-only" in added


@pytest.mark.parametrize("language", LANGS, ids=lambda lang: lang.value)
def test_without_the_script_nothing_speaks_of_saving(language):
    """Saving, "Start again" and the checks are js-only; the e-mail link works without them."""
    ru_or_en = catalogue(language.value)
    parser = ScriptOnly()
    parser.feed(render_application_form(language, ".."))
    actions = {element.get("data-action") for element in parser.shown}
    assert "mail" in actions
    assert not actions & {"reset", "download", "load", "print"}
    assert not [e for e in parser.shown if e.get("type") == "submit"]
    text = "".join(parser.text)
    for key in ("form.draft.reset", "form.draft.autosave", "form.privacy_draft"):
        assert ru_or_en[key] not in text, key
    assert ru_or_en["form.privacy"] in text


@pytest.mark.parametrize("language", LANGS, ids=lambda lang: lang.value)
def test_every_text_field_has_a_note_for_stripped_characters(language):
    """Beside each text field, a hidden note the script fills when it strips control characters,
    read with the field (aria-describedby)."""
    page = parse(render_application_form(language, ".."))
    for name, control in page.controls.items():
        if control.get("type") == "checkbox":
            continue
        note = f"{control['id']}-stripped"
        assert note in page.ids, name
        assert note in str(control["aria-describedby"]).split(), name
        attrs = next(attrs for tag, attrs in page.tags if attrs.get("id") == note)
        assert "hidden" in attrs


@pytest.mark.parametrize("language", LANGS, ids=lambda lang: lang.value)
def test_the_set_aside_notice_is_a_live_region_near_the_top(language):
    """The notice about a stored draft set aside sits before the first section, in a polite live
    region, hidden until needed, with its two buttons labelled in the page's language."""
    html = render_application_form(language, "..")
    region = html.index("data-set-aside>")
    assert region < html.index("data-error-summary") < html.index("<fieldset")
    page = parse(html)
    region_attrs = next(attrs for _, attrs in page.tags if "data-set-aside" in attrs)
    assert region_attrs["aria-live"] == "polite"
    panel = next(attrs for _, attrs in page.tags if "data-set-aside-panel" in attrs)
    assert "hidden" in panel
    texts = catalogue(language.value)
    for action in ("download", "discard"):
        button = f'data-action="set-aside-{action}">{texts[f"form.set_aside.{action}"]}</button>'
        assert button in html, action
    assert texts["form.set_aside.kept"] in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_sends_to_the_secretariats_one_set_of_contacts(lang):
    """The e-mail link, the send steps and the print notes use sitebuild/secretariat.py."""
    html = render_application_form(lang, "..")
    page = parse(html)
    mail = next(attrs for tag, attrs in page.tags if attrs.get("data-action") == "mail")
    assert mail["href"] == f"mailto:{secretariat.EMAIL}"
    form = next(attrs for tag, attrs in page.tags if tag == "form")
    assert form["data-mail-to"] == secretariat.EMAIL
    text = re.sub(r"<[^>]+>", "", html)
    steps = catalogue(lang.value)["form.send.steps"]
    assert steps.format(email=secretariat.EMAIL, fax=secretariat.FAX) in text
    notes = catalogue("en")["form.print.notes"]
    assert notes.format(email=secretariat.EMAIL, fax=secretariat.FAX) in text
