"""The walkthrough in a real browser: Pyodide in a Web Worker, from the site itself."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    RequestLog,
    decision_workers,
    golden_rows,
    link_of,
    options_of,
    wait_for_engine,
    walk,
)


def test_walk_reaches_an_outcome_with_every_request_on_the_site(
    page: Page, site_url: str, requests_seen: RequestLog
) -> None:
    row = golden_rows()[-1]
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    ready_ms = page.evaluate("performance.getEntriesByName('decision-engine-ready')[0].startTime")
    print(f"\nengine ready {ready_ms:.0f} ms after navigation started")
    assert len(decision_workers(page)) == 1
    walk(page, row["answers"])
    assert page.locator(".dt-verdict").inner_text()
    assert page.locator(".dt-links a").last.evaluate("a => a.href") == (
        f"{site_url}answers/{row['outcome']}/"
    )
    assert page.url == f"{site_url}decide/#/{link_of(row['answers'])}"
    expect(page.locator(".dt-given__row")).to_have_count(len(options_of(row["answers"])))
    assert requests_seen.foreign(site_url) == []
