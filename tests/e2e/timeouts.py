"""How long the browser tests wait, in one unit (seconds), from this one place.

Playwright takes milliseconds and Selenium seconds: a Playwright wait is written
``timeout=ms(ENGINE_START)``, a wait through ``tests/e2e/engines.py`` ``timeout=ENGINE_START``.
A wait is a bound on a wait for an event (an attribute set, an element shown), never a pause.
"""

from __future__ import annotations

__all__ = ["ENGINE_START", "KEEP_OFFLINE", "STEP", "ms"]

#: Pyodide's first start in a browser, the snapshot or the wheel path, on a loaded machine with
#: three browser engines running.
ENGINE_START = 120.0
#: Anything a page does once its engine is up: an answer, a reflow, a download.
STEP = 10.0
#: The service worker keeping the whole guide for offline reading: every page in both
#: languages and the engine's files.
KEEP_OFFLINE = 180.0


def ms(seconds: float) -> int:
    """``seconds`` as Playwright's milliseconds."""
    return round(seconds * 1000)
