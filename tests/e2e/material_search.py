"""Typing into Material's search, as a reader does."""

from __future__ import annotations

from playwright.sync_api import Page

__all__ = ["QUERY", "RESULTS", "search"]

QUERY = ".md-search__input"
RESULTS = ".md-search-result__item"


def search(page: Page, query: str) -> None:
    """Type ``query`` into Material's search. Material reads the field on key-up, which typing
    Cyrillic through Playwright does not send: the text is filled, then a key pressed."""
    page.click(QUERY)
    page.fill(QUERY, query)
    page.press(QUERY, "End")
