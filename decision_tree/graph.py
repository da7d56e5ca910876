"""The tree as a graph: its boxes and arrows as data (`tree_graph`), written as Graphviz DOT
(`write_dot`, the one writer of DOT text) or as a Mermaid flowchart, for editors, the docs
and the site's diagram (scripts/tree_diagram.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from decision_tree.model import Tree

# How each kind of box is drawn; `class` reaches the SVG (`<g class="node outcome">`), so a
# stylesheet can tell the kinds apart without matching a colour.
QUESTION_STYLE: dict[str, str] = {"shape": "box", "style": "rounded", "class": "question"}
OUTCOME_STYLE: dict[str, str] = {
    "shape": "box",
    "style": "filled",
    "fillcolor": "#e8eaf6",
    "class": "outcome",
}


@dataclass(frozen=True)
class Node:
    id: str
    kind: Literal["question", "outcome"]
    label: str  # may hold line breaks
    link: str  # from the tree's overview page: "#<question id>", or the answer's page_url


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str  # the option's label: one edge per option


@dataclass(frozen=True)
class Graph:
    name: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def tree_graph(tree: Tree) -> Graph:
    """Every question and outcome as a box, every option as an arrow, in the tree's order."""
    nodes = [Node(q.id, "question", q.prompt, f"#{q.id}") for q in tree.questions.values()]
    nodes += [
        Node(o.id, "outcome", f"{o.title}\n({o.verdict.label})", o.page_url)
        for o in tree.outcomes.values()
    ]
    edges = [
        Edge(q.id, option.next, option.label)
        for q in tree.questions.values()
        for option in q.options
    ]
    return Graph(tree.slug, tuple(nodes), tuple(edges))


def style(node: Node) -> dict[str, str]:
    return dict(QUESTION_STYLE if node.kind == "question" else OUTCOME_STYLE)


@dataclass(frozen=True)
class Lines:
    """A label of several lines, each centred or each flush left (DOT's `\\n` and `\\l`)."""

    lines: tuple[str, ...]
    flush_left: bool = False


Value = str | int | float | Lines
Attrs = Mapping[str, Value]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(value: Value) -> str:
    if isinstance(value, Lines):
        escaped = [_quote(line)[1:-1] for line in value.lines]
        if value.flush_left:
            return '"' + "".join(line + "\\l" for line in escaped) + '"'
        return '"' + "\\n".join(escaped) + '"'
    if isinstance(value, str):
        return _quote(value)
    return str(value)


def _attrs(attrs: Attrs) -> str:
    return ", ".join(f"{key}={_value(value)}" for key, value in attrs.items())


def write_dot(
    name: str,
    nodes: Iterable[tuple[str, Attrs]],
    edges: Iterable[tuple[str, str, Attrs]],
    graph: Attrs | None = None,
    node: Attrs | None = None,
    edge: Attrs | None = None,
) -> str:
    """DOT text of a directed graph: its attributes, the defaults of its nodes and edges,
    then each node and each edge; every id and value quoted and escaped here."""
    lines = [f"digraph {_quote(name)} {{"]
    lines += [f"  {key}={_value(value)};" for key, value in (graph or {}).items()]
    if node:
        lines.append(f"  node [{_attrs(node)}];")
    if edge:
        lines.append(f"  edge [{_attrs(edge)}];")
    lines += [f"  {_quote(id_)} [{_attrs(attrs)}];" for id_, attrs in nodes]
    lines += [
        f"  {_quote(source)} -> {_quote(target)}" + (f" [{_attrs(attrs)}]" if attrs else "") + ";"
        for source, target, attrs in edges
    ]
    lines.append("}")
    return "\n".join(lines)


def to_dot(tree: Tree) -> str:
    graph = tree_graph(tree)
    return write_dot(
        graph.name,
        nodes=[(n.id, style(n) | {"label": n.label, "URL": n.link}) for n in graph.nodes],
        edges=[(e.source, e.target, {"label": e.label}) for e in graph.edges],
        graph={"rankdir": "TB"},
        node={"fontname": "sans-serif", "fontsize": 11},
        edge={"fontname": "sans-serif", "fontsize": 9},
    )


def _mermaid_text(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def to_mermaid(tree: Tree) -> str:
    lines = ["flowchart TD"]
    for question in tree.questions.values():
        lines.append(f"  {question.id}[{_mermaid_text(question.prompt)}]")
    for outcome in tree.outcomes.values():
        lines.append(f"  {outcome.id}([{_mermaid_text(outcome.title)}])")
    for question in tree.questions.values():
        for option in question.options:
            lines.append(f"  {question.id} -->|{_mermaid_text(option.label)}| {option.next}")
    return "\n".join(lines)
