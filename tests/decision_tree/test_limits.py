"""Hostile and oversized trees are refused in one line each, quickly, and the commands stay
linear in the size of the tree: paths are counted over the graph, never listed to check."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from decision_tree.errors import TreeInvalid
from decision_tree.loader import MAX_FILE_BYTES, MAX_NESTING, load_tree, parse_tree
from decision_tree.shipped import load_by_slug
from decision_tree.validate import MAX_OPTIONS, MAX_PATHS, MAX_QUESTIONS, count_paths

OUTCOME = """  - id: end
    verdict: on-the-record
    title: T
    short: S
    first: F
    body: B
    ground_rules: [R]
    links: [{page: index.md, title: Home}]
"""


def chain(questions: int, options: int) -> str:
    """`questions` questions in a row, every option of each leading to the next: options **
    questions distinct walks in a file of a few kilobytes."""
    lines = ["slug: chain", "title: T", "description: D", "start: q0"]
    lines += ["verdicts: [{id: on-the-record, label: L}]", "questions:"]
    for q in range(questions):
        target = f"q{q + 1}" if q + 1 < questions else "end"
        lines += [f"  - id: q{q}", f"    prompt: Q{q}?", "    options:"]
        lines += [f"      - {{id: o{n}, label: O{n}, next: {target}}}" for n in range(options)]
    return "\n".join([*lines, "outcomes:", OUTCOME])


def problems(text: str) -> list[str]:
    with pytest.raises(TreeInvalid) as raised:
        parse_tree(text, "chain.yaml")
    return [p.message for p in raised.value.problems]


def test_a_path_explosion_is_counted_not_listed_and_refused_at_once() -> None:
    text = chain(8, 12)  # 12**8 = 429,981,696 walks
    started = time.perf_counter()
    found = problems(text)
    assert time.perf_counter() - started < 2
    assert any(f"429,981,696 distinct walks; keep it to {MAX_PATHS:,}" in m for m in found)


def test_the_real_tree_is_well_inside_every_limit() -> None:
    tree = load_by_slug()
    assert count_paths(tree) <= MAX_PATHS // 4
    assert len(tree.questions) <= MAX_QUESTIONS // 4
    assert max(len(q.options) for q in tree.questions.values()) <= MAX_OPTIONS


def test_count_paths_agrees_with_listing_on_a_small_tree() -> None:
    from decision_tree.engine import paths

    tree = parse_tree(chain(3, 4), "chain.yaml")
    assert count_paths(tree) == sum(1 for _ in paths(tree)) == 64


def test_too_many_options_and_questions_are_reported_with_a_hint() -> None:
    assert any(
        f"has {MAX_OPTIONS + 1} options; keep it to {MAX_OPTIONS}" in m
        for m in problems(chain(1, MAX_OPTIONS + 1))
    )
    assert any(
        f"the tree has {MAX_QUESTIONS + 1} questions" in m
        for m in problems(chain(MAX_QUESTIONS + 1, 2))
    )


@pytest.mark.parametrize(
    "bomb",
    [
        "[" * 600,
        "{" * 50_000,
        "- " * 3_000 + "x",
        "\n".join(" " * i + "a:" for i in range(0, 200, 2)),
    ],
    ids=["brackets", "braces", "block-list", "indentation"],
)
@pytest.mark.parametrize("prefer_c", [True, False], ids=["libyaml", "pure-python"])
def test_nesting_bombs_are_one_line_not_a_recursion_error(bomb: str, prefer_c: bool) -> None:
    with pytest.raises(TreeInvalid) as raised:
        parse_tree(bomb, "bomb.yaml", prefer_c=prefer_c)
    [problem] = raised.value.problems
    assert "nests" in problem.message and f"at most {MAX_NESTING}" in problem.message


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("# " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(TreeInvalid) as raised:
        load_tree(path)
    [problem] = raised.value.problems
    assert "a tree must be under" in problem.message
