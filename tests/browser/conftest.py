"""Headless Chromium (Debian's `chromium`), driven by Playwright, for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect, sync_playwright

from scripts.chromium import EXECUTABLE, FLAGS

ENGINE_TIMEOUT_MS = 90_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=EXECUTABLE, args=FLAGS)
        yield browser
        browser.close()


class RequestLog:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

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


def wait_for_engine(page: Page) -> None:
    page.wait_for_selector(".dt-widget[data-engine=ready]", timeout=ENGINE_TIMEOUT_MS)


def open_search(page: Page) -> None:
    """Open Material's search with its keyboard shortcut, as a reader would."""
    page.keyboard.press("s")
    expect(page.locator(".md-search__input")).to_be_focused()
