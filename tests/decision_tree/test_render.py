"""The one renderer: every text escaped in one place, the same HTML for the same step, and
parts that join into the fragment."""

from __future__ import annotations

import dataclasses
import html

from decision_tree import engine
from decision_tree.model import Tree
from decision_tree.permalink import decode
from decision_tree.render import render_step, step_parts
from decision_tree.views import step_view

HOSTILE = "\"><script>alert(1)</script><b a='x'>&amp;"


def test_every_text_is_escaped_including_attributes(real_tree: Tree) -> None:
    start = real_tree.questions[real_tree.start]
    option = dataclasses.replace(start.options[0], label=HOSTILE)
    question = dataclasses.replace(start, prompt=HOSTILE, options=(option, *start.options[1:]))
    tree = dataclasses.replace(real_tree, questions={**real_tree.questions, start.id: question})
    out = render_step(step_view(tree, engine.start(tree)), "../")
    assert "<script>" not in out and "<b a=" not in out
    assert out.count(html.escape(HOSTILE, quote=True)) >= 3  # heading, aria-label, announce, button
    assert f'aria-label="{html.escape(HOSTILE, quote=True)}"' in out


def test_a_question_step_is_one_element_with_its_options_as_buttons(real_tree: Tree) -> None:
    view = step_view(real_tree, engine.start(real_tree))
    out = render_step(view, "../")
    assert out.startswith(
        f'<div class="dt-step" data-kind="question" data-question="{real_tree.start}"'
        ' data-announce="Question 1: '
    )
    assert out.endswith("</div>")
    for option in real_tree.questions[real_tree.start].options:
        assert f'data-option="{option.id}"' in out


def test_an_outcome_lists_every_reason_and_links_from_the_page_to_the_site(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    step = max(real_paths, key=lambda s: len(s.reasons))
    view = step_view(real_tree, step)
    view["outcome"]["page_url"] = f"answers/{step.node.id}/"  # as the build supplies it
    parts = step_parts(view, "../")
    assert len(parts) == len(step.reasons) + 2
    out = "".join(parts)
    assert out == render_step(view, "../")
    assert out.count('<div class="dt-given__row"') == len(step.reasons)
    assert f'href="../answers/{step.node.id}/"' in out
    assert "What to do first:" in out and 'data-action="download"' in out


def test_an_outcome_reads_in_the_order_a_person_acts(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    step = max(real_paths, key=lambda s: len(s.reasons))
    out = render_step(step_view(real_tree, step), "../")
    marks = [
        '<h3 class="dt-step__prompt dt-outcome__title"',
        'class="dt-outcome__short"',
        "What to do first:",
        "<h4>Ground rules to agree before you speak</h4>",
        "<h4>Your answers</h4>",
        "<h4>Why</h4>",
        "<h4>Read more</h4>",
        'data-action="print"',
    ]
    positions = [out.index(mark) for mark in marks]
    assert positions == sorted(positions), marks
    # The verdict is part of the step's main heading.
    heading = out[positions[0] : out.index("</h3>")]
    assert step.node.verdict.label in heading and html.escape(step.node.title) in heading


def test_each_answer_given_links_to_the_step_that_asked_it(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    step = max(real_paths, key=lambda s: len(s.reasons))
    out = render_step(step_view(real_tree, step), "../")
    # The row carries how many answers came before its question; the page links "Change" to
    # that many parts of the answer's link, which must open the question again.
    options = [r.option.id for r in step.reasons]
    for number, reason in enumerate(step.reasons):
        row = out.index(f'data-question="{reason.question.id}" data-option="{reason.option.id}"')
        depth = out.index('class="dt-change" href="#/" data-depth="', row) + len(
            'class="dt-change" href="#/" data-depth="'
        )
        assert int(out[depth : out.index('"', depth)]) == number
        assert decode(real_tree, "#/" + "/".join(options[:number])).step.node == reason.question


def test_a_row_of_your_answers_is_the_same_on_every_path_through_it(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    # So the pre-rendered steps file stores each row once, whatever came before it.
    rows: dict[tuple[int, str, str], set[str]] = {}
    for step in real_paths:
        parts = step_parts(step_view(real_tree, step), "../")
        for number, (reason, part) in enumerate(zip(step.reasons, parts[1:-1], strict=True)):
            rows.setdefault((number, reason.question.id, reason.option.id), set()).add(part)
    assert all(len(variants) == 1 for variants in rows.values())


def test_the_same_step_renders_the_same_bytes_every_time(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    for step in real_paths[:50]:
        assert render_step(step_view(real_tree, step), "../") == render_step(
            step_view(real_tree, engine.replay(real_tree, step.answers)), "../"
        )
