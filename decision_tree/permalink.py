"""Readable, stable links to a step, GOV.UK style.

The canonical form is the walk's option ids in order, joined by "/" (`none/not-yet/give-context`),
carried in the page's URL fragment (`decide/#/none/not-yet/give-context`) so the answers never
reach a server log or a Referer. The older query form, `question=option&question=option`, still
opens: its ids name the questions, so the pairs may come in any order.

Ids, not positions, so reordering options or adding a question elsewhere keeps old links
working. Decoding never raises: it walks as far as the answers allow and says what it ignored.
Percent-encoding is decoded once, here, for every caller (the CLI and the browser alike).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from decision_tree.engine import Step, answer, start
from decision_tree.model import ID_PATTERN, Answer, Outcome, Tree

SEPARATOR = "/"
FRAGMENT = "#/"  # how a walk starts in a URL's fragment: decide/#/none/not-yet
MAX_PAIRS = 64  # a real walk has at most a handful; more is noise or abuse
MAX_SHOWN = 40  # characters of an ignored fragment quoted back in a notice


@dataclass(frozen=True)
class Decoded:
    step: Step
    ignored: tuple[str, ...]


def encode(answers: tuple[Answer, ...] | list[Answer]) -> str:
    """The canonical link: the options chosen, in order."""
    return SEPARATOR.join(a.option_id for a in answers)


def encode_pairs(answers: tuple[Answer, ...] | list[Answer]) -> str:
    """`question=option&…`: the older query form, and the golden table's readable rows."""
    return "&".join(f"{a.question_id}={a.option_id}" for a in answers)


def _shown(fragment: str) -> str:
    return fragment if len(fragment) <= MAX_SHOWN else fragment[: MAX_SHOWN - 1] + "…"


def walk_part(link: str) -> str:
    """The part of a link that holds the walk: a `#/…` fragment, else the query, else the link
    itself. A fragment that is not a walk (a heading's anchor) is the page's own, and a bare
    page address (`https://…/decide/`) holds no walk."""
    before, hash_sign, fragment = link.partition("#")
    if hash_sign and fragment.startswith(SEPARATOR):
        return fragment
    if "?" in before:
        return before.split("?", 1)[1]
    if hash_sign and not before:
        return fragment
    if "://" in before or before.endswith((SEPARATOR, ".html")):
        return ""
    return before


def decode(tree: Tree, link: str) -> Decoded:
    """The last valid step a link reaches, and a note on each part of it that was ignored."""
    text = walk_part(link)
    if "=" in text:
        return _decode_pairs(tree, text)
    return _decode_path(tree, text)


def _decode_path(tree: Tree, text: str) -> Decoded:
    ignored: list[str] = []
    parts = [unquote(p) for p in text.split(SEPARATOR) if p]
    if len(parts) > MAX_PAIRS:
        ignored.append(f"{len(parts) - MAX_PAIRS} parts past the first {MAX_PAIRS}")
        parts = parts[:MAX_PAIRS]
    step = start(tree)
    for index, part in enumerate(parts):
        node = step.node
        later = len(parts) - index - 1
        if isinstance(node, Outcome):
            ignored.append(f"{len(parts) - index} answer(s) after the answer '{node.id}'")
            break
        if not ID_PATTERN.match(part) or node.option(part) is None:
            ignored.append(f"'{_shown(part)}' (not an answer to '{node.id}')")
            if later:
                ignored.append(f"{later} later answer(s)")
            break
        step = answer(tree, step, part)
    return Decoded(step, tuple(ignored))


def _decode_pairs(tree: Tree, query: str) -> Decoded:
    ignored: list[str] = []
    parts = [p for p in query.split("&") if p]
    if len(parts) > MAX_PAIRS:
        ignored.append(f"{len(parts) - MAX_PAIRS} parts past the first {MAX_PAIRS}")
        parts = parts[:MAX_PAIRS]
    given: dict[str, str] = {}
    for part in parts:
        question_id, sep, option_id = part.partition("=")
        question_id, option_id = unquote(question_id), unquote(option_id)
        if not sep or not ID_PATTERN.match(question_id) or not ID_PATTERN.match(option_id):
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
