"""The tree's guidance links are checked against docs/ with the anchors MkDocs gives headings.
The engine ships to Pyodide with the standard library only, so it cannot import Markdown's
own `toc.slugify`; this holds its copy of the rule to Markdown's, over every heading the site
has and some awkward ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown.extensions.toc import slugify as markdown_slugify

from decision_tree.guidance_links import HEADING, page_anchors, slugify

DOCS = Path(__file__).resolve().parents[2] / "docs"
AWKWARD = ['Don\'t go "off the record" — ever!', "Café & Co.: 100% on background", "  A  -- b  "]


def headings() -> list[str]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            match = HEADING.match(line)
            if match:
                found.append(match.group(1))
    return found


def test_the_site_has_headings_to_compare() -> None:
    assert len(headings()) > 50


@pytest.mark.parametrize("heading", [*headings(), *AWKWARD])
def test_slugify_gives_the_anchor_markdown_gives(heading: str) -> None:
    assert slugify(heading) == markdown_slugify(heading, "-")


def test_explicit_ids_count_as_anchors(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n## The default {#the-default-is-on-the-record}\n", "utf-8")
    assert {"title", "the-default-is-on-the-record"} <= page_anchors(page)
