"""The tree diagram drawn at build time: every label in full at a size that reads at 100%,
every box linked, a full-size file beside the tree page whose links resolve, and a missing
Graphviz stops the build with one line saying what to install."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from mkdocs.exceptions import PluginError

from decision_tree.graph import Lines, write_dot
from decision_tree.model import Tree
from scripts import tree_diagram
from scripts.site_tree import load_site_tree
from scripts.tree_diagram import (
    STANDALONE,
    DiagramError,
    diagram_dot,
    inline_svg,
    tree_svg,
    tree_svg_file,
)

ROOT = Path(__file__).resolve().parents[2]
# Material's small text (0.64rem) where the root is 20 px, the size at a laptop's width.
SMALL_TEXT_PX = 0.64 * 20
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_site_tree(ROOT / "docs")


def _words(text: str) -> str:
    """Text with every run of spaces (no-break ones too) and line breaks as one space."""
    return " ".join(text.split())


def _drawn_text(svg: str, kind: str) -> list[str]:
    """What each node or edge (`kind`) of Graphviz's SVG shows: its <text> lines, joined."""
    parts = re.split(r'<g id="(?:node|edge)\d+" class="(node|edge)[^"]*">', svg)[1:]
    texts = [
        _words(" ".join(unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", group)))
        for found, group in zip(parts[::2], parts[1::2], strict=True)
        if found == kind
    ]
    assert len(texts) > 10
    return texts


def _as_items(text: str) -> tuple[str, ...]:
    """An edge's text as the answers it stands for: a bulleted list, or one answer."""
    return tuple(item.strip() for item in text.split("• ") if item.strip())


def expected_edges(tree: Tree) -> set[tuple[str, ...]]:
    """Each edge's answers in full: those of one question that lead to the same place."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for question in tree.questions.values():
        for option in question.options:
            pairs.setdefault((question.id, option.next), []).append(_words(option.label))
    return {tuple(labels) for labels in pairs.values()}


def expected_nodes(tree: Tree) -> set[str]:
    return {_words(q.prompt) for q in tree.questions.values()} | {
        _words(f"{o.title} ({o.verdict.label})") for o in tree.outcomes.values()
    }


def assert_every_label_in_full(svg: str, tree: Tree) -> None:
    edges = [_as_items(text) for text in _drawn_text(svg, "edge")]
    assert len(edges) == len(set(edges))
    assert set(edges) == expected_edges(tree)
    assert set(_drawn_text(svg, "node")) == expected_nodes(tree)
    assert "…" not in svg


def assert_text_at_least_small_size(svg: str) -> None:
    """Drawn one unit to a pixel (width and height as the viewBox), no text below the site's
    small text."""
    drawing = re.search(r"<svg[^>]*viewBox[^>]*>", svg)
    assert drawing
    head = drawing[0]
    view_box = re.search(r'viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"', head)
    assert view_box
    assert re.search(rf'width="{view_box[1]}"', head)
    assert re.search(rf'height="{view_box[2]}"', head)
    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes
    assert min(sizes) >= SMALL_TEXT_PX


def test_answers_that_lead_to_the_same_place_share_one_labelled_edge(tree: Tree) -> None:
    dot = diagram_dot(tree)
    edges = re.findall(r'^  "([^"]+)" -> "([^"]+)"', dot, re.M)
    assert len(edges) == len(set(edges))
    pairs = {(q.id, o.next) for q in tree.questions.values() for o in q.options}
    assert set(edges) == pairs


def test_labels_are_wrapped_onto_lines_not_shortened(tree: Tree) -> None:
    dot = diagram_dot(tree)
    for label in re.findall(r'label="((?:[^"\\]|\\.)*)"', dot):
        for line in re.split(r"\\[nl]", label.replace('\\"', '"')):
            assert len(line) <= max(tree_diagram.NODE_WIDTH, tree_diagram.EDGE_WIDTH), line
    assert "…" not in dot


def test_every_answer_and_every_box_is_drawn_in_full(tree: Tree) -> None:
    assert_every_label_in_full(tree_svg(tree), tree)


def test_the_drawing_keeps_its_natural_size_and_its_text_reads_at_100_percent(
    tree: Tree,
) -> None:
    assert_text_at_least_small_size(tree_svg(tree))
    assert_text_at_least_small_size(tree_svg_file(tree))


def test_every_box_links_to_its_question_or_its_answer_page(tree: Tree) -> None:
    svg = tree_svg(tree, answers_prefix="../")
    links = set(re.findall(r'xlink:href="([^"]+)"', svg))
    assert {f"#{q}" for q in tree.questions} <= links
    assert {f"../answers/{o}/" for o in tree.outcomes} <= links


def test_the_inline_drawing_opens_on_the_first_question(tree: Tree) -> None:
    """Its marker's centre, measured from the edge it is laid along, is the first
    question's centre (the box scrolls to the marker: diagram.css)."""
    svg = tree_diagram.render_svg(diagram_dot(tree))
    marker = tree_diagram.start_marker(svg, tree.start)
    width = float(re.search(r'viewBox="0\.00 0\.00 ([\d.]+)', svg)[1])  # type: ignore[index]
    span = float(re.search(r'width="([\d.]+)"', marker)[1]) / 2  # type: ignore[index]
    centre = width - span if "tree-diagram__start--end" in marker else span
    start = svg[: svg.index(f'xlink:href="#{tree.start}"')].rindex("<g id=")
    box = re.search(r'<(?:path|polygon)[^>]*(?:d|points)="([^"]+)"', svg[start:])
    assert box
    xs = [float(x) for x in re.findall(r"(-?[\d.]+),-?[\d.]+", box[1])]
    shift = float(re.search(r"translate\(([\d.]+) ", svg)[1])  # type: ignore[index]
    assert abs(centre - (shift + (min(xs) + max(xs)) / 2)) < 1
    assert 'aria-hidden="true"' in marker


def test_an_svg_the_build_cannot_read_stops_it_saying_what_is_missing(tree: Tree) -> None:
    svg = tree_diagram.render_svg(diagram_dot(tree))
    with pytest.raises(DiagramError, match=r"no viewBox .*check `dot -V`"):
        tree_diagram.start_marker(svg.replace("viewBox=", "data-box="), tree.start)
    with pytest.raises(DiagramError, match=rf"no label for node '{tree.start}'"):
        tree_diagram.start_marker(
            svg.replace('text-anchor="middle"', 'text-anchor="start"'), tree.start
        )


def test_inline_svg_has_no_prologue_and_no_blank_lines(tree: Tree) -> None:
    html = tree_svg(tree)
    svg = html[html.index('<svg class="tree-diagram__svg"') :]
    head = svg[: svg.index(">")]
    assert re.search(r'viewBox="[\d. ]+"', head)
    assert 'aria-label="' in head
    assert "<!--" not in html
    assert "<title>" not in html
    assert "\n\n" not in html


def test_inline_svg_strips_what_html_does_not_need() -> None:
    raw = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n "http://www.w3.org/svg11.dtd">\n'
        "<!-- Generated by graphviz -->\n"
        '<svg width="100pt" height="50pt"\n viewBox="0.00 0.00 100.00 50.00">\n\n'
        "<g><title>x</title></g>\n</svg>\n"
    )
    svg = inline_svg(raw, 'A "tree"')
    assert svg.startswith('<svg class="tree-diagram__svg"')
    assert 'width="100.00" height="50.00"' in svg
    assert "&quot;tree&quot;" in svg
    assert "DOCTYPE" not in svg
    assert "pt" not in svg.split(">")[0]


def test_missing_graphviz_is_one_line_saying_what_to_install(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(DiagramError) as error:
        tree_svg(tree)
    message = str(error.value)
    assert "\n" not in message
    assert "graphviz" in message.lower()
    assert "apt-get install graphviz" in message


def test_the_build_stops_at_once_without_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "tree_diagram_hook", ROOT / "scripts" / "hooks" / "tree_diagram.py"
    )
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PluginError, match="apt-get install graphviz"):
        hook.on_config(object())


def test_cli_writes_the_inline_svg_and_the_full_size_file(tmp_path: Path) -> None:
    out = tmp_path / "tree.html"
    assert tree_diagram.main(["-o", str(out)]) == 0
    assert '<svg class="tree-diagram__svg"' in out.read_text("utf-8")
    assert tree_diagram.main(["--file", "-o", str(tmp_path / "diagram.svg")]) == 0
    root = ElementTree.parse(tmp_path / "diagram.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"


# The built site.


def _figure(built_site: Path) -> str:
    page = (built_site / "tree" / "index.html").read_text("utf-8")
    start = re.search(r'<figure [^>]*class="tree-diagram"[^>]*>', page)
    assert start
    return page[start.start() : page.index("</figure>", start.start())]


def test_the_tree_page_draws_every_label_in_full_at_its_natural_size(
    built_site: Path, tree: Tree
) -> None:
    figure = _figure(built_site)
    assert_every_label_in_full(figure, tree)
    assert_text_at_least_small_size(figure)


def test_the_diagram_box_is_a_named_region_that_takes_the_keyboard(built_site: Path) -> None:
    box = re.search(r'<div [^>]*class="tree-diagram__scroll"[^>]*>', _figure(built_site))
    assert box
    assert 'tabindex="0"' in box[0]
    assert 'role="region"' in box[0]
    assert re.search(r'aria-label="[^"]+"', box[0])


def test_the_tree_page_links_to_the_full_size_diagram(built_site: Path) -> None:
    page = (built_site / "tree" / "index.html").read_text("utf-8")
    hrefs = re.findall(r'<a href="([^"]+)">open the diagram full size</a>', page)
    assert hrefs == ["diagram.svg"]
    assert urljoin("http://site/tree/", hrefs[0]) == f"http://site/{STANDALONE}"


def _standalone(built_site: Path) -> tuple[str, ElementTree.Element]:
    text = (built_site / STANDALONE).read_text("utf-8")
    return text, ElementTree.fromstring(text.encode("utf-8"))


def test_the_full_size_diagram_is_an_svg_file_with_every_label(
    built_site: Path, tree: Tree
) -> None:
    text, root = _standalone(built_site)
    assert root.tag == f"{SVG_NS}svg"
    title = root.find(f"{SVG_NS}title")
    assert title is not None and tree.title in (title.text or "")
    # Nothing that names another host but the namespaces (a DTD, a stylesheet, a font).
    assert set(re.findall(r"https?://[^\s\"'<>]+", text)) == {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    # Nothing the site's policy would block: no script, no <style>, no style attribute.
    assert not root.findall(f".//{SVG_NS}script")
    assert not root.findall(f".//{SVG_NS}style")
    assert not [e for e in root.iter() if "style" in e.attrib]
    assert_every_label_in_full(text, tree)
    assert_text_at_least_small_size(text)


def test_every_link_of_the_full_size_diagram_resolves(built_site: Path, tree: Tree) -> None:
    """From tree/diagram.svg: each question to its heading on the tree page beside it, each
    answer to its page."""
    _, root = _standalone(built_site)
    links = [a.get(XLINK_HREF) for a in root.iter(f"{SVG_NS}a") if a.get(XLINK_HREF)]
    assert len(links) == len(tree.questions) + len(tree.outcomes)
    tree_page = (built_site / "tree" / "index.html").read_text("utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', tree_page))
    reached, broken = set(), []
    for link in links:
        target = urlsplit(urljoin(f"http://site/{STANDALONE}", link))
        if target.path == "/tree/" and target.fragment in ids:
            reached.add(target.fragment)
        elif (
            target.path.startswith("/answers/")
            and (built_site / target.path.strip("/") / "index.html").is_file()
        ):
            reached.add(target.path.strip("/").removeprefix("answers/"))
        else:
            broken.append(link)
    assert broken == []
    assert reached == set(tree.questions) | set(tree.outcomes)


def test_answer_boxes_carry_a_class_for_the_stylesheet_not_a_colour_to_match(tree: Tree) -> None:
    svg = tree_svg(tree)
    assert len(re.findall(r'<g id="node\d+" class="node outcome">', svg)) == len(tree.outcomes)
    assert len(re.findall(r'<g id="node\d+" class="node question">', svg)) == len(tree.questions)
    css = (ROOT / "site_overrides/assets/stylesheets/diagram.css").read_text("utf-8")
    assert ".node.outcome polygon" in css
    assert "#e8eaf6" not in css


def test_dot_text_keeps_quotes_and_backslashes_in_labels() -> None:
    dot = write_dot(
        'a "tree"',
        nodes=[("q", {"label": Lines(('Say "no"', "C:\\path"))})],
        edges=[("q", "q", {"label": Lines(("• one", "• two"), flush_left=True)})],
    )
    svg = tree_diagram.render_svg(dot)
    texts = [unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)]
    assert texts == ['Say "no"', "C:\\path", "• one", "• two"]
