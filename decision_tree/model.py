"""Plain, typed dataclasses for a decision tree: questions, options, outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    """The fixed set of answers an outcome can give. Editors pick one per outcome."""

    ON_THE_RECORD = "on-the-record"
    ON_BACKGROUND = "on-background"
    DEEP_BACKGROUND = "deep-background"
    OFF_THE_RECORD = "off-the-record"
    EMBARGO = "embargo"
    DONT_TALK = "dont-talk"
    ALREADY_ON_RECORD = "already-on-record"
    AGREE_GROUND_RULES_FIRST = "agree-ground-rules-first"
    LEGAL_REVIEW = "legal-review"
    COVERED_BY_TERMS = "covered-by-terms"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.ON_THE_RECORD: "Stay on the record",
    Verdict.ON_BACKGROUND: "On background, if agreed first",
    Verdict.DEEP_BACKGROUND: "Deep background, if agreed first",
    Verdict.OFF_THE_RECORD: "Off the record, if agreed first",
    Verdict.EMBARGO: "Use an embargo instead",
    Verdict.DONT_TALK: "Don't talk about it",
    Verdict.ALREADY_ON_RECORD: "Too late: it is already on the record",
    Verdict.AGREE_GROUND_RULES_FIRST: "Agree the ground rules first",
    Verdict.LEGAL_REVIEW: "Stop: legal or compliance review first",
    Verdict.COVERED_BY_TERMS: "Covered by the terms agreed beforehand",
}


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    next: str
    note: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    help: str
    options: tuple[Option, ...]
    help_html: str = ""
    line: int = field(default=0, compare=False)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Link:
    """A link to a guidance page, as `page.md#anchor` relative to `docs/`."""

    page: str
    title: str
    line: int = field(default=0, compare=False)

    @property
    def url(self) -> str:
        """The built page's address relative to the site root (MkDocs directory URLs)."""
        page, _, anchor = self.page.partition("#")
        path = page.removesuffix(".md")
        path = "" if path == "index" else path.removesuffix("/index") + "/"
        return path + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Outcome:
    """An answer: `short` is the answer in a sentence, `first` the one thing to do first."""

    id: str
    verdict: Verdict
    title: str
    short: str
    first: str
    body: str
    ground_rules: tuple[str, ...]
    links: tuple[Link, ...]
    body_html: str = ""
    line: int = field(default=0, compare=False)


Node = Question | Outcome


@dataclass(frozen=True)
class Tree:
    slug: str
    title: str
    description: str
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    source: str = field(default="", compare=False)

    def node(self, node_id: str) -> Node | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)


@dataclass(frozen=True)
class Answer:
    """One answer in a walk: which option was chosen at which question."""

    question_id: str
    option_id: str
