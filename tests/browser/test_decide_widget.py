"""The walkthrough in a real browser: Pyodide in a Web Worker, from the site itself."""

from __future__ import annotations

import csv
from pathlib import Path

from playwright.sync_api import Page

from tests.browser.conftest import RequestLog, wait_for_engine

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "off-the-record.tsv"


def golden_rows() -> list[dict[str, str]]:
    with GOLDEN.open(encoding="utf-8") as table:
        return list(csv.DictReader(table, delimiter="\t"))


def test_walk_reaches_an_outcome_with_every_request_on_the_site(
    page: Page, site_url: str, requests_seen: RequestLog
) -> None:
    row = golden_rows()[-1]
    page.goto(site_url + "decide/")
    wait_for_engine(page)
    ready_ms = page.evaluate("performance.getEntriesByName('decision-engine-ready')[0].startTime")
    print(f"\nengine ready {ready_ms:.0f} ms after navigation started")
    for pair in row["answers"].split("&"):
        question, option = pair.split("=")
        page.locator(f".dt-step[data-kind=question] [data-option='{option}']").click()
        if question != row["answers"].split("&")[-1].split("=")[0]:
            page.wait_for_selector(".dt-step[data-kind=question]")
    page.wait_for_selector(".dt-step[data-kind=outcome]")
    assert page.locator(".dt-verdict").inner_text()
    assert f"answers/{row['outcome']}/" in page.locator(".dt-links a").last.get_attribute("href")
    assert page.url.endswith("?" + row["answers"])
    assert requests_seen.foreign(site_url) == []
