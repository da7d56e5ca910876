"""The editors' page documents the format truthfully: its example is a valid tree, and its
field tables list exactly the fields the loader reads (the model's), required as it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decision_tree.loader import parse_tree
from decision_tree.model import Link, Option, Outcome, Question, Tree, Verdict, editor_fields

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "maintaining-the-tree.md").read_text(encoding="utf-8")


def test_the_example_tree_on_the_editors_page_is_valid() -> None:
    (example,) = re.findall(r"```yaml\n(.*?)```", PAGE, re.S)
    tree = parse_tree(example, "example.yaml", docs_dir=ROOT / "docs")
    assert tree.start == "confirmed"
    assert set(tree.outcomes) == {"comment-on-the-record", "ask-legal"}


def field_tables() -> list[dict[str, bool]]:
    """Each `| field | required | …` table of the page, as {field: required}."""
    tables = []
    for table in re.findall(r"\| field \| required \|.*?\n((?:\|.*\n)+)", PAGE):
        rows = re.findall(r"^\| `(\w+)` \| (yes|no) \|", table, re.M)
        tables.append({name: required == "yes" for name, required in rows})
    return tables


@pytest.mark.parametrize("cls", [Tree, Question, Option, Outcome, Link, Verdict])
def test_the_editors_page_has_a_true_field_table_for(cls: type) -> None:
    assert editor_fields(cls) in field_tables()
