"""MkDocs hook: copy the pinned Pyodide runtime into the site, and tell templates where it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from scripts.pyodide_runtime import BuildError, copy_runtime, runtime_dirname


def on_config(config: Any) -> Any:
    try:
        config.extra["pyodide_runtime"] = f"assets/{runtime_dirname()}/"
    except BuildError as error:
        raise PluginError(str(error)) from error
    return config


def on_post_build(config: Any) -> None:
    try:
        copy_runtime(Path(config.site_dir) / config.extra["pyodide_runtime"])
    except BuildError as error:
        raise PluginError(str(error)) from error
