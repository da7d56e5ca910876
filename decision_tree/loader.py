"""Read a tree file (YAML) into a Tree, reporting every problem as `file:line: message`.

PyYAML is imported lazily: it is a build-time and editor-time dependency only, so
the engine itself stays standard-library only (the browser loads compiled JSON).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_type_hints

from decision_tree.errors import Problem, TreeInvalid
from decision_tree.guidance_links import check_links
from decision_tree.model import (
    ID_PATTERN,
    Link,
    Option,
    Outcome,
    Question,
    Tree,
    Verdict,
    editor_fields,
)
from decision_tree.validate import validate

if TYPE_CHECKING:
    from yaml import Node

# A tree is a few hundred lines; these refuse, in one line, files that would take minutes
# or exhaust memory to parse (a 10 MB file, thousands of nested brackets).
MAX_FILE_BYTES = 512 * 1024
MAX_NESTING = 16  # the real tree nests 6 deep
BLOCK_SCALAR = re.compile(r"(?:^|:\s)[|>][-+0-9]*\s*(?:#.*)?$")

# The fields of each part of a tree file, and whether each is required: the model's own.
TREE_FIELDS = editor_fields(Tree)
VERDICT_FIELDS = editor_fields(Verdict)
QUESTION_FIELDS = editor_fields(Question)
OPTION_FIELDS = editor_fields(Option)
OUTCOME_FIELDS = editor_fields(Outcome)
LINK_FIELDS = editor_fields(Link)


def load_tree(path: str | Path, docs_dir: str | Path | None = None) -> Tree:
    """Load and validate a tree file; raise TreeInvalid listing every problem found.

    With `docs_dir`, outcome links are also checked against the pages (and headings) there.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TreeInvalid(
                [
                    Problem(
                        str(path),
                        0,
                        f"the file is {size:,} bytes; a tree must be under "
                        f"{MAX_FILE_BYTES // 1024} KB (split it into two trees)",
                    )
                ]
            )
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TreeInvalid(
            [Problem(str(path), 0, f"cannot read the file: {error.strerror}")]
        ) from None
    except UnicodeDecodeError:
        raise TreeInvalid(
            [Problem(str(path), 0, "the file is not UTF-8 text; save it as UTF-8")]
        ) from None
    return parse_tree(text, str(path), docs_dir=docs_dir)


def yaml_loader(prefer_c: bool = True) -> Any:
    """libyaml's loader where PyYAML was built with it (four times faster on a large file,
    with the same line marks), else the pure-Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader) if prefer_c else yaml.SafeLoader


def nesting(text: str) -> tuple[int, int]:
    """The deepest nesting of the YAML text, roughly as a parser would see it, and its line:
    brackets ([ {) open a level, and so do deeper indentation and each leading "- ". Quoted
    text and comments are skipped. Checked before parsing, whose recursion a bomb of nested
    brackets would exhaust."""
    deepest, deepest_line = 0, 0
    flow = 0
    indents: list[int] = []
    scalar_indent = -1  # inside a block scalar (`key: |`): its lines are text, not nesting
    block = 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if scalar_indent >= 0 and len(line) - len(stripped) > scalar_indent:
            continue
        scalar_indent = -1
        if BLOCK_SCALAR.search(stripped):
            scalar_indent = len(line) - len(stripped)
        if flow == 0:
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            dashes = len(re.match(r"(?:-\s+)*", stripped).group()) // 2  # type: ignore[union-attr]
            block = len(indents) + dashes
        quote = ""
        for char in stripped:
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                flow += 1
            elif char in "]}":
                flow = max(0, flow - 1)
            if block + flow > deepest:
                deepest, deepest_line = block + flow, number
        if block > deepest:
            deepest, deepest_line = block, number
    return deepest, deepest_line


def parse_tree(
    text: str, path: str, docs_dir: str | Path | None = None, *, prefer_c: bool = True
) -> Tree:
    import yaml  # build/editor-time only, see module docstring

    depth, depth_line = nesting(text)
    if depth > MAX_NESTING:
        raise TreeInvalid(
            [
                Problem(
                    path,
                    depth_line,
                    f"the YAML nests {depth} levels deep here; a tree needs at most "
                    f"{MAX_NESTING} (check for runaway brackets or indentation)",
                )
            ]
        )
    try:
        try:
            root = yaml.compose(text, Loader=yaml_loader(prefer_c))
        except yaml.YAMLError:
            # libyaml words its errors its own way; the pure-Python parser gives the same
            # messages whichever loader ran (at the same lines), and a bad file is small.
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in (error.problem or ""):
            mark = error.context_mark  # e.g. an unclosed quote: point where it opened, not at EOF
        line = mark.line + 1 if mark else 0
        what = error.problem or "it cannot be parsed"
        raise TreeInvalid(
            [
                Problem(
                    path,
                    line,
                    f"invalid YAML: {what}; check the indentation "
                    "and quoting on this line and the one before",
                )
            ]
        ) from None  # the message says all an editor needs; no YAML traceback
    except yaml.reader.ReaderError as error:  # a control character: locate it, one line only
        line = text.count("\n", 0, error.position) + 1
        raise TreeInvalid(
            [Problem(path, line, f"invalid YAML: {str(error).splitlines()[0]}")]
        ) from None
    except yaml.YAMLError as error:
        raise TreeInvalid([Problem(path, 0, f"invalid YAML: {error}")]) from None
    reader = _Reader(path)
    tree = reader.tree(root)
    problems = reader.problems
    if tree is not None:
        expected_slug = Path(path).stem
        if tree.slug != expected_slug:
            problems.append(
                Problem(
                    path,
                    reader.slug_line,
                    f"slug '{tree.slug}' does not match "
                    f"the file name; rename the file or set slug: {expected_slug}",
                )
            )
        problems += validate(tree, start_line=reader.start_line)
        if docs_dir is not None:
            problems += check_links(tree, docs_dir)
    if problems:
        raise TreeInvalid(problems)
    assert tree is not None
    return tree


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


class _Reader:
    """Turns YAML nodes into model objects, collecting problems instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.first_lines: dict[str, int] = {}
        self.slug_line = 1
        self.start_line = 1
        self.verdicts: dict[str, Verdict] = {}

    def problem(self, node: Node | int, message: str) -> None:
        line = node if isinstance(node, int) else _line(node)
        self.problems.append(Problem(self.path, line, message))

    def fields(self, node: Node, what: str, spec: dict[str, bool]) -> dict[str, Any] | None:
        """A mapping's values by key, after reporting missing, unknown and repeated keys."""
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping of fields ({', '.join(spec)})")
            return None
        found: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in found:
                self.problem(key_node, f"field '{key}' appears twice in {what}; keep one")
            elif key not in spec:
                close = difflib.get_close_matches(key, spec, n=1)
                hint = (
                    f"did you mean '{close[0]}'?" if close else f"the fields are: {', '.join(spec)}"
                )
                self.problem(key_node, f"unknown field '{key}' in {what}; {hint}")
            else:
                found[key] = value_node
        for key, required in spec.items():
            if required and key not in found:
                self.problem(node, f"{what} is missing the field '{key}'; add it")
        return found

    def text(self, node: Node | None, what: str, required: bool = True) -> str:
        import yaml

        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            if required or not isinstance(node, yaml.ScalarNode):
                self.problem(node, f"{what} must be text")
            return ""
        value = str(node.value).strip()
        if required and not value:
            self.problem(node, f"{what} is empty; write it")
        return value

    def texts(self, found: dict[str, Any], cls: type, what: str) -> dict[str, str]:
        """The plain text fields of `cls` (all its `str` fields but the id), read from a
        mapping: a new text field in the model is read with no change here."""
        hints = get_type_hints(cls)
        return {
            name: self.text(found.get(name), f"'{name}' of {what}", required)
            for name, required in editor_fields(cls).items()
            if hints[name] is str and name != "id"
        }

    def flag(self, node: Node, what: str) -> bool:
        import yaml

        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
            self.problem(node, f"{what} must be true or false")
            return False
        return str(node.value).lower() in ("true", "yes", "on")

    def identifier(self, node: Node | None, what: str) -> str:
        value = self.text(node, what)
        if value and node is not None and not ID_PATTERN.match(value):
            self.problem(
                node,
                f"{what} '{value}' is not a valid id; use lowercase letters, digits "
                "and single hyphens, e.g. 'on-background'",
            )
        return value

    def items(self, node: Node | None, what: str) -> list[Node]:
        import yaml

        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list (each item starting with '- ')")
            return []
        return list(node.value)

    def claim_id(self, node: Node, value: str, registry: dict[str, int], scope: str) -> None:
        if not value:
            return
        if value in registry:
            self.problem(
                node,
                f"duplicate id '{value}' (first used on line {registry[value]}); "
                f"give each {scope} its own id",
            )
        else:
            registry[value] = _line(node)

    def tree(self, root: Node | None) -> Tree | None:
        if root is None:
            self.problem(
                1,
                f"the file is empty; a tree needs {', '.join(TREE_FIELDS)}",
            )
            return None
        found = self.fields(root, "the tree", TREE_FIELDS)
        if found is None:
            return None
        if "slug" in found:
            self.slug_line = _line(found["slug"])
        verdict_ids: dict[str, int] = {}
        for item in self.items(found.get("verdicts"), "verdicts"):
            verdict = self.verdict(item, verdict_ids)
            if verdict and verdict.id not in self.verdicts:
                self.verdicts[verdict.id] = verdict
        questions: dict[str, Question] = {}
        outcomes: dict[str, Outcome] = {}
        for item in self.items(found.get("questions"), "questions"):
            question = self.question(item)
            if question and question.id not in questions and question.id not in outcomes:
                questions[question.id] = question
        for item in self.items(found.get("outcomes"), "outcomes"):
            outcome = self.outcome(item)
            if outcome and outcome.id not in questions and outcome.id not in outcomes:
                outcomes[outcome.id] = outcome
        start = found.get("start")
        if start is not None:
            self.start_line = _line(start)
        return Tree(
            slug=self.text(found.get("slug"), "slug"),
            title=self.text(found.get("title"), "title"),
            description=self.text(found.get("description"), "description"),
            start=self.text(start, "start"),
            verdicts=self.verdicts,
            questions=questions,
            outcomes=outcomes,
            source=self.path,
        )

    def question(self, node: Node) -> Question | None:
        found = self.fields(node, "a question", QUESTION_FIELDS)
        if found is None:
            return None
        qid = self.identifier(found.get("id"), "question id")
        self.claim_id(node, qid, self.first_lines, "question and outcome")
        what = f"question '{qid}'"
        option_ids: dict[str, int] = {}
        options = []
        for item in self.items(found.get("options"), f"the options of {what}"):
            option = self.option(item, what)
            if option is None:
                continue
            self.claim_id(item, option.id, option_ids, f"option of {what}")
            options.append(option)
        return Question(
            id=qid,
            options=tuple(options),
            line=_line(node),
            **self.texts(found, Question, what),
        )

    def option(self, node: Node, question: str) -> Option | None:
        found = self.fields(node, f"an option of {question}", OPTION_FIELDS)
        if found is None:
            return None
        oid = self.identifier(found.get("id"), f"option id in {question}")
        what = f"option '{oid}' of {question}"
        return Option(id=oid, line=_line(node), **self.texts(found, Option, what))

    def outcome(self, node: Node) -> Outcome | None:
        found = self.fields(node, "an outcome", OUTCOME_FIELDS)
        if found is None:
            return None
        oid = self.identifier(found.get("id"), "outcome id")
        self.claim_id(node, oid, self.first_lines, "question and outcome")
        what = f"outcome '{oid}'"
        verdict_text = self.text(found.get("verdict"), f"the verdict of {what}")
        verdict = self.verdicts.get(verdict_text)
        if verdict is None:
            if verdict_text:
                self.problem(
                    found["verdict"],
                    f"{what} has an unknown verdict '{verdict_text}'; "
                    f"use one of the tree's verdicts: {', '.join(self.verdicts) or 'none'}",
                )
            verdict = Verdict(verdict_text, "")
        rules = tuple(
            self.text(item, f"a ground rule of {what}")
            for item in self.items(found.get("ground_rules"), f"ground_rules of {what}")
        )
        links = []
        for item in self.items(found.get("links"), f"the links of {what}"):
            link_fields = self.fields(item, f"a link of {what}", LINK_FIELDS)
            if link_fields is not None:
                links.append(
                    Link(line=_line(item), **self.texts(link_fields, Link, f"a link of {what}"))
                )
        if "links" in found and not links:
            self.problem(
                found["links"],
                f"{what} has no guidance link; add at least one "
                "under 'links' (page: guidance/….md, title: …)",
            )
        return Outcome(
            id=oid,
            verdict=verdict,
            ground_rules=rules,
            links=tuple(links),
            line=_line(node),
            **self.texts(found, Outcome, what),
        )

    def verdict(self, node: Node, registry: dict[str, int]) -> Verdict | None:
        found = self.fields(node, "a verdict", VERDICT_FIELDS)
        if found is None:
            return None
        vid = self.identifier(found.get("id"), "verdict id")
        self.claim_id(node, vid, registry, "verdict")
        what = f"verdict '{vid}'"
        severe = found.get("severe")
        return Verdict(
            id=vid,
            severe=self.flag(severe, f"'severe' of {what}") if severe is not None else False,
            line=_line(node),
            **self.texts(found, Verdict, what),
        )
