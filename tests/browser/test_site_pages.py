"""Every page of the built site in headless Chromium: nothing loaded from elsewhere, the
search finds each answer by its title, the palette toggle switches to dark and back, and a
glossary term's definition is reached by keyboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scripts.glossary import load_glossary, tooltips
from scripts.site_tree import load_site_tree
from tests.browser.conftest import RequestLog, open_search

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser
PAGE_TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def _page_timeout(page: Page) -> None:
    # The shared fixture allows for the engine's start; these pages need no such wait.
    page.set_default_timeout(PAGE_TIMEOUT_MS)


def site_pages(site: Path) -> list[str]:
    """Every page's path below the site root: directory URLs, and the 404 page."""
    pages = [
        str(index.parent.relative_to(site)).removeprefix(".") + "/"
        for index in sorted(site.glob("**/index.html"))
    ]
    return [page.removeprefix("/") for page in pages] + ["404.html"]


def test_every_page_loads_with_every_request_on_the_site(
    page: Page, site_url: str, built_site: Path, requests_seen: RequestLog
) -> None:
    failed = {}
    pages = site_pages(built_site)
    for path in pages:
        # Waits for `load` only: the decide page's engine has its own tests.
        response = page.goto(site_url + path, wait_until="load")
        if response is None or not response.ok:
            failed[path] = response.status if response else "no response"
        if not page.locator("article.md-content__inner h1").count():
            failed[path] = "no heading"
        # A walkthrough link holds the answers given: no page sends its address onward.
        referrer = page.locator("head meta[name=referrer]")
        if referrer.count() != 1 or referrer.get_attribute("content") != "no-referrer":
            failed[path] = "no <meta name=referrer content=no-referrer>"
    print(f"\n{len(pages)} pages loaded, {len(requests_seen.urls)} requests")
    assert len(pages) > 20
    assert failed == {}
    assert requests_seen.foreign(site_url) == []


def test_search_finds_each_answer_page_by_its_title(page: Page, site_url: str) -> None:
    page.goto(site_url, wait_until="load")
    open_search(page)
    search = page.locator(".md-search__input")
    results = page.locator(".md-search-result__item")
    for outcome in load_site_tree(ROOT / "docs").outcomes.values():
        # Material searches on keyup, which fill() alone does not send.
        search.fill("")
        search.press("End")
        expect(results).to_have_count(0)
        search.fill(outcome.title)
        search.press("End")
        expect(
            page.locator(f".md-search-result a[href*='/answers/{outcome.id}/']").first,
            f"searching for {outcome.title!r}",
        ).to_be_attached()


def test_404_page_search_opens_the_site_search(page: Page, site_url: str) -> None:
    page.goto(site_url + "404.html", wait_until="load")
    page.locator("#not-found-query").fill("deep background")
    page.locator("#not-found-query").press("Enter")
    expect(
        page.locator(".md-search-result a[href*='answers/go-on-deep-background/']").first
    ).to_be_attached()


def test_palette_toggle_switches_to_dark_and_back(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url, wait_until="load")
    body = page.locator("body")
    # One toggle shows at a time, the one for the other palette (its title becomes a tooltip).
    toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_tab_reaches_a_terms_first_use_and_shows_its_definition(page: Page, site_url: str) -> None:
    definitions = tooltips(load_glossary())
    page.goto(site_url + "guidance/always-on-the-record/", wait_until="load")
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    term = page.locator("abbr:focus")
    # Material mounts the tooltip on focus and names it as the term's description.
    expect(term).to_have_attribute("aria-describedby", re.compile(r".+"))
    tooltip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(definitions[term.inner_text()])


def test_headings_carry_a_link_to_themselves(page: Page, site_url: str) -> None:
    page.goto(site_url + "guidance/ground-rules/", wait_until="load")
    heading = page.locator("article h2[id]").first
    link = heading.locator("a.headerlink")
    heading.hover()
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", re.compile(r"/guidance/ground-rules/#.+$"))
    expect(link).to_have_attribute("title", "Link to this section")
