"""Guidance links checked against the site's pages: each outcome's `page.md#anchor` must
name a Markdown file under the docs folder, and a heading it has. The one check that reads
files, kept apart from decision_tree.validate's pure checks on the tree itself."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

from decision_tree.errors import Problem
from decision_tree.model import Tree


def slugify(heading: str) -> str:
    """The anchor MkDocs gives a heading (same rule as Python-Markdown's toc extension)."""
    value = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$")


def page_anchors(page: Path) -> set[str]:
    anchors = set()
    in_fence = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match:
            anchors.add(match.group(2) or slugify(match.group(1)))
    return anchors


def check_links(tree: Tree, docs_dir: str | Path) -> list[Problem]:
    """Every link that names a page or heading the docs folder does not have."""
    docs_dir = Path(docs_dir)
    problems = []
    anchors_by_page: dict[str, set[str]] = {}
    for outcome in tree.outcomes.values():
        for link in outcome.links:
            page, _, anchor = link.page.partition("#")
            target = docs_dir / page
            if not page.endswith(".md") or not target.is_file():
                problems.append(
                    Problem(
                        tree.source,
                        link.line,
                        f"link '{link.page}' of outcome "
                        f"'{outcome.id}' points to a page that does not exist in "
                        f"{docs_dir}/; use a path like guidance/ground-rules.md",
                    )
                )
                continue
            if anchor:
                if page not in anchors_by_page:
                    anchors_by_page[page] = page_anchors(target)
                if anchor not in anchors_by_page[page]:
                    close = difflib.get_close_matches(anchor, anchors_by_page[page], n=1)
                    hint = f"did you mean '#{close[0]}'?" if close else "link a heading that exists"
                    problems.append(
                        Problem(
                            tree.source,
                            link.line,
                            f"link '{link.page}' of "
                            f"outcome '{outcome.id}' names a heading that {page} "
                            f"does not have; {hint}",
                        )
                    )
    return problems
