"""Markdown for the pages generated from the tree: one page per outcome, an index of the
answers, and "the tree at a glance" (every question and outcome, readable without JS)."""

from __future__ import annotations

from decision_tree.engine import Step, paths
from decision_tree.model import Outcome, Question, Tree
from decision_tree.permalink import FRAGMENT, encode
from decision_tree.render import answer_summary, ground_rules, short_and_first, verdict_badge
from scripts.tree_diagram import tree_svg

DECIDE_PAGE = "decide.md"


def _guidance_link(page: str, depth: int) -> str:
    return "../" * depth + page


# Up to this many walks an answer page lists each one; past it, it says how walks end.
LISTED_WALKS = 12


def routes_by_outcome(tree: Tree) -> dict[str, list[Step]]:
    """Every walk, grouped by the answer it reaches: one pass over the tree's paths."""
    grouped: dict[str, list[Step]] = {o: [] for o in tree.outcomes}
    for step in paths(tree):
        grouped[step.node.id].append(step)
    return grouped


def _walk_link(step: Step) -> str:
    # Raw HTML: MkDocs would check the walk's fragment as a heading anchor of the page.
    return f'<a href="../../decide/{FRAGMENT}{encode(step.answers)}">open this walk</a>'


def _how_reached(routes: list[Step]) -> str:
    """Each walk while they are few; past that, the last question and answer of the walks,
    each once with an example, so the page stays short however the tree grows."""
    if len(routes) <= LISTED_WALKS:
        return "\n".join(
            f"    {n}. "
            + "; ".join(f"*{r.question.prompt}* **{r.option.label}**" for r in step.reasons)
            + f" ({_walk_link(step)})"
            for n, step in enumerate(routes, 1)
        )
    endings: dict[tuple[str, str], list[Step]] = {}
    for step in routes:
        last = step.reasons[-1]
        endings.setdefault((last.question.prompt, last.option.label), []).append(step)
    lines = [f"    {len(routes)} walks end here. Their last question and answer:", ""]
    lines += [
        f"    - *{prompt}* **{label}** ({len(steps)} walks; for example, {_walk_link(steps[0])})"
        for (prompt, label), steps in endings.items()
    ]
    return "\n".join(lines)


def outcome_page(tree: Tree, outcome: Outcome, routes: list[Step]) -> str:
    """`answers/<id>.md`: the answer, why, the ground rules and where to read more."""
    # The engine's renderer draws the verdict, the short answer and the checklist, as in the
    # walkthrough (a raw HTML checklist: each checkbox's label holds its text).
    head = verdict_badge(outcome.verdict.value, outcome.verdict.label) + short_and_first(
        outcome.short, outcome.first
    )
    rules = ground_rules(list(outcome.ground_rules))
    links = "\n".join(f"- [{link.title}]({_guidance_link(link.page, 1)})" for link in outcome.links)
    walks = _how_reached(routes)
    return f"""---
title: "{outcome.title.replace('"', "'")}"
description: "{outcome.short.replace('"', "'")}"
---

# {outcome.title}

{head}

{outcome.body}

## Ground rules to agree before you speak

{rules}

## Read more

{links}

??? info "Every way the walkthrough reaches this answer ({len(routes)})"

{walks}

[Start the walkthrough](../{DECIDE_PAGE}){{ .md-button .md-button--primary }}
[All answers](index.md){{ .md-button }}
"""


def answers_index(tree: Tree) -> str:
    rows = "\n".join(
        f"| [{o.title}]({o.id}.md) | {o.verdict.label} | {o.short} |"
        for o in tree.outcomes.values()
    )
    return f"""# Answers

Every answer the walkthrough "{tree.title}" can give, each on a page of its own that
you can link to.

| Answer | Verdict | In short |
| --- | --- | --- |
{rows}
"""


def _question_section(tree: Tree, question: Question) -> str:
    lines = [f"### {question.prompt} {{#{question.id}}}", ""]
    if question.help:
        lines += [question.help, ""]
    for option in question.options:
        target = tree.node(option.next)
        kind = "question" if isinstance(target, Question) else "answer"
        title = target.prompt if isinstance(target, Question) else getattr(target, "title", "")
        href = f"#{option.next}" if kind == "question" else f"answers/{option.next}.md"
        note = f" — {option.note}" if option.note else ""
        lines.append(f"- **{option.label}** → {kind}: [{title}]({href}){note}")
    return "\n".join(lines)


def _diagram(tree: Tree) -> str:
    """The tree drawn by Graphviz at build time, inline; links resolve from tree/."""
    figure = 'class="tree-diagram" aria-labelledby="tree-diagram-caption" data-search-exclude'
    return f"""<figure {figure}>
{tree_svg(tree, answers_prefix="../")}
<figcaption id="tree-diagram-caption">The whole tree. Rounded boxes are questions, shaded
boxes are answers, and each arrow carries the reply that leads along it. Select a box to go
to that question below or to that answer's page.</figcaption>
</figure>"""


def tree_overview(tree: Tree) -> str:
    """A diagram of the tree, every question in the order a walk meets them, then every
    outcome."""
    questions = "\n\n".join(_question_section(tree, q) for q in _walk_order(tree))
    # The engine's renderer draws each answer as the walkthrough labels it; raw HTML, so
    # links are the built pages' addresses, from tree/.
    items = "".join(
        answer_summary(o.title, f"../answers/{o.id}/", o.verdict.value, o.verdict.label, o.short)
        for o in tree.outcomes.values()
    )
    outcomes = f'<ul class="dt-answers">{items}</ul>'
    return f"""# The tree at a glance

All of "{tree.title}" on one page: every question, where each answer leads, and every
outcome. It works without JavaScript and prints well. To be walked through it one
question at a time, use [the walkthrough]({DECIDE_PAGE}).

## Diagram

{_diagram(tree)}

## Questions

{questions}

## Answers

{outcomes}
"""


def _walk_order(tree: Tree) -> list[Question]:
    """Questions breadth-first from the start, so the page reads in the order of a walk."""
    order, queue = [tree.start], [tree.start]
    while queue:
        for option in tree.questions[queue.pop(0)].options:
            if option.next in tree.questions and option.next not in order:
                order.append(option.next)
                queue.append(option.next)
    return [tree.questions[q] for q in order]
