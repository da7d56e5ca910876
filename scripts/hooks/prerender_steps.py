"""MkDocs hook: every reachable step of the walkthrough, pre-rendered into the site
(scripts/prerender_steps.py), for the decide page to show before, or without, the engine."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.prerender_steps import DECIDE_TO_ROOT, STEPS_DIR, write_steps
from scripts.site_tree import load_site_tree


def on_post_build(config: MkDocsConfig) -> None:
    tree = load_site_tree(Path(config.docs_dir))
    write_steps(tree, Path(config.site_dir) / STEPS_DIR, DECIDE_TO_ROOT)
