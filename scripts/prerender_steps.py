"""Every reachable step of a tree, rendered at build time by the engine's own renderer
(decision_tree.render), so a shared link shows its step at first paint, with or without
WebAssembly, and answers move through pre-rendered steps before the engine is ready.

One compact JSON file per tree: each distinct HTML part once (`fragments`), and the steps as
a tree keyed by option id from the first question (`root`: {"p": [part indexes], "n":
{option id: next step}}), which is exactly the canonical link read left to right.

`python -m scripts.prerender_steps OUT_DIR [SITE]` writes `<slug>.json` for the site's tree.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from decision_tree.engine import Step, answer, start
from decision_tree.model import Question, Tree
from decision_tree.render import step_parts
from decision_tree.views import step_view
from scripts.site_tree import load_site_tree

FORMAT = 1
STEPS_DIR = "assets/walkthrough"
# The decide page is served at decide/, one level below the site's root: the steps' links
# are relative to it, in the build and in the browser's engine alike.
DECIDE_TO_ROOT = "../"


def prerendered_steps(tree: Tree, site: str) -> dict[str, Any]:
    fragments: list[str] = []
    index: dict[str, int] = {}

    def part(html: str) -> int:
        if html not in index:
            index[html] = len(fragments)
            fragments.append(html)
        return index[html]

    def node(step: Step) -> dict[str, Any]:
        entry: dict[str, Any] = {"p": [part(p) for p in step_parts(step_view(tree, step), site)]}
        if isinstance(step.node, Question):
            entry["n"] = {o.id: node(answer(tree, step, o.id)) for o in step.node.options}
        return entry

    return {
        "format": FORMAT,
        "tree": tree.slug,
        "site": site,
        "fragments": fragments,
        "root": node(start(tree)),
    }


def write_steps(tree: Tree, out_dir: Path, site: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{tree.slug}.json"
    data = prerendered_steps(tree, site)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder to write <slug>.json into")
    parser.add_argument(
        "site", nargs="?", default=DECIDE_TO_ROOT, help="path from the decide page to the root"
    )
    args = parser.parse_args(argv)
    tree = load_site_tree(Path("docs"))
    target = write_steps(tree, args.out_dir, args.site)
    print(f"{target}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
