"""How this project starts its browsers: one place for the paths and the flags.

Chromium (Debian's, driven by Playwright) is the engine of every browser test, the benchmark
and the quality report. Firefox ESR and WebKitGTK (Debian's too) join it in the cross-engine
tests (tests/e2e/test_engines.py): Firefox through Playwright over WebDriver BiDi, WebKitGTK's
MiniBrowser through WebKitWebDriver (Selenium) under a private Xvfb.

The machines here have no network but package registries, and Chromium's background services
(updates, sync, QUIC probes) would otherwise try other hosts at every start.
"""

from __future__ import annotations

import os

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "FIREFOX",
    "FIREFOX_PREFS",
    "WEBKIT_BROWSER",
    "WEBKIT_DRIVER",
]

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

#: Debian's Firefox ESR; Playwright 1.64.1 drives it over WebDriver BiDi (channel "moz-firefox").
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
#: Firefox's own background traffic (updates, telemetry, captive-portal and connectivity
#: probes, remote settings), switched off for the same reason as Chromium's.
FIREFOX_PREFS: dict[str, str | int | bool] = {
    "app.update.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "toolkit.telemetry.enabled": False,
}

#: WebKitGTK: the W3C WebDriver server from webkit2gtk-driver and the browser it automates.
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
WEBKIT_BROWSER = os.environ.get(
    "WEBKIT_BROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
)
