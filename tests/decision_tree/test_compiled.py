"""The compiled form the browser loads: plain JSON data that rebuilds the very same tree."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_tree import engine
from decision_tree.compiled import FORMAT, from_data, to_data
from decision_tree.model import Tree

PLAIN = (str, int, bool, type(None))


def assert_plain(value: Any, where: str = "data") -> None:
    """Only dicts with str keys, lists and JSON scalars: no tuples, enums or dataclasses."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str, f"{where}: key {key!r}"
            assert_plain(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            assert_plain(item, f"{where}[{index}]")
    else:
        assert type(value) in PLAIN, f"{where}: {type(value).__name__} {value!r}"


def test_real_tree_round_trips_through_data(real_tree: Tree) -> None:
    assert from_data(to_data(real_tree)) == real_tree


def test_real_tree_data_is_plain_json(real_tree: Tree) -> None:
    data = to_data(real_tree)
    assert_plain(data)
    text = json.dumps(data)
    assert json.loads(text) == data
    assert from_data(json.loads(text)) == real_tree


def test_compiled_real_tree_walks_the_same_paths(real_tree: Tree) -> None:
    compiled = from_data(json.loads(json.dumps(to_data(real_tree))))
    assert [s.answers for s in engine.paths(compiled)] == [
        s.answers for s in engine.paths(real_tree)
    ]
    assert [s.node.id for s in engine.paths(compiled)] == [
        s.node.id for s in engine.paths(real_tree)
    ]


def test_data_keeps_question_and_outcome_order(real_tree: Tree) -> None:
    data = to_data(real_tree)
    assert data["format"] == FORMAT
    assert [q["id"] for q in data["questions"]] == list(real_tree.questions)
    assert [o["id"] for o in data["outcomes"]] == list(real_tree.outcomes)
    compiled = from_data(data)
    assert list(compiled.questions) == list(real_tree.questions)
    assert list(compiled.outcomes) == list(real_tree.outcomes)


@pytest.mark.parametrize("fmt", [None, 0, FORMAT + 1, "1"])
def test_data_of_another_format_is_refused(real_tree: Tree, fmt: object) -> None:
    data = {**to_data(real_tree), "format": fmt}
    with pytest.raises(ValueError, match="rebuild the site"):
        from_data(data)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_random_trees_round_trip_through_json(rich_tree_strategy, data: st.DataObject) -> None:
    tree = data.draw(rich_tree_strategy)
    compiled = to_data(tree)
    assert_plain(compiled)
    assert from_data(compiled) == tree
    assert from_data(json.loads(json.dumps(compiled))) == tree
    assert from_data(json.loads(json.dumps(compiled, ensure_ascii=False))) == tree
