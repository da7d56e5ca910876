"""The date of the pages generated from the tree (its overview and its answers): the last
commit that changed the tree file, rather than the build's date.

    python -m scripts.tree_dates    # that commit's date, or nothing without git
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from decision_tree.shipped import tree_path

TREE_OVERVIEW = "tree.md"
ANSWERS = "answers/"


def is_tree_page(src_uri: str) -> bool:
    """True for the pages generated from the tree (scripts/tree_pages.py)."""
    return src_uri == TREE_OVERVIEW or src_uri.startswith(ANSWERS)


def last_commit_time(path: Path) -> int | None:
    """Unix time of the last commit that changed `path`; None without git or such a commit."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None


def main() -> int:
    stamp = last_commit_time(tree_path())
    if stamp is not None:
        print(datetime.fromtimestamp(stamp, UTC).date().isoformat())
    return 0


if __name__ == "__main__":
    sys.exit(main())
