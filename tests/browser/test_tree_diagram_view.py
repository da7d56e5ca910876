"""The tree diagram on "the tree at a glance", as a reader sees it: its text reads at 100% on
a laptop, its box scrolls by keyboard and opens on the first question, the full-size file
opens (under the production policy too), and on a phone the questions come first."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from scripts.serve_nginx import NginxServer
from scripts.site_tree import load_site_tree
from scripts.tree_diagram import STANDALONE
from tests.browser.axe import use_palette, violations
from tests.browser.conftest import mark_document, same_document
from tests.browser.test_production_serving import watch_policy_violations

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
DIAGRAM = ".tree-diagram__svg"
BOX = ".tree-diagram__scroll"
START = load_site_tree(ROOT / "docs").start

# The smallest text the diagram draws, in CSS pixels on screen: its font size scaled by the
# drawing's transform to the screen (getScreenCTM), and the body's small text (0.64rem).
SMALLEST_TEXT = """svg => {
  const sizes = [...svg.querySelectorAll('text')].map(text => {
    const m = text.getScreenCTM();
    return parseFloat(getComputedStyle(text).fontSize) * Math.min(Math.hypot(m.a, m.b),
                                                                 Math.hypot(m.c, m.d));
  });
  return {count: sizes.length, smallest: Math.min(...sizes),
          small: parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.64};
}"""


def _open_tree_page(page: Page, site_url: str, viewport: dict[str, int]) -> None:
    page.set_viewport_size(viewport)  # type: ignore[arg-type]
    page.goto(site_url + "tree/", wait_until="load")
    expect(page.locator(DIAGRAM)).to_be_visible()


def test_at_laptop_size_no_diagram_text_is_smaller_than_the_body_small_text(
    page: Page, site_url: str
) -> None:
    _open_tree_page(page, site_url, LAPTOP)
    text = page.locator(DIAGRAM).evaluate(SMALLEST_TEXT)
    assert text["count"] > 100
    assert text["smallest"] >= 12
    assert text["smallest"] >= text["small"] - 0.01
    # The drawing is not shrunk to the column: it is wider than its box, which scrolls.
    box = page.locator(BOX).evaluate("b => [b.clientWidth, b.scrollWidth]")
    assert box[1] > box[0]


def _first_question_in_the_box(page: Page) -> None:
    first = page.locator(f'{DIAGRAM} a[*|href="#{START}"]').bounding_box()
    box = page.locator(BOX).bounding_box()
    assert first and box
    assert box["x"] <= first["x"]
    assert first["x"] + first["width"] <= box["x"] + box["width"]
    assert box["y"] <= first["y"] < box["y"] + box["height"]


def test_the_diagram_box_opens_on_the_first_question(page: Page, site_url: str) -> None:
    for viewport in (LAPTOP, PHONE):
        _open_tree_page(page, site_url, viewport)
        _first_question_in_the_box(page)
    # Reached by Material's instant navigation, which swaps the page's content in.
    page.set_viewport_size(LAPTOP)  # type: ignore[arg-type]
    page.goto(site_url, wait_until="load")
    mark_document(page)
    page.locator(".md-nav__link", has_text="The tree at a glance").first.click()
    expect(page.locator(DIAGRAM)).to_be_visible()
    assert same_document(page)
    _first_question_in_the_box(page)


def test_the_box_opens_on_the_first_question_where_css_cannot_open_it(
    page: Page, site_url: str
) -> None:
    # Only Chromium has scroll-initial-target so far: take it away, as other browsers see it.
    def without_initial_target(route: Route) -> None:
        css = route.fetch().text().replace("scroll-initial-target: nearest;", "")
        route.fulfill(status=200, content_type="text/css", body=css)

    page.route("**/assets/stylesheets/diagram.css", without_initial_target)
    page.add_init_script(
        "{ const supports = CSS.supports.bind(CSS);"
        " CSS.supports = (...args) =>"
        " !String(args[0]).includes('scroll-initial-target') && supports(...args); }"
    )
    for viewport in (LAPTOP, PHONE):
        _open_tree_page(page, site_url, viewport)
        _first_question_in_the_box(page)


def test_the_diagram_box_scrolls_with_the_keyboard(page: Page, site_url: str) -> None:
    _open_tree_page(page, site_url, LAPTOP)
    page.get_by_role("link", name="open the diagram full size").focus()
    page.keyboard.press("Tab")
    box = page.get_by_role("region", name="The diagram, which scrolls")
    expect(box).to_be_focused()
    scroll = "b => [b.scrollLeft, b.scrollTop]"
    left, top = box.evaluate(scroll)
    for key in ("ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown"):
        page.keyboard.press(key)
    page.wait_for_function(
        f"([l, t]) => {{ const b = document.querySelector('{BOX}');"
        " return b.scrollLeft > l && b.scrollTop > t }",
        arg=[left, top],
    )
    # Back past where it opened (keyboard scrolling is animated: wait for where it ends).
    for _ in range(4):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"l => document.querySelector('{BOX}').scrollLeft < l", arg=left)


def test_on_a_phone_the_questions_come_before_the_diagram(page: Page, site_url: str) -> None:
    def tops() -> tuple[float, float]:
        questions = page.locator("h2#questions").bounding_box()
        diagram = page.locator("h2#diagram").bounding_box()
        assert questions and diagram
        return questions["y"], diagram["y"]

    _open_tree_page(page, site_url, PHONE)
    questions, diagram = tops()
    assert questions < diagram
    first_question = page.locator(f"h3#{START}").bounding_box()
    figure = page.locator(".tree-diagram").bounding_box()
    assert first_question and figure and first_question["y"] < figure["y"]
    # Still legible there: the phone pans the drawing rather than shrinking it.
    assert page.locator(DIAGRAM).evaluate(SMALLEST_TEXT)["smallest"] >= 12
    # Where it has room, the diagram leads.
    _open_tree_page(page, site_url, LAPTOP)
    questions, diagram = tops()
    assert diagram < questions


def test_the_full_size_link_opens_the_diagram_as_an_svg_whose_boxes_lead_back(
    page: Page, site_url: str
) -> None:
    _open_tree_page(page, site_url, LAPTOP)
    page.get_by_role("link", name="open the diagram full size").click()
    page.wait_for_url(site_url + STANDALONE)
    assert page.evaluate("document.contentType") == "image/svg+xml"
    assert page.evaluate("document.documentElement.localName") == "svg"
    # Full size at 100%: the browser zooms and pans it, and its text reads as on the page.
    text = page.locator("svg").first.evaluate(SMALLEST_TEXT)
    assert text["smallest"] >= 12
    page.locator(f'a[*|href="./#{START}"]').click()
    page.wait_for_url(f"{site_url}tree/#{START}")
    expect(page.locator(f"h3#{START}")).to_be_visible()


def test_the_tree_page_and_the_full_size_diagram_load_under_the_production_policy(
    page: Page, nginx_site: NginxServer
) -> None:
    violations = watch_policy_violations(page)
    page.goto(nginx_site.url + "tree/")
    expect(page.locator(DIAGRAM)).to_be_visible()
    assert page.evaluate("window.__violations ?? []") == []
    response = page.goto(nginx_site.url + STANDALONE)
    assert response is not None and response.ok
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "content-security-policy" in response.headers
    expect(page.locator(f'a[*|href="../answers/{START}/"], a[*|href="./#{START}"]')).to_have_count(
        1
    )
    assert violations == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_tree_page_passes_every_axe_rule_in_both_palettes_on_a_laptop_and_a_phone(
    browser: Browser, site_url: str, scheme: str
) -> None:
    found = {}
    for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        use_palette(context, scheme)
        page = context.new_page()
        page.goto(site_url + "tree/", wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        if broken := violations(page):
            found[name] = broken
        context.close()
    assert found == {}
