"""The depth checks work without recursion, so no tree can crash the validator."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from decision_tree.engine import paths
from decision_tree.errors import TreeInvalid
from decision_tree.loader import parse_tree
from decision_tree.model import Tree
from decision_tree.validate import MAX_DEPTH, longest_path
from scripts.generated_tree import generated_tree_yaml, outcome_yaml


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_longest_path_is_the_longest_walk(data: st.DataObject, tree_strategy) -> None:  # type: ignore[no-untyped-def]
    tree: Tree = data.draw(tree_strategy)
    assert longest_path(tree) == max(len(step.reasons) for step in paths(tree))


def test_a_very_deep_chain_is_reported_not_a_crash() -> None:
    chain = 3000
    lines = ["slug: deep", "title: T", "description: D", "start: q0"]
    lines += ["verdicts: [{id: on-the-record, label: L}]", "questions:"]
    for n in range(chain):
        following = f"q{n + 1}" if n + 1 < chain else "end"
        lines += [
            f"  - id: q{n}",
            "    prompt: P",
            "    options:",
            f"      - {{id: a, label: A, next: {following}}}",
            "      - {id: b, label: B, next: end}",
        ]
    lines += ["outcomes:", *outcome_yaml("end")]
    with pytest.raises(TreeInvalid) as raised:
        parse_tree("\n".join(lines), "deep.yaml")
    assert f"the longest walk asks {chain} questions" in str(raised.value)
    assert f"{MAX_DEPTH} questions or fewer" in str(raised.value)


def test_the_benchmarks_generated_tree_is_valid() -> None:
    tree = parse_tree(generated_tree_yaml(1000), "generated.yaml")
    assert len(tree.questions) + len(tree.outcomes) >= 1000
    assert longest_path(tree) <= MAX_DEPTH
