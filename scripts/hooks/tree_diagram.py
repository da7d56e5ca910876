"""MkDocs hook: stop at once, with one clear line, if Graphviz's `dot` (which draws the tree
diagram) is missing; and write the full-size diagram (tree/diagram.svg) that the tree page
links to (scripts/tree_diagram.py; the inline diagram comes with the tree_pages hook)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from decision_tree.errors import TreeInvalid
from scripts.site_tree import load_site_tree
from scripts.tree_diagram import STANDALONE, DiagramError, check_graphviz, tree_svg_file


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        check_graphviz()
    except DiagramError as error:
        raise PluginError(str(error)) from error
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        tree = load_site_tree(Path(config.docs_dir), use_directory_urls=config.use_directory_urls)
    except TreeInvalid:
        return files  # scripts/hooks/tree_pages.py reports what is wrong with the tree
    try:
        svg = tree_svg_file(tree)
    except DiagramError as error:
        raise PluginError(str(error)) from error
    files.append(File.generated(config, STANDALONE, content=svg))
    return files
