"""Headless Chromium (Debian's `chromium`), driven by Playwright, for the browser tests."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Request,
    Route,
    expect,
    sync_playwright,
)

from scripts.chromium import EXECUTABLE, FLAGS

ENGINE_TIMEOUT_MS = 90_000
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "off-the-record.tsv"
DECISION_WORKER = "decision-worker.js"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=EXECUTABLE, args=FLAGS)
        yield browser
        browser.close()


class RequestLog:
    def __init__(self) -> None:
        self.urls: list[str] = []
        self.referrers: list[str] = []

    def record(self, request: Request) -> None:
        self.urls.append(request.url)
        referrer = request.headers.get("referer")
        if referrer:
            self.referrers.append(referrer)

    def foreign(self, origin: str) -> list[str]:
        """Requests that left the site's origin (data: and blob: URLs stay on the page)."""
        host = urlsplit(origin).netloc
        return [
            u
            for u in self.urls
            if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host
        ]


@pytest.fixture
def requests_seen() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser: Browser, requests_seen: RequestLog) -> Iterator[Page]:
    context = browser.new_context()
    context.on("request", requests_seen.record)
    page = context.new_page()
    page.set_default_timeout(ENGINE_TIMEOUT_MS)
    yield page
    context.close()


class ErrorLog:
    """Uncaught exceptions and unhandled rejections (`pageerror`), and console errors from the
    page and its workers, except the network's own "failed to load" lines: the tests block
    files on purpose."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(f"console: {message.text}")


@pytest.fixture
def page_errors(page: Page) -> ErrorLog:
    return ErrorLog(page)


class Held:
    """Requests matching `patterns` wait until `release()` (or `fail()`), so a test can act
    while they are outstanding; afterwards matching requests go through (or fail) at once."""

    def __init__(self, page: Page, *patterns: str) -> None:
        self.routes: list[Route] = []
        self.outcome: str | None = None
        for pattern in patterns:
            page.route(pattern, self._handle)

    def _handle(self, route: Route) -> None:
        if self.outcome == "continue":
            route.continue_()
        elif self.outcome == "abort":
            route.abort()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.outcome = "continue"
        for route in self.routes:
            route.continue_()

    def fail(self) -> None:
        self.outcome = "abort"
        for route in self.routes:
            route.abort()


# What navigator.connection reports on a fast connection: the engine starts from the build's
# memory snapshot only then (decision-client.js, startMode). Headless Chromium reports 1.45 Mbit/s.
FAST_CONNECTION = "{effectiveType: '4g', downlink: 10, saveData: false}"


def report_connection(page: Page, connection: str) -> None:
    """Make the page's navigator.connection report `connection`, a JavaScript expression
    ("undefined" for a browser without the Network Information API)."""
    page.add_init_script(
        f"Object.defineProperty(Navigator.prototype, 'connection', {{get: () => ({connection})}})"
    )


def mark_document(page: Page) -> None:
    """Mark the page's document, so `same_document` can tell whether a navigation kept it
    (Material's instant navigation) or loaded a new one."""
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true") is True


def wait_for_engine(page: Page) -> None:
    page.wait_for_selector(".dt-widget[data-engine-state=ready]", timeout=ENGINE_TIMEOUT_MS)


def engine_state(page: Page) -> str | None:
    return page.locator(".dt-widget").get_attribute("data-engine-state")


def decision_workers(page: Page) -> list[str]:
    """The engine's Web Workers alive in the page (Material's search has its own)."""
    return [worker.url for worker in page.workers if DECISION_WORKER in worker.url]


def engine_starts(page: Page) -> int:
    """How many workers the engine has started in this document (decision-client.js marks each)."""
    return page.evaluate("performance.getEntriesByName('decision-engine-start').length")


def open_search(page: Page) -> None:
    """Open Material's search with its keyboard shortcut, as a reader would."""
    page.keyboard.press("s")
    expect(page.locator(".md-search__input")).to_be_focused()


def golden_rows() -> list[dict[str, str]]:
    with GOLDEN.open(encoding="utf-8") as table:
        return list(csv.DictReader(table, delimiter="\t"))


def options_of(answers: str) -> list[str]:
    """The option ids of a golden row's `question=option&…` answers, in order."""
    return [pair.split("=")[1] for pair in answers.split("&")]


def link_of(answers: str) -> str:
    """The canonical link (`none/not-yet/…`) of a golden row's answers."""
    return "/".join(options_of(answers))


def long_walk() -> dict[str, str]:
    """The first of the longest walks: every question's step is exercised on the way."""
    return max(golden_rows(), key=lambda row: row["answers"].count("&"))


def click_answer(page: Page, option: str) -> None:
    """Choose an option of the question shown and wait until the address holds it."""
    before = page.evaluate("location.hash")
    page.locator(f".dt-step[data-kind=question] [data-option='{option}']").click()
    page.wait_for_function(
        "([before, option]) => location.hash !== before && location.hash.endsWith('/' + option)",
        arg=[before, option],
    )


def walk(page: Page, answers: str) -> None:
    """Walk a golden row by clicking, from the first question, to its outcome."""
    for option in options_of(answers):
        click_answer(page, option)
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
