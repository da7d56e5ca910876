"""Answer pages say how the walkthrough reaches them, listing each walk while they are few
and summarising once they are many, so the build stays linear in the size of the tree."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from scripts.site_tree import load_site_tree
from scripts.tree_pages import LISTED_WALKS, outcome_page, routes_by_outcome

ROOT = Path(__file__).resolve().parents[2]


def test_few_walks_are_listed_and_many_are_summarised_by_how_they_end() -> None:
    tree = load_site_tree(ROOT / "docs")
    routes = routes_by_outcome(tree)
    assert sum(len(r) for r in routes.values()) == 346
    few = min(routes, key=lambda o: len(routes[o]))
    many = max(routes, key=lambda o: len(routes[o]))
    assert len(routes[many]) > LISTED_WALKS
    few_page = outcome_page(tree, tree.outcomes[few], routes[few])
    many_page = outcome_page(tree, tree.outcomes[many], routes[many])
    assert few_page.count("open this walk") == len(routes[few])
    assert f"{len(routes[many])} walks end here" in many_page
    endings = {(s.reasons[-1].question.id, s.reasons[-1].option.id) for s in routes[many]}
    assert many_page.count("open this walk") == len(endings) < len(routes[many])
    assert 'href="../../decide/#/' in many_page


def test_the_tree_at_a_glance_lists_every_answer_as_the_renderer_draws_it() -> None:
    from decision_tree.render import answer_summary
    from scripts.tree_pages import tree_overview

    tree = load_site_tree(ROOT / "docs")
    page = tree_overview(tree)
    for o in tree.outcomes.values():
        summary = answer_summary(
            o.title, "../" + o.page_url, o.verdict.id, o.verdict.label, o.short, o.verdict.severe
        )
        assert summary in page


def test_an_answer_page_reads_in_the_order_a_person_acts_on_it() -> None:
    tree = load_site_tree(ROOT / "docs")
    routes = routes_by_outcome(tree)
    for outcome in tree.outcomes.values():
        page = outcome_page(tree, outcome, routes[outcome.id])
        parts = [
            f"# {outcome.title}\n",
            'class="dt-outcome__short"',
            'class="dt-first"',
            "\n## Ground rules to agree before you speak\n",
            'class="dt-rules',
            "\n## Why\n",
            outcome.body.strip().splitlines()[0],
            "\n## Read more\n",
            '??? info dt-every-way "Every way the walkthrough reaches this answer',
            'class="dt-page-actions"',
            "[Start the walkthrough](../decide.md)",
            'data-action="print" hidden>Print this answer</button>',
            "[All answers](index.md)",
        ]
        positions = [page.find(part) for part in parts]
        assert -1 not in positions, (
            outcome.id,
            [p for p, at in zip(parts, positions, strict=True) if at < 0],
        )
        assert positions == sorted(positions), outcome.id
        # The explanation sits under "Why", not above the ground rules.
        assert page.count(outcome.body.strip().splitlines()[0]) == 1
        assert "\ntemplate: answer.html\n" in page.split("\n---\n", 1)[0] + "\n"


def test_an_answer_pages_front_matter_keeps_its_title_and_summary_exactly() -> None:
    tree = load_site_tree(ROOT / "docs")
    outcome = next(iter(tree.outcomes.values()))
    awkward = dataclasses.replace(
        outcome, title='Say "no comment": it\'s #1 — really', short="a: b\\c {d} [e]"
    )
    page = outcome_page(tree, awkward, routes_by_outcome(tree)[outcome.id])
    front = yaml.safe_load(page.split("---\n")[1])
    assert (front["title"], front["description"]) == (awkward.title, awkward.short)
