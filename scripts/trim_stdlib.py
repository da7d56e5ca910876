"""The standard library cut to what the engine imports: Pyodide's python_stdlib.zip is 2.4 MB
(9 MB unpacked) of which the engine, and Pyodide's own start-up, import about 130 files.

The modules come from a real import trace (scripts/trace_stdlib.mjs boots the pinned Pyodide
under Node, loads the wheel by name and exercises every request the bridge serves); the zip keeps
exactly those files, without their docstrings and comments (`python -OO` drops docstrings too,
a mode the standard library supports), stored uncompressed so the server's Brotli copy
compresses across them. The build makes the memory snapshot against this zip, and a cold start
loads it by URL (`stdLibURL`), so the browser never fetches the full library.

    python -m scripts.trim_stdlib ENGINE_DIR/pyodide-lock.json OUT_ZIP
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from scripts.errors import BuildError
from scripts.paths import PYODIDE_DIR, ROOT

TRACE = ROOT / "scripts" / "trace_stdlib.mjs"
STDLIB = "python_stdlib.zip"


# Nodes whose first statement, if a string, is a docstring (Python's own definition).
DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def without_docstrings(source: bytes, name: str) -> bytes:
    """`source` as Python's own unparser writes it, without docstrings or comments: about 45%
    fewer bytes after Brotli. Tracebacks stay consistent: the code is compiled from the text
    shipped. An unparser that changed the code would stop the build, never ship it."""
    tree = ast.parse(source, filename=name)  # bytes: the file's own coding declaration holds
    for node in ast.walk(tree):
        if isinstance(node, DOCUMENTED) and ast.get_docstring(node, clean=False) is not None:
            node.body = node.body[1:] or [ast.Pass()]
    text = ast.unparse(tree)
    if ast.dump(ast.parse(text)) != ast.dump(tree):
        raise BuildError(f"{name}: ast.unparse changed the module's code; it cannot be trimmed")
    return text.encode("utf-8")


def traced_files(lock_file: Path) -> list[str]:
    result = subprocess.run(
        ["node", str(TRACE), str(lock_file)], capture_output=True, text=True, cwd=ROOT
    )
    if result.returncode != 0:
        raise BuildError(f"tracing the engine's imports failed:\n{result.stderr}")
    files: list[str] = json.loads(result.stdout)
    return files


def trim_stdlib(lock_file: Path, target: Path, source: Path = PYODIDE_DIR / STDLIB) -> list[str]:
    """Write `target`: the entries of `source` the engine imports when loaded through the
    site's `lock_file` (its wheel beside it). Returns their names."""
    wanted = set(traced_files(lock_file))
    with zipfile.ZipFile(source) as full:
        names = full.namelist()
        missing = wanted - set(names)
        if missing:
            raise BuildError(f"the import trace names files not in {source}: {sorted(missing)}")
        kept = [name for name in names if name in wanted]
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as cut:
            for name in kept:
                data = full.read(name)
                if name.endswith(".py"):
                    data = without_docstrings(data, name)
                info = full.getinfo(name)
                info.compress_type = zipfile.ZIP_STORED
                cut.writestr(info, data)
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("lock_file", type=Path, help="the site's pyodide-lock.json")
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    try:
        kept = trim_stdlib(args.lock_file, args.target)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{args.target}: {len(kept)} files, {args.target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
