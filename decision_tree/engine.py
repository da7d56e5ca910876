"""The walk: pure functions from a tree and the answers given so far to the current step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from decision_tree.errors import InvalidAnswer
from decision_tree.model import Answer, Option, Outcome, Question, Tree


@dataclass(frozen=True)
class Reason:
    """One answer given, as the explanation shows it: the question, the choice, its note."""

    question: Question
    option: Option


@dataclass(frozen=True)
class Step:
    """Where a walk stands: the node to show now, and the reasons that led here."""

    node: Question | Outcome
    reasons: tuple[Reason, ...]

    @property
    def answers(self) -> tuple[Answer, ...]:
        return tuple(Answer(r.question.id, r.option.id) for r in self.reasons)

    @property
    def is_outcome(self) -> bool:
        return isinstance(self.node, Outcome)


def start(tree: Tree) -> Step:
    return Step(tree.questions[tree.start], ())


def answer(tree: Tree, step: Step, option_id: str) -> Step:
    """The step after choosing `option_id`; InvalidAnswer if it is not an option here."""
    question = step.node
    if not isinstance(question, Question):
        raise InvalidAnswer(
            f"the walk has reached the outcome '{question.id}'; go back or start again"
        )
    option = question.option(option_id)
    if option is None:
        choices = ", ".join(o.id for o in question.options)
        raise InvalidAnswer(
            f"'{option_id}' is not an option of question '{question.id}'; choose one of: {choices}"
        )
    node = tree.node(option.next)
    if node is None:  # only possible with a tree that skipped validation
        raise InvalidAnswer(f"option '{option.id}' leads to '{option.next}', which is missing")
    return Step(node, (*step.reasons, Reason(question, option)))


def replay(tree: Tree, answers: tuple[Answer, ...] | list[Answer]) -> Step:
    """The step reached by giving these answers in order from the start."""
    step = start(tree)
    for given in answers:
        if step.node.id != given.question_id:
            raise InvalidAnswer(
                f"question '{given.question_id}' is not asked at this point; "
                f"the current question is '{step.node.id}'"
            )
        step = answer(tree, step, given.option_id)
    return step


def back(tree: Tree, step: Step) -> Step:
    """One step back (the start stays the start)."""
    return replay(tree, step.answers[:-1])


def paths(tree: Tree) -> Iterator[Step]:
    """Every walk from the start question to an outcome, depth first, in option order."""
    pending = [start(tree)]
    while pending:
        step = pending.pop()
        if isinstance(step.node, Outcome):
            yield step
            continue
        pending.extend(answer(tree, step, o.id) for o in reversed(step.node.options))
