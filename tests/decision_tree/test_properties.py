"""Properties over random valid trees: they validate, they load from YAML unchanged, walking them
with any input only ever raises InvalidAnswer, and permalinks and the bridge never fail."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_tree import bridge, engine
from decision_tree.errors import DecisionTreeError, InvalidAnswer
from decision_tree.loader import parse_tree
from decision_tree.model import Outcome, Question, Tree, Verdict, editor_fields
from decision_tree.permalink import decode, encode
from decision_tree.validate import longest_path, validate

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

JUNK = st.one_of(
    st.text(max_size=30),
    st.text("abz019-=&?#<>/ %", max_size=30),
    st.sampled_from(["", "yes", "no", "<script>", "=", "&", "?", "#", "Ü"]),
)


def editor_data(value: Any, in_outcome: bool = False) -> Any:
    """A part of a tree as an editor writes it: the fields the model says editors write."""
    if isinstance(value, Verdict) and in_outcome:
        return value.id  # an outcome names its verdict
    if dataclasses.is_dataclass(value):
        return {
            name: editor_data(getattr(value, name), isinstance(value, Outcome))
            for name in editor_fields(type(value))
        }
    if isinstance(value, dict | tuple):
        return [
            editor_data(item) for item in (value.values() if isinstance(value, dict) else value)
        ]
    return value


def tree_yaml(tree: Tree) -> str:
    """The tree as an editor would write it: its plain data, less what the build adds."""
    return yaml.safe_dump(editor_data(tree), sort_keys=False)


def random_walk(data: st.DataObject, tree: Tree, stop_early: bool = True) -> engine.Step:
    """A valid walk: random options, stopping at an outcome or (maybe) earlier."""
    step = engine.start(tree)
    while isinstance(step.node, Question):
        if stop_early and data.draw(st.booleans(), label="stop"):
            break
        option = data.draw(st.sampled_from(step.node.options), label="option")
        step = engine.answer(tree, step, option.id)
    return step


@SETTINGS
@given(data=st.data())
def test_random_valid_trees_pass_validation(tree_strategy, data: st.DataObject) -> None:
    tree = data.draw(tree_strategy)
    assert validate(tree) == []
    assert 1 <= longest_path(tree) <= len(tree.questions)


@SETTINGS
@given(data=st.data())
def test_random_valid_trees_load_from_yaml_unchanged(
    rich_tree_strategy, data: st.DataObject
) -> None:
    tree = data.draw(rich_tree_strategy)
    loaded = parse_tree(tree_yaml(tree), f"trees/{tree.slug}.yaml")
    assert loaded == tree


@SETTINGS
@given(data=st.data())
def test_every_random_tree_walk_ends_at_an_outcome(tree_strategy, data: st.DataObject) -> None:
    tree = data.draw(tree_strategy)
    paths = list(engine.paths(tree))
    assert paths and all(isinstance(step.node, Outcome) for step in paths)
    assert {step.node.id for step in paths} == set(tree.outcomes)
    assert len({step.answers for step in paths}) == len(paths)


@SETTINGS
@given(data=st.data())
def test_random_answers_only_ever_raise_invalid_answer(tree_strategy, data: st.DataObject) -> None:
    tree = data.draw(tree_strategy)
    step = engine.start(tree)
    for _ in range(data.draw(st.integers(0, 15), label="moves")):
        node = step.node
        valid = [o.id for o in node.options] if isinstance(node, Question) else []
        choice = data.draw(st.one_of(st.sampled_from(valid), JUNK) if valid else JUNK)
        if data.draw(st.booleans(), label="back"):
            previous = engine.back(tree, step)
            assert previous.answers == step.answers[:-1]
            step = previous
            continue
        try:
            after = engine.answer(tree, step, choice)
        except InvalidAnswer:
            assert choice not in valid
            assert isinstance(InvalidAnswer(), DecisionTreeError)
            continue
        assert choice in valid
        assert isinstance(node, Question)
        option = node.option(choice)
        assert option is not None and after.node.id == option.next
        step = after


@SETTINGS
@given(data=st.data(), link=st.text(max_size=200))
def test_decode_of_any_text_never_raises(tree_strategy, data: st.DataObject, link: str) -> None:
    tree = data.draw(tree_strategy)
    decoded = decode(tree, link)
    assert engine.replay(tree, decoded.step.answers) == decoded.step
    assert all(isinstance(note, str) for note in decoded.ignored)


@SETTINGS
@given(data=st.data())
def test_decode_of_id_like_pairs_never_raises(tree_strategy, data: st.DataObject) -> None:
    tree = data.draw(tree_strategy)
    ids = sorted(
        {
            *tree.questions,
            *tree.outcomes,
            *(o.id for q in tree.questions.values() for o in q.options),
            "zz",
        }
    )
    pair = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).map("=".join)
    link = "&".join(data.draw(st.lists(st.one_of(pair, JUNK), max_size=12)))
    decoded = decode(tree, link)
    assert engine.replay(tree, decoded.step.answers) == decoded.step


@SETTINGS
@given(data=st.data())
def test_encode_decode_round_trips_random_walks(tree_strategy, data: st.DataObject) -> None:
    tree = data.draw(tree_strategy)
    step = random_walk(data, tree)
    link = encode(step.answers)
    decoded = decode(tree, link)
    assert (decoded.step, decoded.ignored) == (step, ())
    assert encode(decoded.step.answers) == link
    shuffled = data.draw(st.permutations(link.split("&"))) if link else []
    assert decode(tree, "&".join(shuffled)).step == step


REQUESTS = st.fixed_dictionaries(
    {},
    optional={
        "op": st.one_of(
            st.sampled_from(["open", "answer", "back", "start"]),
            st.text(max_size=8),
            st.none(),
            st.integers(),
        ),
        "link": st.one_of(st.text(max_size=60), st.none(), st.integers()),
        "option": st.one_of(st.text(max_size=12), st.none(), st.integers()),
        "tree": st.text(max_size=12),
    },
)


@SETTINGS
@given(data=st.data(), request=REQUESTS)
def test_bridge_respond_never_raises_on_random_requests(
    tree_strategy, data: st.DataObject, request: dict
) -> None:
    tree = data.draw(tree_strategy)
    if data.draw(st.booleans(), label="valid link"):
        request = {**request, "link": encode(random_walk(data, tree).answers)}
    if data.draw(st.booleans(), label="valid option"):
        options = [o.id for q in tree.questions.values() for o in q.options]
        request = {**request, "option": data.draw(st.sampled_from(options))}
    view = bridge.respond(request, tree=tree)
    assert view["kind"] in {"question", "outcome"}
    assert view["tree"] == tree.slug
    json.dumps(view)
    node_id = view[view["kind"]]["id"]
    assert node_id in (tree.questions if view["kind"] == "question" else tree.outcomes)
    reopened = bridge.respond({"op": "open", "link": view["permalink"]}, tree=tree)
    assert reopened["ignored"] == [] and reopened[reopened["kind"]]["id"] == node_id


@pytest.mark.parametrize("op", ["open", "answer", "back", "start"])
def test_bridge_answer_then_back_returns_to_the_same_question(sample_tree: Tree, op: str) -> None:
    view = bridge.respond({"op": op, "link": "said=no", "option": "yes"}, tree=sample_tree)
    expected = {"open": "want", "answer": "rules", "back": "said", "start": "said"}[op]
    assert view["kind"] == "question" and view["question"]["id"] == expected
    assert view["ignored"] == []
