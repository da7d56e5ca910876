"""The site's trees as the build uses them: loaded by slug and validated (guidance links
against docs/), their Markdown rendered with the site's settings, and the site's addresses
filled in, so the engine never needs to know the site's layout. Once per build (again only
when a file changes)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from decision_tree.model import Tree
from decision_tree.shipped import DEFAULT_SLUG, TREES_DIR, load_by_slug, tree_path
from scripts.render_markdown import render_tree_html

# Where the build writes each answer's own page (scripts/tree_pages.py), under docs/.
ANSWER_PAGE = "answers/{id}.md"

_cache: dict[tuple[Path, bool], tuple[float, float, Tree]] = {}


def answer_page(outcome_id: str) -> str:
    """The source path, under docs/, of an answer's own page."""
    return ANSWER_PAGE.format(id=outcome_id)


def site_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The address of the page built from `src_uri` (`page.md#anchor`, under docs/), relative
    to the site's root, by MkDocs' own rule; the root itself is ""."""
    from mkdocs.structure.files import File

    page, _, anchor = src_uri.partition("#")
    url = File(page, "", "", use_directory_urls).url
    url = "" if url == "./" else url
    return url + (f"#{anchor}" if anchor else "")


def with_site_urls(tree: Tree, use_directory_urls: bool = True) -> Tree:
    """The tree with each answer's page and each guidance link's address in the site."""
    outcomes = {
        key: dataclasses.replace(
            outcome,
            page_url=site_url(answer_page(outcome.id), use_directory_urls),
            links=tuple(
                dataclasses.replace(link, url=site_url(link.page, use_directory_urls))
                for link in outcome.links
            ),
        )
        for key, outcome in tree.outcomes.items()
    }
    return dataclasses.replace(tree, outcomes=outcomes)


def load_site_tree(
    docs_dir: Path,
    slug: str = DEFAULT_SLUG,
    *,
    trees_dir: Path = TREES_DIR,
    use_directory_urls: bool = True,
) -> Tree:
    """The tree as the site shows it; raises TreeInvalid listing every problem."""
    path = tree_path(slug, trees_dir)
    docs_stamp = max((p.stat().st_mtime for p in docs_dir.rglob("*.md")), default=0.0)
    stamp = path.stat().st_mtime if path.exists() else 0.0
    key = (path, use_directory_urls)
    cached = _cache.get(key)
    if cached and cached[:2] == (stamp, docs_stamp):
        return cached[2]
    tree = load_by_slug(slug, docs_dir=docs_dir, trees_dir=trees_dir)
    tree = with_site_urls(render_tree_html(tree), use_directory_urls)
    _cache[key] = (stamp, docs_stamp, tree)
    return tree
