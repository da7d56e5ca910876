"""The walkthrough with and without its engine: pre-rendered steps need no WebAssembly, no
worker and no runtime file; the engine's transport starts, fails, times out and restarts
without ever leaving the page stuck, and a late reply never overrides what the user did."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error, Page, Route, expect

from decision_tree.engine import Step, answer, start
from decision_tree.model import Outcome
from scripts.browser_package import SITE_DIR, SNAPSHOT, SNAPSHOT_STDLIB
from scripts.site_tree import load_site_tree
from scripts.trim_stdlib import STDLIB
from tests.browser.conftest import (
    DECISION_WORKER,
    FAST_CONNECTION,
    ErrorLog,
    Held,
    RequestLog,
    click_answer,
    decision_workers,
    engine_starts,
    engine_state,
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

ROOT = Path(__file__).resolve().parents[2]
ENGINE_FILES = ["**/assets/pyodide-*/**", f"**/{SITE_DIR}**"]
PLAIN_NOTICE = "The decision record could not be made in this browser"

# Records what the page asks the engine (and can hold its prefetches back): the worker's
# transport is postMessage, the one place a test can watch it from the page.
WATCH_ENGINE_REQUESTS = """
(() => {
  const post = Worker.prototype.postMessage;
  window.__engineRequests = [];
  window.__holdChoicesMs = 0;
  window.__heldChoices = 0;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "request") {
      window.__engineRequests.push({ op: message.request.op, link: message.request.link });
      if (message.request.op === "choices" && window.__holdChoicesMs) {
        window.__heldChoices += 1;
        setTimeout(() => {
          window.__heldChoices -= 1;
          post.call(this, message, ...rest);
        }, window.__holdChoicesMs);
        return;
      }
    }
    return post.call(this, message, ...rest);
  };
})();
"""


def canonical_steps() -> list[tuple[str, Step]]:
    """Every step the walkthrough can reach, with its canonical link, from the native engine."""
    tree = load_site_tree(ROOT / "docs")
    steps: list[tuple[str, Step]] = []

    def visit(step: Step, link: str) -> None:
        steps.append((link, step))
        if not isinstance(step.node, Outcome):
            for option in step.node.options:
                visit(answer(tree, step, option.id), f"{link}/{option.id}".lstrip("/"))

    visit(start(tree), "")
    return steps


def shown_step(page: Page) -> dict[str, object]:
    return page.locator(".dt-widget .dt-step").evaluate(
        """step => ({
            kind: step.dataset.kind,
            prompt: (step.querySelector('.dt-outcome__name')
                ?? step.querySelector('.dt-step__prompt')).textContent,
            number: step.querySelector('.dt-step__number')?.textContent ?? null,
            why: step.querySelectorAll('.dt-given__row').length,
        })"""
    )


def expected_step(step: Step) -> dict[str, object]:
    if isinstance(step.node, Outcome):
        return {
            "kind": "outcome",
            "prompt": step.node.title,
            "number": None,
            "why": len(step.answers),
        }
    number = f"Question {len(step.answers) + 1}"
    return {"kind": "question", "prompt": step.node.prompt, "number": number, "why": 0}


def without_webassembly(page: Page) -> None:
    """No WebAssembly in the page nor in the engine's worker (an init script reaches only the
    page, so the worker's script gets the same first line)."""
    page.add_init_script("delete globalThis.WebAssembly")

    def patch(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body="delete globalThis.WebAssembly;\n" + response.text())

    page.route(f"**/{DECISION_WORKER}", patch)


def block(page: Page, pattern: str) -> None:
    page.route(pattern, lambda route: route.abort())


ENGINE_FAILURES = {
    "no WebAssembly": without_webassembly,
    "worker script blocked": lambda page: block(page, f"**/{DECISION_WORKER}"),
    "runtime .wasm blocked": lambda page: block(page, "**/pyodide.asm.wasm"),
    "runtime loader blocked": lambda page: block(page, "**/pyodide.mjs"),
    "browser package blocked": lambda page: block(page, f"**/{SITE_DIR}**"),
}


def test_without_the_engine_every_canonical_link_opens_its_step(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    without_webassembly(page)
    block(page, f"**/{DECISION_WORKER}")
    steps = canonical_steps()
    assert len(steps) > 100
    # A fresh page for a link to each outcome and to each question depth...
    sample = {
        (expected_step(step)["kind"], len(step.answers)): (link, step) for link, step in steps
    }
    for link, step in sample.values():
        page.goto(site_url + "decide/#/" + link)
        assert shown_step(page) == expected_step(step), link
    page.wait_for_selector(".dt-widget[data-engine-state=failed]")
    assert page.evaluate("typeof WebAssembly") == "undefined"
    # ...and every reachable step, its link pasted into the address of the open page.
    for link, step in steps:
        shown = page.evaluate(
            """async link => {
                const old = document.querySelector('.dt-widget .dt-step');
                location.hash = '#/' + link;
                const shown = () => document.querySelector('.dt-widget .dt-step');
                for (let i = 0; i < 400 && shown() === old; i++)
                  await new Promise(resolve => setTimeout(resolve, 5));
                return shown() !== old;
            }""",
            link,
        )
        assert shown, f"no step shown for #/{link}"
        assert shown_step(page) == expected_step(step), link
        assert page.evaluate("location.hash") == (f"#/{link}" if link else "")
    expect(page.locator(".dt-notice")).to_be_hidden()
    assert engine_state(page) == "failed"
    assert page_errors.errors == []


@pytest.mark.parametrize("failure", ENGINE_FAILURES)
def test_without_the_engine_a_whole_walk_works_and_the_record_says_so_plainly(
    page: Page, site_url: str, failure: str, page_errors: ErrorLog
) -> None:
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text))
    ENGINE_FAILURES[failure](page)
    page.goto(site_url + "decide/")
    # The engine starts when the page is idle, and fails; nothing on the page says so yet.
    page.wait_for_selector(".dt-widget[data-engine-state=failed]")
    expect(page.locator(".dt-notice")).to_be_hidden()
    expect(page.locator(".dt-status")).to_be_hidden()
    row = long_walk()
    walk(page, row["answers"])
    assert page.evaluate("location.hash") == "#/" + link_of(row["answers"])
    assert page.locator(".dt-links a").last.evaluate("a => a.href") == (
        f"{site_url}answers/{row['outcome']}/"
    )
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step__number")).to_have_text(
        f"Question {len(options_of(row['answers']))}"
    )
    page.locator("[data-action=start]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    expect(page.locator("[data-action=back]")).to_be_disabled()
    walk(page, golden_rows()[0]["answers"])
    page.locator("[data-action=download]").click()
    notice = page.locator(".dt-notice")
    expect(notice).to_contain_text(PLAIN_NOTICE)
    text = notice.inner_text()
    for word in ("Python", "Traceback", "Error", "WebAssembly", "worker", "undefined"):
        assert word not in text, text
    expect(page.locator(".dt-status")).to_be_hidden()
    assert page.locator(".dt-widget").get_attribute("aria-busy") is None
    assert engine_state(page) == "failed"
    if failure == "no WebAssembly":  # the worker itself had none: it said so in the console
        assert any("WebAssembly is unavailable" in w for w in warnings), warnings
    assert any("decision engine stopped" in w for w in warnings), warnings
    assert page_errors.errors == []


def test_a_policy_without_wasm_unsafe_eval_leaves_the_walk_working(
    page: Page, site_url: str
) -> None:
    def with_csp(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "script-src 'self'"}
        route.fulfill(response=response, headers=headers)

    page.route("**/decide/", with_csp)
    page.route(f"**/{DECISION_WORKER}", with_csp)
    row = golden_rows()[0]
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    page.wait_for_selector(".dt-widget[data-engine-state=failed]")
    page.locator("[data-action=start]").click()
    walk(page, row["answers"])
    page.locator("[data-action=download]").click()
    expect(page.locator(".dt-notice")).to_contain_text(PLAIN_NOTICE)


def test_a_shared_link_needs_no_engine_file_before_its_step_shows(
    page: Page, site_url: str
) -> None:
    held = Held(page, *ENGINE_FILES)
    row = long_walk()
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    expect(page.locator(".dt-given__row")).to_have_count(len(options_of(row["answers"])))
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step[data-kind=question]")).to_be_visible()
    # The engine did start meanwhile (the page was idle): its files are all still held.
    deadline = time.monotonic() + 10
    while not held.routes and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert held.routes, "the engine never asked for its files"
    assert engine_state(page) == "loading"
    expect(page.locator(".dt-status")).to_be_hidden()
    held.release()
    wait_for_engine(page)
    click_answer(page, options_of(row["answers"])[-1])
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()


def test_with_save_data_the_engine_starts_only_when_needed(
    page: Page, site_url: str, requests_seen: RequestLog
) -> None:
    report_connection(page, "{saveData: true}")
    row = golden_rows()[0]
    page.goto(site_url + "decide/#/" + link_of(row["answers"]))
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    page.wait_for_timeout(3500)  # longer than the idle start's own deadline (3 s)
    assert engine_state(page) == "idle"
    assert decision_workers(page) == []
    urls = requests_seen.urls
    assert [u for u in urls if "/assets/pyodide-" in u or f"/{SITE_DIR}" in u] == []
    with page.expect_download() as download_info:
        page.locator("[data-action=download]").click()
    assert download_info.value.suggested_filename.startswith(f"decision-record-{row['outcome']}-")
    assert engine_starts(page) == 1
    # Saving data, the engine starts cold: the memory snapshot is the bytes it saves.
    assert [u for u in requests_seen.urls if u.endswith(f"/{SNAPSHOT}")] == []


CONNECTIONS = {
    # what navigator.connection reports → how the engine must start
    "fast (LAN, 10 Mbit/s or more)": (FAST_CONNECTION, "snapshot"),
    "4G under 10 Mbit/s": ("{effectiveType: '4g', downlink: 9}", "cold start"),
    "3G": ("{effectiveType: '3g', downlink: 1.5}", "cold start"),
    "no Network Information API": ("undefined", "snapshot"),
}


@pytest.mark.parametrize("connection", CONNECTIONS)
def test_the_engine_starts_from_the_snapshot_only_on_a_fast_connection(
    page: Page, site_url: str, requests_seen: RequestLog, connection: str
) -> None:
    reported, expected = CONNECTIONS[connection]
    report_connection(page, reported)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    assert [m for m in messages if m.startswith(f"decision engine ready ({expected})")]
    fetched = [u for u in requests_seen.urls if u.endswith(f"/{SNAPSHOT}")]
    assert len(fetched) == (1 if expected == "snapshot" else 0)
    # A restored snapshot has its modules in memory: it gets the empty library, not the
    # trimmed one a cold start imports from.
    libraries = [u.rsplit("/", 1)[1] for u in requests_seen.urls if u.endswith(".zip")]
    assert libraries == [SNAPSHOT_STDLIB if expected == "snapshot" else STDLIB]
    walk(page, golden_rows()[0]["answers"])
    with page.expect_download() as download_info:
        page.locator("[data-action=download]").click()
    assert download_info.value.suggested_filename.startswith("decision-record-")


@pytest.mark.parametrize("corruption", ["wrong size", "wrong bytes", "not there"])
def test_a_bad_snapshot_means_a_cold_start_not_a_hang(
    page: Page, site_url: str, built_site: Path, tmp_path: Path, corruption: str
) -> None:
    report_connection(page, FAST_CONNECTION)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    if corruption == "not there":
        page.route(f"**/{SNAPSHOT}", lambda route: route.abort())
    else:
        snapshot = (built_site / SITE_DIR / SNAPSHOT).read_bytes()
        if corruption == "wrong size":
            bad = snapshot[: len(snapshot) // 2]
        else:  # the right size, one byte in the middle changed: only the checksum tells
            middle = len(snapshot) // 2
            bad = snapshot[:middle] + bytes([snapshot[middle] ^ 0xFF]) + snapshot[middle + 1 :]
        served = tmp_path / SNAPSHOT
        served.write_bytes(bad)
        page.route(
            f"**/{SNAPSHOT}",
            lambda route: route.fulfill(
                status=200, path=served, content_type="application/octet-stream"
            ),
        )
    started = time.monotonic()
    page.goto(site_url + "decide/")
    page.wait_for_selector(".dt-widget[data-engine-state=ready]", timeout=60_000)
    assert time.monotonic() - started < 60
    assert any("snapshot could not be used" in m for m in messages), messages
    assert any("ready (cold start)" in m for m in messages), messages
    if corruption == "wrong bytes":
        assert any("checksum" in m for m in messages), messages
    # The cold-started engine does the engine's work: a link the build did not render.
    page.goto(site_url + "decide/#/none/carrier-pigeon")
    expect(page.locator(".dt-notice")).to_contain_text("carrier-pigeon")
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")


def test_steps_are_prefetched_and_a_click_during_a_prefetch_is_kept(
    page: Page, site_url: str
) -> None:
    page.add_init_script(WATCH_ENGINE_REQUESTS)
    options = options_of(long_walk()["answers"])
    widget = page.locator(".dt-widget")
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    # Once ready, the engine prefetches the step after each option of the step shown...
    page.wait_for_function("window.__engineRequests.some(r => r.op === 'choices' && r.link === '')")
    page.evaluate("window.__holdChoicesMs = 1500; window.__engineRequests = []")
    click_answer(page, options[0])
    # ...so that step shows without a request to the engine; its own prefetch is now held.
    assert page.evaluate("window.__engineRequests.map(r => r.op)") == ["choices"]
    assert page.evaluate("window.__heldChoices") == 1
    click_answer(page, options[1])  # while that prefetch is in flight
    expect(page.locator(".dt-step__number")).to_have_text("Question 3")
    assert page.evaluate("window.__heldChoices") >= 1, "the prefetch was no longer in flight"
    assert widget.get_attribute("aria-busy") is None
    click_answer(page, options[2])
    page.wait_for_function("window.__heldChoices === 0")
    page.wait_for_timeout(200)  # the late prefetches have been answered
    assert page.evaluate("location.hash") == "#/" + "/".join(options[:3])
    expect(page.locator(".dt-step__number")).to_have_text("Question 4")
    assert widget.get_attribute("aria-busy") is None
    expect(page.locator(".dt-status")).to_be_hidden()


def kill_worker_silently(page: Page) -> None:
    """The worker ends itself: the page gets no event, only silence."""
    worker = next(w for w in page.workers if DECISION_WORKER in w.url)
    with contextlib.suppress(Error):  # the worker may be gone before it can answer
        worker.evaluate("close()")


def crash_worker(page: Page) -> None:
    """An uncaught error in the worker, which the page hears about."""
    worker = next(w for w in page.workers if DECISION_WORKER in w.url)
    worker.evaluate("setTimeout(() => { throw new Error('simulated crash') })")


@pytest.mark.parametrize("death", ["silent", "crash"])
def test_a_worker_that_dies_mid_walk_leaves_the_walk_working_and_is_replaced(
    page: Page, site_url: str, death: str
) -> None:
    # A request the engine never answers fails after REQUEST_TIMEOUT_MS; shortened here so
    # the silent death is noticed within the test's time.
    def short_timeout(route: Route) -> None:
        source = route.fetch().text()
        assert "const REQUEST_TIMEOUT_MS = 20_000;" in source
        route.fulfill(
            body=source.replace("REQUEST_TIMEOUT_MS = 20_000", "REQUEST_TIMEOUT_MS = 6_000"),
            content_type="text/javascript",
        )

    page.route("**/assets/javascripts/decision-client.js", short_timeout)
    row = long_walk()
    options = options_of(row["answers"])
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    click_answer(page, options[0])
    (kill_worker_silently if death == "silent" else crash_worker)(page)
    deadline = time.monotonic() + 10
    while decision_workers(page) and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert decision_workers(page) == []
    # Each click shows its step at once: pre-rendered, not waiting out the engine's timeout.
    for number, option in enumerate(options[1:3], 3):
        page.locator(f".dt-step[data-kind=question] [data-option='{option}']").click()
        expect(page.locator(".dt-step__number")).to_have_text(f"Question {number}", timeout=3_000)
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 3", timeout=3_000)
    page.wait_for_selector(".dt-widget[data-engine-state=failed]", timeout=15_000)
    page.locator("[data-action=start]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 1", timeout=3_000)
    walk(page, row["answers"])
    assert engine_starts(page) == 1  # walking needs no engine
    # The record does: a fresh worker starts and makes it.
    with page.expect_download() as download_info:
        page.locator("[data-action=download]").click()
    assert download_info.value.suggested_filename.startswith(f"decision-record-{row['outcome']}-")
    assert engine_starts(page) == 2
    assert len(decision_workers(page)) == 1
    assert engine_state(page) == "ready"
    expect(page.locator(".dt-notice")).to_be_hidden()


def test_no_unhandled_rejection_when_the_engine_fails_while_the_user_moves(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    held = Held(page, "**/pyodide.asm.wasm")
    status, widget = page.locator(".dt-status"), page.locator(".dt-widget")
    # A link only the engine can open, while the engine is loading: the page waits for it.
    page.goto(site_url + "decide/?legal-triggers=none&already-said=not-yet")
    expect(status).to_be_visible()
    page.locator("[data-action=start]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 1")
    click_answer(page, "none")
    click_answer(page, "not-yet")
    page.locator("[data-action=back]").click()
    page.go_back()
    page.go_forward()
    page.evaluate("location.hash = '#/none/carrier-pigeon'")  # the engine's again
    expect(status).to_be_visible()
    page.go_back()
    expect(page.locator(".dt-step__number")).to_have_text("Question 2")
    page.go_forward()
    expect(status).to_be_visible()
    # Now the runtime fails to download, as does every later try.
    held.fail()
    page.wait_for_selector(".dt-widget[data-engine-state=failed]")
    expect(page.locator(".dt-notice")).to_contain_text("could not be opened")
    expect(status).to_be_hidden()
    page.locator("[data-option]").first.click()
    page.go_back()
    page.locator("[data-action=start]").click()
    walk(page, golden_rows()[0]["answers"])
    page.locator("[data-action=download]").click()  # a fresh worker, failing again
    expect(page.locator(".dt-notice")).to_contain_text(PLAIN_NOTICE)
    page.go_back()
    page.go_forward()
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    assert widget.get_attribute("aria-busy") is None
    expect(status).to_be_hidden()
    page.wait_for_timeout(300)
    assert page_errors.errors == []


@pytest.mark.parametrize("action", ["start again", "answer"])
def test_a_late_reply_for_a_link_never_overrides_what_the_user_did(
    page: Page, site_url: str, action: str, page_errors: ErrorLog
) -> None:
    held = Held(page, "**/pyodide.asm.wasm")
    status, widget = page.locator(".dt-status"), page.locator(".dt-widget")
    page.goto(site_url + "decide/?legal-triggers=none&already-said=not-yet")
    expect(status).to_contain_text("Opening the step your link points to")
    expect(widget).to_have_attribute("aria-busy", "true")
    if action == "start again":
        page.locator("[data-action=start]").click()
        expected, address = "Question 1", ""
    else:  # the first question is on the page while the link waits
        page.locator("[data-option=inside-information]").click()
        expected, address = "", "#/inside-information"
    shown = page.locator(".dt-step__number") if expected else page.locator(".dt-outcome__title")
    step_html = page.locator(".dt-widget .dt-step").evaluate("step => step.outerHTML")
    expect(status).to_be_hidden()
    assert widget.get_attribute("aria-busy") is None
    held.release()
    wait_for_engine(page)
    page.wait_for_timeout(500)  # the link's reply has come back by now
    assert page.locator(".dt-widget .dt-step").evaluate("step => step.outerHTML") == step_html
    if expected:
        expect(shown).to_have_text(expected)
    assert page.evaluate("location.search + location.hash") == address
    expect(status).to_be_hidden()
    expect(page.locator(".dt-notice")).to_be_hidden()
    assert widget.get_attribute("aria-busy") is None
    assert page_errors.errors == []


def test_instant_navigation_to_another_link_after_the_engine_is_ready(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    page.goto(site_url + "decide/#/inside-information")
    wait_for_engine(page)
    mark_document(page)
    # On to the answer's own page, then back through one of its "open this walk" links.
    page.locator(".dt-links a").last.click()
    page.wait_for_url("**/answers/market-first/")
    page.locator("details summary").last.click()
    walk_link = "none/not-yet/announce/price-sensitive"
    page.locator(f"a[href$='decide/#/{walk_link}']").first.click()
    page.wait_for_url(f"**/decide/#/{walk_link}")
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    expect(page.locator(".dt-given__row")).to_have_count(4)
    assert page.locator(".dt-links a").last.evaluate("a => a.href") == (
        f"{site_url}answers/market-first/"
    )
    assert same_document(page)  # instant navigation, one document
    page.locator("[data-action=back]").click()
    expect(page.locator(".dt-step__number")).to_have_text("Question 4")
    page.wait_for_function("location.hash === '#/none/not-yet/announce'")
    assert engine_state(page) == "ready"
    assert engine_starts(page) == 1
    assert len(decision_workers(page)) == 1
    assert page_errors.errors == []
