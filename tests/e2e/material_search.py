"""Typing into Material's search, as a reader does."""

from __future__ import annotations

from typing import Protocol

__all__ = ["QUERY", "RESULTS", "search"]

QUERY = ".md-search__input"
RESULTS = ".md-search-result__item"


class TypingPage(Protocol):
    """What typing needs of a page: a Playwright ``Page`` or an ``EnginePage`` (engines.py)."""

    def click(self, selector: str) -> None: ...
    def fill(self, selector: str, text: str) -> None: ...
    def press(self, selector: str, key: str) -> None: ...


def search(page: TypingPage, query: str) -> None:
    """Type ``query`` into Material's search. Material reads the field on key-up, which typing
    Cyrillic through Playwright does not send: the text is filled, then a key pressed."""
    page.click(QUERY)
    page.fill(QUERY, query)
    page.press(QUERY, "End")
