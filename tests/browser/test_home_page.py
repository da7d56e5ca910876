"""The home page's first screen, on a laptop and on a phone: one button that starts the
walkthrough, the two rules of thumb beside it, and "Before the call" one click away."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

pytestmark = pytest.mark.browser
VIEWPORTS = {"laptop": (1366, 768), "phone": (390, 844)}


@pytest.fixture(params=list(VIEWPORTS))
def home(request: pytest.FixtureRequest, browser: Browser, site_url: str) -> Iterator[Page]:
    width, height = VIEWPORTS[request.param]
    phone = request.param == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url, wait_until="load")
    yield page
    context.close()


def box(locator: Locator) -> dict[str, float]:
    rect = locator.bounding_box()
    assert rect is not None, f"{locator} is not rendered"
    return rect


def in_first_viewport(page: Page, locator: Locator) -> bool:
    """Wholly on the first screen, below Material's fixed header, without scrolling."""
    assert page.evaluate("window.scrollY") == 0
    rect = box(locator)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    viewport = page.viewport_size
    assert viewport is not None
    return (
        rect["y"] >= header
        and rect["y"] + rect["height"] <= viewport["height"]
        and rect["x"] >= 0
        and rect["x"] + rect["width"] <= viewport["width"]
    )


def test_the_start_button_is_the_first_primary_button_and_on_the_first_screen(
    home: Page, site_url: str
) -> None:
    start = home.locator("article .md-button--primary").first
    expect(start).to_have_text("Start the walkthrough")
    expect(start).to_be_visible()
    assert start.evaluate("a => a.tagName") == "A"
    assert start.evaluate("a => a.href") == site_url + "decide/"
    assert in_first_viewport(home, start)


def test_before_the_call_is_one_click_away_on_the_first_screen(home: Page, site_url: str) -> None:
    link = home.locator("article a", has_text="Before the call").first
    assert link.evaluate("a => a.href") == site_url + "guidance/before-the-call/"
    assert in_first_viewport(home, link)


def test_private_by_design_comes_after_the_button_and_the_rules(home: Page) -> None:
    start = box(home.locator("article .md-button--primary").first)
    rules = box(home.locator("article h2", has_text="The two rules of thumb"))
    private = box(home.locator("article .admonition", has_text="Private by design"))
    assert private["y"] > start["y"] + start["height"]
    assert private["y"] > rules["y"]


def test_on_a_laptop_the_two_rules_of_thumb_sit_beside_the_button(
    browser: Browser, site_url: str
) -> None:
    width, height = VIEWPORTS["laptop"]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    start = box(page.locator("article .md-button--primary").first)
    heading = page.locator("article h2", has_text="The two rules of thumb")
    rules = page.locator("article ol").first.locator("> li")
    expect(rules).to_have_count(2)
    expect(rules.first).to_contain_text("Always assume you are on the record.")
    for part in (heading, rules.first, rules.last):
        assert in_first_viewport(page, part), part
    # Beside, not below: the rules start to the right of the button, level with its card.
    assert box(heading)["x"] >= start["x"] + start["width"]
    assert box(heading)["y"] < start["y"] + start["height"]
    context.close()
