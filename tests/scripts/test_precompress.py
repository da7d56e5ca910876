"""Compressed copies of the site's files: Brotli and gzip, each decompressing to the very
same bytes, made once per content and only where they save something."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli
import pytest

from scripts.precompress import ENCODERS, precompress, precompress_site


def test_each_copy_decompresses_to_the_original(tmp_path: Path) -> None:
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>on the record</p>\n" * 500)
    written = precompress(page, cache=tmp_path / "cache")
    assert sorted(p.name for p in written) == ["index.html.br", "index.html.gz"]
    assert brotli.decompress((page.parent / "index.html.br").read_bytes()) == page.read_bytes()
    assert gzip.decompress((page.parent / "index.html.gz").read_bytes()) == page.read_bytes()


def test_small_files_images_and_already_compressed_zips_are_left_alone(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "tiny.css").write_text("a{}")
    (site / "deflated.zip").write_bytes(os.urandom(5000))  # no copy would be smaller
    (site / "logo.png").write_bytes(bytes(5000))
    assert precompress_site(site, cache=tmp_path / "cache") == []


def test_an_unchanged_file_is_not_compressed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "a.js"
    page.write_text("console.log('x');\n" * 500)
    cache = tmp_path / "cache"
    calls: list[str] = []
    for suffix, encode in list(ENCODERS.items()):
        monkeypatch.setitem(
            ENCODERS, suffix, lambda data, e=encode, s=suffix: calls.append(s) or e(data)
        )
    precompress(page, cache=cache)
    precompress(page, cache=cache)
    assert sorted(calls) == [".br", ".gz"]


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "a.css"
    page.write_text("a { color: red; }\n" * 200)
    precompress_site(site, cache=cache)
    page.write_text("b { color: blue; }\n" * 200)
    precompress_site(site, cache=cache)
    assert len(list(cache.iterdir())) == 2  # the new content's .br and .gz only
