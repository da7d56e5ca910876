"""The walkthrough as users meet it, in headless Chromium: every path, the URL as the
walk's memory, the answer view, keyboard use, failure and hostile links."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import RequestLog, wait_for_engine

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "off-the-record.tsv"
FIRST_QUESTION = "legal-triggers"
SECOND_QUESTION = "already-said"


def golden_rows() -> list[dict[str, str]]:
    with GOLDEN.open(encoding="utf-8") as table:
        return list(csv.DictReader(table, delimiter="\t"))


def long_walk() -> dict[str, str]:
    """The first of the longest walks: every question's step is exercised on the way."""
    rows = golden_rows()
    return max(rows, key=lambda row: row["answers"].count("&"))


def pairs(answers: str) -> list[tuple[str, str]]:
    return [tuple(pair.split("=")) for pair in answers.split("&")]  # type: ignore[misc]


def current_question(page: Page) -> str:
    """The id of the question shown, read from the permalink the page holds."""
    return page.evaluate("location.search")


def click_answer(page: Page, option: str) -> None:
    before = page.evaluate("location.search")
    page.locator(f".dt-step[data-kind=question] [data-option='{option}']").click()
    page.wait_for_function("before => location.search !== before", arg=before)


def walk(page: Page, answers: str) -> None:
    for _question, option in pairs(answers):
        click_answer(page, option)
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()


def test_a_walk_to_every_outcome_lands_on_it(
    page: Page, site_url: str, requests_seen: RequestLog
) -> None:
    # One walk per outcome (its shortest) and the longest walk: the widget draws every answer
    # and every question this way; the engine's routing of all paths is tested natively and
    # in Pyodide against the same golden table.
    shortest: dict[str, dict[str, str]] = {}
    for row in golden_rows():
        known = shortest.get(row["outcome"])
        if known is None or row["answers"].count("&") < known["answers"].count("&"):
            shortest[row["outcome"]] = row
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    for row in [*shortest.values(), long_walk()]:
        walk(page, row["answers"])
        assert page.evaluate("location.search") == "?" + row["answers"]
        href = page.locator(".dt-links a").last.get_attribute("href")
        assert href and href.endswith(f"answers/{row['outcome']}/"), row
        page.locator("[data-action=start]").click()
        page.wait_for_function("location.search === ''")
    assert requests_seen.foreign(site_url) == []


def test_first_question_is_there_before_the_engine_and_early_answers_are_kept(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    # Hold the runtime back so the page is certainly still loading when the user answers.
    held: list = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(site_url + "decide/")
    option = pairs(long_walk()["answers"])[0][1]
    button = page.locator(f"[data-option='{option}']")
    expect(button).to_be_visible()
    assert page.locator(".dt-widget").get_attribute("data-engine") == "loading"
    expect(page.locator(".dt-status")).to_be_visible()
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    page.wait_for_function("n => true", arg=0)
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    wait_for_engine(page)
    page.wait_for_function(
        "([q, opt]) => location.search === `?${q}=${opt}`", arg=[FIRST_QUESTION, option]
    )
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    context.close()


def test_back_and_forward_move_between_steps(page: Page, site_url: str) -> None:
    answers = golden_rows()[-1]["answers"]
    first, second = pairs(answers)[:2]
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    click_answer(page, first[1])
    click_answer(page, second[1])
    page.go_back()
    page.wait_for_function("q => location.search === q", arg=f"?{first[0]}={first[1]}")
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    page.go_back()
    page.wait_for_function("location.search === ''")
    expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    page.go_forward()
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")


def test_back_one_step_and_start_again(page: Page, site_url: str) -> None:
    row = golden_rows()[0]
    page.goto(site_url + "decide/?" + row["answers"])
    wait_for_engine(page)
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    page.locator("[data-action=start]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    assert page.evaluate("location.search") == ""


def test_a_permalink_restores_that_exact_answer(page: Page, site_url: str) -> None:
    row = golden_rows()[len(golden_rows()) // 2]
    page.goto(site_url + "decide/?" + row["answers"])
    wait_for_engine(page)
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    href = page.locator(".dt-links a").last.get_attribute("href")
    assert href and href.endswith(f"answers/{row['outcome']}/")
    expect(page.locator(".dt-why li")).to_have_count(len(pairs(row["answers"])))
    expect(page.locator(".dt-rules li").first).to_be_visible()
    assert page.locator(".dt-notice").is_hidden()


def test_a_stale_link_opens_the_last_valid_step_with_a_notice(page: Page, site_url: str) -> None:
    page.goto(
        site_url + f"decide/?{FIRST_QUESTION}=none&{SECOND_QUESTION}=carrier-pigeon&retired=1"
    )
    wait_for_engine(page)
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    notice = page.locator(".dt-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("carrier-pigeon")
    expect(notice).to_contain_text("retired")


def test_copy_link_copies_the_current_answer(browser: Browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    row = golden_rows()[0]
    page.goto(site_url + "decide/?" + row["answers"])
    wait_for_engine(page)
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    page.locator("[data-action=copy]").click()
    expect(page.locator("[data-action=copy]")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert page.url.endswith("?" + row["answers"])
    context.close()


def test_the_decision_record_downloads_as_markdown(page: Page, site_url: str) -> None:
    row = golden_rows()[0]
    page.goto(site_url + "decide/?" + row["answers"])
    wait_for_engine(page)
    with page.expect_download() as download_info:
        page.locator("[data-action=download]").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"decision-record-{row['outcome']}-")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# Decision record: ")
    assert f"?{row['answers']}>" in text
    assert "- [ ] " in text


def test_keyboard_alone_reaches_an_answer_and_focus_follows(page: Page, site_url: str) -> None:
    row = golden_rows()[-1]
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    page.locator(".dt-option").first.focus()
    for number, (_question, option) in enumerate(pairs(row["answers"]), 1):
        # Tab through the options until the wanted one has focus, then press Enter.
        for _ in range(12):
            if page.evaluate("document.activeElement.dataset.option") == option:
                break
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.option") == option
        page.keyboard.press("Enter")
        page.wait_for_function("n => location.search.split('&').length === n", arg=number)
        expect(page.locator(".dt-step__prompt")).to_be_focused()
        expect(page.locator(".dt-announce")).not_to_be_empty()
        page.keyboard.press("Tab")  # from the heading into the first option
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    expect(page.locator(".dt-announce")).to_contain_text("Answer:")


@pytest.mark.parametrize(
    "blocked",
    # The worker script, the WebAssembly runtime, Pyodide's loader, and the engine's own
    # files (snapshot, lock file and wheel).
    ["**/decision-worker.js", "**/pyodide.asm.wasm", "**/pyodide.mjs", "**/assets/engine/**"],
)
def test_the_page_says_so_plainly_when_the_engine_cannot_load(
    page: Page, site_url: str, blocked: str
) -> None:
    page.route(blocked, lambda route: route.abort())
    page.goto(site_url + "decide/")
    failure = page.locator(".dt-failure")
    expect(failure).to_be_visible(timeout=60_000)
    expect(failure.locator("a[href$='tree/']")).to_be_visible()
    expect(failure.locator("a[href$='answers/']")).to_be_visible()
    assert page.locator(".dt-widget").get_attribute("data-engine") == "failed"
    # Nothing left that looks usable but cannot work.
    expect(page.locator(".dt-step")).to_be_hidden()
    expect(page.locator(".dt-controls")).to_be_hidden()


def test_without_the_snapshot_the_engine_starts_normally_and_says_so(
    page: Page, site_url: str
) -> None:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.route("**/snapshot.bin", lambda route: route.abort())
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    assert any("snapshot could not be restored" in m for m in messages), messages
    assert any("ready (cold start)" in m for m in messages), messages
    walk(page, golden_rows()[0]["answers"])


def test_a_policy_without_wasm_unsafe_eval_fails_plainly(page: Page, site_url: str) -> None:
    def with_csp(route):  # type: ignore[no-untyped-def]
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "script-src 'self'"}
        route.fulfill(response=response, headers=headers)

    page.route("**/decide/", with_csp)
    page.route("**/decision-worker.js", with_csp)
    page.goto(site_url + "decide/")
    expect(page.locator(".dt-failure")).to_be_visible(timeout=60_000)


HOSTILE = [
    "<script>window.__pwned=1</script>",
    "legal-triggers=%3Cimg%20src=x%20onerror=window.__pwned=1%3E",
    '"><svg onload=alert(1)>',
    "legal-triggers=none&already-said=" + "x" * 5000,
    "a=" + "b&" * 3000,
    "javascript:alert(1)",
    "legal-triggers=none&%3Cscript%3Ealert(1)%3C/script%3E=yes",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_links_are_shown_as_text_or_ignored(
    page: Page, site_url: str, payload: str
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "decide/?" + payload)
    wait_for_engine(page)
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator(".dt-notice img, .dt-notice svg, .dt-notice script").count() == 0
    expect(page.locator(".dt-notice")).to_be_visible()


def test_instant_navigation_reuses_the_one_engine(page: Page, site_url: str) -> None:
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    page.evaluate("window.__offTheRecordEngine.engine.worker.__tag = 'first'")
    # Leave through a navigation link (Material's instant navigation), then come back.
    page.locator(".md-nav__link[href$='glossary/']").first.click()
    page.wait_for_url("**/glossary/")
    page.locator(".md-nav__link[href$='decide/']").first.click()
    page.wait_for_url("**/decide/")
    wait_for_engine(page)
    assert page.evaluate("window.__offTheRecordEngine.workersStarted") == 1
    assert page.evaluate("window.__offTheRecordEngine.engine.worker.__tag") == "first"
    assert page.evaluate("window.__offTheRecordEngine.engine.listeners.size") == 1
    workers = [w.url for w in page.workers if "decision-worker" in w.url]
    assert len(workers) == 1
    click_answer(page, pairs(golden_rows()[0]["answers"])[0][1])


def axe_violations(page: Page) -> list[dict[str, object]]:
    axe = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
    page.add_script_tag(path=str(axe))
    # WCAG 2.x levels A and AA: the standard we hold every page to.
    result = page.evaluate(
        "axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_accessibility_violations_in_any_state(page: Page, site_url: str, scheme: str) -> None:
    page.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {int(scheme == 'slate')}, "
        f"color: {{scheme: '{scheme}'}}}}))"
    )
    held: list = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(site_url + "decide/")
    expect(page.locator(".dt-status")).to_be_visible()
    states = {"loading": axe_violations(page)}
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    wait_for_engine(page)
    row = golden_rows()[-1]
    click_answer(page, pairs(row["answers"])[0][1])
    states["mid-walk"] = axe_violations(page)
    page.goto(site_url + "decide/?" + row["answers"])
    wait_for_engine(page)
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    states["answer"] = axe_violations(page)
    page.goto(site_url + f"answers/{row['outcome']}/")
    states["answer page"] = axe_violations(page)
    assert states == {state: [] for state in states}, json.dumps(states, indent=1)
