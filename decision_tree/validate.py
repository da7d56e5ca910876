"""Checks on a whole tree's routing: dangling references, unreachable nodes, cycles,
questions with too few options, outcomes without ground rules, and size limits.
Pure functions over the model (no files: guidance links are checked against the pages by
decision_tree.guidance_links); each problem names the line to fix and how."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from decision_tree.errors import Problem
from decision_tree.model import Node, Tree

# Limits an editor can live with: the real tree is far inside them, and within them every
# check, page and pre-rendered file stays small and fast (docs/maintaining-the-tree.md).
MAX_DEPTH = 8  # questions on any one walk
MAX_PATHS = 2_000  # distinct walks from the first question to an answer
MAX_OPTIONS = 12  # options of one question
MAX_QUESTIONS = 100  # questions in one tree


def validate(tree: Tree, start_line: int = 1) -> list[Problem]:
    """Every routing problem in the tree (empty when it is sound)."""
    problems: list[Problem] = []
    path = tree.source

    def report(line: int, message: str) -> None:
        problems.append(Problem(path, line, message))

    all_ids = [*tree.questions, *tree.outcomes]
    if tree.start and tree.start not in tree.questions:
        kind = "an outcome" if tree.start in tree.outcomes else "not a question in this file"
        report(
            start_line, f"start '{tree.start}' is {kind}; set start to the id of the first question"
        )
    if len(tree.questions) > MAX_QUESTIONS:
        report(
            start_line,
            f"the tree has {len(tree.questions)} questions; keep it to {MAX_QUESTIONS} or "
            "fewer, or split it into two trees",
        )
    for question in tree.questions.values():
        if len(question.options) > MAX_OPTIONS:
            report(
                question.line,
                f"question '{question.id}' has {len(question.options)} options; keep it to "
                f"{MAX_OPTIONS} or fewer, or split it into two questions",
            )
        if len(question.options) < 2:
            report(
                question.line,
                f"question '{question.id}' has {len(question.options)} "
                "option(s); give it at least two, or remove the question",
            )
        for option in question.options:
            if option.next and tree.node(option.next) is None:
                close = difflib.get_close_matches(option.next, all_ids, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "fix its 'next'"
                report(
                    option.line,
                    f"option '{option.id}' of question '{question.id}' leads to "
                    f"'{option.next}', which is no question or outcome; {hint}",
                )
            if option.next == tree.start and tree.start in tree.questions:
                report(
                    option.line,
                    f"option '{option.id}' of question '{question.id}' leads back "
                    "to the start question; point it at a later question or an "
                    "outcome",
                )
    for outcome in tree.outcomes.values():
        if not outcome.ground_rules:
            report(
                outcome.line,
                f"outcome '{outcome.id}' has no ground_rules; list at least one "
                "thing to agree or do before speaking",
            )
    problems += _reachability(tree)
    cycles = _cycles(tree)
    problems += cycles
    if not cycles and tree.start in tree.questions and longest_path(tree) > MAX_DEPTH:
        report(
            start_line,
            f"the longest walk asks {longest_path(tree)} questions; keep every "
            f"path to {MAX_DEPTH} questions or fewer so the walk stays short",
        )
    if not cycles and tree.start in tree.questions and count_paths(tree) > MAX_PATHS:
        report(
            start_line,
            f"the tree has {count_paths(tree):,} distinct walks; keep it to {MAX_PATHS:,} or "
            "fewer (send more options straight to an answer, or merge questions that lead "
            "the same way) so every page and check stays fast",
        )
    return problems


def _reachability(tree: Tree) -> list[Problem]:
    if tree.start not in tree.questions:
        return []
    seen = {tree.start}
    stack = [tree.start]
    while stack:
        question = tree.questions.get(stack.pop())
        for option in question.options if question else ():
            if option.next not in seen and tree.node(option.next) is not None:
                seen.add(option.next)
                stack.append(option.next)
    problems = []
    nodes: list[Node] = [*tree.questions.values(), *tree.outcomes.values()]
    for node in nodes:
        if node.id not in seen:
            kind = "question" if node.id in tree.questions else "outcome"
            problems.append(
                Problem(
                    tree.source,
                    node.line,
                    f"{kind} '{node.id}' cannot be reached "
                    f"from the start question '{tree.start}'; point an option at "
                    "it, or delete it",
                )
            )
    return problems


def _cycles(tree: Tree) -> list[Problem]:
    """Report each cycle once, at the option that closes it (depth-first search, with an
    explicit stack so a very deep tree cannot exhaust Python's recursion limit)."""
    problems = []
    state: dict[str, str] = {}  # "active" while on the current path, "done" after
    for root in tree.questions:
        if root in state:
            continue
        state[root] = "active"
        trail = [root]
        pending = [iter(tree.questions[root].options)]
        while pending:
            option = next(pending[-1], None)
            if option is None:
                state[trail.pop()] = "done"
                pending.pop()
                continue
            target = option.next
            if target not in tree.questions or target == tree.start:
                continue  # outcomes end a walk; dangling and start loops are reported elsewhere
            if state.get(target) == "active":
                loop = [*trail[trail.index(target) :], target]
                problems.append(
                    Problem(
                        tree.source,
                        option.line,
                        "cycle: "
                        + " -> ".join(loop)
                        + f"; option '{option.id}' of question '{trail[-1]}' "
                        "must lead to a later question or an outcome",
                    )
                )
            elif target not in state:
                state[target] = "active"
                trail.append(target)
                pending.append(iter(tree.questions[target].options))
    return problems


def _fold(tree: Tree, value: Callable[[list[int | None]], int]) -> int:
    """A value for the start question computed from its options' values, each question
    once, after its later questions (iterative, like _cycles). `value` gets one entry per
    option: the next question's value, or None for an outcome (or anything else). A question
    met again while it is still being computed (a cycle, in a tree not yet validated) counts
    as None too."""
    done: dict[str, int] = {}
    active: set[str] = set()
    pending = [tree.start] if tree.start in tree.questions else []
    while pending:
        node_id = pending[-1]
        if node_id in done:
            pending.pop()
            continue
        children = [o.next for o in tree.questions[node_id].options]
        waiting = [c for c in children if c in tree.questions and c not in done and c not in active]
        if node_id not in active and waiting:
            active.add(node_id)
            pending.extend(waiting)
            continue
        pending.pop()
        active.discard(node_id)
        done[node_id] = value([done.get(c) for c in children])
    return done.get(tree.start, 0)


def longest_path(tree: Tree) -> int:
    """The most questions any walk asks."""
    return _fold(tree, lambda later: 1 + max((v for v in later if v is not None), default=0))


def count_paths(tree: Tree) -> int:
    """How many distinct walks lead from the start to an answer, counted over the graph (each
    question once), never by listing them: a small tree can have billions."""
    return _fold(tree, lambda later: sum(1 if v is None else v for v in later))
