"""Markdown for the pages generated from the tree: one page per outcome, an index of the
answers, and "the tree at a glance" (every question and outcome, readable without JS)."""

from __future__ import annotations

import json

from decision_tree.engine import Step, paths
from decision_tree.model import Outcome, Question, Tree
from decision_tree.permalink import FRAGMENT, encode
from decision_tree.render import answer_summary, ground_rules, short_and_first, verdict_badge
from scripts.site_tree import answer_page
from scripts.tree_diagram import STANDALONE, tree_svg

DECIDE_PAGE = "decide.md"


def _yaml_string(text: str) -> str:
    """`text` as a front-matter value, exactly: a JSON string is a YAML double-quoted one."""
    return json.dumps(text, ensure_ascii=False)


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
    """`answers/<id>.md`, in the order a person acts on it: the answer and what to do first,
    the ground rules to agree, why, where to read more, every walk that ends here, then what
    to do next."""
    # The engine's renderer draws the verdict, the short answer and the checklist, as in the
    # walkthrough (a raw HTML checklist: each checkbox's label holds its text).
    verdict = outcome.verdict
    head = verdict_badge(verdict.id, verdict.label, verdict.severe) + short_and_first(
        outcome.short, outcome.first
    )
    rules = ground_rules(list(outcome.ground_rules))
    links = "\n".join(f"- [{link.title}]({_guidance_link(link.page, 1)})" for link in outcome.links)
    walks = _how_reached(routes)
    # The print button does nothing without JavaScript: hidden until print-button.js (loaded
    # by answer.html) shows it.
    print_button = (
        '<button type="button" class="md-button" data-action="print" hidden>'
        "Print this answer</button>"
    )
    return f"""---
title: {_yaml_string(outcome.title)}
description: {_yaml_string(outcome.short)}
template: answer.html
---

# {outcome.title}

{head}

## Ground rules to agree before you speak

{rules}

## Why

{outcome.body}

## Read more

{links}

??? info dt-every-way "Every way the walkthrough reaches this answer ({len(routes)})"

{walks}

<p class="dt-page-actions" markdown="span">
[Start the walkthrough](../{DECIDE_PAGE}){{ .md-button .md-button--primary }}
{print_button}
[All answers](index.md){{ .md-button }}
</p>
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
        href = f"#{option.next}" if kind == "question" else answer_page(option.next)
        note = f" — {option.note}" if option.note else ""
        lines.append(f"- **{option.label}** → {kind}: [{title}]({href}){note}")
    return "\n".join(lines)


def _diagram(tree: Tree) -> str:
    """The tree drawn by Graphviz at build time, inline at a size that reads at 100% (in a
    box that scrolls, by keyboard too), and a link to the same drawing as a file of its own
    (written by scripts/hooks/tree_diagram.py), which the browser zooms and pans; links resolve
    from tree/."""
    # Named by its figcaption. The attributes in the order md_in_html writes them (by name),
    # so the page reads as generated; a valueless one it would drop.
    figure = 'class="tree-diagram" data-search-exclude=""'
    box = 'aria-label="The diagram, which scrolls" class="tree-diagram__scroll" role="region"'
    return f"""Scroll the diagram to see all of it, or
[open the diagram full size]({STANDALONE}) to zoom and pan.

<figure {figure}>
<div {box} tabindex="0">
{tree_svg(tree, answers_prefix="../")}
</div>
<figcaption id="tree-diagram-caption">The whole tree. Rounded boxes are questions, shaded
boxes are answers, and each arrow carries the reply that leads along it. Select a box to go
to that question or to that answer's page.</figcaption>
</figure>"""


def tree_overview(tree: Tree) -> str:
    """A diagram of the tree, every question in the order a walk meets them, then every
    outcome."""
    questions = "\n\n".join(_question_section(tree, q) for q in _walk_order(tree))
    # The engine's renderer draws each answer as the walkthrough labels it; raw HTML, so
    # links are the built pages' addresses, from tree/.
    items = "".join(
        answer_summary(
            o.title, "../" + o.page_url, o.verdict.id, o.verdict.label, o.short, o.verdict.severe
        )
        for o in tree.outcomes.values()
    )
    outcomes = f'<ul class="dt-answers">{items}</ul>'
    # The diagram first where it has room; on a narrow screen, where it is a small window on
    # a large drawing, diagram.css shows the questions first (the two blocks hold no
    # reference to each other's position, so either order reads).
    return f"""# The tree at a glance

All of "{tree.title}" on one page: every question, where each answer leads, and every
outcome. It works without JavaScript and prints well. To be walked through it one
question at a time, use [the walkthrough]({DECIDE_PAGE}).

<div class="tree-overview" markdown>
<div class="tree-overview__diagram" markdown>

## Diagram

{_diagram(tree)}

</div>
<div class="tree-overview__questions" markdown>

## Questions

{questions}

</div>
</div>

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
