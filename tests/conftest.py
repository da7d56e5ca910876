"""Fixtures shared by the site, Pyodide and browser tests: one strict build of the site per
test session, served from 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from scripts.serve_nginx import NginxServer, free_port, nginx

ROOT = Path(__file__).resolve().parent.parent
# Where the session's build goes: site/, unless TEST_SITE_DIR names another folder (so two
# test runs in one checkout do not build over each other).
SITE_DIR = Path(os.environ.get("TEST_SITE_DIR", ROOT / "site"))


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the test server will use, known before the build: Material's instant
    navigation only follows links whose host and port match the built `site_url`."""
    return free_port()


@pytest.fixture(scope="session")
def site_build(site_port: int) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into site/, once per session (the engine wheel is cached),
    with its output."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(SITE_DIR)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": f"http://127.0.0.1:{site_port}/",
        },
    )


@pytest.fixture(scope="session")
def built_site(site_build: subprocess.CompletedProcess[str]) -> Path:
    """The site built by `site_build`; fails if the build failed."""
    assert site_build.returncode == 0, f"mkdocs build --strict failed:\n{site_build.stderr}"
    return SITE_DIR


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Tests abort requests on purpose (blocked runtime files); that is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> Iterator[str]:
    server = QuietServer(("127.0.0.1", site_port), partial(QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_site(built_site: Path) -> Iterator[NginxServer]:
    """The built site served by Debian's nginx with the repository's configuration."""
    with nginx(built_site) as server:
        yield server
