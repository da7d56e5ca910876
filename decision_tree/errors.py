"""The engine's own errors: the only exceptions its public functions raise on bad input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a tree file, located for the editor who must fix it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DecisionTreeError(Exception):
    """Base class of every error the engine raises on purpose."""


class TreeInvalid(DecisionTreeError):
    """A tree file failed to load or validate; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class InvalidAnswer(DecisionTreeError):
    """An answer does not fit the step it was given at (unknown option, or the walk is over)."""
