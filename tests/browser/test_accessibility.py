"""axe-core with every rule it has, on every built page, in both palettes.

Two rules are not met yet and are listed here, so that any other violation fails at once:
`color-contrast-enhanced` (WCAG AAA's 7:1, which needs Material's palette reworked) and
`target-size` (two navigation links on one page sit closer than 24 px). Issue 12 tracks both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

NOT_YET = {"color-contrast-enhanced", "target-size"}
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def built_pages(site: Path) -> list[str]:
    pages = [
        "" if page.parent == site else f"{page.parent.relative_to(site).as_posix()}/"
        for page in site.rglob("index.html")
        if "_bench" not in page.parts
    ]
    return [*sorted(pages), "404.html", "414.html"]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_page_passes_every_axe_rule(
    browser: Browser, built_site: Path, site_url: str, scheme: str
) -> None:
    context = browser.new_context()
    context.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {int(scheme == 'slate')}, "
        f"color: {{scheme: '{scheme}'}}}}))"
    )
    page = context.new_page()
    pages = built_pages(built_site)
    assert len(pages) > 40
    found = {}
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "skip => axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'rule', "
            "values: axe.getRules().map(r => r.ruleId).filter(id => !skip.includes(id))}})",
            sorted(NOT_YET),
        )
        for violation in result["violations"]:
            found.setdefault(path, []).append(
                (violation["id"], [n["target"] for n in violation["nodes"]][:3])
            )
    context.close()
    assert found == {}
