"""The walkthrough's answer as a person acts on it: the answer first, "Your answers" with a
Change link per answer (GOV.UK's check-your-answers), the keyboard, and the printed answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from decision_tree import engine
from decision_tree.model import Question, Tree
from decision_tree.permalink import decode, encode
from scripts.site_tree import load_site_tree


@pytest.fixture(scope="module")
def real_tree() -> Tree:
    return load_site_tree(ROOT / "docs")


ROOT = Path(__file__).resolve().parents[2]
LINK = "none/not-yet/give-context/unidentifiable/adviser-approved/tested/one-to-one/background"


def open_link(page: Page, site_url: str, link: str) -> None:
    """Open a shared link, and wait until decide.js has taken the page over from the early
    step (early-step.js), which shows the step but does not handle clicks."""
    page.goto(site_url + "decide/#/" + link)
    expect(page.locator(".dt-widget[data-engine-state] .dt-step")).to_be_visible()


def resumed(tree: Tree, link: str, changed: str, option: str) -> str:
    """Where the walk should land once the answer to `changed` becomes `option`: the later
    questions take the answers they had, while those answers are still among their options."""
    before = decode(tree, "#/" + link).step
    kept = {a.question_id: a.option_id for a in before.answers}
    asked = [a.question_id for a in before.answers].index(changed)
    step = engine.answer(tree, engine.replay(tree, before.answers[:asked]), option)
    while isinstance(step.node, Question) and kept.get(step.node.id) in {
        o.id for o in step.node.options
    }:
        step = engine.answer(tree, step, kept[step.node.id])
    return encode(step.answers)


def test_the_answer_reads_in_the_order_a_person_acts(page: Page, site_url: str) -> None:
    open_link(page, site_url, LINK)
    step = page.locator(".dt-step[data-kind=outcome]")
    heading = step.locator("h3.dt-outcome__title")
    expect(heading.locator(".dt-verdict")).to_be_visible()  # the verdict is in the heading
    parts = [
        "h3.dt-outcome__title",
        ".dt-outcome__short",
        ".dt-first",
        ".dt-rules",
        ".dt-given",
        ".dt-outcome__body",
        ".dt-links",
        ".dt-record",
    ]
    tops = [step.locator(part).bounding_box()["y"] for part in parts]  # type: ignore[index]
    assert tops == sorted(tops), dict(zip(parts, tops, strict=True))
    titles = step.locator("h4").all_text_contents()
    assert titles == ["Ground rules to agree before you speak", "Your answers", "Why", "Read more"]
    expect(step.locator(".dt-given__row")).to_have_count(len(LINK.split("/")))
    # The answer's heading is larger than any other text in the step.
    sizes = step.evaluate(
        "s => [...s.querySelectorAll('p, li, dt, dd, h4')].map("
        "e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert float(heading.evaluate("h => parseFloat(getComputedStyle(h).fontSize)")) > max(sizes)


@pytest.mark.parametrize(
    ("changed", "option"),
    [
        ("who-speaks", "advised"),  # every later answer still fits: straight back to an answer
        ("purpose", "need-to-know"),  # skips a question, keeps the rest
        ("purpose", "announce"),  # a new question on the way: stop there
    ],
)
def test_change_reopens_the_question_and_keeps_the_later_answers(
    page: Page, site_url: str, real_tree: Tree, changed: str, option: str
) -> None:
    open_link(page, site_url, LINK)
    row = page.locator(f".dt-given__row[data-question='{changed}']")
    change = row.locator(".dt-change")
    number = LINK.split("/").index(row.get_attribute("data-option") or "")
    asked_at = "/".join(LINK.split("/")[:number])
    assert change.get_attribute("href") == "#/" + asked_at  # a real link, without JavaScript too
    expect(change).to_have_accessible_name(
        f"Change the answer to: {real_tree.questions[changed].prompt}"
    )
    change.click()
    page.wait_for_function("link => location.hash === '#/' + link", arg=asked_at)
    question = page.locator(f".dt-step[data-question='{changed}']")
    expect(question).to_be_visible()
    expect(question.locator(".dt-step__prompt")).to_be_focused()
    # The reopened question starts on screen, below the header, not above or under it.
    top = question.evaluate("q => q.getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < page.viewport_size["height"] / 2  # type: ignore[index]
    question.locator(f"[data-option='{option}']").click()
    expected = resumed(real_tree, LINK, changed, option)
    page.wait_for_function("link => location.hash === '#/' + link", arg=expected)
    node = decode(real_tree, "#/" + expected).step.node
    if isinstance(node, Question):
        expect(page.locator(f".dt-step[data-question='{node.id}']")).to_be_visible()
    else:
        expect(page.locator(f".dt-step[data-outcome='{node.id}']")).to_be_visible()
    assert len(expected.split("/")) > number + 1 or isinstance(node, Question)


def test_start_again_forgets_the_answers_kept_for_a_change(page: Page, site_url: str) -> None:
    open_link(page, site_url, LINK)
    page.locator(".dt-change").first.click()
    expect(page.locator(".dt-step[data-question='legal-triggers']")).to_be_visible()
    page.locator("[data-action=start]").click()
    page.locator("[data-option='none']").click()
    page.wait_for_function("location.hash === '#/none'")  # one step, not back to the answer
    expect(page.locator(".dt-step[data-question='already-said']")).to_be_visible()


def test_arrow_keys_move_between_options_and_the_first_tab_lands_on_the_first(
    page: Page, site_url: str
) -> None:
    open_link(page, site_url, "none/not-yet")
    page.locator("[data-option='announce']").click()
    step = page.locator(".dt-step[data-question='release-time']")
    expect(step.locator(".dt-step__prompt")).to_be_focused()
    # A help text may hold a link (an editor's Markdown), which comes before the options.
    step.locator(".dt-step__help").evaluate(
        "help => help.insertAdjacentHTML('beforeend', '<p><a href=\"../faq/\">FAQ</a></p>')"
    )
    options = step.locator(".dt-option")
    scrolled = page.evaluate("window.scrollY")
    page.keyboard.press("Tab")
    expect(options.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(options.nth(1)).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(options.nth(2)).to_be_focused()
    page.keyboard.press("ArrowDown")  # wraps round, as a radio group does
    expect(options.first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(options.last).to_be_focused()
    page.keyboard.press("Home")
    expect(options.first).to_be_focused()
    page.keyboard.press("End")
    expect(options.last).to_be_focused()
    assert page.evaluate("window.scrollY") == scrolled  # the arrows moved focus, not the page
    page.keyboard.press("Enter")
    expect(page.locator(".dt-step[data-kind=outcome]")).to_be_visible()


def test_the_first_question_keeps_back_disabled_and_the_intro_is_one_line(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(site_url + "decide/")
    expect(page.locator("[data-action=back]")).to_be_disabled()
    intro = page.locator(".md-content__inner > h1 + p")
    line = float(intro.evaluate("p => parseFloat(getComputedStyle(p).lineHeight)"))
    assert intro.bounding_box()["height"] < 1.5 * line  # type: ignore[index]
    # The page's date comes after the walkthrough, not between the intro and the first step.
    widget = page.locator(".dt-widget").bounding_box()
    date = page.locator(".md-source-file").bounding_box()
    assert widget and date and date["y"] > widget["y"] + widget["height"]
    context.close()


def test_a_printed_answer_is_the_answer_with_its_date_and_link(page: Page, site_url: str) -> None:
    open_link(page, site_url, LINK)
    page.emulate_media(media="print")
    for hidden in [
        ".md-content__inner > h1",
        ".md-content__inner > h1 + p",
        ".md-source-file",
        ".dt-controls",
        ".dt-record",
        ".dt-change",
    ]:
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".dt-rules")).to_be_visible()
    expect(page.locator(".dt-given")).to_be_visible()
    printed = page.locator(".dt-printed")
    expect(printed).to_be_visible()
    expect(printed).to_contain_text("Answer reached on ")
    expect(printed).to_contain_text(f"decide/#/{LINK}")
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
