"""Every claim can be traced: each guidance page and each answer cites a source, and every
external link points at an article or section, never at a site's home page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from decision_tree.loader import load_tree

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TREE = ROOT / "decision_tree" / "trees" / "off-the-record.yaml"
# Markdown links and autolinks: [text](http…) and <http…>.
EXTERNAL_LINK = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}  # the editors' page links the preview server
GUIDANCE = sorted((DOCS / "guidance").glob("*.md"))


def external_links(text: str) -> list[str]:
    links = [a or b for a, b in EXTERNAL_LINK.findall(text)]
    return [url for url in links if urlsplit(url).hostname not in LOCAL_HOSTS]


def sources_section(text: str) -> str:
    _, found, rest = text.partition("\n## Sources\n")
    return rest if found else ""


def link_files() -> list[Path]:
    return [*sorted(DOCS.rglob("*.md")), TREE, ROOT / "includes" / "glossary.yaml"]


@pytest.mark.parametrize("path", link_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_external_link_points_beyond_the_sites_root(path: Path) -> None:
    home_pages = [
        url
        for url in external_links(path.read_text("utf-8"))
        if urlsplit(url).path.strip("/") == "" and not urlsplit(url).query
    ]
    assert home_pages == [], "link the exact article or section, not the site's home page"


def test_the_link_check_sees_links_and_would_catch_a_home_page() -> None:
    text = "See [AP](https://www.ap.org/) and <https://example.org/a/b> and [x](https://x.org)"
    assert external_links(text) == [
        "https://www.ap.org/",
        "https://example.org/a/b",
        "https://x.org",
    ]


@pytest.mark.parametrize("path", GUIDANCE, ids=lambda p: p.name)
def test_every_guidance_page_ends_with_sources_that_link_out(path: Path) -> None:
    sources = sources_section(path.read_text("utf-8"))
    assert sources, f"{path.name} has no '## Sources' section"
    assert external_links(sources), f"{path.name} cites no source with a link"


@pytest.mark.parametrize("path", GUIDANCE, ids=lambda p: p.name)
def test_every_guidance_page_opens_with_an_in_short_box(path: Path) -> None:
    text = path.read_text("utf-8")
    if path.name == "before-the-call.md":  # the whole page is the short version
        return
    body = text.split("\n# ", 1)[1]
    first_block = body.split("\n\n", 2)[1]
    assert first_block.startswith('!!! abstract "In short"')


def test_every_answer_cites_a_source_in_its_text() -> None:
    tree = load_tree(TREE, docs_dir=DOCS)
    uncited = [o.id for o in tree.outcomes.values() if not external_links(o.body)]
    assert uncited == []
