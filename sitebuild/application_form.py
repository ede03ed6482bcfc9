"""The WeGO Membership Application Form, rendered at build time in the page's language.

The form's fields and actions are declared once, below, as data (``SECTIONS``, ``ACTIONS``);
the Jinja template ``overrides/partials/application-form.html`` turns them into the on-screen
form and into the print view laid out like the official form. The form's script
(``assets/javascripts/application/page.mjs``, loaded by the markup itself, so on this page only)
reads everything it needs (field kinds, labels, sections, messages) back from the markup's data
attributes. Without JavaScript the fields are still there and the print view prints as a blank
form to fill in by hand.

Every string comes from ``sitebuild/locales/form.<lang>.json``; the template escapes every text
and attribute value (autoescape). Catalogue templates keep their ``{placeholders}`` for the
script to fill in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from calculator import Language
from sitebuild import secretariat
from sitebuild.ui_text import ui_catalogue

__all__ = [
    "ACTIONS",
    "DRAFT_FORMAT",
    "DRAFT_VERSION",
    "FAX",
    "MAILTO_LIMIT",
    "MAIL_MESSAGES",
    "MAIL_TO",
    "SCRIPT_MESSAGES",
    "SECTIONS",
    "STORAGE_KEY",
    "Action",
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
#: The WeGO Secretariat's e-mail and fax (sitebuild/secretariat.py holds its contacts).
MAIL_TO = secretariat.EMAIL
FAX = secretariat.FAX
#: Longest mailto: URL the e-mail link may carry (mail programs and browsers cut longer ones).
MAILTO_LIMIT = 1800
#: The print view's labels are English first, because the guide advises writing to the WeGO
#: Secretariat in English (the guide's advice: the source names no working language).
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
    "cut.note",
    "stripped.note",
    "summary.item",
    "check.ok",
    "notice.loaded",
    "notice.cleared",
    "notice.storage_failed",
    "notice.saving_held",
    "notice.not_replaced",
    "confirm.reset",
    "confirm.replace",
    "confirm.discard_set_aside",
    "notice.set_aside_discarded",
    "set_aside.partial",
    "set_aside.whole.not_json",
    "set_aside.whole.foreign",
    "set_aside.whole.version",
    "set_aside.item",
    "set_aside.reason.type",
    "set_aside.reason.too_long",
    "set_aside.reason.month",
    "set_aside.reason.unknown",
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
    "mail.omitted",
    "mail.omitted_group",
    "mail.omitted_whole",
    "mail.omitted_rest",
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

_INPUTMODES: dict[Kind, str] = {"email": "email", "tel": "tel", "url": "url"}
#: Kinds that carry a format hint under the label (``form.hint.<kind>``).
_HINTED: frozenset[Kind] = frozenset({"email", "tel", "url", "month"})
#: Kinds whose values are codes, not prose: no spell-checking.
_UNSPELLED: frozenset[Kind] = frozenset({"email", "tel", "url", "month"})


@dataclass(frozen=True)
class Action:
    """One button (or link) in the form's actions row, in the order declared in ``ACTIONS``.

    Its label is ``form.action.<name>``. ``kind`` is "submit" (the check), "button" (the
    script handles a click on ``data-action="<name>"``) or "link" (a real link to ``href``, which
    works without the script). ``js_only`` actions stay hidden until the script shows them.
    A new action is one entry here, one label per catalogue and a click handler in a module.
    """

    name: str
    kind: Literal["submit", "button", "link"] = "button"
    primary: bool = False
    js_only: bool = True
    href: str = ""


#: The actions row under the form: check, print, the Word files, send.
ACTIONS: tuple[Action, ...] = (
    Action("check", kind="submit", primary=True),
    Action("print"),
    Action("download-docx"),  # WordDownloads (application-docx/download.mjs) handles both
    Action("download-letter"),
    Action("mail", kind="link", js_only=False, href=f"mailto:{MAIL_TO}"),
)

#: The page's script entry, relative to the site root: it is loaded by the form's own markup, so
#: only the page with the form loads it. It starts the form (``application/form.mjs``) and the
#: Word buttons (``application-docx/download.mjs``, which imports the generator and the library
#: only on a click).
SCRIPT = "assets/javascripts/application/page.mjs"
#: The pinned Word library as hooks/vendor_assets.py copies it; fetched on the first click only.
DOCX_LIBRARY = "assets/vendor/docx/docx.mjs"
#: The Jinja template of the form and its print view (in the theme's overrides).
TEMPLATE = "partials/application-form.html"
TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "overrides"


def fields() -> Iterator[Field]:
    """Every field of the form in order, the "same as" checkbox included."""
    for section in SECTIONS:
        if section.same_as:
            yield SAME_AS_FIELD
        yield from section.fields


def mail_language(lang: str) -> str:
    """The language of the e-mail to the Secretariat from a page in ``lang``.

    The catalogue decides (``form.mail.language``). Both pages write English: the guide advises
    writing to the Secretariat in English, and every Cyrillic letter costs six characters in a
    mailto: URL, so Russian prose alone would use up the link's length budget.
    """
    return _raw(lang, "mail.language")


def _raw(lang: str, key: str) -> str:
    """A catalogue string as written (placeholders left in)."""
    return ui_catalogue(lang)[f"form.{key}"]


def _id(name: str) -> str:
    return "wego-app-" + name.replace("_", "-")


def _autocomplete(section: Section, field: Field) -> str:
    """The field's autocomplete tokens, scoped to its section ("off" stays "off")."""
    if field.autocomplete == "off":
        return "off"
    return f"section-{section.name} {field.autocomplete}"


def _fill(template: str, **values: str | Markup) -> Markup:
    """Escape a catalogue template and put the values (escaped unless Markup) in its ``{slots}``."""
    out = Markup(escape(template))
    for key, value in values.items():
        out = out.replace("{" + key + "}", escape(value))
    return out


def _nowrap(text: str) -> Markup:
    return Markup('<span class="wego-app__nowrap">{}</span>').format(text)


def _agreement(lang: str, blank_class: str, placeholder: bool) -> Markup:
    """The agreement with the city's name filled in by the script (``data-fill``)."""
    caption = _raw(lang, "print.city_caption") if placeholder else None
    blank = Markup('<span class="{}" data-fill="city_official_name"{}></span>').format(
        blank_class,
        Markup(' data-placeholder="{}"').format(caption) if caption is not None else "",
    )
    return _fill(_raw(lang, "print.agreement"), city=blank)


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


def _form_data(lang: str) -> dict[str, str]:
    """The form element's data attributes: what the script needs besides the fields."""
    mail_lang = mail_language(lang)
    messages = {key: _raw(lang, key) for key in SCRIPT_MESSAGES}
    messages.update({f"mail:{key}": _raw(mail_lang, key) for key in MAIL_MESSAGES})
    return {
        "data-storage-key": STORAGE_KEY,
        "data-draft-format": DRAFT_FORMAT,
        "data-draft-version": str(DRAFT_VERSION),
        "data-draft-max-bytes": str(DRAFT_MAX_BYTES),
        "data-file-prefix": DRAFT_FILE_PREFIX,
        "data-mail-to": MAIL_TO,
        "data-mail-limit": str(MAILTO_LIMIT),
        "data-messages": json.dumps(messages, ensure_ascii=False, sort_keys=True),
    }


@cache
def _template() -> Template:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    return environment.get_template(TEMPLATE)


def render_application_form(language: Language, root: str) -> str:
    """The application form and its print view; ``root`` is the site root from the page."""
    lang = language.value
    print_lang = PRINT_LANGUAGE.value
    mail_lang = mail_language(lang)

    def bilingual(key: str) -> Markup:
        """English label, and on a page in another language that language's label beside it."""
        english = escape(_raw(print_lang, key))
        if lang == print_lang:
            return english
        return Markup('{} <span class="wego-app-print__alt" lang="{}">{}</span>').format(
            english, lang, _raw(lang, key)
        )

    return _template().render(
        lang=lang,
        print_lang=print_lang,
        t=lambda key: _raw(lang, key),
        mail_t=lambda key: _raw(mail_lang, key),
        print_t=lambda key: _raw(print_lang, key),
        bilingual=bilingual,
        fill=_fill,
        nowrap=_nowrap,
        agreement=_agreement,
        field_id=_id,
        autocomplete=_autocomplete,
        grouped=_grouped,
        sections=SECTIONS,
        same_as_field=SAME_AS_FIELD,
        actions=ACTIONS,
        hinted_kinds=_HINTED,
        unspelled_kinds=_UNSPELLED,
        inputmodes=_INPUTMODES,
        form_data=_form_data(lang),
        mail_to=MAIL_TO,
        fax=FAX,
        script_src=f"{root.rstrip('/')}/{SCRIPT}",
        docx_library_src=f"{root.rstrip('/')}/{DOCX_LIBRARY}",
        docx_messages=json.dumps(
            {"done": _raw(lang, "docx.done"), "failed": _raw(lang, "docx.failed")},
            ensure_ascii=False,
        ),
    )
