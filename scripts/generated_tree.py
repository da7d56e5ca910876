"""A valid tree of any size, written as YAML, for the benchmark and the validator's tests.

python -m scripts.generated_tree NODES > generated.yaml
"""

from __future__ import annotations

import argparse
import sys


def generated_tree_yaml(nodes: int, branching: int = 3) -> str:
    """A valid tree of `nodes` nodes at the validator's limits: up to 100 questions in a
    heap (each leading to `branching` later questions), every other option of each question
    leading to an answer of its own, at most 12 options a question."""
    from decision_tree.validate import MAX_OPTIONS, MAX_QUESTIONS

    questions = min(MAX_QUESTIONS, max(1, nodes // 10))
    outcomes = nodes - questions
    lines = [
        "slug: generated",
        "title: Generated",
        "description: Generated for the benchmark and the tests.",
        "start: q0",
        "verdicts: [{id: on-the-record, label: Stay on the record}]",
        "questions:",
    ]
    outcome_ids: list[str] = []
    for index in range(questions):
        children = [
            f"q{c}"
            for c in range(branching * index + 1, branching * index + branching + 1)
            if c < questions
        ]
        room = MAX_OPTIONS - len(children)
        share = min(
            room, max(2 - len(children), -(-(outcomes - len(outcome_ids)) // (questions - index)))
        )
        ends = [f"o{len(outcome_ids) + n}" for n in range(max(0, share))]
        outcome_ids += ends
        lines += [f"  - id: q{index}", f"    prompt: Question q{index}?", "    options:"]
        lines += [
            f"      - {{id: a{n}, label: Option {n}, next: {target}}}"
            for n, target in enumerate(children + ends)
        ]
    lines.append("outcomes:")
    for outcome in outcome_ids:
        lines += outcome_yaml(outcome)
    return "\n".join(lines) + "\n"


def outcome_yaml(outcome_id: str) -> list[str]:
    """The lines of a minimal valid outcome, as an item of a tree file's `outcomes:` list."""
    return [
        f"  - id: {outcome_id}",
        "    verdict: on-the-record",
        "    title: T",
        "    short: S",
        "    first: F",
        "    body: B",
        "    ground_rules: [R]",
        "    links: [{page: index.md, title: Home}]",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("nodes", type=int, help="how many questions and answers")
    parser.add_argument("--branching", type=int, default=3, help="questions after each")
    args = parser.parse_args(argv)
    sys.stdout.write(generated_tree_yaml(args.nodes, args.branching))
    return 0


if __name__ == "__main__":
    sys.exit(main())
