"""The committed table of every path and its outcome must match the tree."""

from __future__ import annotations

import io
from pathlib import Path

from decision_tree.cli import main
from decision_tree.golden import golden_tsv, path_rows
from decision_tree.model import Tree
from decision_tree.shipped import DEFAULT_SLUG

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / f"{DEFAULT_SLUG}.tsv"


def test_golden_path_table_is_up_to_date(real_tree: Tree) -> None:
    assert golden_tsv(real_tree) == GOLDEN.read_text(encoding="utf-8"), (
        f"tests/golden/{GOLDEN.name} is stale: run `make golden` and review the diff"
    )


def test_make_golden_writes_the_same_table() -> None:
    # `make golden` runs the CLI: it must write exactly what the test above compares.
    out = io.StringIO()
    assert main(["paths", DEFAULT_SLUG, "--format", "tsv", "--no-docs"], out=out) == 0
    assert out.getvalue() == GOLDEN.read_text(encoding="utf-8")


def test_golden_table_covers_every_outcome(real_tree: Tree) -> None:
    rows = GOLDEN.read_text(encoding="utf-8").splitlines()[1:]
    assert {row.split("\t")[1] for row in rows} == set(real_tree.outcomes)
    assert len(rows) == len(path_rows(real_tree))
