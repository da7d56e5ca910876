"""The one HTML renderer of a step: a step view (views.step_view) in, an HTML fragment out.

The build runs it over every reachable step and the browser's engine runs it in Pyodide; the
two must agree byte for byte, so it depends on nothing but the view and the standard library.
Every text is escaped here, in `_text`; only the tree's Markdown, already rendered to HTML at
build time with the site's own settings (`help_html`, `body_html`), is inserted as it is.

A step is returned as parts whose concatenation is the fragment: parts repeat from step to
step (a question, one row of "Your answers"), so the pre-rendered steps file stores each
part once.
"""

from __future__ import annotations

from html import escape
from typing import Any

View = dict[str, Any]


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def step_parts(view: View, site: str) -> list[str]:
    """The fragment for a step, in reusable parts. `site` is the path from the page that
    shows the step to the site's root (e.g. "../" from decide/)."""
    if view["kind"] == "outcome":
        return [
            _outcome_head(view["outcome"]),
            *(_reason(reason) for reason in view["trail"]),
            _outcome_tail(view["outcome"], site),
        ]
    return [_question(view["question"])]


def render_step(view: View, site: str) -> str:
    return "".join(step_parts(view, site))


def _question(question: View) -> str:
    prompt = _text(question["prompt"])
    help_html = question["help_html"]
    options = "".join(
        f'<button type="button" class="md-button dt-option" data-option="{_text(o["id"])}">'
        f"{_text(o['label'])}</button>"
        for o in question["options"]
    )
    announce = _text(f"Question {question['number']}: {question['prompt']}")
    return (
        f'<div class="dt-step" data-kind="question" data-question="{_text(question["id"])}"'
        f' data-announce="{announce}">'
        f'<p class="dt-step__number">Question {int(question["number"])}</p>'
        f'<h3 class="dt-step__prompt" tabindex="-1" elementtiming="dt-step">{prompt}</h3>'
        + (f'<div class="dt-step__help">{help_html}</div>' if help_html else "")
        + f'<div class="dt-options" role="group" aria-label="{prompt}">{options}</div>'
        "</div>"
    )


def _verdict_class(verdict: str, severe: bool) -> str:
    """A verdict's classes: its own, and `dt-verdict--severe` for one the tree marks severe."""
    return f"dt-verdict dt-verdict--{_text(verdict)}" + (" dt-verdict--severe" if severe else "")


def verdict_badge(verdict: str, label: str, severe: bool = False) -> str:
    return f'<p class="{_verdict_class(verdict, severe)}">{_text(label)}</p>'


def answer_summary(
    title: str, href: str, verdict: str, verdict_label: str, short: str, severe: bool = False
) -> str:
    """One answer in a list of answers: its title linked, its verdict and its short answer."""
    return (
        f'<li class="dt-answer"><a href="{_text(href)}">{_text(title)}</a> '
        f'<span class="{_verdict_class(verdict, severe)}">{_text(verdict_label)}</span> '
        f"{_text(short)}</li>"
    )


def short_and_first(short: str, first: str) -> str:
    """The answer in a sentence, then the one thing to do first."""
    return (
        f'<p class="dt-outcome__short"><strong>{_text(short)}</strong></p>'
        f'<p class="dt-first"><strong>What to do first:</strong> {_text(first)}</p>'
    )


def ground_rules(rules: list[str]) -> str:
    """A checklist whose labels hold their text, so screen readers name each checkbox."""
    items = "".join(
        f'<li class="task-list-item"><label><input type="checkbox"> {_text(rule)}</label></li>'
        for rule in rules
    )
    return f'<ul class="dt-rules task-list">{items}</ul>'


def _outcome_head(outcome: View) -> str:
    # In the order a person acts on it: the answer, what to do first, the ground rules; then
    # the answers that led here, each with a link to change it; then the why and reading.
    announce = _text(f"Answer: {outcome['title']}. {outcome['verdict_label']}.")
    verdict = _verdict_class(outcome["verdict"], outcome["verdict_severe"])
    return (
        f'<div class="dt-step" data-kind="outcome" data-outcome="{_text(outcome["id"])}"'
        f' data-announce="{announce}">'
        '<h3 class="dt-step__prompt dt-outcome__title" tabindex="-1" elementtiming="dt-step">'
        f'<span class="{verdict}">{_text(outcome["verdict_label"])}</span>'
        f'<span class="dt-visually-hidden">: </span>'
        f'<span class="dt-outcome__name">{_text(outcome["title"])}</span></h3>'
        + short_and_first(outcome["short"], outcome["first"])
        + "<h4>Ground rules to agree before you speak</h4>"
        + ground_rules(outcome["ground_rules"])
        + '<h4>Your answers</h4><dl class="dt-given">'
    )


def _reason(reason: View) -> str:
    """One answer given, GOV.UK's check-your-answers row: the question, the answer (and what
    it weighed), and a link that reopens the question with the later answers kept."""
    note = f'<span class="dt-given__note">{_text(reason["note"])}</span>' if reason["note"] else ""
    prompt = _text(reason["prompt"])
    return (
        f'<div class="dt-given__row" data-question="{_text(reason["question_id"])}"'
        f' data-option="{_text(reason["option_id"])}">'
        f"<dt>{prompt}</dt>"
        f'<dd class="dt-given__answer"><strong>{_text(reason["label"])}</strong>{note}</dd>'
        # The link is filled in by the page (steps.js, linkChanges) from the answer's own
        # link, so this row is the same on every path through it and stored once.
        f'<dd class="dt-given__change">'
        f'<a class="dt-change" href="#/" data-depth="{int(reason["depth"])}">'
        f'Change<span class="dt-visually-hidden"> the answer to: {prompt}</span></a></dd></div>'
    )


def _outcome_tail(outcome: View, site: str) -> str:
    links = "".join(
        f'<li><a href="{_text(site + link["url"])}">{_text(link["title"])}</a></li>'
        for link in outcome["links"]
    )
    page = _text(site + outcome["page_url"])
    return (
        "</dl>"
        f'<h4>Why</h4><div class="dt-outcome__body">{outcome["body_html"]}</div>'
        f'<h4>Read more</h4><ul class="dt-links">{links}'
        f'<li><a href="{page}">This answer on its own page</a></li></ul>'
        '<div class="dt-record">'
        '<button type="button" class="md-button dt-control" data-action="print">'
        "Print this answer</button>"
        '<button type="button" class="md-button dt-control" data-action="download">'
        "Download the decision record</button></div></div>"
    )
