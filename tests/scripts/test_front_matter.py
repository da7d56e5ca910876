"""A page whose front matter does not parse stops the build, naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from scripts.front_matter import FrontMatterError, check_front_matter, main

ROOT = Path(__file__).resolve().parents[2]


def test_an_unquoted_colon_is_reported_at_its_line_with_the_fix() -> None:
    text = "---\ntitle: Fine\ndescription: For editors: the format\n---\n\n# Page\n"
    with pytest.raises(FrontMatterError) as raised:
        check_front_matter(text, "docs/page.md")
    assert str(raised.value).startswith("docs/page.md:3: the front matter is not valid YAML")
    assert "double quotes" in str(raised.value)


def test_quoted_front_matter_and_pages_without_it_pass() -> None:
    check_front_matter('---\ndescription: "For editors: the format"\n---\n\n# Page\n', "a.md")
    check_front_matter("# Page\n\nNo front matter here.\n", "b.md")


def test_front_matter_that_is_not_fields_is_refused() -> None:
    with pytest.raises(FrontMatterError, match="field: value"):
        check_front_matter("---\n- a list\n---\n\n# Page\n", "docs/c.md")


def test_every_page_in_docs_has_front_matter_that_parses() -> None:
    assert main([str(ROOT / "docs")]) == 0


def test_the_build_hook_turns_the_problem_into_a_build_error() -> None:
    from types import SimpleNamespace

    from scripts.hooks.front_matter import on_page_markdown

    page = SimpleNamespace(
        file=SimpleNamespace(src_uri="bad.md", content_string="---\na: b: c\n---\n# x\n")
    )
    with pytest.raises(PluginError, match=r"docs/bad\.md:2:"):
        on_page_markdown("# x", page, None, None)  # type: ignore[arg-type]
