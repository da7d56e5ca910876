"""axe-core with every rule it has (tests/browser/axe.py), on every built page, in both
palettes."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.axe import use_palette, violations


def built_pages(site: Path) -> list[str]:
    pages = [
        "" if page.parent == site else f"{page.parent.relative_to(site).as_posix()}/"
        for page in site.rglob("index.html")
        if "_bench" not in page.parts
    ]
    return [*sorted(pages), "404.html", "414.html"]


@pytest.mark.parametrize(
    ("scheme", "width"),
    # Both palettes on a laptop; and a narrow window (a phone's width, or a laptop zoomed to
    # 400%), where wide tables and code scroll sideways and must still be reachable by keyboard.
    [("default", 1280), ("slate", 1280), ("default", 390)],
)
def test_every_page_passes_every_axe_rule(
    browser: Browser, built_site: Path, site_url: str, scheme: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})
    use_palette(context, scheme)
    page = context.new_page()
    pages = built_pages(built_site)
    assert len(pages) > 40
    found = {}
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        if broken := violations(page):
            found[path] = broken
    context.close()
    assert found == {}
