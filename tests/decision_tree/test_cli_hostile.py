"""The editors' command line never shows a traceback: a closed pipe ends quietly, a write
error and undecodable input get one line, and text from a link is shown, not obeyed."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from decision_tree.cli import main

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "decision_tree"]


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(CLI + args, cwd=ROOT, stderr=subprocess.PIPE, timeout=60, **kwargs)  # type: ignore[call-overload]


def test_a_closed_pipe_ends_quietly_with_the_usual_status() -> None:
    result = subprocess.run(
        f"{sys.executable} -m decision_tree paths off-the-record | head -1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        executable="/bin/bash",
    )
    assert result.stdout.startswith(b"answers")
    assert result.stderr == b""
    piped = subprocess.run(
        f"{sys.executable} -m decision_tree paths off-the-record | head -1 >/dev/null; "
        'echo "${PIPESTATUS[0]}"',
        shell=True,
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        executable="/bin/bash",
    )
    assert piped.stdout.strip() == b"141"  # 128 + SIGPIPE, as for any tool cut off by head


def test_a_write_error_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = run(["graph", "off-the-record"], stdout=full)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "error: cannot write the output: No space left on device"
    ]


def test_undecodable_input_is_one_line() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = run(["walk", "off-the-record"], input=b"\xff\xfe\n", env=env)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "error: the input is not valid utf-8 text; type plain text"
    ]


def test_terminal_escapes_from_a_link_are_shown_as_text() -> None:
    out = io.StringIO()
    assert main(["explain", "off-the-record", "?\x1b[2J\x1b]0;title\x07=x"], out=out) == 0
    text = out.getvalue()
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[2J\\x1b]0;title\\x07" in text
