"""MkDocs hook: the walkthrough's steps rendered at build time by the engine's own renderer
(scripts/prerender_steps.py): the first question into the decide page itself, so it is
readable and clickable before (or without) the engine, and every reachable step into the
site, for the decide page to show a shared link's step at first paint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from decision_tree.engine import start
from decision_tree.render import render_step
from decision_tree.views import step_view
from scripts.prerender_steps import DECIDE_TO_ROOT, STEPS_DIR, write_steps
from scripts.site_tree import load_site_tree

DECIDE_PAGE = "decide.md"


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if page.file.src_uri != DECIDE_PAGE:
        return context
    tree = load_site_tree(Path(config.docs_dir), use_directory_urls=config.use_directory_urls)
    context["decision_tree"] = tree.slug
    context["decision_step_html"] = render_step(step_view(tree, start(tree)), DECIDE_TO_ROOT)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    tree = load_site_tree(Path(config.docs_dir), use_directory_urls=config.use_directory_urls)
    write_steps(tree, Path(config.site_dir) / STEPS_DIR, DECIDE_TO_ROOT)
