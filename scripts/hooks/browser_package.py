"""MkDocs hook: put the engine (compiled wheel + site pyodide-lock.json) into the site.

The build is cached by a fingerprint of its inputs, so `make serve` rebuilds only when
the package, a tree or the pinned runtime changes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from decision_tree.errors import TreeInvalid
from scripts.build_engine import ROOT, build_engine, source_fingerprint
from scripts.pyodide_runtime import BuildError

ENGINE_DIR = "assets/engine/"
CACHE = ROOT / ".cache" / "engine"
log = logging.getLogger("mkdocs.hooks.engine_wheel")


def on_config(config: Any) -> Any:
    config.extra["engine_dir"] = ENGINE_DIR
    return config


def on_post_build(config: Any) -> None:
    docs_dir = Path(config.docs_dir)
    cached = CACHE / source_fingerprint(docs_dir)
    try:
        if not (cached / "pyodide-lock.json").is_file():
            log.info("Building the engine wheel for Pyodide…")
            shutil.rmtree(CACHE, ignore_errors=True)
            build_engine(cached, docs_dir=docs_dir)
    except (BuildError, TreeInvalid) as error:
        raise PluginError(str(error)) from error
    shutil.copytree(cached, Path(config.site_dir) / ENGINE_DIR, dirs_exist_ok=True)
