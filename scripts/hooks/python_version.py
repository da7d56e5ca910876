"""MkDocs hook: stop at once, with one clear line, if this Python cannot build the wheel."""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from scripts.pyodide_runtime import BuildError, check_python_matches


def on_config(config: Any) -> Any:
    try:
        check_python_matches()
    except BuildError as error:
        raise PluginError(str(error)) from error
    return config
