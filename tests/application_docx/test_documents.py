"""The Word documents the application page makes (application-docx/documents.mjs), built in
Node with the pinned docx library and read back with python-docx and LibreOffice.

The same generator runs in the page (tests/e2e/test_application_docx.py drives the buttons);
here it gets the full matrix of values, hostile ones included, without a browser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sitebuild.application_form import fields
from sitebuild.secretariat import EMAIL, FAX, POSTAL_ADDRESS

from .reading import (
    all_text,
    expected_rows,
    is_a4,
    open_document,
    pdf_pages,
    render,
    table_rows,
    texts,
    to_pdf,
)

LANGS = ("ru", "en")
#: One application per page language; the fields not named here stay empty.
DRAFTS = {
    "ru": {
        "city_official_name": "Город Ульяновск",
        "city_government_body": "Администрация города Ульяновска",
        "city_postal_address": "ул. Кузнецова, д. 7\nУльяновск",
        "city_postcode": "432017",
        "city_country": "Россия",
        "mayor_name": "Иванов Иван Иванович",
        "mayor_position": "Глава города",
        "mayor_email": "mayor@ulmeria.ru",
        "mayor_phone": "+7 8422 42-00-01",
        "mayor_term_start": "2018-09",
        "mayor_term_end": "2023-09",
        "office_name": "Петрова Анна Сергеевна",
        "it_name": "Смирнов Олег Петрович",
        "secretariat_name": "Соколова Мария",
        "secretariat_position": "Главный специалист",
        "secretariat_email": "sokolova@ulmeria.ru",
        "secretariat_phone": "+7 8422 42-00-04",
    },
    "en": {
        "city_official_name": "City of Ulyanovsk",
        "city_postal_address": "7 Kuznetsova Street\nUlyanovsk",
        "city_country": "Russian Federation",
        "city_website": "www.ulmeria.ru",
        "mayor_name": "Ivan Ivanov",
        "mayor_position": "Head of the City",
        "mayor_term_start": "2018-09",
        "secretariat_name": "Maria Sokolova",
        "secretariat_department": "Relations Division",
        "secretariat_email": "sokolova@ulmeria.ru",
    },
}
MARKUP = '<w:p><w:r><w:t>x</w:t></w:r></w:p>]]><script>alert("&amp;")</script>'
CONTROLS = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")
#: Typed values no reader should make a broken file from, by field.
HOSTILE = {
    "city_official_name": f"Город «Ульяновск» & Co <b>{CONTROLS}</b>",
    "city_government_body": MARKUP,
    "city_postal_address": "Line one\r\nСтрока два\rLine three\u2028still three",
    "mayor_name": "Ivan \u202eИванов\u202c \ufeff\ud800 \U0001f3db\ufffe\uffff",
    "office_name": "Ж" * 200,
    "office_department": "mixed Кириллица and Latin " * 40,
    "it_name": "\x7f\x80\x9f C1 controls",
    "secretariat_name": "{city} {{placeholders}} %s $& $1",
    "secretariat_position": MARKUP,
}
#: Characters XML 1.0 cannot hold (or that break readers): none may reach the file.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _clean(value: str) -> str:
    return NOT_XML.sub("", value).strip()


def _very_long_draft() -> dict[str, str]:
    """Far beyond the form's own limits: every field 5,000 characters."""
    return {
        field.name: f"{field.name}: " + "Длинный long текст text " * 200
        for field in fields()
        if field.kind != "checkbox"
    }


#: Made with the others, for one test each: nothing typed (the form in English), and every
#: field far too long (both documents in Russian).
SINGLE_DRAFTS: dict[tuple[str, str, str], dict[str, str]] = {
    ("blank", "application", "en"): {},
    ("very long", "application", "ru"): _very_long_draft(),
    ("very long", "letter", "ru"): _very_long_draft(),
}


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Any]:
    """Both documents, both languages, for the sample and the hostile drafts, and the few of
    ``SINGLE_DRAFTS``; built once, in one Node run (each run loads the docx library again)."""
    out = tmp_path_factory.mktemp("docx")
    drafts = {"sample": DRAFTS, "hostile": {lang: HOSTILE for lang in LANGS}}
    wanted = {
        (name, kind, lang): by_lang[lang]
        for name, by_lang in drafts.items()
        for lang in LANGS
        for kind in ("application", "letter")
    }
    wanted.update(SINGLE_DRAFTS)
    jobs, keys = [], []
    for (name, kind, lang), draft in wanted.items():
        path = out / f"{name.replace(' ', '-')}-{kind}-{lang}.docx"
        jobs.append({"kind": kind, "draft": draft, "texts": texts(lang), "out": str(path)})
        keys.append((name, kind, lang))
    names = render(jobs)
    return {
        key: {"path": Path(job["out"]), "name": file_name}
        for key, job, file_name in zip(keys, jobs, names, strict=True)
    }


# ---------------------------------------------------------------- the application form


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_shows_every_value_beside_its_label(documents, lang):
    """Each label of the print view has its row; typed values fill it, empty ones leave it
    blank to fill in by hand; months are written as the page writes them."""
    document = open_document(documents["sample", "application", lang]["path"])
    assert table_rows(document) == expected_rows(DRAFTS[lang], lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_has_its_headings_agreement_and_footer(documents, lang):
    document = open_document(documents["sample", "application", lang]["path"])
    form = texts(lang)["application"]
    text = all_text(document)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["\n".join(section["title"]) for section in form["sections"]]
    city = DRAFTS[lang]["city_official_name"]
    for sentence in form["agreement"]:
        assert sentence.format(city=city) in text
    for line in form["signatures"]:
        assert "\n".join(f"({label})" for label in line) in text
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert EMAIL in footer
    assert FAX in footer
    assert is_a4(document)


def test_labels_are_english_with_russian_beside_them_on_the_russian_page(documents):
    ru = [
        label
        for rows in table_rows(open_document(documents["sample", "application", "ru"]["path"]))
        for label, _ in rows
    ]
    en = [
        label
        for rows in table_rows(open_document(documents["sample", "application", "en"]["path"]))
        for label, _ in rows
    ]
    assert "Postal address\nПочтовый адрес" in ru
    assert "Postal address" in en
    assert not any(re.search("[А-Яа-я]", label) for label in en)


def test_every_field_of_the_form_has_a_row():
    """The generator covers every declared field (the "same as" tick box is not printed)."""
    named = set()
    for section in texts("ru")["application"]["sections"]:
        for row in section["rows"]:
            named |= set(row.get("fields", [row.get("name")]))
    declared = {field.name for field in fields() if field.kind != "checkbox"}
    assert named - {None} == declared


# ---------------------------------------------------------------- the cover letter


@pytest.mark.parametrize("lang", LANGS)
def test_the_letter_names_the_city_contact_and_signer(documents, lang):
    document = open_document(documents["sample", "letter", lang]["path"])
    draft = DRAFTS[lang]
    text = all_text(document)
    for letter in texts(lang)["letters"]:
        assert letter["template_note"] in text
        assert letter["body"].format(city=draft["city_official_name"]) in text
        assert "\n".join(letter["recipient"]) in text
        for contact in letter["contact"]:
            value = draft.get(contact["name"], "") or "_" * 24
            assert f"{contact['label']}: {value}" in text
    assert f"{draft['mayor_name']}, {draft['mayor_position']}" in text
    assert "\n".join(POSTAL_ADDRESS) in text
    assert is_a4(document)


def test_the_russian_page_adds_a_russian_version_after_the_english_letter(documents):
    ru = open_document(documents["sample", "letter", "ru"]["path"])
    en = open_document(documents["sample", "letter", "en"]["path"])
    assert (len(ru.sections), len(en.sections)) == (2, 1)
    text = all_text(ru)
    assert text.index("Dear WeGO Secretariat,") < text.index("Уважаемые коллеги!")


# ---------------------------------------------------------------- hostile values


@pytest.mark.parametrize("kind", ["application", "letter"])
@pytest.mark.parametrize("lang", LANGS)
def test_hostile_values_give_a_valid_document_with_the_text_as_typed(documents, kind, lang):
    """Markup stays text, XML-illegal characters are dropped, long and mixed text is whole."""
    document = open_document(documents["hostile", kind, lang]["path"])  # well-formed XML
    text = all_text(document)
    assert not NOT_XML.search(text)
    assert _clean(HOSTILE["city_official_name"]) in text
    assert MARKUP in text
    if kind == "application":
        assert "Line one\nСтрока два\nLine three" in text
        assert _clean(HOSTILE["office_department"]) in text
        assert "Ж" * 200 in text
        assert "C1 controls" in text
        assert "Ivan \u202eИванов\u202c \ufeff \U0001f3db" in text
    assert _clean(HOSTILE["secretariat_name"]) in text


def test_file_names_say_what_they_are_and_for_which_city(documents):
    assert (
        documents["sample", "application", "ru"]["name"] == "WeGO-application-Gorod-Ulianovsk.docx"
    )
    assert documents["sample", "letter", "ru"]["name"] == "WeGO-cover-letter-Gorod-Ulianovsk.docx"
    assert (
        documents["sample", "application", "en"]["name"]
        == "WeGO-application-City-of-Ulyanovsk.docx"
    )
    assert (
        documents["hostile", "letter", "en"]["name"]
        == "WeGO-cover-letter-Gorod-Ulianovsk-Co-b-b.docx"
    )


def test_a_blank_form_is_a_blank_form(documents):
    """Nothing typed: every row is there and empty, the name and the city are lines to fill."""
    blank = documents["blank", "application", "en"]
    assert blank["name"] == "WeGO-application.docx"
    document = open_document(blank["path"])
    assert {value for rows in table_rows(document) for _, value in rows} == {""}
    assert "_" * 24 + " agrees to follow the WeGO Charter" in all_text(document)


# ---------------------------------------------------------------- LibreOffice


def test_libreoffice_renders_each_document_on_one_to_three_a4_pages(documents, tmp_path):
    """Word-compatible: LibreOffice opens the Russian page's documents, hostile values
    included, and lays each out on 1 to 3 A4 pages."""
    paths = [
        documents[name, kind, "ru"]["path"]
        for name in ("sample", "hostile")
        for kind in ("application", "letter")
    ]
    for pdf in to_pdf(paths, tmp_path):
        pages, size = pdf_pages(pdf)
        assert 1 <= pages <= 3, pdf.name
        assert size.endswith("(A4)"), size


def test_very_long_values_stay_whole(documents):
    """Far beyond the form's own limits: every field 5,000 characters, the file still opens
    and holds each value in full."""
    draft = SINGLE_DRAFTS["very long", "application", "ru"]
    text = all_text(open_document(documents["very long", "application", "ru"]["path"]))
    assert all(value.strip() in text for value in draft.values())
    letter = all_text(open_document(documents["very long", "letter", "ru"]["path"]))
    assert draft["secretariat_email"].strip() in letter
