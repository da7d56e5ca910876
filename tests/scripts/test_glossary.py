"""One glossary: tooltips on a term's first use only, never in headings, links or tables;
definitions and the glossary page from the same words."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from scripts.glossary import (
    GlossaryError,
    Term,
    expand_definitions,
    glossary_markdown,
    load_glossary,
    tooltips,
)

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ["scripts.glossary", "attr_list", "md_in_html", "tables", "def_list"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_a_term_gets_one_tooltip_on_its_first_use_only() -> None:
    html = render("Stay on the record.\n\nAgain: on the record, and On the record.")
    assert html.count("<abbr") == 1
    assert html.index("<abbr") < html.index("Again")
    assert "Again: on the record, and On the record." in html


def test_the_first_use_is_reachable_by_keyboard() -> None:
    html = render("Go on background, then off the record.")
    assert html.count("<abbr") == 2
    assert html.count('tabindex="0"') == 2


def test_no_tooltip_in_headings_links_or_tables_and_the_next_use_gets_it() -> None:
    text = (
        "## Going off the record\n\n"
        "[off the record](page.md)\n\n"
        "| term |\n| --- |\n| off the record |\n\n"
        "Then off the record in a sentence."
    )
    html = render(text)
    assert html.count("<abbr") == 1
    assert "in a sentence" in html[html.index("<abbr") :]
    assert "<h2" in html and "<abbr" not in html[html.index("<h2") : html.index("</h2>")]


def test_the_tooltip_is_the_glossary_definition() -> None:
    terms = {t.id: t for t in load_glossary()}
    html = render("Never embargo results.")
    assert f'title="{terms["embargo"].definition}"' in html.replace("&quot;", '"')


def test_a_definition_marker_shows_the_one_definition_and_links_the_glossary() -> None:
    terms = load_glossary()
    off = next(t for t in terms if t.id == "off-the-record")
    out = expand_definitions(
        "Intro\n<!-- definition: off-the-record -->\nMore", "guidance/x.md", terms
    )
    assert off.definition in out
    assert "(../glossary.md#off-the-record)" in out


def test_an_unknown_marker_stops_with_its_page_and_line() -> None:
    with pytest.raises(GlossaryError, match=r"docs/guidance/x\.md:2: no glossary term 'nope'"):
        expand_definitions("a\n<!-- definition: nope -->\n", "guidance/x.md", load_glossary())


def test_the_glossary_page_lists_every_term_and_turns_tooltips_off() -> None:
    terms = load_glossary()
    page = glossary_markdown(terms)
    for term in terms:
        assert f"{{#{term.id}}}" in page
    html = render(page)
    assert "<abbr" not in html


def test_forms_map_to_their_definition() -> None:
    term = Term("x", "X", ("x-form", "X-form"), "Means x.", "index.md")
    assert tooltips((term,)) == {"x-form": "Means x.", "X-form": "Means x."}


def test_a_form_claimed_by_two_terms_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    entry = "  - {{id: {id}, term: T, forms: [same], definition: D, see: index.md}}\n"
    path.write_text("terms:\n" + entry.format(id="a") + entry.format(id="b"))
    with pytest.raises(GlossaryError, match="'same' is already a form of 'a'"):
        load_glossary(path)


def test_every_terms_see_link_names_a_page_that_exists() -> None:
    for term in load_glossary():
        assert (ROOT / "docs" / term.see.partition("#")[0]).is_file(), term.id
