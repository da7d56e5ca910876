"""A step as plain JSON-ready data: what the browser widget renders and the CLI prints."""

from __future__ import annotations

from typing import Any

from decision_tree.engine import Step
from decision_tree.model import Outcome, Tree
from decision_tree.permalink import encode


def step_view(tree: Tree, step: Step, ignored: tuple[str, ...] | list[str] = ()) -> dict[str, Any]:
    node = step.node
    view: dict[str, Any] = {
        "tree": tree.slug,
        "permalink": encode(step.answers),
        "ignored": list(ignored),
        "trail": [
            {
                # How many answers came before this question: "Change" goes back to the
                # step that asked it, the first `depth` parts of this step's link.
                "depth": number,
                "question_id": r.question.id,
                "prompt": r.question.prompt,
                "option_id": r.option.id,
                "label": r.option.label,
                "note": r.option.note,
            }
            for number, r in enumerate(step.reasons)
        ],
    }
    if isinstance(node, Outcome):
        view["kind"] = "outcome"
        view["outcome"] = {
            "id": node.id,
            "verdict": node.verdict.id,
            "verdict_label": node.verdict.label,
            "verdict_severe": node.verdict.severe,
            "title": node.title,
            "short": node.short,
            "first": node.first,
            "body_html": node.body_html,
            "ground_rules": list(node.ground_rules),
            "links": [{"title": link.title, "url": link.url} for link in node.links],
            # Site addresses, relative to its root: the build supplies them with the tree.
            "page_url": node.page_url,
        }
    else:
        view["kind"] = "question"
        view["question"] = {
            "id": node.id,
            "prompt": node.prompt,
            "help_html": node.help_html,
            "number": len(step.reasons) + 1,
            "options": [{"id": o.id, "label": o.label} for o in node.options],
        }
    return view
