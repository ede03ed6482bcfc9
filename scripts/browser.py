"""How this project starts Debian's Chromium headless: one place for the path and the flags.

The machines here have no network but package registries, and Chromium's background services
(updates, sync, QUIC probes) would otherwise try other hosts at every start.
"""

from __future__ import annotations

import os

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
