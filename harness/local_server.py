"""A static file server on loopback that serves a built site under a sub-path.

GitHub Pages serves a project site at /<repo>/; serving the build the same way locally is the
only honest test that nothing assumes the domain root. Used by the end-to-end tests, the link
check, the benchmark and the quality report.

It sends files as GitHub Pages does, so that bytes counted here are bytes on the wire there:
``Cache-Control: max-age=600`` on everything, and HTML, CSS, JavaScript, JSON, SVG and
WebAssembly gzipped on the fly (level 6: what Pages' 2.83 MB for ``pyodide.asm.wasm`` matches)
when the browser accepts gzip; files that are compressed already (``.gz``, ``.zip``, wheels,
images) go as they are. Pages sends no brotli.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import io
import os
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

__all__ = ["GZIPPED_TYPES", "SUB_PATH", "serve"]

SUB_PATH = "/wego-membership-guide/"
#: Media types GitHub Pages gzips on the fly.
GZIPPED_TYPES = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "image/svg+xml",
        "application/wasm",
    }
)
GZIP_LEVEL = 6


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

    #: (path, size, mtime) -> gzipped bytes: each file is compressed once per server process.
    _gzipped: ClassVar[dict[tuple[str, int, int], bytes]] = {}

    def _file_for(self, path: str) -> str | None:
        """The file a GET answers with (a folder's index.html), or None for anything else."""
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return None  # the base class redirects to the folder's address
            path = os.path.join(path, "index.html")
        return path if os.path.isfile(path) else None

    def _not_modified(self, stat: os.stat_result) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            when = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(stat.st_mtime) <= when

    def send_head(self) -> Any:
        """As the base class, but gzipped (with its own length) where GitHub Pages gzips."""
        file = self._file_for(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        media_type = self.guess_type(file).split(";")[0] if file else ""
        if file is None or not accepts or media_type not in GZIPPED_TYPES:
            return super().send_head()
        stat = os.stat(file)
        if self._not_modified(stat):
            return super().send_head()  # 304, as the base class answers it
        key = (file, stat.st_size, stat.st_mtime_ns)
        body = self._gzipped.get(key)
        if body is None:
            with open(file, "rb") as source:
                body = gzip.compress(source.read(), GZIP_LEVEL, mtime=0)
            self._gzipped[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(file))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

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


#: How often the server's loop looks for the stop request, in seconds: its default (0.5 s) made
#: every test that takes a server away wait half a second for it.
SHUTDOWN_POLL_S = 0.02


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
    loop = functools.partial(server.serve_forever, poll_interval=SHUTDOWN_POLL_S)
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
