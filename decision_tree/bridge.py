"""The browser's entry point: JSON requests in, JSON out (a step's view and its HTML).

Stateless: the page keeps only the permalink, and every request replays it, so the
URL is the single source of truth and no decision logic lives in JavaScript. The HTML comes
from the same renderer the build used to pre-render every step (decision_tree.render).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from decision_tree.engine import answer, back, start
from decision_tree.errors import DecisionTreeError
from decision_tree.model import ID_PATTERN, Tree
from decision_tree.permalink import FRAGMENT, decode, encode
from decision_tree.record import decision_record
from decision_tree.render import render_step
from decision_tree.shipped import DEFAULT_SLUG, load_by_slug
from decision_tree.views import step_view


def packaged_tree(slug: str = DEFAULT_SLUG) -> Tree:
    """A tree shipped inside the package (compiled JSON in the wheel), loaded once."""
    if not ID_PATTERN.match(slug):  # a slug, never a path
        raise DecisionTreeError(f"no tree called '{slug}'")
    return _loaded(slug)


# Keyed by the slug alone, however it was passed: the browser's memory snapshot holds the
# tree loaded at build time, but not the package's files (Pyodide's file system is not in
# the snapshot), so a second load after a restore would find no file.
@cache
def _loaded(slug: str) -> Tree:
    return load_by_slug(slug)


def respond(request: dict[str, Any], tree: Tree | None = None) -> dict[str, Any]:
    """Handle one request: {op: open|answer|back|start|record, tree, link, option, site}.

    The step's view carries its HTML, rendered for a page `site` away from the site's root.
    `record` (with `page`, the decide page's address, and `date`) gives the decision record of
    the answer the link reaches, as Markdown."""
    tree = tree or packaged_tree(str(request.get("tree", DEFAULT_SLUG)))
    decoded = decode(tree, str(request.get("link", "")))
    step, ignored = decoded.step, list(decoded.ignored)
    op = request.get("op", "open")
    if op == "answer":
        try:
            step = answer(tree, step, str(request.get("option", "")))
        except DecisionTreeError as error:
            ignored.append(str(error))
    elif op == "back":
        step = back(tree, step)
    elif op == "start":
        step = start(tree)
    elif op == "record":
        link = f"{request.get('page', '')}{FRAGMENT}{encode(step.answers)}"
        record = decision_record(tree, step, link, str(request.get("date", "")))
        return {"record": record, "outcome": step.node.id}
    elif op != "open":
        ignored.append(f"unknown request '{op}'")
    view = step_view(tree, step, ignored)
    view["html"] = render_step(view, str(request.get("site", "")))
    return view


def choices(request: dict[str, Any], tree: Tree | None = None) -> dict[str, dict[str, Any]]:
    """The view after each option of the step a link opens, keyed by option id: the page
    shows the next step the moment an option is chosen, with no round trip to the engine."""
    current = respond({**request, "op": "open"}, tree)
    if current["kind"] != "question":
        return {}
    return {
        option["id"]: respond({**request, "op": "answer", "option": option["id"]}, tree)
        for option in current["question"]["options"]
    }


def handle(request_json: str) -> str:
    """JSON in, JSON out: the whole surface the Web Worker calls."""
    try:
        request = json.loads(request_json)
        if not isinstance(request, dict):
            raise ValueError("a request must be a JSON object")
        if request.get("op") == "choices":
            return json.dumps({"ok": True, "choices": choices(request)})
        if request.get("op") == "record":
            return json.dumps({"ok": True, **respond(request)})
        return json.dumps({"ok": True, "step": respond(request)})
    except (DecisionTreeError, ValueError) as error:
        return json.dumps({"ok": False, "error": str(error)})
