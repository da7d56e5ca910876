"""The editors' command line: exit codes, one-line errors, and what each command prints."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from decision_tree.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "tests/fixtures/trees/sample.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "decision_tree", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_check_passes_on_the_real_tree() -> None:
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "off-the-record.yaml: ok" in result.stdout


def test_check_fails_with_file_line_message_on_a_bad_tree(tmp_path: Path) -> None:
    bad = tmp_path / "sample.yaml"
    bad.write_text((ROOT / SAMPLE).read_text().replace("next: dont-talk", "next: dont-tlak"))
    result = run("check", "--no-docs", str(bad))
    assert result.returncode == 1
    assert f"{bad}:20: option 'no' of question 'want' leads to 'dont-tlak'" in result.stdout
    assert "did you mean 'dont-talk'?" in result.stdout
    assert "Traceback" not in result.stderr


def test_unknown_tree_is_one_clear_line() -> None:
    result = run("walk", "no-such-tree")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no tree file" in result.stderr and "off-the-record" in result.stderr


def test_every_command_has_help() -> None:
    for command in ("check", "walk", "explain", "paths", "graph"):
        result = run(command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout


def test_walk_answers_by_number_goes_back_and_ends_with_answer_and_link() -> None:
    replies = iter(["2", "9", "b", "2", "2", "1", "q"])
    out = io.StringIO()
    from decision_tree import cli

    args = cli.parser().parse_args(["walk", SAMPLE, "--no-docs"])
    assert cli.cmd_walk(args, out, ask=lambda prompt: next(replies)) == 0
    text = out.getvalue()
    assert "Please type one of the numbers shown" in text
    assert "Answer: Stay on the record" in text
    assert "Why:" in text and "Ground rules to agree before you speak:" in text
    assert "Link: decide/#/no/yes/yes" in text


def test_explain_prints_the_step_and_what_was_ignored() -> None:
    out = io.StringIO()
    assert main(["explain", SAMPLE, "?said=no&bogus=1", "--no-docs"], out=out) == 0
    assert "note: ignored the answer to 'bogus' (unknown question)" in out.getvalue()
    assert "Question 2: Do you want it in the media at all?" in out.getvalue()


def test_paths_lists_every_path_with_its_outcome() -> None:
    out = io.StringIO()
    assert main(["paths", SAMPLE, "--format", "tsv", "--no-docs"], out=out) == 0
    assert out.getvalue().splitlines() == [
        "answers\toutcome\tverdict",
        "said=yes\ttoo-late\talready-on-record",
        "said=no&want=no\tdont-talk\tdont-talk",
        "said=no&want=yes&rules=yes\ton-record\ton-the-record",
        "said=no&want=yes&rules=no\ton-record\ton-the-record",
    ]


@pytest.mark.parametrize(
    "fmt, first_line, edge",
    [
        ("dot", 'digraph "sample" {', '"said" -> "too-late" [label="Yes"];'),
        ("mermaid", "flowchart TD", 'said -->|"Yes"| too-late'),
    ],
)
def test_graph_prints_every_edge(fmt: str, first_line: str, edge: str) -> None:
    out = io.StringIO()
    assert main(["graph", SAMPLE, "--format", fmt, "--no-docs"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == first_line
    assert any(line.strip() == edge for line in lines)
