"""MkDocs hook: date the pages generated from the tree ("Last update") by the last commit of
the tree file, rather than by the build, the git-revision-date-localized plugin's choice for
pages that have no file of their own."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files

from scripts.site_tree import tree_path

PLUGIN = "git-revision-date-localized"


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


def on_files(files: Files, config: Any) -> Files:
    # The plugin keeps one timestamp per generated page, set on first use (after on_files);
    # setting it here first makes it the tree's date.
    timestamps = getattr(config.plugins.get(PLUGIN), "generated_timestamps", None)
    stamp = last_commit_time(tree_path())
    if timestamps is None or stamp is None:
        return files
    for file in files.documentation_pages():
        if file.generated_by and (file.src_uri == "tree.md" or file.src_uri.startswith("answers/")):
            timestamps[file.src_uri] = stamp
    return files
