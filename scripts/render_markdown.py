"""Markdown to HTML for the tree's help texts and outcome bodies, once, at build time, with
the site's own Markdown settings read from mkdocs.yml (not a copy of them), so a body reads
the same in the walkthrough, the pre-rendered steps and the answer pages."""

from __future__ import annotations

import copy
import dataclasses
import functools
from typing import Any

import markdown

from decision_tree.model import Tree
from scripts.paths import ROOT

MKDOCS_YML = ROOT / "mkdocs.yml"


@functools.cache
def site_markdown_settings() -> tuple[list[Any], dict[str, Any]]:
    """The `markdown_extensions` of mkdocs.yml, parsed by MkDocs' own option type (with the
    extensions MkDocs always adds), without loading the rest of the configuration."""
    from mkdocs.config import config_options
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import yaml_load

    with MKDOCS_YML.open(encoding="utf-8") as file:
        data = yaml_load(file)
    # A copy: the option object keeps what it parsed, and MkDocs' own belongs to its build.
    option = copy.deepcopy(MkDocsConfig.markdown_extensions)
    assert isinstance(option, config_options.MarkdownExtensions)
    names = option.run_validation(data.get("markdown_extensions", []))
    return list(names), dict(option.configdata)


def to_html(text: str) -> str:
    if not text:
        return ""
    extensions, configs = site_markdown_settings()
    html: str = markdown.markdown(text, extensions=extensions, extension_configs=configs)
    return html


def render_tree_html(tree: Tree) -> Tree:
    questions = {
        k: dataclasses.replace(q, help_html=to_html(q.help)) for k, q in tree.questions.items()
    }
    outcomes = {
        k: dataclasses.replace(o, body_html=to_html(o.body)) for k, o in tree.outcomes.items()
    }
    return dataclasses.replace(tree, questions=questions, outcomes=outcomes)
