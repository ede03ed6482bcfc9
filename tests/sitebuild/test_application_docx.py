"""The texts of the application page's Word documents, written at build time."""

import json
import re
from pathlib import Path

from calculator import Language
from sitebuild import secretariat
from sitebuild.application_docx import (
    LETTER_KEYS,
    SECRETARIAT_POSTAL_ADDRESS,
    TEXTS_PATH,
    document_texts,
    write_document_texts,
)
from sitebuild.application_form import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "sitebuild" / "locales"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def catalogue(lang: str) -> dict[str, str]:
    return json.loads((LOCALES / f"letter.{lang}.json").read_text(encoding="utf-8"))


def labels(texts: dict) -> list[list[str]]:
    form = texts["application"]
    out = [form["org"], form["title"], form["agreement"], form["city_caption"], form["notes"]]
    out += form["signatures"]
    for section in form["sections"]:
        out.append(section["title"])
        out += [row["label"] for row in section["rows"]]
    return out


def test_letter_catalogues_have_the_same_keys_and_placeholders_and_all_are_used():
    ru, en = catalogue("ru"), catalogue("en")
    assert ru.keys() == en.keys() == {f"letter.{key}" for key in LETTER_KEYS}
    for key in ru:
        assert set(PLACEHOLDER.findall(ru[key])) == set(PLACEHOLDER.findall(en[key])), key
    assert PLACEHOLDER.findall(en["letter.body"]) == ["city"]


def test_labels_are_english_and_on_the_russian_page_russian_beside_them():
    en, ru = document_texts(Language.EN), document_texts(Language.RU)
    assert all(len(label) == 1 for label in labels(en))
    assert all(len(label) == 2 for label in labels(ru))
    assert [label[0] for label in labels(ru)] == [label[0] for label in labels(en)]
    assert all(re.search("[А-Яа-я]", label[1]) for label in labels(ru))
    assert ["Postal address", "Почтовый адрес"] in labels(ru)


def test_every_declared_field_is_in_the_form_once_in_order():
    rows = [
        row
        for section in document_texts(Language.EN)["application"]["sections"]
        for row in section["rows"]
    ]
    names = [name for row in rows for name in row.get("fields", [row.get("name")]) if name]
    assert names == [field.name for section in SECTIONS for field in section.fields]
    assert {row["kind"] for row in rows} == {"field", "group", "term"}


def test_the_letter_is_english_first_with_the_page_language_after_it():
    en, ru = document_texts(Language.EN), document_texts(Language.RU)
    assert [letter["lang"] for letter in en["letters"]] == ["en"]
    assert [letter["lang"] for letter in ru["letters"]] == ["en", "ru"]
    for letter in ru["letters"]:
        assert letter["recipient"][-3:] == list(SECRETARIAT_POSTAL_ADDRESS)
        assert [contact["name"] for contact in letter["contact"]] == [
            "secretariat_name",
            "secretariat_position",
            "secretariat_department",
            "secretariat_email",
            "secretariat_phone",
        ]
        assert letter["signer"] == ["mayor_name", "mayor_position"]


def test_one_file_per_language_is_written(tmp_path):
    written = write_document_texts(tmp_path)
    assert written == [tmp_path / TEXTS_PATH.format(lang=lang.value) for lang in Language]
    for language, path in zip(Language, written, strict=True):
        assert json.loads(path.read_text(encoding="utf-8")) == document_texts(language)


def test_the_documents_use_the_secretariats_one_set_of_contacts():
    """The recipient, the form's notes and the letter's note read sitebuild/secretariat.py."""
    for language in Language:
        texts = document_texts(language)
        for notes in texts["application"]["notes"]:
            assert secretariat.EMAIL in notes
            assert secretariat.FAX in notes
        for letter in texts["letters"]:
            assert letter["recipient"][-3:] == list(secretariat.POSTAL_ADDRESS)
            assert secretariat.website_name() in letter["template_note"]
            assert "{" not in letter["template_note"]
