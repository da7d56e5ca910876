"""The build refuses a host Python whose bytecode the pinned Pyodide could not import, and
copies only the runtime files the browser needs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from scripts.errors import BuildError
from scripts.pyodide_runtime import (
    RUNTIME_FILES,
    check_python_matches,
    copy_runtime,
    runtime_dirname,
)


def fake_pyodide(folder: Path, python: str, version: str = "0.0.1") -> Path:
    folder.mkdir()
    (folder / "pyodide-lock.json").write_text(json.dumps({"info": {"python": python}}))
    (folder / "package.json").write_text(json.dumps({"version": version}))
    for name in RUNTIME_FILES:
        (folder / name).write_bytes(name.encode() * 100)
    return folder


def test_a_different_python_minor_version_stops_the_build_with_one_clear_line(
    tmp_path: Path,
) -> None:
    other = f"3.{sys.version_info.minor - 1}.4"
    runtime = fake_pyodide(tmp_path / "pyodide", other, "9.9.9")
    with pytest.raises(BuildError) as error:
        check_python_matches(runtime)
    message = str(error.value)
    assert "\n" not in message
    host = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert f"Python {host}" in message and "Pyodide 9.9.9" in message
    assert f"Build with Python 3.{sys.version_info.minor - 1}" in message


def test_the_same_minor_version_builds(tmp_path: Path) -> None:
    runtime = fake_pyodide(tmp_path / "pyodide", f"3.{sys.version_info.minor}.99")
    check_python_matches(runtime)


def test_a_missing_runtime_says_to_run_npm_ci(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="npm ci"):
        check_python_matches(tmp_path / "nowhere")


def test_the_runtime_is_copied_into_a_versioned_folder(tmp_path: Path) -> None:
    runtime = fake_pyodide(tmp_path / "pyodide", "3.13.2", "1.2.3")
    assert runtime_dirname(runtime) == "pyodide-1.2.3"
    copied = copy_runtime(tmp_path / "site", runtime)
    assert sorted(p.name for p in copied) == sorted(RUNTIME_FILES)
    assert not (tmp_path / "site" / "pyodide-lock.json").exists()
