"""Every reachable step pre-rendered by the engine's renderer, keyed by its canonical link,
each shared part stored once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decision_tree import engine
from decision_tree.model import Tree
from decision_tree.permalink import encode
from decision_tree.render import render_step
from decision_tree.views import step_view
from scripts.prerender_steps import prerendered_steps, write_steps
from scripts.site_tree import load_site_tree

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_site_tree(ROOT / "docs")


def lookup(data: dict, link: str) -> str | None:
    node = data["root"]
    for part in filter(None, link.split("/")):
        if part not in node.get("n", {}):
            return None
        node = node["n"][part]
    return "".join(data["fragments"][i] for i in node["p"])


def test_every_step_of_every_walk_is_there_exactly_as_the_renderer_draws_it(tree: Tree) -> None:
    data = prerendered_steps(tree, "../")
    seen = 0
    for path in engine.paths(tree):
        for n in range(len(path.answers) + 1):
            step = engine.replay(tree, path.answers[:n])
            assert lookup(data, encode(step.answers)) == render_step(step_view(tree, step), "../")
            seen += 1
    assert seen > 1000


def test_parts_are_stored_once_and_unknown_links_are_absent(tree: Tree) -> None:
    data = prerendered_steps(tree, "../")
    assert len(set(data["fragments"])) == len(data["fragments"])
    assert lookup(data, "no-such-answer") is None
    assert lookup(data, "none/constructor") is None


def test_the_file_is_compact(tree: Tree, tmp_path: Path) -> None:
    import gzip

    target = write_steps(tree, tmp_path, "../")
    assert json.loads(target.read_text("utf-8"))["tree"] == tree.slug
    # A budget, not a measurement: the whole walkthrough must stay cheap to fetch on a phone.
    assert len(gzip.compress(target.read_bytes())) < 40_000
