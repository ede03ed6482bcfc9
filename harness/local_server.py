"""A static file server on loopback that serves a built site under a sub-path.

GitHub Pages serves a project site at /<repo>/; serving the build the same way locally is the
only honest test that nothing assumes the domain root. Used by the end-to-end tests, the link
check, the benchmark and the quality report.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

__all__ = ["SUB_PATH", "serve"]

SUB_PATH = "/wego-membership-guide/"


class SubPathHandler(SimpleHTTPRequestHandler):
    """Files under ``SUB_PATH`` only (plus optional extra files), with Pyodide's MIME types."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }
    extra_files: Mapping[str, Path] = {}
    #: When set, the bytes sent (headers and bodies) are added up by file name: what a page
    #: downloads, counted where it leaves, workers' scripts included.
    traffic: Counter[str] | None = None

    _traffic_lock: ClassVar[threading.Lock] = threading.Lock()

    def _count(self, sent: int) -> None:
        name = self.path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or "(root)"
        with self._traffic_lock:
            self.traffic[name] += sent  # type: ignore[index]

    def flush_headers(self) -> None:
        if self.traffic is not None and getattr(self, "_headers_buffer", None):
            self._count(sum(map(len, self._headers_buffer)))
        super().flush_headers()

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        if self.traffic is None:
            super().copyfile(source, outputfile)
            return
        while chunk := source.read(64 * 1024):
            outputfile.write(chunk)
            self._count(len(chunk))

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if clean in self.extra_files:
            return str(self.extra_files[clean])
        if not clean.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def end_headers(self) -> None:
        """Cache like GitHub Pages does (ten minutes), so warm-cache figures mean the same."""
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests and benchmarks print their own results."""


class LoopbackServer(ThreadingHTTPServer):
    """Says nothing when a browser drops a connection mid-answer (a test that closes its page
    while a file is still downloading); any other error is printed as usual."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(
    directory: Path,
    extra_files: Mapping[str, Path] | None = None,
    traffic: Counter[str] | None = None,
    port: int = 0,
) -> Iterator[str]:
    """Serve ``directory`` at ``http://127.0.0.1:<port>`` + SUB_PATH; yield the origin. Bytes
    sent are added to ``traffic`` by file name when it is given. ``port`` 0 takes a free one;
    a given port serves the same origin again (the network back after a test took it away)."""
    attributes = {"extra_files": dict(extra_files or {}), "traffic": traffic}
    handler_class = type("Handler", (SubPathHandler,), attributes)
    handler = functools.partial(handler_class, directory=str(directory))
    server = LoopbackServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
