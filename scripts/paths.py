"""Where things are: the checkout every build step reads from and writes beside."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PACKAGE = ROOT / "decision_tree"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# Build caches, kept between builds (`make clean` removes them).
CACHE = ROOT / ".cache"
