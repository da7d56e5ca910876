"""Permalinks: every walk round-trips, and stale, unknown or malformed links never fail: they
open at the last valid step and say what was ignored."""

from __future__ import annotations

import random

import pytest

from decision_tree import engine
from decision_tree.model import Answer, Tree
from decision_tree.permalink import MAX_PAIRS, MAX_SHOWN, decode
from decision_tree.permalink import encode_pairs as encode


@pytest.fixture(scope="module")
def first_moves(real_tree: Tree) -> tuple[str, str, str, str]:
    """(start, an option of it leading to a question, that question, an option to an outcome)."""
    start = real_tree.questions[real_tree.start]
    onward = next(o for o in start.options if o.next in real_tree.questions)
    ending = next(o for o in start.options if o.next in real_tree.outcomes)
    return start.id, onward.id, onward.next, ending.id


def test_the_older_query_form_is_question_equals_option_joined_by_ampersands() -> None:
    answers = [Answer("said", "no"), Answer("want", "yes")]
    assert encode(answers) == "said=no&want=yes"
    assert encode([]) == ""


def test_every_path_round_trips(real_tree: Tree, real_walk: str) -> None:
    decoded = decode(real_tree, real_walk)
    assert decoded.ignored == ()
    assert decoded.step.is_outcome
    assert encode(decoded.step.answers) == real_walk
    assert decoded.step == engine.replay(real_tree, decoded.step.answers)


def test_every_step_of_every_path_round_trips(real_tree: Tree, real_paths: list) -> None:
    for path in real_paths:
        for i in range(len(path.answers) + 1):
            step = engine.replay(real_tree, path.answers[:i])
            decoded = decode(real_tree, encode(step.answers))
            assert (decoded.step, decoded.ignored) == (step, ())


@pytest.mark.parametrize("order", ["reversed", "shuffled", "rotated"])
def test_decoding_does_not_depend_on_the_order_of_the_pairs(
    real_tree: Tree, real_walk: str, order: str
) -> None:
    pairs = real_walk.split("&")
    if order == "reversed":
        pairs.reverse()
    elif order == "shuffled":
        random.Random(real_walk).shuffle(pairs)
    else:
        pairs = pairs[1:] + pairs[:1]
    decoded = decode(real_tree, "&".join(pairs))
    assert (decoded.step, decoded.ignored) == (decode(real_tree, real_walk).step, ())


def test_ignored_parts_do_not_depend_on_the_order_of_the_pairs(
    real_tree: Tree, first_moves
) -> None:
    start, onward, _, _ = first_moves
    pairs = [f"{start}={onward}", "no-such-question=yes", "<b>", "x=y=z"]
    results = {
        (decode(real_tree, "&".join(p)).step, tuple(sorted(decode(real_tree, "&".join(p)).ignored)))
        for p in (pairs, pairs[::-1], pairs[2:] + pairs[:2])
    }
    assert len(results) == 1


def test_empty_link_opens_the_start_with_nothing_ignored(real_tree: Tree) -> None:
    assert decode(real_tree, "") == decode(real_tree, "?")
    decoded = decode(real_tree, "")
    assert decoded.step == engine.start(real_tree) and decoded.ignored == ()


@pytest.mark.parametrize(
    "prefix",
    [
        "?",
        "#",
        "https://example.org/decide/?",
        "/decide/?",
        "https://example.org/decide/index.html?",
    ],
)
def test_leading_question_mark_hash_or_full_url_is_accepted(
    real_tree: Tree, real_walk: str, prefix: str
) -> None:
    decoded = decode(real_tree, prefix + real_walk)
    assert decoded.ignored == ()
    assert encode(decoded.step.answers) == real_walk


def test_a_full_url_with_a_fragment_keeps_its_last_answer(real_tree: Tree, real_walk: str) -> None:
    decoded = decode(real_tree, f"https://example.org/decide/?{real_walk}#answer")
    assert decoded.ignored == ()
    assert encode(decoded.step.answers) == real_walk


def test_unknown_question_is_ignored_and_named(real_tree: Tree, first_moves) -> None:
    start, onward, next_question, _ = first_moves
    decoded = decode(real_tree, f"{start}={onward}&no-such-question=yes")
    assert decoded.step.node.id == next_question
    assert decoded.ignored == ("the answer to 'no-such-question' (unknown question)",)


def test_answer_to_a_question_not_on_this_path_is_ignored(real_tree: Tree, first_moves) -> None:
    start, _, next_question, ending = first_moves
    option = real_tree.questions[next_question].options[0].id
    decoded = decode(real_tree, f"{start}={ending}&{next_question}={option}")
    assert decoded.step.is_outcome
    assert decoded.step.answers == (Answer(start, ending),)
    assert decoded.ignored == (f"the answer to '{next_question}' (not asked on this path)",)


def test_option_no_longer_valid_stops_at_that_question(real_tree: Tree, real_walk: str) -> None:
    answers = decode(real_tree, real_walk).step.answers
    stale = answers[-1]
    link = encode([*answers[:-1], Answer(stale.question_id, "retired-option")])
    decoded = decode(real_tree, link)
    assert decoded.step == engine.replay(real_tree, answers[:-1])
    assert decoded.step.node.id == stale.question_id
    assert decoded.ignored == (f"'retired-option' (no longer an answer to '{stale.question_id}')",)


def test_stale_option_early_on_reports_the_later_answers_too(real_tree: Tree, first_moves) -> None:
    start, _, next_question, _ = first_moves
    option = real_tree.questions[next_question].options[0].id
    decoded = decode(real_tree, f"{start}=maybe&{next_question}={option}")
    assert decoded.step == engine.start(real_tree)
    assert decoded.ignored == (
        f"'maybe' (no longer an answer to '{start}')",
        f"the answer to '{next_question}' (not asked on this path)",
    )


def test_duplicate_answer_keeps_the_first(real_tree: Tree, first_moves) -> None:
    start, onward, next_question, ending = first_moves
    decoded = decode(real_tree, f"{start}={onward}&{start}={ending}")
    assert decoded.step.node.id == next_question
    assert decoded.ignored == (f"a second answer to '{start}'",)


@pytest.mark.parametrize(
    "junk",
    [
        "<script>alert(1)</script>",
        "<script>=x",
        "x=<script>",
        "=",
        "a=",
        "=b",
        "a=b=c",
        "A=B",
        "a b=c",
        "a--b=c",
        "-a=b",
        "a%3Db",
        "a=b;c=d",
    ],
)
def test_malformed_pair_is_ignored_and_quoted(real_tree: Tree, first_moves, junk: str) -> None:
    start, onward, next_question, _ = first_moves
    decoded = decode(real_tree, f"{start}={onward}&{junk}")
    assert decoded.step.node.id == next_question
    assert decoded.ignored == (f"'{junk}' (not a question=answer pair)",)


def test_empty_parts_are_skipped_silently(real_tree: Tree, first_moves) -> None:
    start, onward, next_question, _ = first_moves
    decoded = decode(real_tree, f"&&{start}={onward}&&&")
    assert (decoded.step.node.id, decoded.ignored) == (next_question, ())


@pytest.mark.parametrize(
    "huge",
    [
        "a" * 100_000,
        "x=" + "y" * 100_000,
        "<" * 100_000,
        "a=b&" * 25_000,
        "&" * 100_000,
        "é" * 100_000,
    ],
)
def test_a_100000_character_link_opens_with_short_notes(real_tree: Tree, huge: str) -> None:
    decoded = decode(real_tree, huge)
    assert decoded.step == engine.start(real_tree)
    assert len(decoded.ignored) <= MAX_PAIRS + 1
    assert all(len(note) < MAX_SHOWN + 60 for note in decoded.ignored)


def test_a_long_stale_option_is_quoted_shortened(real_tree: Tree) -> None:
    decoded = decode(real_tree, f"{real_tree.start}=" + "z" * 100_000)
    assert decoded.step == engine.start(real_tree)
    [note] = decoded.ignored
    assert note == f"'{'z' * (MAX_SHOWN - 1)}…' (no longer an answer to '{real_tree.start}')"


def test_too_many_pairs_are_cut_and_counted(real_tree: Tree, real_walk: str) -> None:
    walk = real_walk.split("&")
    noise = [f"junk{i}=x" for i in range(100)]
    decoded = decode(real_tree, "&".join(walk + noise))
    assert encode(decoded.step.answers) == real_walk  # the walk itself is kept
    assert decoded.ignored[0] == f"{len(walk) + 100 - MAX_PAIRS} parts past the first {MAX_PAIRS}"
    kept_noise = MAX_PAIRS - len(walk)
    assert decoded.ignored[1:] == tuple(
        f"the answer to 'junk{i}' (unknown question)" for i in range(kept_noise)
    )


def test_answers_past_the_limit_are_not_used(real_tree: Tree, real_walk: str) -> None:
    noise = [f"junk{i}=x" for i in range(MAX_PAIRS)]
    decoded = decode(real_tree, "&".join([*noise, *real_walk.split("&")]))
    assert decoded.step == engine.start(real_tree)
    assert decoded.ignored[0].endswith(f"parts past the first {MAX_PAIRS}")
