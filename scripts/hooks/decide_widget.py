"""MkDocs hook: give the decide page its first question, rendered at build time by the
engine, so it is readable and clickable before Pyodide has loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decision_tree.engine import start
from decision_tree.views import step_view
from scripts.site_tree import load_site_tree

DECIDE_PAGE = "decide.md"


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    if page.file.src_uri != DECIDE_PAGE:
        return context
    tree = load_site_tree(Path(config.docs_dir))
    context["decision_step"] = step_view(tree, start(tree))
    return context
