"""MkDocs hook, last of the build: Brotli and gzip copies of the site's compressible files
(scripts/precompress.py), once every other step has written its files. Skipped by
`mkdocs serve`, whose own server sends files as they are: an editor's change to the tree
then rebuilds in seconds, not the minute Brotli takes over a new engine snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig

from scripts.precompress import precompress_site

serving = False


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global serving
    serving = command == "serve"


def on_post_build(config: MkDocsConfig) -> None:
    if not serving:
        precompress_site(Path(config.site_dir))
