"""Serve a built edition the way a good static host does: compressed, with cache headers.

    python tools/serve.py _build/html --port 8000     # make serve (make serve-instructor)

For an instructor who hosts the book from a laptop for a classroom: every text file (HTML,
JavaScript, CSS, JSON, SVG) is sent gzip-compressed to browsers that accept it (compressed once
per file version and kept in memory), with an ``ETag`` so a browser that has a file asks only
whether it changed, and with ``Cache-Control``: pages and ``sw.js`` are checked on every visit
(``no-cache``), while the book's assets (``_static/``, ``_images/``) are kept for a day and
``immutable`` for a year when their address carries a version (``?v=``, ``?digest=``) or their
name a content hash, as Sphinx, the theme and the widget loader write them.  Many learners on one
Wi-Fi then fetch each shared file once.

Python's standard library only (``http.server`` with threads), bound to 127.0.0.1 unless
``--bind`` says otherwise (``--bind 0.0.0.0`` to serve a classroom).  The book needs no server
of its own: any static host, or ``file://``, works too.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import gzip
import hashlib
import http.server
import os
import re
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

COMPRESSIBLE = {".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".map", ".ipynb", ".md", ".inv", ".mjs"}
VERSIONED = re.compile(r"[?&](?:v|digest)=|/coupbook/widgets/[0-9a-f]{20}\.(?:js|css)$|\.[0-9a-f]{64}\.css$")
ASSETS = ("/_static/", "/_images/")
MIN_SIZE = 1024  # smaller files are sent as they are


def cache_control(path: str) -> str:
    """The Cache-Control header for a request path (with its query)."""
    plain = urlsplit(path).path
    if plain.startswith(ASSETS) and VERSIONED.search(path):
        return "public, max-age=31536000, immutable"
    if plain.startswith(ASSETS):
        return "public, max-age=86400"
    return "no-cache"


class Compressed:
    """gzip bodies of files, made once per file version (path, size, modification time)."""

    def __init__(self) -> None:
        self._bodies: dict[tuple[str, int, int], bytes] = {}
        self._lock = threading.Lock()

    def get(self, path: Path, stat: os.stat_result) -> bytes:
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        with self._lock:
            body = self._bodies.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._bodies = {k: v for k, v in self._bodies.items() if k[0] != key[0]}
                self._bodies[key] = body
        return body


class BookHandler(http.server.SimpleHTTPRequestHandler):
    compressed = Compressed()
    quiet = False

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        if not self.quiet:
            super().log_message(format, *args)

    def end_headers(self):
        self.send_header("Cache-Control", cache_control(self.path))
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the standard redirect to "dir/"
            path = path / "index.html"
            if not path.is_file():
                self.send_error(404, "No index.html here")  # no folder listings
                return None
        if not path.is_file():
            return super().send_head()  # 404 as usual
        stat = path.stat()
        etag = '"' + hashlib.sha1(f"{stat.st_size}-{stat.st_mtime_ns}".encode()).hexdigest()[:16] + '"'
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        gzipped = accepts_gzip and path.suffix in COMPRESSIBLE and stat.st_size >= MIN_SIZE
        if gzipped:
            etag = etag[:-1] + '-gz"'
        if etag in {tag.strip() for tag in self.headers.get("If-None-Match", "").split(",")}:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        body = self.compressed.get(path, stat) if gzipped else path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("ETag", etag)
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return _Body(body)

    def handle(self):
        # A browser may close a page while a file is being sent; that is not an error here.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


class _Body:
    """What send_head returns: a readable body for copyfile, and close."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        self.data = b""


def server(root: Path, bind: str = "127.0.0.1", port: int = 0, quiet: bool = False) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(type("Handler", (BookHandler,), {"quiet": quiet}), directory=str(root))
    return http.server.ThreadingHTTPServer((bind, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, help="the built edition, e.g. _build/html")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on (0.0.0.0: every network)")
    args = parser.parse_args(argv)
    if not (args.root / "intro.html").exists():
        print(f"serve: {args.root} holds no built book (make book first)", file=sys.stderr)
        return 1
    httpd = server(args.root, args.bind, args.port)
    print(f"Serving {args.root} at http://{args.bind}:{httpd.server_address[1]}/ (Ctrl+C stops)")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
