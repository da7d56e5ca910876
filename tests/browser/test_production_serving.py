"""The walkthrough served by nginx, under the production Content-Security-Policy."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Page, expect

from scripts.serve_nginx import NginxServer
from tests.browser.conftest import RequestLog, open_search, wait_for_engine


def test_walkthrough_works_under_the_production_policy(
    page: Page, nginx_site: NginxServer, requests_seen: RequestLog
) -> None:
    violations = watch_policy_violations(page)
    page.add_init_script(
        "new MutationObserver(() => { if (document.documentElement?.classList.contains("
        "'dt-linked')) window.__linked = true }).observe(document, "
        "{attributes: true, subtree: true, attributeFilter: ['class']})"
    )
    # A shared link: decide.html's inline script (allowed by its hash in the policy) hides
    # the first question until the link's pre-rendered step has replaced it.
    page.goto(nginx_site.url + "decide/#/none/not-yet")
    expect(page.locator(".dt-step__number")).to_have_text("Question 3")
    assert page.evaluate("window.__linked") is True
    assert "dt-linked" not in (page.locator("html").get_attribute("class") or "")
    page.locator("[data-action=start]").click()
    wait_for_engine(page)
    page.locator("[data-option]").first.click()
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()
    assert page.evaluate("location.hash") != ""
    with page.expect_download():
        page.locator("[data-action=download]").click()
    page.goto(nginx_site.url + "guidance/ground-rules/")
    open_search(page)  # Material's search, which runs in its own worker
    search = page.locator(".md-search__input")
    search.fill("embargo")
    search.press("End")  # Material searches on keyup, which fill() alone does not send
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    assert page.evaluate("window.__violations ?? []") == []
    assert violations == []
    assert requests_seen.foreign(nginx_site.url) == []


def watch_policy_violations(page: Page) -> list[str]:
    """The policy violations the console reports, kept in the list returned; the page also
    collects its own `securitypolicyviolation` events in `window.__violations`."""
    violations: list[str] = []
    page.on("console", lambda m: _keep_violation(m, violations))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "(window.__violations ??= []).push(e.violatedDirective + ' ' + e.blockedURI))"
    )
    return violations


def _keep_violation(message: ConsoleMessage, violations: list[str]) -> None:
    if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
        violations.append(message.text)


def test_the_404_and_414_pages_load_under_the_production_policy(
    page: Page, nginx_site: NginxServer
) -> None:
    violations = watch_policy_violations(page)
    for path, heading in [
        ("no-such-page/", "Page not found"),
        ("decide/?" + "question=answer&" * 1000, "This link is too long"),
    ]:
        response = page.goto(nginx_site.url + path)
        assert response is not None and response.status in (404, 414)
        expect(page.locator("h1")).to_have_text(heading)
        # The stylesheets applied: the page is styled by the site, not the browser's defaults.
        assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
        assert page.evaluate("window.__violations ?? []") == []
    search = page.locator("#not-found-query")
    page.goto(nginx_site.url + "no-such-page/")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-not-found__search')).display")
        == "flex"
    )
    expect(search).to_be_visible()
    assert violations == []
