"""Whether a browser's copy of the guide for offline reading is complete: for the offline tests,
which take the network away only once it is, and for the benchmark's returning reader, measured
only once the service worker serves everything.

The list is the deploy's own (``service-worker.js`` carries it, written by the build), so a file
added to the guide is waited for without anyone listing it here.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild.offline_manifest import SERVICE_WORKER

__all__ = ["ALL_KEPT", "kept_addresses"]

#: ``(urls) => …``: true once a service worker controls the page and every one of ``urls`` is in
#: its caches, else null (for a wait that polls it).
ALL_KEPT = """async (urls) => {
  if (!navigator.serviceWorker.controller) return null;
  for (const url of urls) if (!(await caches.match(url))) return null;
  return true;
}"""


def kept_addresses(site_dir: Path, base: str) -> list[str]:
    """Every address the deploy's service worker lists (shell and engine), absolute."""
    script = (site_dir / SERVICE_WORKER).read_text(encoding="utf-8")
    start = script.index("{")
    manifest = json.loads(script[start : script.index("};\n") + 1])
    return [base + path for group in ("shell", "engine") for path in manifest[group]]
