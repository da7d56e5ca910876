"""The trees shipped in the package, found by slug: the one place that knows the trees
folder, how its files are named, and which tree the site walks by default."""

from __future__ import annotations

import json
from pathlib import Path

from decision_tree.compiled import from_data
from decision_tree.errors import DecisionTreeError
from decision_tree.model import Tree

TREES_DIR = Path(__file__).parent / "trees"
DEFAULT_SLUG = "off-the-record"


def tree_path(slug: str = DEFAULT_SLUG, trees_dir: Path = TREES_DIR) -> Path:
    """The tree file editors write: named after the tree's slug."""
    return trees_dir / f"{slug}.yaml"


def slugs(trees_dir: Path = TREES_DIR) -> list[str]:
    """Every tree in the folder, by slug, in order."""
    return sorted(p.stem for p in trees_dir.glob("*.yaml"))


def load_by_slug(
    slug: str = DEFAULT_SLUG, docs_dir: str | Path | None = None, trees_dir: Path = TREES_DIR
) -> Tree:
    """A tree by its slug: `<slug>.yaml` (needs PyYAML), validated, its guidance links
    checked against `docs_dir` when given; else `<slug>.json`, the form the build compiles
    into the wheel (which ships no YAML). DecisionTreeError names the trees there are."""
    source = tree_path(slug, trees_dir)
    if source.is_file():
        from decision_tree.loader import load_tree

        return load_tree(source, docs_dir=docs_dir)
    compiled = trees_dir / f"{slug}.json"
    if compiled.is_file():
        return from_data(json.loads(compiled.read_text(encoding="utf-8")))
    known = ", ".join(slugs(trees_dir) or sorted(p.stem for p in trees_dir.glob("*.json")))
    raise DecisionTreeError(
        f"no tree file {source}; give a YAML file or one of the shipped trees: {known or 'none'}"
    )
