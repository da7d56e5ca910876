"""The benchmark's bare-Pyodide baseline page points at files the built site has."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from scripts.bench import install_bench_pages


def test_the_bare_page_loads_the_sites_own_runtime_and_lock_file(
    built_site: Path, tmp_path: Path
) -> None:
    page = install_bench_pages(tmp_path) / "bare.js"
    addresses = re.findall(r'new URL\("(\.\./[^"]+)"', page.read_text("utf-8"))
    assert len(addresses) == 2, addresses
    for address in addresses:
        path = urljoin("/_bench/", address).lstrip("/")
        target = built_site / path
        assert target.is_dir() if path.endswith("/") else target.is_file(), path
