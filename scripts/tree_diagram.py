"""The tree as a diagram: the tree's graph (`decision_tree.graph.tree_graph`) written as DOT
for the page and drawn by Graphviz's `dot` into an SVG that is inlined into "the tree at a
glance" at build time, and written beside it as a file to open full size (no client-side
drawing, no CDN).

    python -m scripts.tree_diagram [--slug SLUG] [--dot | --file] [-o FILE]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import textwrap
from html import escape
from pathlib import Path

from decision_tree.graph import Attrs, Lines, Node, style, tree_graph, write_dot
from decision_tree.model import Tree

INSTALL_HINT = "install Graphviz (Debian: apt-get install graphviz; or run `make system-packages`)"
# The SVG is drawn at its natural size, one unit to a CSS pixel (the page scrolls it sideways
# rather than shrink it), so these are the text's sizes on screen at 100%: never below the
# site's small text (0.64rem, 12.8 px where the root is 20 px).
NODE_FONT = 14
EDGE_FONT = 13
# Wrap widths in characters; a label is wrapped onto several lines, never shortened.
NODE_WIDTH = 24
EDGE_WIDTH = 24
# No background: the page's own colour (light or dark) shows through.
LAYOUT: Attrs = {"rankdir": "TB", "nodesep": 0.25, "ranksep": 0.35, "bgcolor": "transparent"}
NODE_DEFAULTS: Attrs = {"fontname": "sans-serif", "fontsize": NODE_FONT, "margin": "0.12,0.06"}
EDGE_DEFAULTS: Attrs = {"fontname": "sans-serif", "fontsize": EDGE_FONT}
# Where the full-size diagram is written, beside the page that shows it (tree/index.html).
STANDALONE = "tree/diagram.svg"

_SIZE = re.compile(r'<svg width="[\d.]+pt"\s+height="[\d.]+pt"')
_TRANSLATE = re.compile(r'class="graph" transform="[^"]*translate\(([\d.]+) ')
# A node's label is centred on it: its first line's x is the node's centre.
_TEXT_X = re.compile(r'<text text-anchor="middle" x="([\d.-]+)"')
_VIEW_BOX = re.compile(r'viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"')


class DiagramError(Exception):
    """Graphviz is missing or failed; the message is one line that says what to do."""


def _find(pattern: re.Pattern[str], svg: str, what: str, start: int = 0) -> re.Match[str]:
    """The first match of `pattern` in Graphviz's SVG from `start`; DiagramError naming
    `what` is missing if there is none (another Graphviz may write its SVG differently)."""
    found = pattern.search(svg, start)
    if found is None:
        raise DiagramError(
            f"Graphviz's SVG has no {what} where this build reads it: it reads the SVG that "
            f"Graphviz 2.43 (Debian 12's graphviz) writes; check `dot -V`"
        )
    return found


def _wrapped(text: str, width: int, indent: str = "") -> tuple[str, ...]:
    """`text` wrapped to `width` characters, every line but the first of each paragraph led
    by `indent`."""
    return tuple(
        line
        for part in text.split("\n")
        for line in textwrap.wrap(part, width, subsequent_indent=indent, break_on_hyphens=False)
        or [""]
    )


def _edge_label(labels: list[str]) -> Lines:
    """One answer centred; several answers that lead to the same place as a list, flush left,
    each in full, its lines indented under its bullet (by no-break spaces, which SVG keeps)."""
    if len(labels) == 1:
        return Lines(_wrapped(labels[0], EDGE_WIDTH))
    return Lines(
        tuple(
            line for label in labels for line in _wrapped("• " + label, EDGE_WIDTH, "\u00a0\u00a0")
        ),
        flush_left=True,
    )


def _node_attrs(node: Node, answers_prefix: str, questions_prefix: str) -> Attrs:
    attrs: dict[str, str | Lines] = {**style(node)}
    if node.kind == "question":
        # The questions in one group: Graphviz keeps the edges between them straight, so the
        # walk runs down the middle with answers either side instead of drifting sideways
        # (which made the drawing some 40% wider).
        attrs["group"] = "questions"
    prefix = questions_prefix if node.kind == "question" else answers_prefix
    return attrs | {
        "label": Lines(_wrapped(node.label, NODE_WIDTH)),
        "tooltip": " ".join(node.label.split()),
        "URL": prefix + node.link,
    }


def diagram_dot(tree: Tree, answers_prefix: str = "", questions_prefix: str = "") -> str:
    """The DOT text of `tree` made to read well at its natural size: labels wrapped, the
    answers that lead to the same place merged into one edge, links prefixed with
    `answers_prefix` (answer pages) and `questions_prefix` (the questions' anchors on the
    tree page)."""
    graph = tree_graph(tree)
    merged: dict[tuple[str, str], list[str]] = {}
    for edge in graph.edges:
        merged.setdefault((edge.source, edge.target), []).append(edge.label)
    return (
        write_dot(
            graph.name,
            nodes=[(n.id, _node_attrs(n, answers_prefix, questions_prefix)) for n in graph.nodes],
            edges=[
                (source, target, {"label": _edge_label(labels), "tooltip": " / ".join(labels)})
                for (source, target), labels in merged.items()
            ],
            graph=LAYOUT,
            node=NODE_DEFAULTS,
            edge=EDGE_DEFAULTS,
        )
        + "\n"
    )


def check_graphviz() -> str:
    """The path of Graphviz's `dot`; DiagramError saying what to install if it is missing."""
    program = shutil.which("dot")
    if program is None:
        raise DiagramError(f"Graphviz's `dot` is needed to draw the tree diagram: {INSTALL_HINT}")
    return program


def render_svg(dot: str) -> str:
    """SVG text from Graphviz (`dot -Tsvg`); DiagramError if it is missing or fails."""
    program = check_graphviz()
    result = subprocess.run(
        [program, "-Tsvg"], input=dot, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["no message"])[0]
        raise DiagramError(f"Graphviz's `dot` failed to draw the tree diagram: {first}")
    return result.stdout


def _in_pixels(svg: str, extra: str = "") -> str:
    """The drawing sized one unit of its viewBox to a CSS pixel (Graphviz gives points), so
    text set at 13 reads at 13 px at 100%."""
    width, height = _find(_VIEW_BOX, svg, "viewBox").groups()
    return _SIZE.sub(f'<svg{extra} width="{width}" height="{height}"', svg, count=1)


def inline_svg(svg: str, label: str) -> str:
    """Graphviz's SVG made fit to inline in HTML: no XML prologue, doctype or comments, no
    blank lines (which would end a Markdown HTML block), at its natural size in pixels."""
    svg = svg[svg.index("<svg") :]
    # Comments, and <title>s that would show node ids as tooltips and accessible names.
    svg = re.sub(r"<!--.*?-->|<title>.*?</title>", "", svg, flags=re.S)
    svg = _in_pixels(svg, f' class="tree-diagram__svg" role="group" aria-label="{escape(label)}"')
    return "\n".join(line for line in svg.splitlines() if line.strip())


def standalone_svg(svg: str, title: str) -> str:
    """Graphviz's SVG as a file of its own, which a browser opens full size to zoom and pan:
    black on white whatever the palette, and named by `title` (not by the tree's slug)."""
    # The doctype names a DTD on w3.org, which browsers never fetch and the file can do
    # without; node ids as <title>s would be tooltips.
    svg = re.sub(r"<!DOCTYPE[^>]*>|<!--.*?-->|<title>.*?</title>", "", svg, flags=re.S)
    svg = _in_pixels(svg)
    # The document's own title (the browser's tab), as the first child of the root.
    svg = re.sub(r"(<svg[^>]*>)", rf"\1\n<title>{escape(title)}</title>", svg, count=1)
    return "\n".join(line for line in svg.splitlines() if line.strip()) + "\n"


def _label(tree: Tree) -> str:
    return f"Diagram of “{tree.title}”: each box links to its question or answer"


def start_marker(svg: str, node_id: str) -> str:
    """An empty SVG for diagram.css to lay along one edge of Graphviz's drawing `svg`, twice
    as wide as the distance from that edge to the centre of the node that links to
    `#node_id`: the box around the drawing opens scrolled to the marker's centre, that
    node's (scrolled to the left edge, it would open on an empty corner of the drawing).
    Sized by attributes: the site's policy forbids style attributes."""
    width = float(_find(_VIEW_BOX, svg, "viewBox")[1])
    shift = float(_find(_TRANSLATE, svg, "translate() on its graph")[1])
    at = svg.index(f'xlink:href="#{escape(node_id)}"')
    centre = shift + float(_find(_TEXT_X, svg, f"label for node {node_id!r}", at)[1])
    # From the nearer edge, so that the marker never reaches past the drawing.
    side, span = (
        ("", centre) if centre <= width / 2 else (" tree-diagram__start--end", width - centre)
    )
    return (
        f'<svg class="tree-diagram__start{side}" width="{2 * span:.2f}" height="1" '
        'aria-hidden="true" focusable="false"></svg>'
    )


def tree_svg(tree: Tree, answers_prefix: str = "../") -> str:
    """The inline SVG of `tree`, with answer links relative to a page at `answers_prefix`,
    and the marker of its first question (`start_marker`), on one canvas."""
    svg = render_svg(diagram_dot(tree, answers_prefix))
    return (
        f'<div class="tree-diagram__canvas">\n{start_marker(svg, tree.start)}\n'
        f"{inline_svg(svg, _label(tree))}\n</div>"
    )


def tree_svg_file(tree: Tree) -> str:
    """The full-size diagram of `tree`, its links relative to `STANDALONE` (tree/diagram.svg):
    questions to their anchors on the tree page beside it, answers to their pages."""
    dot = diagram_dot(tree, answers_prefix="../", questions_prefix="./")
    return standalone_svg(render_svg(dot), _label(tree))


def main(argv: list[str] | None = None) -> int:
    from decision_tree.shipped import DEFAULT_SLUG
    from scripts.site_tree import load_site_tree

    parser = argparse.ArgumentParser(prog="python -m scripts.tree_diagram", description=__doc__)
    parser.add_argument("--slug", default=DEFAULT_SLUG, help="the tree (default: %(default)s)")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--dot", action="store_true", help="print the DOT text, not SVG")
    form.add_argument(
        "--file", action="store_true", help=f"print the full-size SVG file ({STANDALONE})"
    )
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    tree = load_site_tree(Path(__file__).resolve().parent.parent / "docs", args.slug)
    try:
        if args.dot:
            text = diagram_dot(tree, "../").rstrip("\n")
        else:
            text = tree_svg_file(tree).rstrip("\n") if args.file else tree_svg(tree)
    except DiagramError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
