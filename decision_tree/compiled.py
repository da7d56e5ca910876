"""A tree as plain JSON data: what the build packs into the wheel, so the browser needs no
YAML parser. `to_data` and `from_data` round-trip."""

from __future__ import annotations

from typing import Any

from decision_tree.model import Link, Option, Outcome, Question, Tree, Verdict

FORMAT = 2


def to_data(tree: Tree) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "slug": tree.slug,
        "title": tree.title,
        "description": tree.description,
        "start": tree.start,
        "questions": [
            {
                "id": q.id,
                "prompt": q.prompt,
                "help": q.help,
                "help_html": q.help_html,
                "options": [
                    {"id": o.id, "label": o.label, "next": o.next, "note": o.note}
                    for o in q.options
                ],
            }
            for q in tree.questions.values()
        ],
        "outcomes": [
            {
                "id": o.id,
                "verdict": o.verdict.value,
                "title": o.title,
                "short": o.short,
                "first": o.first,
                "body": o.body,
                "body_html": o.body_html,
                "ground_rules": list(o.ground_rules),
                "links": [{"page": link.page, "title": link.title} for link in o.links],
            }
            for o in tree.outcomes.values()
        ],
    }


def from_data(data: dict[str, Any]) -> Tree:
    if data.get("format") != FORMAT:
        raise ValueError(
            f"compiled tree format {data.get('format')!r}, expected {FORMAT}; rebuild the site"
        )
    questions = {
        q["id"]: Question(
            id=q["id"],
            prompt=q["prompt"],
            help=q["help"],
            help_html=q["help_html"],
            options=tuple(Option(o["id"], o["label"], o["next"], o["note"]) for o in q["options"]),
        )
        for q in data["questions"]
    }
    outcomes = {
        o["id"]: Outcome(
            id=o["id"],
            verdict=Verdict(o["verdict"]),
            title=o["title"],
            short=o["short"],
            first=o["first"],
            body=o["body"],
            body_html=o["body_html"],
            ground_rules=tuple(o["ground_rules"]),
            links=tuple(Link(link["page"], link["title"]) for link in o["links"]),
        )
        for o in data["outcomes"]
    }
    return Tree(
        data["slug"], data["title"], data["description"], data["start"], questions, outcomes
    )
