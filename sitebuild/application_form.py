"""The WeGO Membership Application Form, rendered at build time in the page's language.

The form's fields are declared once, below, as data (``SECTIONS``); the renderer turns them
into the on-screen form and into the print view laid out like the official form, and
``assets/javascripts/application-form.js`` reads everything it needs (field kinds, labels,
sections, messages) back from the rendered markup's data attributes. Without JavaScript the
fields are still there and the print view prints as a blank form to fill in by hand.

Every string comes from ``sitebuild/locales/form.<lang>.json``; every text and attribute value is
escaped. Catalogue templates keep their ``{placeholders}`` for the script to fill in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Literal

from calculator import Language
from sitebuild.ui_text import ui_catalogue

__all__ = [
    "DRAFT_FORMAT",
    "DRAFT_VERSION",
    "FAX",
    "MAILTO_LIMIT",
    "MAIL_MESSAGES",
    "MAIL_TO",
    "SCRIPT_MESSAGES",
    "SECTIONS",
    "STORAGE_KEY",
    "Field",
    "Section",
    "fields",
    "mail_language",
    "render_application_form",
]

Kind = Literal["text", "textarea", "email", "tel", "url", "month", "checkbox"]

#: localStorage key, shared by both languages so switching language keeps the draft.
STORAGE_KEY = "wego-application-draft-v1"
#: The ``format`` and ``version`` a downloaded draft file carries; anything else is refused.
DRAFT_FORMAT = "wego-membership-application-draft"
DRAFT_VERSION = 1
DRAFT_FILE_PREFIX = "wego-application-draft"
#: A draft file larger than this is not one of ours.
DRAFT_MAX_BYTES = 100_000
MAIL_TO = "secretariat@we-gov.org"
FAX = "+82 (0)2 720 2939"
#: Longest mailto: URL the e-mail link may carry (mail programs and browsers cut longer ones).
MAILTO_LIMIT = 1800
#: The WeGO Secretariat works in English: the print view's labels are English first.
PRINT_LANGUAGE = Language.EN

#: Catalogue keys (without ``form.``) the script needs, passed in one JSON data attribute.
SCRIPT_MESSAGES = (
    "error.prefix",
    "error.required",
    "error.email",
    "error.tel",
    "error.url",
    "error.month",
    "error.term_order",
    "summary.item",
    "check.ok",
    "notice.loaded",
    "notice.cleared",
    "notice.storage_failed",
    "notice.not_replaced",
    "confirm.reset",
    "confirm.replace",
    "file.not_json",
    "file.foreign",
    "file.bad_value",
    "file.too_large",
    "format.month",
)
#: Keys for the e-mail to the Secretariat, taken from the catalogue of the mail's language.
MAIL_MESSAGES = (
    "mail.subject",
    "mail.subject_blank",
    "mail.greeting",
    "mail.intro",
    "mail.attachment",
    "mail.shortened",
    "mail.closing",
    "format.month",
)


@dataclass(frozen=True)
class Field:
    """One control of the form.

    ``label`` is the catalogue key under ``form.field.``; ``autocomplete`` the token(s) after
    the section's ``section-*`` prefix ("off" where no token fits); ``group`` a nested set of
    fields ("address", "term") under its own catalogue legend; ``mail_rank`` marks the fields
    a shortened e-mail summary keeps (1 is dropped last; 0 is not essential); ``mirror`` names
    the field this one copies when "same as" is ticked; ``after`` names a month this one must
    come after.
    """

    name: str
    label: str
    kind: Kind = "text"
    autocomplete: str = "off"
    required: bool = True
    maxlength: int = 200
    group: str | None = None
    mail_rank: int = 0
    mirror: str | None = None
    after: str | None = None


@dataclass(frozen=True)
class Section:
    """One numbered section of the official form; its title is ``form.section.<name>``."""

    name: str
    fields: tuple[Field, ...]
    same_as: str | None = None


def _person(
    section: str,
    *,
    department: bool,
    ranks: dict[str, int] | None = None,
    mirror: str | None = None,
) -> tuple[Field, ...]:
    """The person block the source repeats: name, position, [department,] e-mail, phone, fax."""
    specs: list[tuple[str, Kind, str, bool, int]] = [
        ("name", "text", "name", True, 200),
        ("position", "text", "organization-title", True, 200),
    ]
    if department:
        specs.append(("department", "text", "off", False, 200))
    specs += [
        ("email", "email", "work email", True, 254),
        ("phone", "tel", "work tel", True, 40),
        ("fax", "tel", "fax tel", False, 40),
    ]
    return tuple(
        Field(
            name=f"{section}_{suffix}",
            label=suffix,
            kind=kind,
            autocomplete=token,
            required=required,
            maxlength=maxlength,
            mail_rank=(ranks or {}).get(suffix, 0),
            mirror=f"{mirror}_{suffix}" if mirror else None,
        )
        for suffix, kind, token, required, maxlength in specs
    )


#: The five sections of the Membership Application Form, in the source's order.
SECTIONS: tuple[Section, ...] = (
    Section(
        "city",
        (
            Field(
                "city_official_name",
                "official_name",
                autocomplete="organization",
                mail_rank=1,
            ),
            Field("city_government_body", "government_body"),
            Field(
                "city_postal_address",
                "postal_address",
                kind="textarea",
                autocomplete="street-address",
                maxlength=400,
                group="address",
            ),
            Field(
                "city_postcode",
                "postcode",
                autocomplete="postal-code",
                maxlength=20,
                group="address",
            ),
            Field(
                "city_country",
                "country",
                autocomplete="country-name",
                maxlength=100,
                group="address",
                mail_rank=5,
            ),
            Field("city_website", "website", kind="url", autocomplete="url", required=False),
        ),
    ),
    Section(
        "mayor",
        (
            *_person("mayor", department=False, ranks={"name": 6}),
            Field("mayor_term_start", "term_start", kind="month", maxlength=7, group="term"),
            Field(
                "mayor_term_end",
                "term_end",
                kind="month",
                maxlength=7,
                group="term",
                after="mayor_term_start",
            ),
        ),
    ),
    Section("office", _person("office", department=True)),
    Section("it", _person("it", department=True)),
    Section(
        "secretariat",
        _person(
            "secretariat",
            department=True,
            ranks={"email": 2, "phone": 3, "name": 4},
            mirror="office",
        ),
        same_as="office",
    ),
)

#: The checkbox "same as the Mayor's office contact" is part of the draft too.
SAME_AS_FIELD = Field(
    "secretariat_same_as_office", "same_as_office", kind="checkbox", required=False, maxlength=0
)

_INPUT_TYPES: dict[Kind, str] = {
    "text": "text",
    "email": "email",
    "tel": "tel",
    "url": "url",
    "month": "month",
}
_INPUTMODES: dict[Kind, str] = {"email": "email", "tel": "tel", "url": "url"}
#: Kinds that carry a format hint under the label (``form.hint.<kind>``).
_HINTED: frozenset[Kind] = frozenset({"email", "tel", "url", "month"})


def fields() -> Iterator[Field]:
    """Every field of the form in order, the "same as" checkbox included."""
    for section in SECTIONS:
        if section.same_as:
            yield SAME_AS_FIELD
        yield from section.fields


def mail_language(lang: str) -> str:
    """The language of the e-mail to the Secretariat from a page in ``lang``.

    The catalogue decides (``form.mail.language``). Both pages write English: the Secretariat
    works in English, and every Cyrillic letter costs six characters in a mailto: URL, so
    Russian prose alone would use up the link's length budget.
    """
    return _raw(lang, "mail.language")


def _raw(lang: str, key: str) -> str:
    """A catalogue string as written (placeholders left in)."""
    return ui_catalogue(lang)[f"form.{key}"]


def _t(lang: str, key: str) -> str:
    """A catalogue string, escaped for HTML text or attribute values."""
    return escape(_raw(lang, key), quote=True)


def _esc(value: str) -> str:
    return escape(value, quote=True)


def _id(name: str) -> str:
    return "wego-app-" + name.replace("_", "-")


def _fill(template: str, **values: str) -> str:
    """Escape a template and put already-escaped markup in place of its ``{placeholders}``."""
    out = _esc(template)
    for key, markup in values.items():
        out = out.replace("{" + key + "}", markup)
    return out


# ---------------------------------------------------------------- the on-screen form


def _control(lang: str, section: Section, field: Field) -> str:
    """One labelled control with its hint and (initially hidden) inline error."""
    fid = _id(field.name)
    label = _raw(lang, f"field.{field.label}")
    mail_label = _raw(mail_language(lang), f"field.{field.label}")
    data = (
        f'data-field="{field.name}" data-kind="{field.kind}" data-section="{section.name}" '
        f'data-label="{_esc(label)}" data-mail-label="{_esc(mail_label)}"'
    )
    if field.mail_rank:
        data += f' data-mail-rank="{field.mail_rank}"'
    if field.mirror:
        data += f' data-mirror-of="{field.mirror}"'
    if field.after:
        data += f' data-after="{field.after}"'

    if field.kind == "checkbox":
        return (
            f'<div class="wego-app__field wego-app__check" data-js-only hidden>'
            f'<input id="{fid}" name="{field.name}" type="checkbox" {data}>'
            f'<label for="{fid}">{_esc(label)}</label></div>'
        )

    label_html = _esc(label)
    if not field.required:
        label_html += f' <span class="wego-app__optional">{_t(lang, "optional")}</span>'
    described = []
    hint = ""
    if field.kind in _HINTED:
        described.append(f"{fid}-hint")
        hint = f'<p class="wego-app__hint" id="{fid}-hint">{_t(lang, f"hint.{field.kind}")}</p>'
    described.append(f"{fid}-error")
    autocomplete = (
        field.autocomplete
        if field.autocomplete == "off"
        else f"section-{section.name} {field.autocomplete}"
    )
    attrs = (
        f'id="{fid}" name="{field.name}" autocomplete="{autocomplete}" '
        f'maxlength="{field.maxlength}" aria-describedby="{" ".join(described)}" {data}'
    )
    if field.required:
        attrs += " required"
    if field.kind in _INPUTMODES:
        attrs += f' inputmode="{_INPUTMODES[field.kind]}"'
    if field.kind in {"email", "url", "tel", "month"}:
        attrs += ' spellcheck="false"'
    if field.kind == "textarea":
        control = f'<textarea {attrs} rows="3"></textarea>'
    else:
        value = ""
        if field.name == "city_country" and _raw(lang, "default.country"):
            value = f' value="{_t(lang, "default.country")}"'
        control = f'<input type="{_INPUT_TYPES[field.kind]}" {attrs}{value}>'
    return (
        f'<div class="wego-app__field wego-app__field--{field.kind}">'
        f'<label for="{fid}">{label_html}</label>{hint}'
        f'<p class="wego-app__error" id="{fid}-error" hidden></p>'
        f"{control}</div>"
    )


def _grouped(section: Section) -> Iterator[tuple[str | None, list[Field]]]:
    """A section's fields, consecutive fields of one group together."""
    current: tuple[str | None, list[Field]] | None = None
    for field in section.fields:
        if current is None or current[0] != field.group or field.group is None:
            if current is not None:
                yield current
            current = (field.group, [])
        current[1].append(field)
    if current is not None:
        yield current


def _section(lang: str, section: Section) -> str:
    parts = []
    if section.same_as:
        parts.append(_control(lang, section, SAME_AS_FIELD))
    for group, members in _grouped(section):
        controls = "".join(_control(lang, section, field) for field in members)
        if group is None:
            parts.append(controls)
        else:
            parts.append(
                f'<fieldset class="wego-app__group wego-app__group--{group}">'
                f"<legend>{_t(lang, f'group.{group}')}</legend>{controls}</fieldset>"
            )
    return (
        f'<fieldset class="wego-app__section" id="wego-app-section-{section.name}" '
        f'data-section="{section.name}" '
        f'data-section-title="{_t(lang, f"section.{section.name}")}" '
        f'data-section-short="{_t(lang, f"section_short.{section.name}")}" '
        f'data-mail-title="{_t(mail_language(lang), f"section.{section.name}")}">'
        f"<legend>{_t(lang, f'section.{section.name}')}</legend>{''.join(parts)}</fieldset>"
    )


def _agreement_sentence(lang: str, blank_class: str, placeholder: bool) -> str:
    """The agreement with the city's name filled in by the script (``data-fill``)."""
    extra = f' data-placeholder="{_t(lang, "print.city_caption")}"' if placeholder else ""
    blank = f'<span class="{blank_class}" data-fill="city_official_name"{extra}></span>'
    return _fill(_raw(lang, "print.agreement"), city=blank)


def _send_text(lang: str) -> str:
    return _fill(
        _raw(lang, "send.steps"),
        email=f'<span class="wego-app__nowrap">{_esc(MAIL_TO)}</span>',
        fax=f'<span class="wego-app__nowrap">{_esc(FAX)}</span>',
    )


def _form(lang: str) -> str:
    mail_lang = mail_language(lang)
    messages = {key: _raw(lang, key) for key in SCRIPT_MESSAGES}
    messages.update({f"mail:{key}": _raw(mail_lang, key) for key in MAIL_MESSAGES})
    data = {
        "data-storage-key": STORAGE_KEY,
        "data-draft-format": DRAFT_FORMAT,
        "data-draft-version": str(DRAFT_VERSION),
        "data-draft-max-bytes": str(DRAFT_MAX_BYTES),
        "data-file-prefix": DRAFT_FILE_PREFIX,
        "data-mail-to": MAIL_TO,
        "data-mail-limit": str(MAILTO_LIMIT),
        "data-messages": json.dumps(messages, ensure_ascii=False, sort_keys=True),
    }
    data_attrs = " ".join(f'{name}="{_esc(value)}"' for name, value in data.items())
    sections = "".join(_section(lang, section) for section in SECTIONS)
    return (
        f'<form id="wego-application-form" class="wego-app__form" action="#wego-application" '
        f'method="get" novalidate aria-labelledby="wego-app-title" {data_attrs}>'
        f'<p class="wego-app__title" id="wego-app-title">{_t(lang, "title")}</p>'
        f'<p class="wego-app__privacy">{_t(lang, "privacy")}</p>'
        f'<noscript><p class="wego-app__noscript">{_t(lang, "noscript")}</p></noscript>'
        # The error summary (GOV.UK Design System pattern): filled and focused by the script.
        f'<div class="wego-app__summary" id="wego-app-summary" tabindex="-1" role="alert" '
        f'aria-labelledby="wego-app-summary-title" data-error-summary hidden>'
        f'<h2 class="wego-app__summary-title" id="wego-app-summary-title">'
        f"{_t(lang, 'summary.title')}</h2>"
        f'<ul class="wego-app__summary-list" data-error-list></ul>'
        f"<div data-print-anyway hidden><p>{_t(lang, 'summary.print_anyway_intro')}</p>"
        f'<button type="button" class="md-button" data-action="print-anyway">'
        f"{_t(lang, 'summary.print_anyway')}</button></div></div>"
        # Draft tools: only with the script (they need it).
        f'<div class="wego-app__draft" data-js-only hidden>'
        f'<p class="wego-app__saved">{_t(lang, "draft.autosave")}</p>'
        f'<div class="wego-app__toolbar">'
        f'<button type="button" class="md-button" data-action="download">'
        f"{_t(lang, 'draft.download')}</button>"
        f'<div class="wego-app__load"><label for="wego-app-load">{_t(lang, "draft.load")}</label>'
        f'<input id="wego-app-load" type="file" accept=".json,application/json" '
        f'data-action="load"></div>'
        f'<button type="button" class="md-button" data-action="reset">'
        f"{_t(lang, 'draft.reset')}</button></div>"
        f'<p class="wego-app__notice" role="status" data-notice></p></div>'
        f"{sections}"
        # Agreement: a preview of the printed sentence; signature, seal and date are by hand.
        f'<div class="wego-app__section wego-app__agreement" role="group" '
        f'aria-labelledby="wego-app-agreement-title">'
        f'<p class="wego-app__section-title" id="wego-app-agreement-title">'
        f"{_t(lang, 'agreement.title')}</p>"
        f"<p>{_t(lang, 'agreement.intro')}</p>"
        f'<blockquote class="wego-app__agreement-text">'
        f"{_agreement_sentence(lang, 'wego-app__city', placeholder=True)}</blockquote>"
        f"<p>{_t(lang, 'agreement.by_hand')}</p></div>"
        # Check, print, send.
        f'<div class="wego-app__actions">'
        f'<button type="submit" class="md-button md-button--primary" data-js-only hidden '
        f"disabled>{_t(lang, 'action.check')}</button>"
        f'<button type="button" class="md-button" data-action="print" data-js-only hidden>'
        f"{_t(lang, 'action.print')}</button>"
        f'<button type="button" class="md-button" data-action="download-docx" data-js-only '
        f"hidden>{_t(lang, 'action.docx')}</button>"
        f'<button type="button" class="md-button" data-action="download-letter" data-js-only '
        f"hidden>{_t(lang, 'action.letter')}</button>"
        f'<a class="md-button" data-action="mail" href="mailto:{_esc(MAIL_TO)}">'
        f"{_t(lang, 'action.mail')}</a></div>"
        f'<p class="wego-app__status" role="status" data-check-status></p>'
        # Word documents (assets/javascripts/application-docx/): their outcome is said here.
        f'<p class="wego-app__status" role="status" data-docx-status '
        f'data-done="{_t(lang, "docx.done")}" data-failed="{_t(lang, "docx.failed")}"></p>'
        f'<div class="wego-app__send"><p>{_send_text(lang)}</p>'
        f"<p>{_t(lang, 'send.attach')}</p>"
        f'<p class="wego-app__shortened" data-mail-shortened hidden>'
        f"{_t(lang, 'send.shortened')}</p></div>"
        f"</form>"
    )


# ---------------------------------------------------------------- the print view


def _bilingual(lang: str, key: str) -> str:
    """English label, and on a page in another language that language's label beside it."""
    english = _t(PRINT_LANGUAGE.value, key)
    if lang == PRINT_LANGUAGE.value:
        return english
    return f'{english} <span class="wego-app-print__alt" lang="{lang}">{_t(lang, key)}</span>'


def _print_value(field: Field) -> str:
    fmt = ' data-format="month"' if field.kind == "month" else ""
    return f'<span class="wego-app-print__value" data-fill="{field.name}"{fmt}></span>'


def _print_section(lang: str, section: Section) -> str:
    rows = []
    for group, members in _grouped(section):
        if group == "term":
            values = '<span class="wego-app-print__dash"> – </span>'.join(
                _print_value(field) for field in members
            )
            rows.append(
                f'<tr><th scope="row">{_bilingual(lang, "group.term")}</th>'
                f'<td class="wego-app-print__term">{values}</td></tr>'
            )
            continue
        if group is not None:
            rows.append(
                f'<tr class="wego-app-print__group"><th scope="rowgroup" colspan="2">'
                f"{_bilingual(lang, f'group.{group}')}</th></tr>"
            )
        indent = ' class="wego-app-print__indent"' if group else ""
        rows += [
            f'<tr{indent}><th scope="row">{_bilingual(lang, f"field.{field.label}")}</th>'
            f"<td>{_print_value(field)}</td></tr>"
            for field in members
        ]
    return (
        f'<section class="wego-app-print__section">'
        f"<h3>{_bilingual(lang, f'section.{section.name}')}</h3>"
        f'<table class="wego-app-print__table"><tbody>{"".join(rows)}</tbody></table></section>'
    )


def _print_signature(lang: str, key: str, modifier: str) -> str:
    return (
        f'<div class="wego-app-print__sign wego-app-print__sign--{modifier}">'
        f'<span class="wego-app-print__line"></span>'
        f'<span class="wego-app-print__caption">({_bilingual(lang, f"print.{key}")})</span></div>'
    )


def _print_sheet(lang: str) -> str:
    en = PRINT_LANGUAGE.value
    sentences = f"<p>{_agreement_sentence(en, 'wego-app-print__blank', placeholder=False)}</p>"
    if lang != en:
        sentences += (
            f'<p class="wego-app-print__alt" lang="{lang}">'
            f"{_agreement_sentence(lang, 'wego-app-print__blank', placeholder=False)}</p>"
        )
    notes = _fill(_raw(en, "print.notes"), email=_esc(MAIL_TO), fax=_esc(FAX))
    if lang != en:
        notes += (
            f' <span class="wego-app-print__alt" lang="{lang}">'
            f"{_fill(_raw(lang, 'print.notes'), email=_esc(MAIL_TO), fax=_esc(FAX))}</span>"
        )
    return (
        f'<div class="wego-app-print" lang="{en}" data-print-sheet>'
        f'<header class="wego-app-print__head">'
        f'<p class="wego-app-print__org">{_bilingual(lang, "print.org")}</p>'
        f'<h2 class="wego-app-print__title">{_bilingual(lang, "print.title")}</h2></header>'
        f"{''.join(_print_section(lang, section) for section in SECTIONS)}"
        f'<section class="wego-app-print__agreement">'
        f'<div class="wego-app-print__sentence">{sentences}'
        f'<p class="wego-app-print__caption">({_bilingual(lang, "print.city_caption")})</p>'
        f"</div>"
        f'<div class="wego-app-print__signatures">'
        f"{_print_signature(lang, 'signature', 'signature')}"
        f"{_print_signature(lang, 'name_position', 'name')}"
        f"{_print_signature(lang, 'seal', 'seal')}"
        f"{_print_signature(lang, 'date', 'date')}"
        f"</div>"
        f'<p class="wego-app-print__notes">{notes}</p></section></div>'
    )


def render_application_form(language: Language, root: str) -> str:
    """The application form and its print view; ``root`` is the site root from the page."""
    del root  # everything the form needs is in the markup and the site-wide script
    lang = language.value
    return f'<div class="wego-app" id="wego-application">{_form(lang)}{_print_sheet(lang)}</div>'
