"""The committed table of every path and its outcome must match the tree."""

from __future__ import annotations

import io
from pathlib import Path

from decision_tree.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "off-the-record.tsv"


def test_golden_path_table_is_up_to_date() -> None:
    out = io.StringIO()
    assert main(["paths", "off-the-record", "--format", "tsv", "--no-docs"], out=out) == 0
    assert out.getvalue() == GOLDEN.read_text(encoding="utf-8"), (
        "tests/golden/off-the-record.tsv is stale: run `make golden` and review the diff"
    )


def test_golden_table_covers_every_outcome() -> None:
    from decision_tree.cli import resolve_tree_path
    from decision_tree.loader import load_tree

    tree = load_tree(resolve_tree_path("off-the-record"))
    rows = GOLDEN.read_text(encoding="utf-8").splitlines()[1:]
    assert {row.split("\t")[1] for row in rows} == set(tree.outcomes)
