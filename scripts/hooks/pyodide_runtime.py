"""MkDocs hook: stop at once, with one clear line, if this Python cannot build for the pinned
Pyodide; copy its runtime into the site, and tell templates where it is
(scripts/pyodide_runtime.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from scripts.errors import BuildError
from scripts.pyodide_runtime import check_python_matches, copy_runtime, runtime_dirname


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        check_python_matches()
        config.extra["pyodide_runtime"] = f"assets/{runtime_dirname()}/"
    except BuildError as error:
        raise PluginError(str(error)) from error
    return config


def on_post_build(config: MkDocsConfig) -> None:
    try:
        copy_runtime(Path(config.site_dir) / config.extra["pyodide_runtime"])
    except BuildError as error:
        raise PluginError(str(error)) from error
