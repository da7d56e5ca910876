"""Realistic situations, walked through the engine: each must end at a verdict an experienced
adviser would accept (tests/scenarios/off-the-record.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from decision_tree.engine import replay
from decision_tree.loader import load_tree
from decision_tree.model import Answer, Outcome, Tree, Verdict

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = yaml.safe_load((Path(__file__).parent / "off-the-record.yaml").read_text())["scenarios"]


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_tree(ROOT / "decision_tree/trees/off-the-record.yaml", docs_dir=ROOT / "docs")


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
    accepted = {Verdict(v) for v in scenario["accept"]}
    assert step.node.verdict in accepted, (
        f"{scenario['situation']}\nends at '{step.node.id}' ({step.node.verdict.value}); "
        f"an adviser would accept {sorted(v.value for v in accepted)}"
    )
