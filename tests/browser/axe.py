"""axe-core (the pinned npm package) run in a page with every rule it has, WCAG AAA's
`color-contrast-enhanced` and 2.2's `target-size` included, for the browser tests of each page
and each state of the walkthrough."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def violations(page: Page) -> list[tuple[str, list[object]]]:
    """Each rule the page breaks, with up to three of the elements that break it."""
    # Colours mid-transition (a button fading into its hover style under the pointer) are
    # neither the old nor the new state: measure the settled page.
    page.evaluate(
        "Promise.all(document.getAnimations()"
        ".filter(a => a.effect?.getTiming().iterations !== Infinity)"
        ".map(a => a.finished.catch(() => null)))"
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'rule', "
        "values: axe.getRules().map(r => r.ruleId)}})"
    )
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def use_palette(target: Page | BrowserContext, scheme: str) -> None:
    """Open every page of `target` in Material's `default` (light) or `slate` (dark) palette,
    as a reader who chose it with the toggle."""
    target.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {int(scheme == 'slate')}, "
        f"color: {{scheme: '{scheme}'}}}}))"
    )
