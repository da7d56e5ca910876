"""Readable, stable links to a step: `question=option&question=option`, GOV.UK style.

Ids, not positions, so reordering options or adding a question elsewhere keeps old
links working. Decoding never raises: it walks as far as the answers allow and says
what it ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from decision_tree.engine import Step, answer, start
from decision_tree.model import Answer, Outcome, Tree

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_PAIRS = 64  # a real walk has at most a handful; more is noise or abuse
MAX_SHOWN = 40  # characters of an ignored fragment quoted back in a notice


@dataclass(frozen=True)
class Decoded:
    step: Step
    ignored: tuple[str, ...]


def encode(answers: tuple[Answer, ...] | list[Answer]) -> str:
    return "&".join(f"{a.question_id}={a.option_id}" for a in answers)


def _shown(fragment: str) -> str:
    return fragment if len(fragment) <= MAX_SHOWN else fragment[: MAX_SHOWN - 1] + "…"


def decode(tree: Tree, link: str) -> Decoded:
    """The last valid step a link reaches, and a note on each part of it that was ignored."""
    ignored: list[str] = []
    # a full URL: keep the query only; its #fragment is the page's, not part of the walk
    query = link.split("?", 1)[1].split("#", 1)[0] if "?" in link else link
    query = query.lstrip("#")
    parts = [p for p in query.split("&") if p]
    if len(parts) > MAX_PAIRS:
        ignored.append(f"{len(parts) - MAX_PAIRS} parts past the first {MAX_PAIRS}")
        parts = parts[:MAX_PAIRS]
    given: dict[str, str] = {}
    for part in parts:
        question_id, sep, option_id = part.partition("=")
        if not sep or not ID.match(question_id) or not ID.match(option_id):
            ignored.append(f"'{_shown(part)}' (not a question=answer pair)")
        elif question_id in given:
            ignored.append(f"a second answer to '{question_id}'")
        else:
            given[question_id] = option_id
    step = start(tree)
    while not isinstance(step.node, Outcome) and step.node.id in given:
        option_id = given.pop(step.node.id)
        if step.node.option(option_id) is None:
            ignored.append(f"'{_shown(option_id)}' (no longer an answer to '{step.node.id}')")
            break
        step = answer(tree, step, option_id)
    for question_id in given:
        reason = "not asked on this path" if question_id in tree.questions else "unknown question"
        ignored.append(f"the answer to '{_shown(question_id)}' ({reason})")
    return Decoded(step, tuple(ignored))
