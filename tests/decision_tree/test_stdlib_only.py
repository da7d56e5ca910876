"""The engine runs on the standard library alone (as it must in Pyodide): importing it pulls in
nothing else, PyYAML only loads when a YAML file is read, and a compiled tree walks without it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from decision_tree.compiled import to_data
from decision_tree.model import Tree

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, stdin: str = "") -> dict:
    """Run `code` in a fresh interpreter from the project root; it prints one JSON object."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


IMPORT_EVERYTHING = """
    import importlib, json, pkgutil, sys
    before = set(sys.modules)
    import decision_tree
    names = sorted(m.name for m in pkgutil.iter_modules(decision_tree.__path__, "decision_tree.")
                   if m.name != "decision_tree.__main__")  # that one runs the CLI
    for name in names:
        importlib.import_module(name)
    new = {m.split(".")[0] for m in set(sys.modules) - before}
    outside = sorted(new - set(sys.stdlib_module_names) - {"decision_tree"})
    print(json.dumps({"modules": names, "outside": outside, "yaml": "yaml" in sys.modules,
                      "file": decision_tree.__file__}))
"""


def test_importing_every_module_pulls_in_only_the_standard_library() -> None:
    report = run_python(IMPORT_EVERYTHING)
    assert Path(report["file"]).resolve() == ROOT / "decision_tree" / "__init__.py"
    expected = {
        "bridge",
        "compiled",
        "engine",
        "errors",
        "loader",
        "model",
        "permalink",
        "validate",
        "views",
    }
    assert expected <= {name.removeprefix("decision_tree.") for name in report["modules"]}
    assert report["outside"] == []


def test_importing_the_loader_does_not_import_yaml() -> None:
    report = run_python(IMPORT_EVERYTHING)
    assert "decision_tree.loader" in report["modules"]
    assert report["yaml"] is False


def test_the_import_check_would_notice_a_third_party_module() -> None:
    # guards the check above: the same bookkeeping does see yaml once it is imported
    report = run_python(
        IMPORT_EVERYTHING.replace(
            "import decision_tree\n", "import decision_tree\n    import yaml\n"
        )
    )
    assert "yaml" in report["outside"]


WALK_WITHOUT_YAML = """
    import json, sys

    class Blocked:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"yaml", "_yaml", "markdown"}:
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, Blocked())
    try:
        import yaml
        blocked = False
    except ImportError:
        blocked = True

    from decision_tree import bridge, compiled, engine, permalink

    tree = compiled.from_data(json.load(sys.stdin))
    links = [permalink.encode(step.answers) for step in engine.paths(tree)]
    first = bridge.respond({"op": "open", "link": ""}, tree=tree)
    step = first
    while step["kind"] == "question":
        step = bridge.respond({"op": "answer", "link": step["permalink"],
                               "option": step["question"]["options"][-1]["id"]}, tree=tree)
    ends = [bridge.respond({"op": "open", "link": link}, tree=tree) for link in links]
    back = bridge.respond({"op": "back", "link": step["permalink"]}, tree=tree)
    print(json.dumps({"blocked": blocked, "first": first, "last": step, "back": back,
                      "ends": [[e["kind"], e["outcome"]["id"], e["ignored"]] for e in ends],
                      "yaml": "yaml" in sys.modules, "markdown": "markdown" in sys.modules}))
"""


def test_compiled_tree_walks_through_the_bridge_with_yaml_blocked(real_tree: Tree) -> None:
    report = run_python(WALK_WITHOUT_YAML, stdin=json.dumps(to_data(real_tree)))
    assert report["blocked"] is True
    assert report["yaml"] is False and report["markdown"] is False
    assert report["first"]["kind"] == "question"
    assert report["first"]["question"]["id"] == real_tree.start
    assert report["last"]["kind"] == "outcome"
    assert report["back"]["kind"] == "question"
    assert report["back"]["permalink"] == "/".join(report["last"]["permalink"].split("/")[:-1])
    from decision_tree import engine

    assert report["ends"] == [["outcome", s.node.id, []] for s in engine.paths(real_tree)]
