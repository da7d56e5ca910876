"""MkDocs hook, last of the build: Brotli and gzip copies of the site's compressible files
(scripts/precompress.py), once every other step has written its files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.precompress import precompress_site


def on_post_build(config: MkDocsConfig) -> None:
    precompress_site(Path(config.site_dir))
