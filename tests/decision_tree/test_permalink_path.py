"""The canonical link: the options chosen, in order, in the page's fragment (`#/a/b`). It is
short, readable, never reaches a server, and decodes like the older query form."""

from __future__ import annotations

import pytest

from decision_tree import engine
from decision_tree.model import Answer, Tree
from decision_tree.permalink import FRAGMENT, decode, encode, encode_pairs


def test_encode_is_the_options_in_order_joined_by_slashes() -> None:
    assert encode([Answer("said", "no"), Answer("want", "yes")]) == "no/yes"
    assert encode([]) == ""


def test_every_step_of_every_path_round_trips_in_the_fragment(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    for path in real_paths:
        for i in range(len(path.answers) + 1):
            step = engine.replay(real_tree, path.answers[:i])
            for link in (encode(step.answers), FRAGMENT + encode(step.answers)):
                decoded = decode(real_tree, link)
                assert (decoded.step, decoded.ignored) == (step, ())


def test_the_canonical_link_is_shorter_than_the_query_form(real_paths: list[engine.Step]) -> None:
    longest = max(real_paths, key=lambda s: len(encode_pairs(s.answers)))
    assert len(encode(longest.answers)) < len(encode_pairs(longest.answers)) * 0.7
    assert max(len(encode(s.answers)) for s in real_paths) < 300


@pytest.mark.parametrize(
    "address",
    ["https://kb.example/decide/#/{walk}", "/decide/#/{walk}", "decide/#/{walk}", "#/{walk}"],
)
def test_a_full_address_with_the_walk_in_its_fragment_opens_it(
    real_tree: Tree, real_paths: list[engine.Step], address: str
) -> None:
    step = real_paths[-1]
    decoded = decode(real_tree, address.format(walk=encode(step.answers)))
    assert (decoded.step, decoded.ignored) == (step, ())


def test_the_older_query_form_still_opens_the_same_step(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    step = real_paths[-1]
    decoded = decode(real_tree, "https://kb.example/decide/?" + encode_pairs(step.answers))
    assert (decoded.step, decoded.ignored) == (step, ())


def test_a_heading_anchor_or_a_bare_page_address_opens_the_start(real_tree: Tree) -> None:
    for link in ("https://kb.example/decide/", "decide/", "decide/#the-short-version"):
        decoded = decode(real_tree, link)
        assert (decoded.step, decoded.ignored) == (engine.start(real_tree), ())


def test_percent_encoding_is_decoded_once(real_tree: Tree, real_paths: list[engine.Step]) -> None:
    step = real_paths[-1]
    escaped = "/".join(a.option_id.replace("-", "%2D") for a in step.answers)
    assert decode(real_tree, FRAGMENT + escaped).step == step
    twice = escaped.replace("%", "%25")  # decoding twice would accept this too
    decoded_twice = decode(real_tree, FRAGMENT + twice)
    assert decoded_twice.step != step and "%2D" in decoded_twice.ignored[0]
    pairs = encode_pairs(step.answers).replace("-", "%2D")
    assert decode(real_tree, "?" + pairs).step == step


def test_a_stale_answer_stops_there_and_says_what_was_ignored(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    step = next(s for s in real_paths if len(s.answers) >= 3)
    options = [a.option_id for a in step.answers]
    link = "/".join([options[0], "retired", *options[2:]])
    decoded = decode(real_tree, link)
    assert decoded.step == engine.replay(real_tree, step.answers[:1])
    question = step.answers[1].question_id
    assert decoded.ignored == (
        f"'retired' (not an answer to '{question}')",
        f"{len(options) - 2} later answer(s)",
    )


def test_answers_past_an_outcome_are_ignored_and_counted(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    step = real_paths[0]
    decoded = decode(real_tree, encode(step.answers) + "/extra/more")
    assert decoded.step == step
    assert decoded.ignored == (f"2 answer(s) after the answer '{step.node.id}'",)


@pytest.mark.parametrize("junk", ["<script>", "A", "a b", "%3Cb%3E", "é" * 50_000])
def test_junk_is_quoted_shortened_and_never_raises(real_tree: Tree, junk: str) -> None:
    decoded = decode(real_tree, FRAGMENT + junk)
    assert decoded.step == engine.start(real_tree)
    assert len(decoded.ignored) == 1 and len(decoded.ignored[0]) < 120


def test_a_second_question_mark_is_reported_not_silently_dropped(real_tree: Tree) -> None:
    decoded = decode(real_tree, f"decide/?x=y?{real_tree.start}=none")
    assert decoded.step == engine.start(real_tree)
    assert decoded.ignored and "x=y?" in decoded.ignored[0]
