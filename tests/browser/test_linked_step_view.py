"""On a phone as on a laptop: a shared link opens with its step at the top of the screen, and
the walkthrough's controls are easy to hit."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import RequestLog

LINK = "none/not-yet/false-story/must-not-publish/adviser-approved/tested/one-to-one/off-the-record"


@pytest.mark.parametrize("viewport", [(390, 844), (1366, 768)], ids=["phone", "laptop"])
def test_a_shared_link_puts_its_step_at_the_top(
    browser: Browser, site_url: str, viewport: tuple[int, int]
) -> None:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(site_url + "decide/#/" + LINK)
    step = page.locator(".dt-step[data-kind=outcome]")
    expect(step).to_be_visible()
    page.wait_for_function("window.scrollY > 0")  # brought up, not left where it was
    top = step.evaluate("e => e.getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < header + 40  # just below Material's fixed header
    context.close()


def test_the_first_question_is_not_scrolled_to(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "decide/")
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") == 0
    context.close()


def test_on_a_touch_phone_the_controls_share_one_row_and_every_target_is_44_px(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(site_url + "decide/#/none/not-yet")
    expect(page.locator(".dt-step__number")).to_have_text("Question 3")
    controls = page.eval_on_selector_all(
        ".dt-controls .dt-control",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.height] })",
    )
    assert len(controls) == 3
    assert len({round(top) for top, _height in controls}) == 1  # one row
    options = page.eval_on_selector_all(
        ".dt-option", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert min(height for _top, height in controls) >= 44
    assert min(options) >= 44
    context.close()


def test_the_steps_file_is_downloaded_once_per_visit(
    page: Page, site_url: str, requests_seen: RequestLog
) -> None:
    # early-step.js shows the linked step from the preload; decide.js then takes the page over
    # with the same download, not a second one.
    page.goto(site_url + "decide/#/" + LINK)
    expect(
        page.locator(".dt-widget[data-engine-state] .dt-step[data-kind=outcome]")
    ).to_be_visible()
    page.locator(".dt-change").first.click()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    steps = [u for u in requests_seen.urls if "/assets/walkthrough/" in u]
    assert len(steps) == 1, steps
