"""Waiting for a condition inside the page, in one round trip, frame by frame.

Some conditions have no event of their own to wait on (what the service worker's cache holds, a
value in storage): the page checks them once per animation frame until they hold, and the test
waits on that one promise. No test sleeps in a loop; a timeout only bounds the wait.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .timeouts import ENGINE_START, ms

__all__ = ["expect_engine_ready", "until_true"]


def expect_engine_ready(page: Page, form: str = "#fee-quote") -> None:
    """Wait until the calculator ``form`` says its engine is up (its ``data-engine`` event)."""
    expect(page.locator(form)).to_have_attribute("data-engine", "ready", timeout=ms(ENGINE_START))


def until_true(function: str) -> str:
    """A page function ``([arg, ms]) => value``: ``function(arg)`` (it may be async) checked on
    every frame until it returns something truthy, then that value; ``null`` after ``ms``."""
    return f"""async ([arg, ms]) => {{
  const test = {function};
  const end = performance.now() + ms;
  for (;;) {{
    const value = await test(arg);
    if (value) return value;
    if (performance.now() > end) return null;
    await new Promise((next) => requestAnimationFrame(next));
  }}
}}"""
