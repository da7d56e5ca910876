"""Markdown to HTML for the tree's help texts and outcome bodies, at build time, with the
same extensions as the site, so the browser widget shows them without a Markdown parser."""

from __future__ import annotations

import dataclasses

import markdown

from decision_tree.model import Tree

# The glossary's tooltips as on the site's pages (scripts.glossary loads abbr with them).
EXTENSIONS = ["scripts.glossary", "attr_list", "admonition", "pymdownx.smartsymbols"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS) if text else ""


def render_tree_html(tree: Tree) -> Tree:
    questions = {
        k: dataclasses.replace(q, help_html=to_html(q.help)) for k, q in tree.questions.items()
    }
    outcomes = {
        k: dataclasses.replace(o, body_html=to_html(o.body)) for k, o in tree.outcomes.items()
    }
    return dataclasses.replace(tree, questions=questions, outcomes=outcomes)
