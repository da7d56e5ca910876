"""The tree as graph text: Graphviz DOT and Mermaid flowcharts, for editors and the docs."""

from __future__ import annotations

from decision_tree.model import Tree


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(tree: Tree) -> str:
    lines = [
        f"digraph {_quote(tree.slug)} {{",
        "  rankdir=TB;",
        '  node [fontname="sans-serif", fontsize=11];',
        '  edge [fontname="sans-serif", fontsize=9];',
    ]
    for question in tree.questions.values():
        lines.append(
            f"  {_quote(question.id)} [shape=box, style=rounded, "
            f"label={_quote(question.prompt)}, URL={_quote('#' + question.id)}];"
        )
    for outcome in tree.outcomes.values():
        lines.append(
            f'  {_quote(outcome.id)} [shape=box, style=filled, fillcolor="#e8eaf6", '
            f"label={_quote(outcome.title + chr(10) + '(' + outcome.verdict.label + ')')}"
            f", URL={_quote('answers/' + outcome.id + '/')}];"
        )
    for question in tree.questions.values():
        for option in question.options:
            lines.append(
                f"  {_quote(question.id)} -> {_quote(option.next)} [label={_quote(option.label)}];"
            )
    lines.append("}")
    return "\n".join(lines)


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
