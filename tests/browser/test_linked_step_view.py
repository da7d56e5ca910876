"""A shared link opens with its step at the top of the screen, on a phone too."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

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
