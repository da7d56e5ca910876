"""MkDocs hook: put the browser package (scripts/browser_package.py: the compiled wheel, the
site's pyodide-lock.json, the trimmed standard library, the memory snapshot) into the site.

The build is cached by a fingerprint of its inputs, so `make serve` rebuilds only when
the package, a tree or the pinned runtime changes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from decision_tree.errors import TreeInvalid
from scripts.browser_package import (
    BUILT,
    SITE_DIR,
    SNAPSHOT,
    SNAPSHOT_MANIFEST,
    build_browser_package,
    source_fingerprint,
)
from scripts.errors import BuildError
from scripts.trim_stdlib import STDLIB

log = logging.getLogger("mkdocs.hooks.browser_package")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # For decide.html, which hands the addresses to the worker (decision-worker.js).
    config.extra["browser_package"] = SITE_DIR
    config.extra["snapshot"] = SITE_DIR + SNAPSHOT
    config.extra["snapshot_manifest"] = SITE_DIR + SNAPSHOT_MANIFEST
    config.extra["stdlib"] = SITE_DIR + STDLIB  # a cold start's trimmed standard library
    return config


def on_post_build(config: MkDocsConfig) -> None:
    docs_dir = Path(config.docs_dir)
    cached = BUILT / source_fingerprint(docs_dir)
    try:
        if not (cached / "pyodide-lock.json").is_file():
            log.info("Building the browser package for Pyodide…")
            shutil.rmtree(BUILT, ignore_errors=True)
            build_browser_package(cached, docs_dir=docs_dir)
    except (BuildError, TreeInvalid) as error:
        raise PluginError(str(error)) from error
    shutil.copytree(cached, Path(config.site_dir) / SITE_DIR, dirs_exist_ok=True)
