"""The same engine cases, run by the built cp313 wheel inside real Pyodide (Node), must give
exactly what CPython gives."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from decision_tree.bridge import respond
from decision_tree.engine import paths
from decision_tree.golden import path_rows
from decision_tree.model import Tree
from decision_tree.permalink import encode
from decision_tree.shipped import DEFAULT_SLUG
from scripts.browser_package import SITE_DIR, SNAPSHOT_MANIFEST
from scripts.prerender_steps import DECIDE_TO_ROOT, STEPS_DIR
from scripts.site_tree import load_site_tree
from scripts.trim_stdlib import STDLIB

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("run_bridge.mjs")
HOSTILE_LINKS = [
    "<script>alert(1)</script>",
    "legal-triggers=<img src=x onerror=alert(1)>",
    "a" * 100_000,
    "legal-triggers=none&nope=nope&already-said=carrier-pigeon",
    "&&&===",
]


def engine_cases(tree_slug: str = DEFAULT_SLUG) -> list[dict[str, Any]]:
    tree = load_site_tree(ROOT / "docs")
    cases: list[dict[str, Any]] = [{"op": "open", "link": ""}, {"op": "start", "link": ""}]
    for answers, _outcome, _verdict in path_rows(tree):
        pairs = answers.split("&")
        for n, pair in enumerate(pairs):
            link = "&".join(pairs[:n])
            cases.append({"op": "answer", "link": link, "option": pair.split("=")[1]})
        cases.append({"op": "open", "link": answers})
        cases.append({"op": "back", "link": answers})
    cases += [{"op": "open", "link": link} for link in HOSTILE_LINKS]
    cases += [{"op": "answer", "link": "", "option": "<b>no</b>"}, {"op": "explode"}]
    # Every reachable step, opened by its canonical link, for the byte-for-byte comparison.
    cases += [{"op": "open", "link": link} for link in reachable_links(tree)]
    cases += [
        {
            "op": "record",
            "link": answers,
            "page": "https://kb.example/decide/",
            "date": "2026-11-27",
        }
        for answers, _o, _v in path_rows(tree)[:3]
    ]
    return [{"tree": tree_slug, "site": DECIDE_TO_ROOT, **case} for case in cases]


def reachable_links(tree: Tree) -> list[str]:
    """The canonical link of every step a walk can reach."""
    links = {""}
    for step in paths(tree):
        links |= {encode(step.answers[:n]) for n in range(len(step.answers) + 1)}
    return sorted(links)


@pytest.fixture(scope="module", params=["wheel", "snapshot"])
def pyodide_run(built_site: Path, request: pytest.FixtureRequest) -> dict[str, Any]:
    """The cases run by the wheel loaded by name, and by the build's memory snapshot."""
    cases = engine_cases()
    package = built_site / SITE_DIR
    start = (
        ["--snapshot", str(package / SNAPSHOT_MANIFEST)]
        if request.param == "snapshot"
        else [str(package / STDLIB)]
    )
    result = subprocess.run(
        ["node", str(RUNNER), str(package / "pyodide-lock.json"), *start],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return {"cases": cases, **json.loads(result.stdout)}


def test_wheel_runs_compiled_bytecode_on_pyodides_python(pyodide_run: dict[str, Any]) -> None:
    assert pyodide_run["python"].startswith("3.13.")
    assert pyodide_run["compiled"] is True


def test_pyodide_gives_the_same_step_as_cpython_for_every_case(
    pyodide_run: dict[str, Any],
) -> None:
    tree = load_site_tree(ROOT / "docs")
    expected = [
        {"ok": True, **respond(case, tree=tree)}
        if case["op"] == "record"
        else {"ok": True, "step": respond(case, tree=tree)}
        for case in pyodide_run["cases"]
    ]
    assert len(pyodide_run["responses"]) == len(expected) > 100
    for case, got, want in zip(
        pyodide_run["cases"], pyodide_run["responses"], expected, strict=True
    ):
        assert got == want, case


def test_every_path_ends_at_its_golden_outcome_in_pyodide(pyodide_run: dict[str, Any]) -> None:
    outcomes = {
        (c["link"]): r["step"]
        for c, r in zip(pyodide_run["cases"], pyodide_run["responses"], strict=True)
        if c["op"] == "open"
    }
    tree = load_site_tree(ROOT / "docs")
    for answers, outcome, _verdict in path_rows(tree):
        assert outcomes[answers]["kind"] == "outcome"
        assert outcomes[answers]["outcome"]["id"] == outcome


def test_every_reachable_step_renders_in_pyodide_exactly_as_the_build_prerendered_it(
    pyodide_run: dict[str, Any], built_site: Path
) -> None:
    steps = json.loads((built_site / STEPS_DIR / f"{DEFAULT_SLUG}.json").read_text("utf-8"))

    def prerendered(link: str) -> str:
        node = steps["root"]
        for part in filter(None, link.split("/")):
            node = node["n"][part]
        return "".join(steps["fragments"][i] for i in node["p"])

    compared = 0
    for case, response in zip(pyodide_run["cases"], pyodide_run["responses"], strict=True):
        if case["op"] == "open" and "=" not in case["link"] and response["ok"]:
            step = response["step"]
            if step["ignored"]:
                continue  # a hostile or stale link: not a pre-rendered step
            assert step["html"] == prerendered(step["permalink"]), case["link"]
            compared += 1
    tree = load_site_tree(ROOT / "docs")
    assert compared >= len(reachable_links(tree)) > 400


def test_the_decision_record_is_made_in_pyodide(pyodide_run: dict[str, Any]) -> None:
    records = [
        r
        for c, r in zip(pyodide_run["cases"], pyodide_run["responses"], strict=True)
        if c["op"] == "record"
    ]
    assert len(records) == 3
    for response in records:
        assert response["ok"] and response["record"].startswith("# Decision record: ")
        assert "https://kb.example/decide/#/" in response["record"]
