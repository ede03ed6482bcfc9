"""The cities page states the engine's list limit in the list's hint, before a reader hits it."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculator import Language, format_integer
from calculator.batch import MAX_CITIES
from tests.pages import LANGS

#: What the hint says, word for word, per language (the number is the engine's).
LIMIT_SENTENCE = {
    Language.RU: "До {max}\u00a0городов в одном списке.",
    Language.EN: "Up to {max} cities in one list.",
}


class TextById(HTMLParser):
    """The text of every element with an id (nested ids each collect their own text)."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, dict[str, str | None]] = {}
        self.texts: dict[str, str] = {}
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element_id = dict(attrs).get("id")
        if element_id:
            self.attrs[element_id] = dict(attrs)
            self.texts[element_id] = ""
        if tag not in {"input", "br", "img", "meta", "link", "hr", "source"}:
            self._open.append(element_id)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self._open:
            if element_id:
                self.texts[element_id] += data


@pytest.mark.parametrize("lang", list(Language))
def test_the_list_hint_states_the_limit(built_site: Path, lang: Language) -> None:
    """The hint the textarea points to says how many cities one list may hold."""
    html = (built_site / LANGS[lang.value] / "cities" / "index.html").read_text(encoding="utf-8")
    page = TextById()
    page.feed(html)
    described_by = (page.attrs["multi-quote-cities"]["aria-describedby"] or "").split()
    hints = " ".join(page.texts[element_id] for element_id in described_by)
    expected = LIMIT_SENTENCE[lang].format(max=format_integer(MAX_CITIES, lang))
    assert expected in hints
