"""The walkthrough as users meet it, in headless Chromium: every path, the URL fragment as
the walk's memory, the answer view, keyboard use, and hostile links."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import use_palette, violations
from tests.browser.conftest import (
    FAST_CONNECTION,
    ErrorLog,
    Held,
    RequestLog,
    click_answer,
    decision_workers,
    engine_starts,
    golden_rows,
    link_of,
    long_walk,
    mark_document,
    options_of,
    report_connection,
    same_document,
    wait_for_engine,
    walk,
)

FIRST_QUESTION = "legal-triggers"
SECOND_QUESTION = "already-said"


@pytest.mark.parametrize("start", ["snapshot", "cold"])
def test_a_walk_to_every_outcome_lands_on_it(
    page: Page, site_url: str, requests_seen: RequestLog, start: str
) -> None:
    # One walk per outcome (its shortest) and the longest walk, by the engine started either
    # way (the snapshot restored with no standard library, or cold with the trimmed one): the
    # widget draws every answer and every question this way; the engine's routing of all
    # paths is tested natively and in Pyodide against the same golden table.
    shortest: dict[str, dict[str, str]] = {}
    for row in golden_rows():
        known = shortest.get(row["outcome"])
        if known is None or row["answers"].count("&") < known["answers"].count("&"):
            shortest[row["outcome"]] = row
    report_connection(page, FAST_CONNECTION if start == "snapshot" else "{downlink: 1.5}")
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    assert [m for m in messages if m.startswith(f"decision engine ready ({start}")]
    assert len(decision_workers(page)) == 1
    for row in [*shortest.values(), long_walk()]:
        walk(page, row["answers"])
        assert page.evaluate("location.hash") == "#/" + link_of(row["answers"])
        assert page.evaluate("location.search") == ""
        # Every link of the answer leads to a page of the site (resolved, as a click would).
        hrefs = page.locator(".dt-links a").evaluate_all("links => links.map(a => a.href)")
        assert hrefs[-1] == f"{site_url}answers/{row['outcome']}/", row
        assert all(h.startswith(site_url) and "/decide/" not in h for h in hrefs), hrefs
        page.locator("[data-action=start]").click()
        page.wait_for_function("location.hash === ''")
        expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    assert requests_seen.foreign(site_url) == []


def test_answers_before_the_engine_move_through_pre_rendered_steps(
    page: Page, site_url: str
) -> None:
    # Hold the runtime back: the engine is certainly not ready while the user walks.
    held = Held(page, "**/pyodide.asm.wasm")
    page.goto(site_url + "decide/")
    row = long_walk()
    first = options_of(row["answers"])[0]
    expect(page.locator(f"[data-option='{first}']")).to_be_visible()
    walk(page, row["answers"])
    assert held.routes  # the runtime is still held back: no step came from the engine
    expect(page.locator(".dt-status")).to_be_hidden()  # nothing waits for the engine
    assert page.evaluate("location.hash") == "#/" + link_of(row["answers"])
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    held.release()
    wait_for_engine(page)
    # The engine now renders the steps: the last answer again, then Back once more.
    click_answer(page, options_of(row["answers"])[-1])
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    page.locator("[data-action=back]").click()
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step__number")).to_have_text(
        f"Question {len(options_of(row['answers'])) - 1}"
    )


def test_back_and_forward_move_between_steps(page: Page, site_url: str) -> None:
    first, second = options_of(golden_rows()[-1]["answers"])[:2]
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    click_answer(page, first)
    click_answer(page, second)
    page.go_back()
    page.wait_for_function("h => location.hash === h", arg=f"#/{first}")
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    page.go_back()
    page.wait_for_function("location.hash === ''")
    expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    page.go_forward()
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    page.go_forward()
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()


def test_back_one_step_and_start_again(page: Page, site_url: str) -> None:
    row = golden_rows()[0]
    back = page.locator("[data-action=back]")
    page.goto(site_url + "decide/")
    expect(back).to_be_disabled()  # nothing to go back to from the first question
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    wait_for_engine(page)
    back.click()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    page.locator("[data-action=start]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    page.wait_for_function("location.hash === ''")
    assert urlsplit(page.url).path.endswith("/decide/")
    expect(back).to_be_disabled()


def test_a_permalink_restores_that_exact_answer(page: Page, site_url: str) -> None:
    row = golden_rows()[len(golden_rows()) // 2]
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    step = page.locator(".dt-step[data-kind=outcome]")
    expect(step).to_be_visible()
    href = page.locator(".dt-links a").last.get_attribute("href")
    assert href and href.endswith(f"answers/{row['outcome']}/")
    expect(page.locator(".dt-given__row")).to_have_count(len(options_of(row["answers"])))
    expect(page.locator(".dt-rules li").first).to_be_visible()
    assert page.locator(".dt-notice").is_hidden()
    prerendered = step.evaluate("step => step.outerHTML")
    # Once the engine is ready it renders each step itself: leave and come back through
    # the history, and the same step comes back, byte for byte.
    wait_for_engine(page)
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    page.go_back()
    expect(step).to_be_visible()
    assert step.evaluate("step => step.outerHTML") == prerendered


@pytest.mark.parametrize(
    "link",
    [
        f"?{FIRST_QUESTION}=none&{SECOND_QUESTION}=carrier-pigeon&retired=1",
        "#/none/carrier-pigeon/retired",
    ],
    ids=["query", "fragment"],
)
def test_a_stale_link_opens_the_last_valid_step_with_a_notice(
    page: Page, site_url: str, link: str
) -> None:
    page.goto(site_url + "decide/" + link)
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    notice = page.locator(".dt-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("carrier-pigeon")
    expect(notice).to_contain_text("later answer" if link.startswith("#") else "retired")
    # The address now holds the step shown, in the fragment form.
    page.wait_for_function("location.hash === '#/none' && location.search === ''")
    expect(page.locator(".dt-status")).to_be_hidden()
    assert page.locator(".dt-widget").get_attribute("aria-busy") is None


def test_a_link_with_stray_slashes_opens_its_step_and_back_goes_one_step(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "decide/#/none//not-yet/")
    expect(page.locator(".dt-step__number")).to_have_text("Question 3")
    page.wait_for_function("location.hash === '#/none/not-yet'")
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    page.wait_for_function("location.hash === '#/none'")


def test_an_empty_walk_in_the_fragment_shows_the_first_question(page: Page, site_url: str) -> None:
    page.goto(site_url + "decide/#/")
    expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    expect(page.locator(".dt-step__prompt")).to_be_visible()  # not left hidden by dt-linked
    page.wait_for_function("location.hash === ''")


def test_copy_link_copies_the_current_answer(browser: Browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    row = golden_rows()[0]
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    page.locator("[data-action=copy]").click()
    expect(page.locator("[data-action=copy]")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert page.url.endswith("decide/#/" + link_of(row["answers"]))
    context.close()


def test_the_decision_record_downloads_as_markdown(page: Page, site_url: str) -> None:
    row = golden_rows()[0]
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    # The record needs the engine: asked before it is ready, the page waits for it.
    with page.expect_download() as download_info:
        page.locator("[data-action=download]").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"decision-record-{row['outcome']}-")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# Decision record: ")
    assert f"decide/#/{link_of(row['answers'])}>" in text
    assert "- [ ] " in text
    expect(page.locator(".dt-status")).to_be_hidden()
    assert page.locator(".dt-widget").get_attribute("aria-busy") is None


def test_keyboard_alone_reaches_an_answer_and_focus_follows(page: Page, site_url: str) -> None:
    row = golden_rows()[-1]
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    page.locator(".dt-option").first.focus()
    for number, option in enumerate(options_of(row["answers"]), 1):
        # Tab through the options until the wanted one has focus, then press Enter.
        for _ in range(12):
            if page.evaluate("document.activeElement.dataset.option") == option:
                break
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.option") == option
        page.keyboard.press("Enter")
        page.wait_for_function("n => location.hash.split('/').length === n + 1", arg=number)
        expect(page.locator(".dt-step__prompt")).to_be_focused()
        expect(page.locator(".dt-announce")).not_to_be_empty()
        page.keyboard.press("Tab")  # from the heading into the first option
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    expect(page.locator(".dt-announce")).to_contain_text("Answer:")


def test_a_double_click_answers_one_question_only(page: Page, site_url: str) -> None:
    first = options_of(long_walk()["answers"])[0]
    page.goto(site_url + "decide/")
    page.locator(f"[data-option='{first}']").dblclick()
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    page.wait_for_timeout(300)  # time for a second answer to land, if the click made one
    assert page.evaluate("location.hash") == f"#/{first}"
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")


def test_the_query_form_is_rewritten_and_no_request_carries_the_answers(
    page: Page, site_url: str, requests_seen: RequestLog
) -> None:
    row = long_walk()
    options = options_of(row["answers"])
    query = "&".join(row["answers"].split("&")[:2])
    page.goto(site_url + "decide/?" + query)
    page.wait_for_function("h => location.hash === h", arg="#/" + "/".join(options[:2]))
    assert page.evaluate("location.search") == ""
    expect(page.locator(".dt-step__number")).to_have_text("Question 3")
    for option in options[2:]:
        click_answer(page, option)
    with page.expect_download():
        page.locator("[data-action=download]").click()
    # Only the request for the page itself held answers (the older form put them there);
    # since then the walk has stayed in the fragment, which no request line carries.
    page_request = site_url + "decide/?" + query
    assert requests_seen.urls[0] == page_request
    later = requests_seen.urls[1:]
    assert later, "the walk made no requests at all"
    assert [u for u in later if urlsplit(u).query or "#" in u] == []
    carried = [u for u in later if set(urlsplit(u).path.split("/")) & set(options)]
    assert carried == [], carried


def test_a_fragment_walk_never_reaches_a_request_or_a_referrer(
    page: Page, site_url: str, requests_seen: RequestLog
) -> None:
    row = long_walk()
    options = options_of(row["answers"])
    page.goto(site_url + "decide/#/" + "/".join(options[:2]))
    for option in options[2:]:
        click_answer(page, option)
    wait_for_engine(page)
    with page.expect_download():
        page.locator("[data-action=download]").click()
    page.locator(".dt-links a").last.click()  # on to the answer's page
    page.wait_for_url(f"**/answers/{row['outcome']}/")
    leaked = [
        u
        for u in [*requests_seen.urls, *requests_seen.referrers]
        if "#" in u or urlsplit(u).query or set(urlsplit(u).path.split("/")) & set(options)
    ]
    assert leaked == []


HOSTILE = [
    "?<script>window.__pwned=1</script>",
    "?legal-triggers=%3Cimg%20src=x%20onerror=window.__pwned=1%3E",
    '?"><svg onload=alert(1)>',
    "?legal-triggers=none&already-said=" + "x" * 5000,
    "?a=" + "b&" * 3000,
    "?javascript:alert(1)",
    "?legal-triggers=none&%3Cscript%3Ealert(1)%3C/script%3E=yes",
    "#/<script>window.__pwned=1</script>",
    "#/none/%3Cimg%20src=x%20onerror=window.__pwned=1%3E",
    '#/none/"><svg onload=alert(1)>',
    "#/none/" + "x" * 5000,
    "#/" + "a/" * 3000,
    "#/__proto__/constructor",
    "#/javascript:alert(1)",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_links_are_shown_as_text_or_ignored(
    page: Page, site_url: str, payload: str
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors = ErrorLog(page)
    page.goto(site_url + "decide/" + payload)
    expect(page.locator(".dt-notice")).to_be_visible()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    page.wait_for_timeout(200)  # time for an injected handler to run, had one been inserted
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator(".dt-notice img, .dt-notice svg, .dt-notice script").count() == 0
    assert page.locator(".dt-step img, .dt-step svg, .dt-step script").count() == 0
    assert errors.errors == []


def test_instant_navigation_reuses_the_one_engine(page: Page, site_url: str) -> None:
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    mark_document(page)
    # Leave through a navigation link (Material's instant navigation), then come back.
    page.locator(".md-nav__link[href$='glossary/']").first.click()
    page.wait_for_url("**/glossary/")
    page.locator(".md-nav__link[href$='decide/']").first.click()
    page.wait_for_url("**/decide/")
    wait_for_engine(page)
    assert same_document(page)  # instant, not a new page
    assert engine_starts(page) == 1
    assert len(decision_workers(page)) == 1
    click_answer(page, options_of(golden_rows()[0]["answers"])[0])


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_accessibility_violations_in_any_state(page: Page, site_url: str, scheme: str) -> None:
    use_palette(page, scheme)
    held = Held(page, "**/pyodide.asm.wasm")
    row = golden_rows()[-1]
    # Loading: a link in the older form waits for the engine, with its status shown.
    page.goto(site_url + "decide/?" + row["answers"].split("&")[0])
    expect(page.locator(".dt-status")).to_be_visible()
    expect(page.locator(".dt-widget")).to_have_attribute("aria-busy", "true")
    states = {"loading": violations(page)}
    held.release()
    wait_for_engine(page)
    expect(page.locator(".dt-status")).to_be_hidden()
    states["mid-walk"] = violations(page)
    page.locator(".dt-option").first.hover()
    states["an option under the pointer"] = violations(page)
    page.locator(".dt-option").last.focus()
    states["an option with keyboard focus"] = violations(page)
    click_answer(page, options_of(row["answers"])[1])
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    states["answer"] = violations(page)
    page.locator(".dt-change").last.click()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    states["changing an answer"] = violations(page)
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(site_url + "decide/?" + row["answers"].split("&")[0])  # a new document, no engine
    expect(page.locator(".dt-notice")).to_be_visible()
    states["failed"] = violations(page)
    page.goto(site_url + f"answers/{row['outcome']}/")
    states["answer page"] = violations(page)
    assert states == {state: [] for state in states}, json.dumps(states, indent=1)
