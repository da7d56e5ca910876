"""MkDocs hook: date the pages generated from the tree ("Last update") by the last commit of
the tree file (scripts/tree_dates.py), rather than by the build, the git-revision-date-localized
plugin's choice for pages that have no file of their own."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from decision_tree.shipped import tree_path
from scripts.tree_dates import is_tree_page, last_commit_time

PLUGIN = "git-revision-date-localized"
# Not a documented interface of the plugin: its table of generated pages' timestamps, filled
# on a page's first use (after on_files) and emptied in on_pre_build (before it).
TIMESTAMPS = "generated_timestamps"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plugin = config.plugins.get(PLUGIN)
    timestamps = getattr(plugin, TIMESTAMPS, None)
    if not isinstance(timestamps, dict):
        # Fail here: the build-date fallback would otherwise date the pages silently.
        raise PluginError(
            f"scripts/hooks/tree_dates.py: the {PLUGIN} plugin "
            + ("is not configured" if plugin is None else f"has no dict `{TIMESTAMPS}`")
            + "; the tree's pages cannot take the tree file's date. Update the hook for "
            "this version of the plugin, or remove it (and its test) with the plugin."
        )
    stamp = last_commit_time(tree_path())
    if stamp is None:  # no git, or the tree not committed yet: the plugin's build date
        return files
    for file in files.documentation_pages():
        if file.generated_by and is_tree_page(file.src_uri):
            timestamps[file.src_uri] = stamp
    return files
