"""Plain, typed dataclasses for a decision tree: its verdicts, questions, options, outcomes.

These classes are the tree file's format. The loader's field tables and the compiled JSON
are derived from them (`editor_fields`, `data_fields`), so a new field is added here, and
where it is shown. A field marked `built()` is filled in by the build (rendered Markdown,
the site's addresses), never written by editors; `line` is where a node sits in its file."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

# The form of every id (verdicts, questions, options, outcomes): also what a link may carry.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_BUILT = "built"


def built() -> Any:
    """A text the build fills in (empty until then): not read from the tree file."""
    return field(default="", metadata={_BUILT: True})


def _line() -> Any:
    return field(default=0, compare=False)


def data_fields(cls: Any) -> list[dataclasses.Field[Any]]:
    """The fields that make up the data: all but the source bookkeeping (lines, file)."""
    return [f for f in dataclasses.fields(cls) if f.compare]


def editor_fields(cls: Any) -> dict[str, bool]:
    """The fields an editor writes for `cls` in a tree file, each with whether it is required
    (a field with no default is required)."""
    return {
        f.name: f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        for f in data_fields(cls)
        if not f.metadata.get(_BUILT)
    }


@dataclass(frozen=True)
class Verdict:
    """A kind of answer, defined once per tree: outcomes name it by `id`; `label` is how the
    site shows it and `severe` marks the ones that say stop (shown in a warning colour)."""

    id: str
    label: str
    severe: bool = False
    line: int = _line()


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    next: str
    note: str = ""
    line: int = _line()


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    options: tuple[Option, ...]
    help: str = ""
    help_html: str = built()
    line: int = _line()

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Link:
    """A link to a guidance page, as `page.md#anchor` relative to `docs/`; `url` is the built
    page's address relative to the site's root, supplied by the build (the site's layout)."""

    page: str
    title: str
    url: str = built()
    line: int = _line()


@dataclass(frozen=True)
class Outcome:
    """An answer: `short` is the answer in a sentence, `first` the one thing to do first;
    `page_url`, the answer's own page relative to the site's root, is supplied by the build."""

    id: str
    verdict: Verdict
    title: str
    short: str
    first: str
    body: str
    ground_rules: tuple[str, ...]
    links: tuple[Link, ...]
    body_html: str = built()
    page_url: str = built()
    line: int = _line()


Node = Question | Outcome


@dataclass(frozen=True)
class Tree:
    slug: str
    title: str
    description: str
    start: str
    verdicts: dict[str, Verdict]
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
