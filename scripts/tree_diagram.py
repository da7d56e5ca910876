"""The tree as a diagram: `decision_tree.graph.to_dot` drawn by Graphviz's `dot` into an SVG
that is inlined into "the tree at a glance" at build time (no client-side drawing, no CDN).

    python -m scripts.tree_diagram [--slug SLUG] [--dot] [-o FILE]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import textwrap
from collections import defaultdict
from html import escape
from pathlib import Path

from decision_tree.graph import to_dot
from decision_tree.model import Tree

INSTALL_HINT = "install Graphviz (Debian: apt-get install graphviz; or run `make system-packages`)"
# Wrap widths in characters: the tree is wide, and the diagram must fit the content column.
NODE_WIDTH = 20
EDGE_WIDTH = 16
# A label shortened in a merged edge (several answers leading to the same place).
SHORT_LABEL = 26
LAYOUT = "  nodesep=0.15;\n  ranksep=0.3;\n  bgcolor=transparent;"

_STRING = r'"((?:[^"\\]|\\.)*)"'
_EDGE = re.compile(rf"^  {_STRING} -> {_STRING} \[label={_STRING}\];\n?", re.M)
_NODE_LABEL = re.compile(rf"(\[shape=box[^\n]*?label=){_STRING}", re.S)
_ANSWER_URL = re.compile(r'URL="answers/')


class DiagramError(Exception):
    """Graphviz is missing or failed; the message is one line that says what to do."""


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _wrapped(text: str, width: int) -> str:
    """DOT label text wrapped to `width` characters, each line centred (`\\n`)."""
    lines = [
        line
        for part in text.split("\n")
        for line in textwrap.wrap(part, width, break_on_hyphens=False) or [""]
    ]
    return "\\n".join(_escape(line) for line in lines)


def _short(label: str) -> str:
    label = re.split(r",? such as | \(", label)[0]
    return textwrap.shorten(label, SHORT_LABEL, placeholder="…")


def compact_dot(dot: str, answers_prefix: str = "") -> str:
    """`dot` made to fit a page: labels wrapped, the answers that lead to the same place
    merged into one edge, tighter spacing, answer links prefixed with `answers_prefix`."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, target, label in _EDGE.findall(dot):
        edges[(source, target)].append(_unescape(label))
    if not edges:
        raise DiagramError("tree_diagram: found no edges in the DOT text; did to_dot change?")
    lines = []
    for (source, target), labels in edges.items():
        text = (
            _wrapped(labels[0], EDGE_WIDTH)
            if len(labels) == 1
            else "\\n".join(_wrapped("• " + _short(label), EDGE_WIDTH) for label in labels)
        )
        tooltip = _escape(" / ".join(labels))
        lines.append(f'  "{source}" -> "{target}" [label="{text}", tooltip="{tooltip}"];')
    body = _EDGE.sub("", dot).rstrip()
    body = body.removesuffix("}").rstrip()
    body = _NODE_LABEL.sub(
        lambda m: (
            f'{m[1]}"{_wrapped(_unescape(m[2]), NODE_WIDTH)}", '
            f'tooltip="{_escape(" ".join(_unescape(m[2]).split()))}"'
        ),
        body,
    )
    body = _ANSWER_URL.sub(f'URL="{answers_prefix}answers/', body)
    head, _, rest = body.partition("\n")
    return "\n".join([head, LAYOUT, rest, *lines, "}"]) + "\n"


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


def inline_svg(svg: str, label: str) -> str:
    """Graphviz's SVG made fit to inline in HTML: no XML prologue, doctype or comments, no
    blank lines (which would end a Markdown HTML block), and sized by its viewBox to the
    width of its container."""
    svg = svg[svg.index("<svg") :]
    # Comments, and <title>s that would show node ids as tooltips and accessible names.
    svg = re.sub(r"<!--.*?-->|<title>.*?</title>", "", svg, flags=re.S)
    svg = re.sub(
        r'<svg width="[^"]*"\s+height="[^"]*"',
        f'<svg class="tree-diagram__svg" width="100%" role="group" aria-label="{escape(label)}"',
        svg,
        count=1,
    )
    # The background rectangle: transparent, so the page's own colour (light or dark) shows.
    svg = re.sub(r'<polygon fill="white" stroke="transparent"', '<polygon fill="none"', svg)
    return "\n".join(line for line in svg.splitlines() if line.strip())


def tree_svg(tree: Tree, answers_prefix: str = "../") -> str:
    """The inline SVG of `tree`, with answer links relative to a page at `answers_prefix`."""
    label = f"Diagram of “{tree.title}”: each box links to its question or answer"
    return inline_svg(render_svg(compact_dot(to_dot(tree), answers_prefix)), label)


def main(argv: list[str] | None = None) -> int:
    from scripts.site_tree import SITE_TREE, load_site_tree

    parser = argparse.ArgumentParser(prog="python -m scripts.tree_diagram", description=__doc__)
    parser.add_argument("--slug", default=SITE_TREE, help="the tree (default: %(default)s)")
    parser.add_argument("--dot", action="store_true", help="print the compacted DOT, not SVG")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    tree = load_site_tree(Path(__file__).resolve().parent.parent / "docs", args.slug)
    try:
        text = compact_dot(to_dot(tree), "../") if args.dot else tree_svg(tree)
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
