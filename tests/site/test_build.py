"""The strict build: clean, with every generated page in the search index, dated, and the
intranet settings in place (no web fonts, a 404 page that leads somewhere)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from scripts.site_tree import load_site_tree

ROOT = Path(__file__).resolve().parents[2]


def test_strict_build_is_clean(site_build: subprocess.CompletedProcess[str]) -> None:
    output = site_build.stdout + site_build.stderr
    assert site_build.returncode == 0, output
    warnings = [line for line in output.splitlines() if "WARNING" in line or "ERROR" in line]
    assert warnings == []


def test_search_indexes_every_answer_page_by_its_title(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for outcome in load_site_tree(ROOT / "docs").outcomes.values():
        assert titles.get(f"answers/{outcome.id}/") == outcome.title


def test_every_page_says_when_it_last_changed(built_site: Path) -> None:
    pages = sorted(built_site.glob("**/index.html"))
    undated = [
        str(page.relative_to(built_site))
        for page in pages
        if "git-revision-date-localized-plugin-date" not in page.read_text("utf-8")
    ]
    assert len(pages) > 20
    assert undated == []


def test_no_web_fonts_are_requested(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    assert "fonts.googleapis" not in home
    assert "fonts.gstatic" not in home


def test_404_page_leads_to_the_main_pages_and_the_search(built_site: Path) -> None:
    page = (built_site / "404.html").read_text("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    hrefs = set(re.findall(r'href="([^"]*)"', article))
    assert {"/", "/decide/", "/tree/", "/answers/"} <= hrefs
    assert re.search(r'<form[^>]*role="search"', article)
    assert 'name="q"' in article


def test_tree_page_has_the_diagram_inline(built_site: Path) -> None:
    page = (built_site / "tree" / "index.html").read_text("utf-8")
    figure = page[page.index('<figure class="tree-diagram"') : page.index("</figure>")]
    assert "<svg" in figure
    assert "<?xml" not in figure
    assert "<!DOCTYPE" not in figure
    assert "viewBox=" in figure
    assert "<figcaption" in figure


def test_every_page_tells_the_browser_to_send_no_referrer(built_site: Path) -> None:
    pages = sorted(built_site.glob("**/*.html"))
    missing = [
        str(page.relative_to(built_site))
        for page in pages
        if '<meta name="referrer" content="no-referrer">' not in page.read_text("utf-8")
    ]
    assert len(pages) > 20
    assert missing == []


def test_the_decide_page_carries_the_first_question_and_points_at_every_other_step(
    built_site: Path,
) -> None:
    page = (built_site / "decide" / "index.html").read_text("utf-8")
    steps = json.loads((built_site / "assets/walkthrough/off-the-record.json").read_text("utf-8"))
    first = "".join(steps["fragments"][i] for i in steps["root"]["p"])
    assert first in page  # the same bytes the engine renders, at first paint
    assert 'data-steps="../assets/walkthrough/off-the-record.json"' in page
    for suffix in (".gz", ".br"):
        assert (built_site / f"assets/walkthrough/off-the-record.json{suffix}").is_file()
