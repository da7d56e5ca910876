"""The pages generated from the tree carry the tree file's last commit date, and the build
stops if the date plugin's table it writes into is gone (the build date would hide it)."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
from datetime import datetime
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from scripts.site_tree import tree_path
from scripts.tree_dates import is_tree_page

ROOT = Path(__file__).resolve().parents[2]
# The plugin's `type: date` in English, as it renders it.
DATE = re.compile(r'git-revision-date-localized-plugin-date"[^>]*>([A-Z][a-z]+ \d{1,2}, \d{4})<')


def _hook() -> ModuleType:
    # The hook as MkDocs runs it: scripts/hooks/ is a namespace package of plain modules.
    return importlib.import_module("scripts.hooks.tree_dates")


def _tree_commit_date() -> str:
    # The commit's date in UTC, the plugin's default time zone (%cs would be the committer's).
    result = subprocess.run(
        ["git", "log", "-1", "--date=format-local:%Y-%m-%d", "--format=%cd", "--", tree_path()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": "UTC"},
    )
    return result.stdout.strip()


def test_answer_pages_and_the_tree_page_show_the_tree_files_last_commit_date(
    built_site: Path,
) -> None:
    committed = _tree_commit_date()
    if not committed:
        pytest.skip("the tree file has no commit in this checkout")
    pages = [built_site / "tree" / "index.html", *sorted(built_site.glob("answers/*/index.html"))]
    assert len(pages) > 5
    for page in pages:
        shown = DATE.search(page.read_text("utf-8"))
        assert shown, page
        assert datetime.strptime(shown[1], "%B %d, %Y").date().isoformat() == committed, page


def test_the_build_stops_if_the_date_plugin_loses_its_table_of_generated_pages() -> None:
    config = SimpleNamespace(plugins={"git-revision-date-localized": object()})
    with pytest.raises(PluginError, match="generated_timestamps"):
        _hook().on_files([], config)


def test_the_build_stops_if_the_date_plugin_is_not_configured() -> None:
    with pytest.raises(PluginError, match="not configured"):
        _hook().on_files([], SimpleNamespace(plugins={}))


def test_only_the_pages_generated_from_the_tree_take_its_date() -> None:
    assert is_tree_page("tree.md")
    assert is_tree_page("answers/agree-terms-first.md")
    assert not is_tree_page("decide.md")
    assert not is_tree_page("guidance/ground-rules.md")
