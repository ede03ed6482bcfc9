"""Both languages' pages are the same markup for what an accessibility check judges beyond
colours and words: landmarks, headings, forms, their controls and labels, tables, images, and
every element with a role or an ARIA attribute, in the same order with the same attributes.

That is what lets the browser's accessibility tour (tests/e2e/test_guarantees.py) run axe's
every rule on each page in one language and its colour rules, in the dark scheme, in the other:
what it would find in one language's markup it would find in the other's. The words themselves
(labels, names, titles) are in both languages' catalogues (tests/test_catalogue_parity.py)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.pages import LANGS, SLUGS

#: Elements an accessibility check looks at for their structure, whatever their attributes.
STRUCTURE = frozenset(
    {
        *("html", "main", "header", "footer", "nav", "aside", "dialog", "iframe"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "img", "svg", "table", "th", "details", "summary"),
        *("form", "fieldset", "legend", "label", "input", "select", "textarea", "button"),
        *("output", "progress"),
    }
)
#: Attributes compared by value; any other is compared by presence only (its value is words in
#: the page's language, an address, or a reference to an id).
BY_VALUE = frozenset(
    {
        *("type", "name", "role", "for", "scope", "tabindex", "class", "data-field"),
        *("required", "hidden", "disabled", "readonly", "multiple", "colspan", "rowspan"),
    }
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

Element = tuple[str, tuple[tuple[str, str | None], ...]]


class AccessibleMarkup(HTMLParser):
    """The page's elements that STRUCTURE names or that carry a role or an ARIA attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if (
            tag not in STRUCTURE
            and "role" not in names
            and not any(name.startswith("aria-") for name in names)
        ):
            return
        kept = []
        for name, value in attrs:
            # A heading's id is made from its words; any other id is the component's own.
            if name in BY_VALUE or (name == "id" and tag not in HEADINGS):
                kept.append((name, value))
            elif name.startswith("aria-") or name in ("alt", "title", "placeholder", "lang"):
                kept.append((name, ""))
        self.elements.append((tag, tuple(sorted(kept, key=lambda item: item[0]))))


def accessible_markup(path: Path) -> list[Element]:
    parser = AccessibleMarkup()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


@pytest.mark.parametrize("slug", SLUGS)
def test_both_languages_have_the_same_accessible_markup(built_site: Path, slug: str) -> None:
    ru, en = (accessible_markup(built_site / LANGS[lang] / slug / "index.html") for lang in LANGS)
    assert len(ru) > 20, "the page's landmarks, headings and controls were read"
    assert ru == en


def test_the_comparison_sees_a_changed_control() -> None:
    """A control whose type, name or ARIA attributes differ between the two pages is caught."""
    page = '<main><label for="a">x</label><input id="a" type="{}" {}></main>'
    parser = AccessibleMarkup()
    parser.feed(page.format("text", 'aria-describedby="h"'))
    same, other = AccessibleMarkup(), AccessibleMarkup()
    same.feed(page.format("text", 'aria-describedby="other words"'))
    other.feed(page.format("number", ""))
    assert parser.elements == same.elements
    assert parser.elements != other.elements
