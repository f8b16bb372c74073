"""tools/serve.py (make serve): compressed responses, validators and cache headers."""

from __future__ import annotations

import gzip
import http.client
import threading

import pytest

from tools.serve import cache_control, server


@pytest.fixture
def book(tmp_path):
    (tmp_path / "intro.html").write_text("<p>" + "text " * 1000 + "</p>")
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "theme.css").write_text("body{}" * 500)
    (tmp_path / "_static" / "tiny.js").write_text("1")
    (tmp_path / "_static" / "icon.png").write_bytes(b"\x89PNG" + bytes(4000))
    httpd = server(tmp_path, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def get(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    return response, response.read()


def test_text_files_are_gzipped_for_browsers_that_accept_it(book):
    response, body = get(book, "/intro.html", **{"Accept-Encoding": "gzip, br"})
    assert response.status == 200 and response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body).startswith(b"<p>text") and len(body) < 1000
    plain, body = get(book, "/intro.html")
    assert plain.getheader("Content-Encoding") is None and body.startswith(b"<p>text")
    png, _ = get(book, "/_static/icon.png", **{"Accept-Encoding": "gzip"})
    assert png.getheader("Content-Encoding") is None, "images are not compressed again"


def test_a_browser_that_has_the_file_gets_304(book):
    first, _ = get(book, "/_static/theme.css?v=1", **{"Accept-Encoding": "gzip"})
    headers = {"Accept-Encoding": "gzip", "If-None-Match": first.getheader("ETag")}
    again, body = get(book, "/_static/theme.css?v=1", **headers)
    assert again.status == 304 and body == b""


def test_directories_and_missing_files(book):
    index, _ = get(book, "/")
    assert index.status == 404  # this tiny book has no index.html
    missing, _ = get(book, "/nope.html")
    assert missing.status == 404


def test_cache_policy():
    assert cache_control("/chapters/01.html") == "no-cache"
    assert cache_control("/sw.js") == "no-cache"
    assert cache_control("/_static/pygments.css?v=03e43079") == "public, max-age=31536000, immutable"
    assert cache_control("/_static/coupbook/widgets/0848012ca64a7e66a142.js").endswith("immutable")
    assert cache_control("/_static/offline/plotly/plotly-cartesian.min.js") == "public, max-age=86400"
