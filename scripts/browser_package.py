"""Build the engine for the browser: trees compiled to JSON, the package wheel compiled for
Pyodide (`cp313-none-any`), and a `pyodide-lock.json` naming it, all in one folder.

    python -m scripts.build_engine OUT_DIR
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from decision_tree.compiled import to_data
from decision_tree.loader import load_tree
from scripts.pyodide_runtime import (
    PYODIDE_DIR,
    ROOT,
    BuildError,
    check_python_matches,
    pyodide_lock_path,
)
from scripts.render_markdown import render_tree_html
from scripts.trim_stdlib import STDLIB, TRACE, trim_stdlib

PACKAGE = ROOT / "decision_tree"
TREES = PACKAGE / "trees"
DOCS = ROOT / "docs"
WHEEL_GLOB = "decision_tree-*-cp3*-none-any.whl"
SNAPSHOT_MANIFEST = "snapshot.json"
SNAPSHOT = "snapshot.bin"
MAKE_SNAPSHOT = ROOT / "scripts" / "make_snapshot.mjs"


def write_trimmed_lock(source: Path, target: Path, package: str = "decision-tree") -> None:
    """Keep only our package and what it depends on: the browser fetches this file before
    anything else, and Pyodide's full lock (about 130 KB) lists hundreds of packages the
    site does not ship."""
    lock = json.loads(source.read_text(encoding="utf-8"))
    wanted, pending = set(), [package]
    while pending:
        name = pending.pop()
        if name not in wanted:
            wanted.add(name)
            pending.extend(lock["packages"][name]["depends"])
    lock["packages"] = {name: lock["packages"][name] for name in sorted(wanted)}
    target.write_text(json.dumps(lock, indent=1), encoding="utf-8")


def make_snapshot(wheel: Path, out_dir: Path) -> Path:
    """A Pyodide memory snapshot with the engine imported, made against the trimmed standard
    library the browser will load, and its size and checksum."""
    target = out_dir / SNAPSHOT
    stdlib = out_dir / STDLIB
    _run(
        ["node", str(MAKE_SNAPSHOT), str(wheel), str(target), str(stdlib)],
        "making the Pyodide snapshot",
    )
    # The worker checks what it downloaded against this before restoring: a truncated or
    # wrong file (a proxy's error page served with 200) would otherwise never fail.
    data = target.read_bytes()
    manifest = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    (out_dir / SNAPSHOT_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return target


def compile_trees(dest: Path, trees_dir: Path = TREES, docs_dir: Path = DOCS) -> list[Path]:
    """Validate every tree (stopping the build on any problem) and write it as JSON."""
    written = []
    for source in sorted(trees_dir.glob("*.yaml")):
        tree = render_tree_html(load_tree(source, docs_dir=docs_dir))
        target = dest / f"{tree.slug}.json"
        target.write_text(
            json.dumps(to_data(tree), ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        written.append(target)
    return written


def source_fingerprint(docs_dir: Path = DOCS) -> str:
    """A hash of everything the wheel is made from, to skip rebuilding an unchanged engine."""
    digest = hashlib.sha256()
    inputs = [
        ROOT / "pyproject.toml",
        pyodide_lock_path(),
        *sorted(PACKAGE.rglob("*.py")),
        *sorted(TREES.glob("*.yaml")),
        Path(__file__),
        ROOT / "scripts" / "render_markdown.py",
        # The tree's Markdown is rendered with the site's settings and glossary.
        ROOT / "mkdocs.yml",
        ROOT / "scripts" / "glossary.py",
        ROOT / "includes" / "glossary.yaml",
        MAKE_SNAPSHOT,
        TRACE,
        ROOT / "scripts" / "trim_stdlib.py",
    ]
    for path in inputs:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    # Tree links are checked against the pages, so their headings are inputs too.
    for page in sorted(docs_dir.rglob("*.md")):
        digest.update(page.relative_to(docs_dir).as_posix().encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"{what} failed ({' '.join(command)}):\n{result.stdout}{result.stderr}")


def build_engine(out_dir: Path, docs_dir: Path = DOCS) -> Path:
    """Fill `out_dir` with the compiled wheel and the site's pyodide-lock.json; return the wheel."""
    check_python_matches()
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    with tempfile.TemporaryDirectory(prefix="decision-tree-build-") as tmp:
        staging = Path(tmp) / "src"
        # Build from a copy so compiled JSON never lands in the source tree.
        shutil.copytree(
            PACKAGE,
            staging / "decision_tree",
            ignore=shutil.ignore_patterns("__pycache__", "*.yaml"),
        )
        shutil.copy2(ROOT / "pyproject.toml", staging / "pyproject.toml")
        compile_trees(staging / "decision_tree" / "trees", docs_dir=docs_dir)
        wheels = Path(tmp) / "wheels"
        _run(
            [
                sys.executable,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                str(wheels),
                str(staging),
            ],
            "building the wheel",
        )
        (py3_wheel,) = wheels.glob("decision_tree-*-py3-none-any.whl")

        folder = Path(tmp) / "out"
        folder.mkdir()
        shutil.copy2(py3_wheel, folder)
        # pyodide-lock refuses a cp313 wheel here, so the py3 wheel goes in first and
        # `pyodide py-compile` then swaps it for the compiled one, updating the lock.
        spec = PyodideLockSpec.from_json(pyodide_lock_path(PYODIDE_DIR))
        spec = add_wheels_to_spec(spec, [folder / py3_wheel.name], base_path=folder)
        spec.to_json(folder / "pyodide-lock.json")
        pyodide_cli = Path(sys.executable).with_name("pyodide")
        _run([str(pyodide_cli), "py-compile", "--silent", str(folder)], "pyodide py-compile")

        (compiled,) = folder.glob(WHEEL_GLOB)
        out_dir.mkdir(parents=True, exist_ok=True)
        for old in out_dir.glob("decision_tree-*.whl"):
            old.unlink()
        shutil.copy2(compiled, out_dir / compiled.name)
        write_trimmed_lock(folder / "pyodide-lock.json", out_dir / "pyodide-lock.json")
        trim_stdlib(out_dir / "pyodide-lock.json", out_dir / STDLIB)
        make_snapshot(out_dir / compiled.name, out_dir)
        return out_dir / compiled.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir", type=Path, help="folder for the wheel and pyodide-lock.json")
    args = parser.parse_args(argv)
    try:
        print(build_engine(args.out_dir))
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
