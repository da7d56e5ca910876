"""The editors' page documents the format truthfully: its example is a valid tree and its
table lists every verdict with the label the site shows."""

from __future__ import annotations

import re
from pathlib import Path

from decision_tree.loader import parse_tree
from decision_tree.model import Verdict

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "maintaining-the-tree.md").read_text(encoding="utf-8")


def test_the_example_tree_on_the_editors_page_is_valid() -> None:
    (example,) = re.findall(r"```yaml\n(.*?)```", PAGE, re.S)
    tree = parse_tree(example, "example.yaml", docs_dir=ROOT / "docs")
    assert tree.start == "confirmed"
    assert set(tree.outcomes) == {"comment-on-the-record", "ask-legal"}


def test_the_editors_page_lists_every_verdict_with_its_label() -> None:
    for verdict in Verdict:
        assert f"| `{verdict.value}` | {verdict.label} |" in PAGE
