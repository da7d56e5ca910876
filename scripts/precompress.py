"""Brotli and gzip copies of the built site's compressible files, made once at build time so
the web server sends them as they are (nginx `brotli_static` and `gzip_static`) instead of
compressing 25 MB on every first visit. Brotli at its best setting makes the engine's
snapshot about a third smaller than gzip; the gzip copies stay for clients without Brotli.

Each copy is cached by the content's hash in .cache/precompressed/, so an unchanged file
costs nothing on the next build.

    python -m scripts.precompress SITE_DIR
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import brotli

from scripts.paths import CACHE as CACHE_ROOT

CACHE = CACHE_ROOT / "precompressed"
# Text, and binaries that compress well (WebAssembly, the memory snapshot, the trimmed
# standard library's stored zip); a copy is kept only where it is smaller, so Pyodide's own
# deflated zip and images stay as they are.
COMPRESSIBLE = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".svg",
    ".xml",
    ".txt",
    ".wasm",
    ".bin",
    ".zip",
}
MIN_BYTES = 1024  # below this, a compressed copy saves less than the extra file costs
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    ".br": lambda data: brotli.compress(data, quality=11, lgwin=24),
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
}


def precompress(path: Path, cache: Path = CACHE) -> list[Path]:
    """Write `path.br` and `path.gz` beside `path` (each only if it is smaller)."""
    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()
    written = []
    for suffix, encode in ENCODERS.items():
        cached = cache / f"{key}{suffix}"
        if not cached.is_file():
            cache.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".partial")
            partial.write_bytes(encode(data))
            partial.replace(cached)  # never leave a half-written copy in the cache
        os.utime(cached)  # used by this build: kept by the cache's clean-up
        if cached.stat().st_size < len(data):
            target = path.with_name(path.name + suffix)
            shutil.copyfile(cached, target)
            written.append(target)
    return written


def precompress_site(site_dir: Path, cache: Path = CACHE) -> list[Path]:
    """Compressed copies of every compressible file in the site; the cache keeps only what
    this build used, so it does not grow with every change."""
    written = []
    started = time.time()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size >= MIN_BYTES:
            written += precompress(path, cache)
    for stale in cache.glob("*") if cache.is_dir() else ():
        if stale.stat().st_atime < started and stale.stat().st_mtime < started:
            stale.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site_dir", type=Path)
    args = parser.parse_args(argv)
    written = precompress_site(args.site_dir)
    print(f"{len(written)} compressed copies in {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
