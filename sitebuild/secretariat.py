"""The WeGO Secretariat's contacts, typed once, as the 2017 letter gives them.

Everything that names the Secretariat's address, phone, fax, e-mail or website reads it here:
the application form (its e-mail link, the send steps and the print view's notes), the Word
documents (the cover letter's recipient and the form's notes) and the contacts page, where
hooks/markers.py turns ``<!-- wego:secretariat -->`` into ``contacts_markdown``'s list.

The letter gives these details in Latin script only; the Russian page adds the city and the
country in Russian after the address (``ADDRESS_GLOSS``). The words around the values (the
labels, the note on the old postcode) are interface text, in
``sitebuild/locales/secretariat.<lang>.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from urllib.parse import urlsplit

from calculator import Language
from sitebuild.ui_text import ui_catalogue

__all__ = [
    "ADDRESS_GLOSS",
    "EMAIL",
    "FAX",
    "PHONE",
    "POSTAL_ADDRESS",
    "WEBSITE",
    "address",
    "contacts_markdown",
    "website_name",
]

#: The postal address, line by line as the letter sets it (a letter's recipient block).
POSTAL_ADDRESS: tuple[str, ...] = (
    "10F Seoul Global Center",
    "38 Jongro, Jongno-gu, Seoul 100-739",
    "Republic of Korea",
)
#: The city and the country in the page's language, where that is not English.
ADDRESS_GLOSS: Mapping[Language, str] = MappingProxyType({Language.RU: "Республика Корея, Сеул"})
PHONE = "+82 (0)2 720 2937"
FAX = "+82 (0)2 720 2939"
EMAIL = "secretariat@we-gov.org"
#: The letter writes the website without a scheme; it was served over plain HTTP then.
WEBSITE = "http://www.we-gov.org"


def address(language: Language) -> str:
    """The postal address on one line, with the gloss in brackets where the language has one."""
    line = ", ".join(POSTAL_ADDRESS)
    gloss = ADDRESS_GLOSS.get(language)
    return f"{line} ({gloss})" if gloss else line


def website_name() -> str:
    """The website as the letter writes it: the host name, without the scheme."""
    return urlsplit(WEBSITE).netloc


def contacts_markdown(language: Language) -> str:
    """The contacts page's list of the Secretariat's details, as Markdown in ``language``.

    Markdown, not HTML, so that MkDocs converts it with the page: the postcode note's link to
    ``since-2017.md`` is checked and made relative like any link typed in the page, which is why
    the marker belongs on a page in the language folder's top level (docs/<lang>/).
    """

    def say(key: str, **values: str) -> str:
        return ui_catalogue(language.value)[f"secretariat.{key}"].format(**values)

    items = (
        say("address", address=address(language)),
        say("phone", phone=PHONE),
        say("fax", fax=FAX),
        say("email", email=f"[{EMAIL}](mailto:{EMAIL})"),
        say("website", website=f"[{website_name()}]({WEBSITE})"),
    )
    return "\n".join(f"- {item}" for item in items) + "\n"
