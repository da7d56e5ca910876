"""The golden table: every path through a tree and the outcome it ends at, one row each,
committed (tests/golden/<slug>.tsv) so a routing change reads as a diff."""

from __future__ import annotations

from decision_tree.engine import paths
from decision_tree.model import Outcome, Tree
from decision_tree.permalink import encode_pairs

HEADER = ("answers", "outcome", "verdict")


def path_rows(tree: Tree) -> list[tuple[str, str, str]]:
    """(answers, outcome id, verdict id) for every path, depth first in option order."""
    return [
        (encode_pairs(step.answers), step.node.id, step.node.verdict.id)
        for step in paths(tree)
        if isinstance(step.node, Outcome)
    ]


def golden_tsv(tree: Tree) -> str:
    """The table as the committed file holds it: a header, then one tab-separated row a path."""
    return "".join("\t".join(row) + "\n" for row in [HEADER, *path_rows(tree)])
