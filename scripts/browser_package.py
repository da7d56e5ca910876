"""The browser package: the `decision_tree` package as the browser's Pyodide loads it, in one
folder: the wheel with the trees compiled to JSON, compiled for Pyodide (`cp313-none-any`),
a `pyodide-lock.json` naming it, the trimmed standard library and a memory snapshot with its
manifest. The site serves the folder at `SITE_DIR`.

    python -m scripts.browser_package OUT_DIR
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from decision_tree.compiled import to_data
from decision_tree.shipped import TREES_DIR, slugs
from scripts.errors import BuildError
from scripts.paths import CACHE, DOCS, PACKAGE, PYODIDE_DIR, ROOT
from scripts.pyodide_runtime import check_python_matches, pyodide_lock_path
from scripts.site_tree import load_site_tree
from scripts.trim_stdlib import STDLIB, TRACE, trim_stdlib

# Where the site serves the folder; the decide page tells the worker where, and the names of
# the snapshot and its manifest (decide.html, from config.extra). Not "pyodide-…": nginx
# caches that prefix for a year, and this folder changes with every edit of the tree.
SITE_DIR = "assets/browser-package/"
# Built folders, one per fingerprint of their inputs (source_fingerprint), between builds.
BUILT = CACHE / "browser-package"
WHEEL_GLOB = "decision_tree-*-cp3*-none-any.whl"
SNAPSHOT_MANIFEST = "snapshot.json"
SNAPSHOT = "snapshot.bin"
# The standard library a restored snapshot is given: an empty zip. Every module the engine
# uses is in the snapshot's memory (make_snapshot.mjs checks), and the 0.3 MB trimmed library
# is what a cold start downloads.
SNAPSHOT_STDLIB = "snapshot_stdlib.zip"
MAKE_SNAPSHOT = ROOT / "scripts" / "make_snapshot.mjs"
EXERCISE = ROOT / "scripts" / "exercise_engine.py"


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
    """A Pyodide memory snapshot with the engine imported and every kind of request served
    once, made against the trimmed standard library, and its manifest: size, checksum and the
    (empty) standard library it is restored with."""
    target = out_dir / SNAPSHOT
    zipfile.ZipFile(out_dir / SNAPSHOT_STDLIB, "w").close()
    _run(
        [
            "node",
            str(MAKE_SNAPSHOT),
            str(wheel),
            str(target),
            str(out_dir / STDLIB),
            str(out_dir / SNAPSHOT_STDLIB),
        ],
        "making the Pyodide snapshot",
    )
    # The worker checks what it downloaded against this before restoring: a truncated or
    # wrong file (a proxy's error page served with 200) would otherwise never fail.
    data = target.read_bytes()
    manifest = {
        "file": SNAPSHOT,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "stdlib": SNAPSHOT_STDLIB,
    }
    (out_dir / SNAPSHOT_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return target


def compile_trees(dest: Path, trees_dir: Path = TREES_DIR, docs_dir: Path = DOCS) -> list[Path]:
    """Validate every tree (stopping the build on any problem) and write it as JSON, as the
    site shows it (scripts/site_tree.py), so the browser's engine renders the same bytes."""
    written = []
    for slug in slugs(trees_dir):
        tree = load_site_tree(docs_dir, slug, trees_dir=trees_dir)
        target = dest / f"{tree.slug}.json"
        target.write_text(
            json.dumps(to_data(tree), ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        written.append(target)
    return written


def source_fingerprint(docs_dir: Path = DOCS) -> str:
    """A hash of everything the folder is made from, to skip rebuilding an unchanged one."""
    digest = hashlib.sha256()
    inputs = [
        ROOT / "pyproject.toml",
        pyodide_lock_path(),
        *sorted(PACKAGE.rglob("*.py")),
        *sorted(TREES_DIR.glob("*.yaml")),
        Path(__file__),
        ROOT / "scripts" / "render_markdown.py",
        # The tree's Markdown is rendered with the site's settings and glossary.
        ROOT / "mkdocs.yml",
        ROOT / "scripts" / "glossary.py",
        ROOT / "includes" / "glossary.yaml",
        MAKE_SNAPSHOT,
        EXERCISE,
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


def build_browser_package(out_dir: Path, docs_dir: Path = DOCS) -> Path:
    """Fill `out_dir` with the compiled wheel, the site's pyodide-lock.json, the trimmed
    standard library and the memory snapshot; return the wheel."""
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
    parser.add_argument("out_dir", type=Path, help="folder to build the browser package in")
    args = parser.parse_args(argv)
    try:
        print(build_browser_package(args.out_dir))
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
