"""Every kind of bad tree is reported as the exact `file:line: message` list an editor sees.

Each bad tree is the sample tree (tests/fixtures/trees/sample.yaml) with a small edit, so the
edit is the whole story of the test; line numbers are the sample's."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_tree.errors import TreeInvalid
from decision_tree.guidance_links import check_links
from decision_tree.loader import load_tree, parse_tree
from decision_tree.validate import validate

pytestmark = pytest.mark.usefixtures("project_root")

SAMPLE = "tests/fixtures/trees/sample.yaml"
SAMPLE_LINES = Path(__file__).resolve().parents[2].joinpath(SAMPLE).read_text("utf-8").splitlines()
VERDICTS = "use one of the tree's verdicts: already-on-record, dont-talk, on-the-record, embargo"


def edited(**lines: str | None) -> str:
    """The sample with lines replaced (`l35="…"`, several lines joined by "\n") or deleted
    (None); numbers are the sample's own."""
    out = list(SAMPLE_LINES)
    for key, text in sorted(lines.items(), key=lambda item: -int(item[0][1:])):
        number = int(key[1:])
        out[number - 1 : number] = [] if text is None else [text]
    return "\n".join(out) + "\n"


def after(number: int, text: str) -> str:
    """Sample line `number` followed by `text`: an insertion below it."""
    return SAMPLE_LINES[number - 1] + "\n" + text.strip("\n")


def too_deep() -> str:
    """Nine questions in a row, each "yes" leading to the next."""
    chain = []
    for n in range(1, 10):
        chain += [
            f"  - id: q{n}",
            f"    prompt: Question {n}?",
            "    options:",
            '      - {id: "yes", label: "Yes", next: %s}' % (f"q{n + 1}" if n < 9 else "on-record"),
            '      - {id: "no", label: "No", next: %s}' % ("dont-talk" if n > 1 else "too-late"),
        ]
    return edited(l4="start: q1", **{f"l{n}": None for n in range(7, 37)}, l6="\n".join(chain))


# name -> the bad tree's text (its slug set to the name, as a file of that name needs)
BAD_TREES: dict[str, str] = {
    "invalid-yaml": edited(l19="   options:"),
    "unclosed-quote": edited(l60='    title: "Stay on the record'),
    "missing-field": edited(l18=None),
    "unknown-field": edited(l18="    promt: Do you want it in the media at all?"),
    "duplicate-id": edited(
        l54=after(
            54,
            """
    links:
      - page: guidance/attribution-levels.md
        title: Attribution levels
  - id: rules
    verdict: on-the-record
    title: A second node called rules
    short: Clashes.
    first: Do this first.
    body: Clashes with the question.
    ground_rules: [None.]""",
        )
    ),
    "duplicate-option-id": edited(l20='      - id: "yes"'),
    "dangling-next": edited(l35="        next: on-recrod"),
    "unreachable-question": edited(
        l36=after(
            36,
            """
  - id: orphan
    prompt: Nobody asks this?
    options:
      - id: "yes"
        label: "Yes"
        next: on-record
      - id: "no"
        label: "No"
        next: dont-talk""",
        )
    ),
    "unreachable-outcome": edited(
        l67=after(
            67,
            """
  - id: orphan
    verdict: embargo
    title: Nobody gets here
    short: No option leads here.
    first: Do this first.
    body: Unreachable.
    ground_rules: [None.]
    links:
      - page: guidance/attribution-levels.md#embargo
        title: Embargo""",
        )
    ),
    "cycle": edited(l35="        next: want"),
    "self-loop": edited(l35="        next: rules"),
    "one-option": edited(l33=None, l34=None, l35=None, l36=None),
    "unknown-verdict": edited(l49="    verdict: dont-tlak"),
    "no-link": edited(l55="    links: []", l56=None, l57=None),
    "missing-page": edited(l56="      - page: guidance/nope.md"),
    "missing-anchor": edited(l66="      - page: guidance/attribution-levels.md#nope"),
    "start-not-question": edited(l4="start: too-late"),
    "slug-mismatch": edited(l1="slug: sampel"),
    "too-deep": too_deep(),
    "not-a-mapping": "- slug: not-a-mapping\n- title: A list, not a tree\n",
    "empty-file": "",
    "multi-problem": edited(
        l16="        next: wnat",
        l28="    promt: Have you agreed ground rules first?",
        l44="    ground_rules: []",
        l49="    verdict: silence",
        l56="      - page: guidance/nope.md",
        l66="      - page: guidance/attribution-levels.md#on-the-recrod",
    ),
}


@pytest.fixture
def bad_tree(tmp_path: Path, name: str) -> Path:
    """The bad tree `name`, written as `<name>.yaml`."""
    text = BAD_TREES[name]
    if text.startswith("slug: sample\n"):
        text = f"slug: {name}\n" + text.removeprefix("slug: sample\n")
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


UNREACHABLE = (
    "cannot be reached from the start question 'said'; point an option at it, or delete it"
)
YAML_HINT = "check the indentation and quoting on this line and the one before"

EXPECTED: dict[str, list[tuple[int, str]]] = {
    "invalid-yaml": [
        (19, f"invalid YAML: expected <block end>, but found '<block mapping start>'; {YAML_HINT}"),
    ],
    "unclosed-quote": [
        # the quote opens on line 60; the parser only notices at the end of the file
        (60, f"invalid YAML: found unexpected end of stream; {YAML_HINT}"),
    ],
    "missing-field": [(17, "a question is missing the field 'prompt'; add it")],
    "unknown-field": [
        (17, "a question is missing the field 'prompt'; add it"),
        (18, "unknown field 'promt' in a question; did you mean 'prompt'?"),
    ],
    "duplicate-id": [
        (
            58,
            "duplicate id 'rules' (first used on line 27); give each question and outcome its "
            "own id",
        ),
    ],
    "duplicate-option-id": [
        (
            24,
            "duplicate id 'yes' (first used on line 20); give each option of question 'want' its "
            "own id",
        ),
    ],
    "dangling-next": [
        (
            33,
            "option 'no' of question 'rules' leads to 'on-recrod', which is no question or "
            "outcome; did you mean 'on-record'?",
        ),
    ],
    "unreachable-question": [(37, f"question 'orphan' {UNREACHABLE}")],
    "unreachable-outcome": [(68, f"outcome 'orphan' {UNREACHABLE}")],
    "cycle": [
        (
            33,
            "cycle: want -> rules -> want; option 'no' of question 'rules' must lead to a later "
            "question or an outcome",
        ),
    ],
    "self-loop": [
        (
            33,
            "cycle: rules -> rules; option 'no' of question 'rules' must lead to a later "
            "question or an outcome",
        ),
    ],
    "one-option": [
        (27, "question 'rules' has 1 option(s); give it at least two, or remove the question"),
    ],
    "unknown-verdict": [
        (
            49,
            f"outcome 'dont-talk' has an unknown verdict 'dont-tlak'; {VERDICTS}",
        ),
    ],
    "no-link": [
        (
            55,
            "outcome 'dont-talk' has no guidance link; add at least one under 'links' "
            "(page: guidance/….md, title: …)",
        ),
    ],
    "missing-page": [
        (
            56,
            "link 'guidance/nope.md' of outcome 'dont-talk' points to a page that does not "
            "exist in docs/; use a path like guidance/ground-rules.md",
        ),
    ],
    "missing-anchor": [
        (
            66,
            "link 'guidance/attribution-levels.md#nope' of outcome 'on-record' names a heading "
            "that guidance/attribution-levels.md does not have; link a heading that exists",
        ),
    ],
    "start-not-question": [
        # and no "leads back to the start question" for options that lead to that outcome
        (4, "start 'too-late' is an outcome; set start to the id of the first question"),
    ],
    "slug-mismatch": [
        (
            1,
            "slug 'sampel' does not match the file name; rename the file or set "
            "slug: slug-mismatch",
        ),
    ],
    "too-deep": [
        (
            4,
            "the longest walk asks 9 questions; keep every path to 8 questions or fewer so the "
            "walk stays short",
        ),
    ],
    "not-a-mapping": [
        (
            1,
            "the tree must be a mapping of fields (slug, title, description, start, verdicts, "
            "questions, outcomes)",
        ),
    ],
    "empty-file": [
        (
            1,
            "the file is empty; a tree needs slug, title, description, start, verdicts, "
            "questions, outcomes",
        ),
    ],
    "multi-problem": [
        (
            14,
            "option 'no' of question 'said' leads to 'wnat', which is no question or outcome; "
            "did you mean 'want'?",
        ),
        (17, f"question 'want' {UNREACHABLE}"),
        (27, "a question is missing the field 'prompt'; add it"),
        (27, f"question 'rules' {UNREACHABLE}"),
        (28, "unknown field 'promt' in a question; did you mean 'prompt'?"),
        (
            38,
            "outcome 'too-late' has no ground_rules; list at least one thing to agree or do "
            "before speaking",
        ),
        (48, f"outcome 'dont-talk' {UNREACHABLE}"),
        (
            49,
            f"outcome 'dont-talk' has an unknown verdict 'silence'; {VERDICTS}",
        ),
        (
            56,
            "link 'guidance/nope.md' of outcome 'dont-talk' points to a page that does not "
            "exist in docs/; use a path like guidance/ground-rules.md",
        ),
        (58, f"outcome 'on-record' {UNREACHABLE}"),
        (
            66,
            "link 'guidance/attribution-levels.md#on-the-recrod' of outcome 'on-record' names a "
            "heading that guidance/attribution-levels.md does not have; did you mean "
            "'#on-the-record'?",
        ),
    ],
}


def problems_of(path: str | Path) -> list[str]:
    with pytest.raises(TreeInvalid) as raised:
        load_tree(path, docs_dir="docs")
    return [str(p) for p in raised.value.problems]


def test_every_bad_tree_has_its_expected_problems_listed() -> None:
    assert set(BAD_TREES) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_tree_reports_exact_lines_and_messages(name: str, bad_tree: Path) -> None:
    assert problems_of(bad_tree) == [
        f"{bad_tree}:{line}: {message}" for line, message in EXPECTED[name]
    ]


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if BAD_TREES[n]))
def test_both_yaml_loaders_report_the_same_lines_and_messages(name: str, bad_tree: Path) -> None:
    reports = []
    for prefer_c in (True, False):
        with pytest.raises(TreeInvalid) as raised:
            parse_tree(
                bad_tree.read_text("utf-8"), str(bad_tree), docs_dir="docs", prefer_c=prefer_c
            )
        reports.append([str(p) for p in raised.value.problems])
    assert (
        reports[0]
        == reports[1]
        == [f"{bad_tree}:{line}: {message}" for line, message in EXPECTED[name]]
    )


@pytest.mark.parametrize("name", ["unknown-field"])
def test_tree_invalid_message_is_every_problem_one_per_line(bad_tree: Path) -> None:
    with pytest.raises(TreeInvalid) as raised:
        load_tree(bad_tree, docs_dir="docs")
    assert str(raised.value).splitlines() == [str(p) for p in raised.value.problems]


@pytest.mark.parametrize("name", ["multi-problem"])
def test_a_file_with_many_problems_reports_all_of_them_in_one_run(bad_tree: Path) -> None:
    problems = problems_of(bad_tree)
    assert len(problems) == len(EXPECTED["multi-problem"])
    # structural (loader), routing (validate) and link (docs) problems all in the same report
    for fragment in (
        "unknown field 'promt'",
        "unknown verdict 'silence'",
        "leads to 'wnat'",
        "no ground_rules",
        "cannot be reached",
        "guidance/nope.md",
        "#on-the-recrod",
    ):
        assert any(fragment in problem for problem in problems), fragment


def test_sample_tree_loads_without_problems() -> None:
    tree = load_tree(SAMPLE, docs_dir="docs")
    assert tree.slug == "sample"
    assert set(tree.questions) == {"said", "want", "rules"}
    assert set(tree.outcomes) == {"too-late", "dont-talk", "on-record"}
    assert validate(tree) == [] and check_links(tree, "docs") == []


def test_real_tree_loads_without_problems() -> None:
    tree = load_tree("decision_tree/trees/off-the-record.yaml", docs_dir="docs")
    assert tree.slug == "off-the-record"
    assert tree.start == "legal-triggers"
    assert validate(tree) == [] and check_links(tree, "docs") == []


def test_lines_are_kept_on_loaded_nodes_for_later_reports() -> None:
    tree = load_tree(SAMPLE, docs_dir="docs")
    assert tree.questions["want"].line == 17
    assert tree.questions["rules"].options[1].line == 33
    assert tree.outcomes["on-record"].links[0].line == 66


def test_missing_file_is_one_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "no-such-file.yaml"
    assert problems_of(path) == [f"{path}:0: cannot read the file: No such file or directory"]


def test_non_utf8_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("slug: caf\xe9\n".encode("latin-1"))
    assert problems_of(path) == [f"{path}:0: the file is not UTF-8 text; save it as UTF-8"]


def test_control_character_is_reported_at_its_line_on_one_line() -> None:
    # e.g. a vertical tab pasted from a word processor, on line 7
    text = Path(SAMPLE).read_text(encoding="utf-8")
    text = text.replace("Have you already said it?", "Have you already\x0bsaid it?")
    with pytest.raises(TreeInvalid) as raised:
        parse_tree(text, "sample.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "sample.yaml:7: invalid YAML: unacceptable character #x000b: special characters are not "
        "allowed"
    ]


def test_two_documents_in_one_file_are_invalid_yaml() -> None:
    text = Path(SAMPLE).read_text(encoding="utf-8") + "---\nx: 1\n"
    with pytest.raises(TreeInvalid) as raised:
        parse_tree(text, "sample.yaml")
    [problem] = raised.value.problems
    assert problem.line == len(SAMPLE_LINES) + 1 and "invalid YAML" in problem.message


def test_parse_tree_without_docs_dir_skips_link_checks() -> None:
    tree = parse_tree(
        BAD_TREES["missing-page"].replace("slug: sample", "slug: missing-page"), "missing-page.yaml"
    )
    assert tree.outcomes["dont-talk"].links[0].page == "guidance/nope.md"
