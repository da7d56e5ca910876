"""The self-hosted Pyodide runtime: which release is pinned, that this Python can build for
it, and copying the files the browser needs from `node_modules/pyodide` into the site (no CDN).

    python -m scripts.pyodide_runtime DEST
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from scripts.errors import BuildError
from scripts.paths import PYODIDE_DIR

# What a page needs at run time; the lock file is replaced by the site's own (ours added).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")


def pyodide_lock_path(pyodide_dir: Path = PYODIDE_DIR) -> Path:
    lock = pyodide_dir / "pyodide-lock.json"
    if not lock.is_file():
        raise BuildError(
            f"{lock} is missing; run `npm ci` (or `make serve`) to install the pinned "
            "Pyodide runtime"
        )
    return lock


def pyodide_info(pyodide_dir: Path = PYODIDE_DIR) -> dict[str, str]:
    """The pinned runtime's release (from its package.json) and Python version (from its lock)."""
    info: dict[str, str] = json.loads(pyodide_lock_path(pyodide_dir).read_text())["info"]
    package = json.loads((pyodide_dir / "package.json").read_text())
    return {**info, "version": package["version"]}


def check_python_matches(pyodide_dir: Path = PYODIDE_DIR) -> None:
    """Bytecode compiled by the host Python only imports in a Pyodide of the same minor version."""
    info = pyodide_info(pyodide_dir)
    runtime = ".".join(info["python"].split(".")[:2])
    host = f"{sys.version_info.major}.{sys.version_info.minor}"
    if host != runtime:
        raise BuildError(
            f"this build runs on Python {host}, but the pinned Pyodide "
            f"{info['version']} runs Python {runtime}; the wheel's bytecode would "
            f"not import. Build with Python {runtime} (`make` sets up .venv on it)."
        )


def runtime_dirname(pyodide_dir: Path = PYODIDE_DIR) -> str:
    """Versioned, so the web server can cache the runtime files for a long time."""
    return f"pyodide-{pyodide_info(pyodide_dir)['version']}"


def copy_runtime(dest: Path, pyodide_dir: Path = PYODIDE_DIR) -> list[Path]:
    """Copy the runtime files into `dest`, skipping files that are already identical (the
    build's last step adds their compressed copies: scripts/precompress.py)."""
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in RUNTIME_FILES:
        source, target = pyodide_dir / name, dest / name
        if not source.is_file():
            raise BuildError(f"{source} is missing; run `npm ci` to reinstall Pyodide")
        if (
            not target.is_file()
            or target.stat().st_size != source.stat().st_size
            or target.stat().st_mtime < source.stat().st_mtime
        ):
            shutil.copy2(source, target)
        copied.append(target)
    return copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dest", type=Path, help="folder to copy the runtime into")
    args = parser.parse_args(argv)
    try:
        check_python_matches()
        for path in copy_runtime(args.dest):
            print(path)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
