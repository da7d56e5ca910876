"""MkDocs hook: add the pages generated from the tree (answers/<id>/, answers/, tree/).

Generated in memory, never written into docs/, so a source file is never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from decision_tree.errors import TreeInvalid
from decision_tree.shipped import tree_path
from scripts.site_tree import answer_page, load_site_tree
from scripts.tree_diagram import DiagramError
from scripts.tree_pages import answers_index, outcome_page, routes_by_outcome, tree_overview


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        tree = load_site_tree(Path(config.docs_dir), use_directory_urls=config.use_directory_urls)
    except TreeInvalid as error:
        raise PluginError(f"the decision tree has problems:\n{error}") from error
    try:
        overview = tree_overview(tree)  # draws the diagram (Graphviz)
    except DiagramError as error:
        raise PluginError(str(error)) from error
    pages = {"tree.md": overview, "answers/index.md": answers_index(tree)}
    routes = routes_by_outcome(tree)
    pages |= {
        answer_page(o.id): outcome_page(tree, o, routes[o.id]) for o in tree.outcomes.values()
    }
    for src_uri, content in pages.items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
) -> LiveReloadServer:
    """Rebuild and reload when an editor saves a tree file."""
    server.watch(str(tree_path().parent))
    return server
