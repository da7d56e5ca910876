"""An answer page (answers/<id>/) as a person acts on it: the answer, the ground rules, why,
where to read more; a print button that works with JavaScript and is absent without it;
buttons and checkboxes easy to hit on a phone; and a printout with one line per walk."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.axe import use_palette, violations
from tests.browser.conftest import mark_document, same_document

pytestmark = pytest.mark.browser
# Many walks reach it (each printed as a summary line); LISTED, few (each walk listed).
ANSWER = "answers/go-off-the-record/"
LISTED = "answers/get-approval-first/"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"
BUTTONS = ".dt-page-actions .md-button"


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def test_sections_come_in_the_order_a_person_acts(page: Page, site_url: str) -> None:
    page.goto(site_url + ANSWER, wait_until="load")
    article = page.locator("article")
    tops = {
        name: article.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")
        for name, selector in {
            "title": "h1",
            "short": ".dt-outcome__short",
            "first": ".dt-first",
            "rules": ".dt-rules",
            "why": "h2#why",
            "read more": "h2#read-more",
            "every way": "details.dt-every-way",
            "buttons": ".dt-page-actions",
        }.items()
    }
    assert list(tops) == sorted(tops, key=tops.__getitem__)
    # The explanation sits under "Why", between it and "Read more".
    why_text = page.locator("h2#why + p")
    expect(why_text).not_to_be_empty()
    expect(page.locator("h2#read-more")).to_have_count(1)
    expect(page.locator("details.dt-every-way")).not_to_have_attribute("open", "")


def test_the_print_button_shows_and_prints_with_javascript(page: Page, site_url: str) -> None:
    page.add_init_script(COUNT_PRINTS)
    page.goto(site_url + ANSWER, wait_until="load")
    buttons = page.locator(BUTTONS)
    expect(buttons).to_have_text(["Start the walkthrough", "Print this answer", "All answers"])
    button = page.locator(".dt-page-actions [data-action=print]")
    expect(button).to_be_visible()
    button.click()
    page.wait_for_function("window.__prints === 1")
    button.click()
    page.wait_for_function("window.__prints === 2")


def test_the_print_button_works_after_instant_navigation(page: Page, site_url: str) -> None:
    # From the answers index, Material swaps the page in without loading a new document.
    page.add_init_script(COUNT_PRINTS)
    page.goto(site_url + "answers/", wait_until="load")
    mark_document(page)
    page.locator(f"article a[href$='{ANSWER.removeprefix('answers/')}']").first.click()
    page.wait_for_url("**/" + ANSWER)
    button = page.locator(".dt-page-actions [data-action=print]")
    expect(button).to_be_visible()
    button.click()
    page.wait_for_function("window.__prints === 1")
    # On to another answer: its button works too, and still prints once per click.
    page.locator(".dt-page-actions a", has_text="All answers").click()
    page.wait_for_url("**/answers/")
    page.locator(f"article a[href$='{LISTED.removeprefix('answers/')}']").first.click()
    page.wait_for_url("**/" + LISTED)
    page.locator(".dt-page-actions [data-action=print]").click()
    page.wait_for_function("window.__prints === 2")
    assert same_document(page)


def test_without_javascript_there_is_no_print_button(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + ANSWER, wait_until="load")
    expect(page.locator(".dt-page-actions [data-action=print]")).to_be_hidden()
    expect(page.locator(f"{BUTTONS}:visible")).to_have_text(
        ["Start the walkthrough", "All answers"]
    )
    context.close()


def test_on_a_touch_phone_the_buttons_are_44_px_tall_and_apart(
    phone: BrowserContext, site_url: str
) -> None:
    page = phone.new_page()
    page.goto(site_url + ANSWER, wait_until="load")
    expect(page.locator(".dt-page-actions [data-action=print]")).to_be_visible()
    rects = page.eval_on_selector_all(
        f"{BUTTONS}:not([hidden])",
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom} })",
    )
    assert len(rects) == 3
    assert min(r["bottom"] - r["top"] for r in rects) >= 44
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            gap = max(
                b["left"] - a["right"], a["left"] - b["right"], b["top"] - a["bottom"],
                a["top"] - b["bottom"],
            )  # fmt: skip
            assert gap >= 8, (a, b)
    assert max(r["right"] for r in rects) <= 390


def test_ground_rule_checkboxes_are_at_least_24_px(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + ANSWER, wait_until="load")
    sizes = page.eval_on_selector_all(
        ".dt-rules input[type=checkbox]",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height] })",
    )
    assert len(sizes) >= 3
    assert min(min(size) for size in sizes) >= 24
    # Still a checkbox to tick, by its label too.
    label = page.locator(".dt-rules label").first
    label.click()
    expect(label.locator("input")).to_be_checked()


@pytest.mark.parametrize("path", [ANSWER, LISTED], ids=["summarised", "listed"])
def test_the_printout_has_one_line_per_walk_and_no_buttons(
    page: Page, site_url: str, path: str
) -> None:
    page.set_viewport_size({"width": 700, "height": 1000})  # about A4's text width
    page.goto(site_url + path, wait_until="load")
    walks = page.locator("details.dt-every-way li")
    expect(walks.first).to_be_hidden()  # collapsed on screen
    page.emulate_media(media="print")
    expect(walks.first).to_be_visible()  # printed open
    lines = walks.evaluate_all(
        "els => els.map(e => [e.getBoundingClientRect().height,"
        " parseFloat(getComputedStyle(e).lineHeight), e.scrollWidth > e.clientWidth])"
    )
    assert lines
    for height, line_height, _cut in lines:
        assert height < 1.5 * line_height
    assert any(cut for _h, _l, cut in lines)  # the long ones are cut short, not wrapped
    expect(page.locator(f"{BUTTONS}:visible")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_an_answer_page_passes_every_axe_rule(page: Page, site_url: str, scheme: str) -> None:
    use_palette(page, scheme)
    page.goto(site_url + ANSWER, wait_until="load")
    expect(page.locator(".dt-page-actions [data-action=print]")).to_be_visible()
    assert violations(page) == []
