"""Every kind of bad tree is reported as the exact `file:line: message` list an editor sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_tree.errors import TreeInvalid
from decision_tree.loader import load_tree, parse_tree
from decision_tree.validate import validate

pytestmark = pytest.mark.usefixtures("project_root")

BAD = "tests/fixtures/bad"
VERDICTS = (
    "on-the-record, on-background, deep-background, off-the-record, embargo, dont-talk, "
    "already-on-record, agree-ground-rules-first, legal-review, covered-by-terms"
)
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
        (49, f"outcome 'dont-talk' has an unknown verdict 'dont-tlak'; use one of: {VERDICTS}"),
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
            "the tree must be a mapping of fields (slug, title, description, start, questions, "
            "outcomes)",
        ),
    ],
    "empty-file": [
        (
            1,
            "the file is empty; a tree needs slug, title, description, start, questions and "
            "outcomes",
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
        (49, f"outcome 'dont-talk' has an unknown verdict 'silence'; use one of: {VERDICTS}"),
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


def test_every_bad_fixture_has_its_expected_problems_listed() -> None:
    assert {p.stem for p in Path(BAD).glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_tree_reports_exact_lines_and_messages(name: str) -> None:
    path = f"{BAD}/{name}.yaml"
    assert problems_of(path) == [f"{path}:{line}: {message}" for line, message in EXPECTED[name]]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_both_yaml_loaders_report_the_same_lines_and_messages(name: str) -> None:
    path = Path(f"{BAD}/{name}.yaml")
    if not path.is_file() or not path.stat().st_size:
        return  # nothing to parse: the file check answers before any loader runs
    reports = []
    for prefer_c in (True, False):
        with pytest.raises(TreeInvalid) as raised:
            parse_tree(path.read_text("utf-8"), str(path), docs_dir="docs", prefer_c=prefer_c)
        reports.append([str(p) for p in raised.value.problems])
    assert (
        reports[0]
        == reports[1]
        == [f"{path}:{line}: {message}" for line, message in EXPECTED[name]]
    )


def test_tree_invalid_message_is_every_problem_one_per_line() -> None:
    path = f"{BAD}/unknown-field.yaml"
    with pytest.raises(TreeInvalid) as raised:
        load_tree(path, docs_dir="docs")
    assert str(raised.value).splitlines() == [str(p) for p in raised.value.problems]


def test_a_file_with_many_problems_reports_all_of_them_in_one_run() -> None:
    problems = problems_of(f"{BAD}/multi-problem.yaml")
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
    tree = load_tree("tests/fixtures/trees/sample.yaml", docs_dir="docs")
    assert tree.slug == "sample"
    assert set(tree.questions) == {"said", "want", "rules"}
    assert set(tree.outcomes) == {"too-late", "dont-talk", "on-record"}
    assert validate(tree, docs_dir="docs") == []


def test_real_tree_loads_without_problems() -> None:
    tree = load_tree("decision_tree/trees/off-the-record.yaml", docs_dir="docs")
    assert tree.slug == "off-the-record"
    assert tree.start == "legal-triggers"
    assert validate(tree, docs_dir="docs") == []


def test_lines_are_kept_on_loaded_nodes_for_later_reports() -> None:
    tree = load_tree("tests/fixtures/trees/sample.yaml", docs_dir="docs")
    assert tree.questions["want"].line == 17
    assert tree.questions["rules"].options[1].line == 33
    assert tree.outcomes["on-record"].links[0].line == 66


def test_missing_file_is_one_problem_not_a_crash() -> None:
    path = f"{BAD}/no-such-file.yaml"
    assert problems_of(path) == [f"{path}:0: cannot read the file: No such file or directory"]


def test_non_utf8_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("slug: caf\xe9\n".encode("latin-1"))
    assert problems_of(path) == [f"{path}:0: the file is not UTF-8 text; save it as UTF-8"]


def test_control_character_is_reported_at_its_line_on_one_line() -> None:
    # e.g. a vertical tab pasted from a word processor, on line 7
    text = Path("tests/fixtures/trees/sample.yaml").read_text(encoding="utf-8")
    text = text.replace("Have you already said it?", "Have you already\x0bsaid it?")
    with pytest.raises(TreeInvalid) as raised:
        parse_tree(text, "sample.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "sample.yaml:7: invalid YAML: unacceptable character #x000b: special characters are not "
        "allowed"
    ]


def test_two_documents_in_one_file_are_invalid_yaml() -> None:
    text = Path("tests/fixtures/trees/sample.yaml").read_text(encoding="utf-8") + "---\nx: 1\n"
    with pytest.raises(TreeInvalid) as raised:
        parse_tree(text, "sample.yaml")
    [problem] = raised.value.problems
    assert problem.line == 68 and "invalid YAML" in problem.message


def test_parse_tree_without_docs_dir_skips_link_checks() -> None:
    text = Path(f"{BAD}/missing-page.yaml").read_text(encoding="utf-8")
    tree = parse_tree(text, "missing-page.yaml")
    assert tree.outcomes["dont-talk"].links[0].page == "guidance/nope.md"
