"""The editors' command line: check, walk, explain, paths, graph.

Errors are one clear line on stderr (or one line per problem for `check`), never a
stack trace.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from decision_tree.engine import Step, answer, back, start
from decision_tree.errors import DecisionTreeError, TreeInvalid
from decision_tree.golden import golden_tsv, path_rows
from decision_tree.graph import to_dot, to_mermaid
from decision_tree.model import Outcome, Question, Tree
from decision_tree.permalink import FRAGMENT, decode, encode
from decision_tree.shipped import load_by_slug, slugs, tree_path
from decision_tree.validate import count_paths

DEFAULT_DOCS = Path("docs")


def is_file_name(name: str) -> bool:
    """A tree given as a file path (else it is the slug of a tree shipped in the package)."""
    return Path(name).suffix in (".yaml", ".yml") or Path(name).exists()


def load(name: str, docs: Path | None) -> Tree:
    if not is_file_name(name):
        return load_by_slug(name, docs_dir=docs)
    from decision_tree.loader import load_tree

    if not Path(name).is_file():
        raise DecisionTreeError(
            f"no tree file {name}; give a YAML file or one of the shipped trees: "
            f"{', '.join(slugs()) or 'none'}"
        )
    return load_tree(name, docs_dir=docs)


def docs_dir(args: argparse.Namespace) -> Path | None:
    if args.no_docs:
        return None
    if args.docs is not None:
        return Path(args.docs)
    return DEFAULT_DOCS if DEFAULT_DOCS.is_dir() else None


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    names = args.trees or slugs()
    failed = False
    for name in names:
        try:
            tree = load(name, docs_dir(args))
        except TreeInvalid as error:
            failed = True
            for problem in error.problems:
                print(problem, file=out)
            continue
        count = count_paths(tree)
        shown = name if is_file_name(name) else tree_path(name)
        print(
            f"{shown}: ok ({len(tree.questions)} questions, "
            f"{len(tree.outcomes)} outcomes, {count} paths)",
            file=out,
        )
    return 1 if failed else 0


def describe(step: Step, out: TextIO, link_base: str) -> None:
    node = step.node
    if isinstance(node, Question):
        print(f"Question {len(step.reasons) + 1}: {node.prompt}", file=out)
        if node.help:
            print(f"  {node.help}", file=out)
        for number, option in enumerate(node.options, 1):
            print(f"  {number}. {option.label}", file=out)
    else:
        # In the walkthrough's order: the answer, the ground rules, the answers given, why.
        print(f"Answer: {node.title}  [{node.verdict.label}]", file=out)
        print(f"\n{node.short}\nFirst: {node.first}\n", file=out)
        print("Ground rules to agree before you speak:", file=out)
        for rule in node.ground_rules:
            print(f"  [ ] {rule}", file=out)
        if step.reasons:
            print("Your answers:", file=out)
            for reason in step.reasons:
                note = f" ({reason.option.note})" if reason.option.note else ""
                print(f"  - {reason.question.prompt} {reason.option.label}{note}", file=out)
        print(f"Why:\n{node.body}\n", file=out)
        print("Read more:", file=out)
        for link in node.links:
            print(f"  - {link.title}: {link.url or link.page}", file=out)
    print(f"Link: {link_base}{FRAGMENT}{encode(step.answers)}", file=out)


def cmd_walk(args: argparse.Namespace, out: TextIO, ask: Callable[[str], str] = input) -> int:
    tree = load(args.tree, docs_dir(args))
    step = start(tree)
    print(f"{tree.title}\n(number to answer, b = back, r = restart, q = quit)\n", file=out)
    while True:
        describe(step, out, args.link_base)
        at_outcome = isinstance(step.node, Outcome)
        prompt = "\nb = back, r = restart, q = quit > " if at_outcome else "> "
        try:
            reply = ask(prompt).strip().lower()
        except EOFError:
            return 0
        print(file=out)
        if reply in ("q", "quit"):
            return 0
        if reply in ("r", "restart"):
            step = start(tree)
        elif reply in ("b", "back"):
            step = back(tree, step)
        elif (
            isinstance(step.node, Question)
            and reply.isdigit()
            and 1 <= int(reply) <= len(step.node.options)
        ):
            step = answer(tree, step, step.node.options[int(reply) - 1].id)
        else:
            print("Please type one of the numbers shown, or b, r or q.", file=out)


def cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    tree = load(args.tree, docs_dir(args))
    decoded = decode(tree, args.link)
    for note in decoded.ignored:
        print(f"note: ignored {note}", file=out)
    describe(decoded.step, out, args.link_base)
    return 0


def cmd_paths(args: argparse.Namespace, out: TextIO) -> int:
    tree = load(args.tree, docs_dir(args))
    if args.format == "tsv":
        out.write(golden_tsv(tree))
        return 0
    rows = path_rows(tree)
    width = max(len(r[0]) for r in rows)
    print(f"{'answers':<{width}}  outcome (verdict)", file=out)
    for answers, outcome, verdict in rows:
        print(f"{answers:<{width}}  {outcome} ({verdict})", file=out)
    print(f"\n{len(rows)} paths", file=out)
    return 0


def cmd_graph(args: argparse.Namespace, out: TextIO) -> int:
    tree = load(args.tree, docs_dir(args))
    print(to_mermaid(tree) if args.format == "mermaid" else to_dot(tree), file=out)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="python -m decision_tree",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--docs",
        metavar="DIR",
        help="docs folder to check guidance links against (default: ./docs)",
    )
    common.add_argument("--no-docs", action="store_true", help="do not check guidance links")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        parents=[common],
        help="validate trees",
        description="Validate trees; print every problem as "
        "file:line: message and exit 1 if there is any.",
    )
    check.add_argument(
        "trees",
        nargs="*",
        metavar="TREE",
        help="tree slugs or YAML files (default: every shipped tree)",
    )
    check.set_defaults(run=cmd_check)

    link_base = argparse.ArgumentParser(add_help=False)
    link_base.add_argument(
        "--link-base",
        default="decide/",
        metavar="URL",
        help="address of the decide page, for printed links (default: decide/)",
    )
    walk = commands.add_parser(
        "walk",
        parents=[common, link_base],
        help="walk a tree in the terminal",
        description="Answer the questions by number; b goes back, r restarts, q quits.",
    )
    walk.add_argument("tree", metavar="TREE", help="tree slug or YAML file")
    walk.set_defaults(run=cmd_walk)

    explain = commands.add_parser(
        "explain", parents=[common, link_base], help="print the step or answer a permalink opens"
    )
    explain.add_argument("tree", metavar="TREE")
    explain.add_argument(
        "link",
        metavar="LINK",
        help="a permalink, e.g. 'decide/#/a/b' (or the older 'decide/?q1=a&q2=b')",
    )
    explain.set_defaults(run=cmd_explain)

    paths_cmd = commands.add_parser(
        "paths", parents=[common], help="every path from the first question to an outcome"
    )
    paths_cmd.add_argument("tree", metavar="TREE")
    paths_cmd.add_argument("--format", choices=["table", "tsv"], default="table")
    paths_cmd.set_defaults(run=cmd_paths)

    graph = commands.add_parser(
        "graph", parents=[common], help="the tree as Graphviz DOT or Mermaid"
    )
    graph.add_argument("tree", metavar="TREE")
    graph.add_argument("--format", choices=["dot", "mermaid"], default="dot")
    graph.set_defaults(run=cmd_graph)
    return root


class EscapedText(io.TextIOBase):
    """An output stream that shows control characters as escapes: text from a link or a tree
    must not move the cursor, clear the screen or retitle an editor's terminal."""

    CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(self.CONTROL.sub(lambda m: repr(m.group())[1:-1], text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    escaped = EscapedText(out or sys.stdout)
    try:
        status: int = args.run(args, escaped)
        escaped.flush()
        return status
    except TreeInvalid as error:
        for problem in error.problems:
            print(EscapedText.CONTROL.sub("?", str(problem)), file=sys.stderr)
        return 1
    except DecisionTreeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as error:
        print(f"error: {error.name} is needed for this command; run `make setup`", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`… | head -1`): end quietly, as other tools do. Point stdout
        # at nothing so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE
    except UnicodeDecodeError as error:
        print(
            f"error: the input is not valid {error.encoding} text; type plain text",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(f"error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
