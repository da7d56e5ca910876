"""Realistic situations, walked through the engine: each must end at a verdict an experienced
adviser would accept (tests/scenarios/off-the-record.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from decision_tree.engine import replay
from decision_tree.model import Answer, Outcome, Tree
from decision_tree.shipped import DEFAULT_SLUG, load_by_slug

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = yaml.safe_load((Path(__file__).parent / f"{DEFAULT_SLUG}.yaml").read_text())[
    "scenarios"
]


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_by_slug(DEFAULT_SLUG, docs_dir=ROOT / "docs")


def test_the_table_holds_at_least_thirty_situations() -> None:
    assert len(SCENARIOS) >= 30
    assert len({s["situation"] for s in SCENARIOS}) == len(SCENARIOS)


@pytest.mark.parametrize(
    "scenario", SCENARIOS, ids=[f"{n:02d}" for n in range(1, len(SCENARIOS) + 1)]
)
def test_each_situation_ends_at_a_verdict_an_adviser_would_accept(
    tree: Tree, scenario: dict[str, Any]
) -> None:
    answers = [Answer(*pair.split("=", 1)) for pair in scenario["answers"]]
    step = replay(tree, answers)  # raises if an answer is not asked at that point
    assert isinstance(step.node, Outcome), (
        f"the answers stop at question '{step.node.id}'; add the answer a reader would give"
    )
    accepted = set(scenario["accept"])
    assert accepted <= set(tree.verdicts), "the scenario names a verdict the tree does not have"
    assert step.node.verdict.id in accepted, (
        f"{scenario['situation']}\nends at '{step.node.id}' ({step.node.verdict.id}); "
        f"an adviser would accept {sorted(accepted)}"
    )
