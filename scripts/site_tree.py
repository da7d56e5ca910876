"""The site's trees, loaded and validated once per build (again only when a file changes)."""

from __future__ import annotations

from pathlib import Path

from decision_tree.loader import load_tree
from decision_tree.model import Tree
from scripts.pyodide_runtime import ROOT
from scripts.render_markdown import render_tree_html

TREES_DIR = ROOT / "decision_tree" / "trees"
SITE_TREE = "off-the-record"

_cache: dict[Path, tuple[float, float, Tree]] = {}


def tree_path(slug: str = SITE_TREE) -> Path:
    return TREES_DIR / f"{slug}.yaml"


def load_site_tree(docs_dir: Path, slug: str = SITE_TREE) -> Tree:
    """The tree with its Markdown rendered; raises TreeInvalid listing every problem."""
    path = tree_path(slug)
    docs_stamp = max((p.stat().st_mtime for p in docs_dir.rglob("*.md")), default=0.0)
    stamp = path.stat().st_mtime if path.exists() else 0.0
    cached = _cache.get(path)
    if cached and cached[:2] == (stamp, docs_stamp):
        return cached[2]
    tree = render_tree_html(load_tree(path, docs_dir=docs_dir))
    _cache[path] = (stamp, docs_stamp, tree)
    return tree
