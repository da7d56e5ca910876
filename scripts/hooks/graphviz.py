"""MkDocs hook: stop at once, with one clear line, if Graphviz's `dot` (which draws the tree
diagram) is missing."""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from scripts.tree_diagram import DiagramError, check_graphviz


def on_config(config: Any) -> Any:
    try:
        check_graphviz()
    except DiagramError as error:
        raise PluginError(str(error)) from error
    return config
