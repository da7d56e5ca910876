"""A decision record: the answer reached, why, and the ground rules, as a Markdown file a
user can keep or send (the widget offers it as a download)."""

from __future__ import annotations

from decision_tree.engine import Step
from decision_tree.model import Outcome, Tree


def decision_record(tree: Tree, step: Step, link: str, date: str) -> str:
    """Markdown for a finished walk; `link` opens the same answer, `date` is when it was made."""
    outcome = step.node
    if not isinstance(outcome, Outcome):
        raise ValueError("a decision record needs a finished walk")
    lines = [
        f"# Decision record: {outcome.title}",
        "",
        f"- Date: {date}",
        f"- Walkthrough: {tree.title}",
        f"- Verdict: {outcome.verdict.label}",
        f"- Link: <{link}>",
        "",
        f"**{outcome.short}**",
        "",
        f"**What to do first:** {outcome.first}",
        "",
        "## Ground rules to agree before speaking",
        "",
    ]
    lines += [f"- [ ] {rule}" for rule in outcome.ground_rules]
    lines += ["", "## Answers given", ""]
    for number, reason in enumerate(step.reasons, 1):
        note = f" — {reason.option.note}" if reason.option.note else ""
        lines.append(f"{number}. {reason.question.prompt} **{reason.option.label}**{note}")
    lines += ["", "## Why", "", outcome.body, ""]
    return "\n".join(lines)
