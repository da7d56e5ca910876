"""The trimmed standard library: docstrings and comments go, the code stays the same."""

from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import pytest

from scripts.browser_package import SITE_DIR
from scripts.errors import BuildError
from scripts.paths import PYODIDE_DIR
from scripts.trim_stdlib import STDLIB, without_docstrings

SOURCE = b'''"""The module's docstring."""
# a comment
import os  # another


class Shape:
    """A class's docstring."""

    def area(self):
        """Only a docstring: the body must still be valid."""


async def fetch():
    "a one-line docstring"
    text = f"{os.sep!r:>4} and {'quoted'}"  # an f-string survives the round trip
    return text, """a triple-quoted value"""
'''


def test_docstrings_and_comments_go_and_the_code_stays() -> None:
    stripped = without_docstrings(SOURCE, "example.py").decode("utf-8")
    assert "docstring" not in stripped and "comment" not in stripped and "#" not in stripped
    assert "a triple-quoted value" in stripped
    namespace: dict[str, object] = {}
    exec(compile(stripped, "example.py", "exec"), namespace)
    assert namespace["Shape"]().area() is None  # type: ignore[operator]
    assert namespace.get("__doc__") is None


def test_a_coding_declaration_is_honoured() -> None:
    source = '# -*- coding: latin-1 -*-\nname = "café"\n'.encode("latin-1")
    assert without_docstrings(source, "latin.py") == b"name = 'caf\xc3\xa9'"


def test_an_unparser_that_changed_the_code_stops_the_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ast, "unparse", lambda tree: "changed = True")
    with pytest.raises(BuildError, match=r"example\.py: ast\.unparse changed"):
        without_docstrings(SOURCE, "example.py")


def test_the_built_library_holds_under_a_quarter_of_the_modules_none_with_a_docstring(
    built_site: Path,
) -> None:
    built = zipfile.ZipFile(built_site / SITE_DIR / STDLIB)
    full = zipfile.ZipFile(PYODIDE_DIR / STDLIB)
    names = built.namelist()
    assert 100 < len(names) < len(full.namelist()) / 4
    for name in names:
        tree = ast.parse(built.read(name), filename=name)
        assert not any(
            ast.get_docstring(node) is not None
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        ), name
        compile(tree, name, "exec")
    unpacked = sum(full.getinfo(name).file_size for name in names)
    assert sum(info.file_size for info in built.infolist()) < unpacked * 0.7
