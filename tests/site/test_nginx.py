"""Production serving: the repository's nginx configuration, run by real nginx."""

from __future__ import annotations

import gzip
import re
import urllib.request
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest

from scripts.browser_package import SITE_DIR, SNAPSHOT
from scripts.csp import CSP_CONF, csp_conf
from scripts.pyodide_runtime import runtime_dirname
from scripts.serve_nginx import NginxServer


def fetch(
    url: str, gzip_ok: bool = True, encodings: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    accept = encodings if encodings is not None else ("gzip" if gzip_ok else "")
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    try:
        with urllib.request.urlopen(request) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_csp_conf_matches_the_inline_scripts_of_the_built_pages(built_site: Path) -> None:
    assert CSP_CONF.read_text(encoding="utf-8") == csp_conf(built_site), (
        "scripts/nginx/csp.conf is stale: run `.venv/bin/python -m scripts.csp site`"
    )


def test_security_headers_on_every_kind_of_response(nginx_site: NginxServer) -> None:
    runtime = runtime_dirname()
    for path in [
        "",
        "decide/",
        f"assets/{runtime}/pyodide.asm.wasm",
        SITE_DIR + SNAPSHOT,
        "no-such-page/",
    ]:
        _status, headers, _body = fetch(nginx_site.url + path)
        policy = headers["content-security-policy"]
        assert "default-src 'self'" in policy and "'wasm-unsafe-eval'" in policy, path
        assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
        assert not re.search(r"https?://", policy), "the policy allows only the site itself"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "server" not in headers or "/" not in headers["server"], "no version disclosed"


@pytest.mark.parametrize(
    "path, content_type, cache",
    [
        ("decide/", "text/html", "no-cache"),
        ("assets/{runtime}/pyodide.asm.wasm", "application/wasm", "immutable"),
        ("assets/{runtime}/pyodide.mjs", "text/javascript", "immutable"),
        (SITE_DIR + "pyodide-lock.json", "application/json", "no-cache"),
        ("assets/javascripts/decide.js", "text/javascript", "no-cache"),
    ],
)
def test_types_and_caching(
    nginx_site: NginxServer, path: str, content_type: str, cache: str
) -> None:
    status, headers, _body = fetch(nginx_site.url + path.format(runtime=runtime_dirname()))
    assert status == 200
    assert headers["content-type"].startswith(content_type)
    assert cache in headers["cache-control"]


@pytest.mark.parametrize(
    "accept, encoding, decompress",
    [("br, gzip", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
    ids=["brotli", "gzip-only-client"],
)
def test_large_files_are_sent_from_precompressed_copies(
    nginx_site: NginxServer,
    built_site: Path,
    accept: str,
    encoding: str,
    decompress: Callable[[bytes], bytes],
) -> None:
    suffix = {"br": ".br", "gzip": ".gz"}[encoding]
    for path in [
        f"assets/{runtime_dirname()}/pyodide.asm.wasm",
        SITE_DIR + SNAPSHOT,
        "assets/walkthrough/off-the-record.json",
        "decide/index.html",
    ]:
        _status, headers, body = fetch(nginx_site.url + path, encodings=accept)
        assert headers.get("content-encoding") == encoding, path
        assert len(body) == (built_site / f"{path}{suffix}").stat().st_size
        assert decompress(body) == (built_site / path).read_bytes()


def test_brotli_makes_the_snapshot_much_smaller_than_gzip(built_site: Path) -> None:
    snapshot = built_site / SITE_DIR / SNAPSHOT
    brotli_size = snapshot.with_name(SNAPSHOT + ".br").stat().st_size
    assert brotli_size < 0.75 * snapshot.with_name(SNAPSHOT + ".gz").stat().st_size


def test_missing_page_gets_the_sites_404(nginx_site: NginxServer) -> None:
    status, _headers, body = fetch(nginx_site.url + "no-such-page/", gzip_ok=False)
    assert status == 404
    assert b"Off the Record" in body


def raw_get(
    server: NginxServer, path: str, host: str | None = None
) -> tuple[int, dict[str, str], str]:
    import http.client
    from urllib.parse import urlsplit

    address = urlsplit(server.url)
    connection = http.client.HTTPConnection(address.hostname or "", address.port)
    connection.request("GET", path, headers={"Host": host} if host else {})
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_redirects_name_only_the_path_never_the_host_sent(nginx_site: NginxServer) -> None:
    status, headers, _ = raw_get(nginx_site, "/answers", host="evil.example")
    assert status == 301
    assert headers["location"] == "/answers/"


def test_an_over_long_address_gets_the_sites_own_page(nginx_site: NginxServer) -> None:
    status, headers, body = raw_get(nginx_site, "/decide/?" + "question=answer&" * 1000)
    assert status == 414
    assert "This link is too long" in body
    assert 'href="/decide/"' in body  # links that lead back into the site
    assert "default-src 'self'" in headers["content-security-policy"]
