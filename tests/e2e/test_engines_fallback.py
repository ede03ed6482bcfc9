"""The plain start in each engine: with a snapshot that cannot be used, the worker starts
Pyodide from the sha256-checked wheel and quotes the same (Chromium, Firefox ESR, WebKitGTK).

This module serves its own site, a copy with a corrupted snapshot, so the shared ``engine``
fixture opens its engines on that copy's origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Site, served_with_a_corrupt_snapshot
from .engines import EnginePage
from .test_engines import QUOTE, RESULT, quote, start_engine


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """This module's site: the built site with flipped bytes in its engine snapshot."""
    with served_with_a_corrupt_snapshot(built_site, tmp_path_factory.mktemp("corrupt")) as served:
        yield served


def test_a_corrupt_snapshot_falls_back_to_the_wheel_and_quotes(engine_page: EnginePage, site):
    """The reader sees the same quote; only the path the worker took differs."""
    page = engine_page
    page.goto(site.url("ru", "fees/"))
    start_engine(page)
    assert page.attribute(QUOTE, "data-engine-path") == "wheel"
    quote(page, "624 518", "47 404,96")
    page.wait_for_attribute(RESULT, "data-fee-usd", "7000")
