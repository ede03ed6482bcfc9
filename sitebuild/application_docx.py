"""What the Word documents of the application page say, as one JSON file per page language.

The browser builds two ``.docx`` files from the form's current values (the filled Membership
Application Form and a cover letter to the WeGO Secretariat) with
``assets/javascripts/application-docx/documents.mjs``. That generator types no label itself: the
sections, fields and their labels come from ``sitebuild/application_form.py``'s declarations
and the catalogues, written here at build time to ``assets/application-docx/texts.<lang>.json``.
The page fetches the file only when the reader asks for a document, so the page's first load
stays as light as before.

Labels follow the print view: English (the guide advises writing to the WeGO Secretariat in
English) and, on a page in another language, that language's label beside it. Every label is a
list: English first.

Neither document names a fee or the fee schedule: they carry the application and the cover
letter only, so the schedule's date and the advice to confirm fees stay on the pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from calculator import Language
from sitebuild import secretariat
from sitebuild.application_form import PRINT_LANGUAGE, SECTIONS, Field, Section
from sitebuild.ui_text import ui_catalogue

__all__ = [
    "FILE_PREFIXES",
    "SECRETARIAT_POSTAL_ADDRESS",
    "TEXTS_FOLDER",
    "TEXTS_PATH",
    "document_texts",
    "write_document_texts",
]

#: Site path of the texts file; ``{lang}`` is the page language.
#: The folder of the generated texts: content-addressed together with the site's own scripts
#: (hooks/content_addressing.py), so the module finds them at the same relative place.
TEXTS_FOLDER = "assets/application-docx"
TEXTS_PATH = TEXTS_FOLDER + "/texts.{lang}.json"
#: File names start with these; the city's name, transliterated, follows.
FILE_PREFIXES = {"application": "WeGO-application", "letter": "WeGO-cover-letter"}
#: The WeGO Secretariat's postal address, line by line as the 2017 letter gives it (the one
#: source of its contacts is sitebuild/secretariat.py).
SECRETARIAT_POSTAL_ADDRESS = secretariat.POSTAL_ADDRESS
#: Catalogue keys of the letter (``letter.<key>``), one set per version of the letter.
LETTER_KEYS = (
    "version_heading",
    "template_note",
    "date",
    "reference",
    "recipient",
    "subject",
    "greeting",
    "body",
    "contact_intro",
    "enclosure",
    "closing",
    "signature",
    "name_position",
)
#: Section 5 is the application's contact person; the letter names them.
CONTACT_SECTION = "secretariat"
#: The letter is signed by the Mayor (section 2) or an authorised representative.
SIGNER_SECTION = "mayor"


def _raw(lang: str, key: str) -> str:
    return ui_catalogue(lang)[key]


def _bilingual(lang: str, key: str) -> list[str]:
    """English, and on a page in another language that language's text after it."""
    english = _raw(PRINT_LANGUAGE.value, key)
    return [english] if lang == PRINT_LANGUAGE.value else [english, _raw(lang, key)]


def _both(lang: str, key: str, **values: str) -> list[str]:
    """A template in English and the page language, with ``values`` filled in."""
    return [text.format(**values) for text in _bilingual(lang, key)]


def _runs(section: Section) -> Iterator[tuple[str | None, list[Field]]]:
    """A section's fields, consecutive fields of one group together."""
    runs: list[tuple[str | None, list[Field]]] = []
    for field in section.fields:
        if runs and field.group is not None and runs[-1][0] == field.group:
            runs[-1][1].append(field)
        else:
            runs.append((field.group, [field]))
    yield from runs


def _rows(lang: str, section: Section) -> list[dict[str, Any]]:
    """The table rows of one section, laid out as the print view lays them out."""
    rows: list[dict[str, Any]] = []
    for group, members in _runs(section):
        if group == "term":
            rows.append(
                {
                    "kind": "term",
                    "label": _bilingual(lang, "form.group.term"),
                    "fields": [field.name for field in members],
                }
            )
            continue
        if group is not None:
            rows.append({"kind": "group", "label": _bilingual(lang, f"form.group.{group}")})
        rows += [
            {
                "kind": "field",
                "name": field.name,
                "label": _bilingual(lang, f"form.field.{field.label}"),
                "indent": group is not None,
                "month": field.kind == "month",
            }
            for field in members
        ]
    return rows


def _section_fields(name: str) -> dict[str, str]:
    """Field suffix ("name", "email", …) -> field name, for one section."""
    section = next(section for section in SECTIONS if section.name == name)
    return {field.label: field.name for field in section.fields}


def _letter(lang: str) -> dict[str, Any]:
    """One version of the cover letter, in ``lang``."""
    texts: dict[str, Any] = {key: _raw(lang, f"letter.{key}") for key in LETTER_KEYS}
    contact = _section_fields(CONTACT_SECTION)
    texts["lang"] = lang
    texts["template_note"] = texts["template_note"].format(website=secretariat.website_name())
    texts["recipient"] = [
        _raw(lang, "letter.recipient"),
        _raw(lang, "form.print.org"),
        *SECRETARIAT_POSTAL_ADDRESS,
    ]
    texts["contact"] = [
        {"name": contact[suffix], "label": _raw(lang, f"form.field.{suffix}")}
        for suffix in ("name", "position", "department", "email", "phone")
    ]
    signer = _section_fields(SIGNER_SECTION)
    texts["signer"] = [signer["name"], signer["position"]]
    return texts


def document_texts(language: Language) -> dict[str, Any]:
    """Everything the documents of a page in ``language`` say, except what the reader typed."""
    lang = language.value
    english = PRINT_LANGUAGE.value
    letters = [_letter(english)] + ([] if lang == english else [_letter(lang)])
    return {
        "lang": lang,
        "file_prefixes": FILE_PREFIXES,
        "month_format": _raw(lang, "form.format.month"),
        "city_field": SECTIONS[0].fields[0].name,
        "application": {
            "org": _bilingual(lang, "form.print.org"),
            "title": _bilingual(lang, "form.print.title"),
            "sections": [
                {
                    "title": _bilingual(lang, f"form.section.{section.name}"),
                    "rows": _rows(lang, section),
                }
                for section in SECTIONS
            ],
            "agreement": _bilingual(lang, "form.print.agreement"),
            "city_caption": _bilingual(lang, "form.print.city_caption"),
            "signatures": [
                _bilingual(lang, f"form.print.{key}")
                for key in ("signature", "name_position", "seal", "date")
            ],
            "notes": _both(lang, "form.print.notes", email=secretariat.EMAIL, fax=secretariat.FAX),
        },
        "letters": letters,
    }


def write_document_texts(site_dir: Path) -> list[Path]:
    """Write the texts file of every language into the built site; returns the files."""
    written = []
    for language in Language:
        target = site_dir / TEXTS_PATH.format(lang=language.value)
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(document_texts(language), ensure_ascii=False, sort_keys=True)
        target.write_text(payload, encoding="utf-8")
        written.append(target)
    return written
