"""Shared helpers for the engine tests: the real tree, the sample tree, and random valid trees.

Paths in problems are reported as given, so tests that compare `file:line: message` strings
run from the project root (the `project_root` fixture) and pass rootdir-relative paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import strategies as st

from decision_tree import engine
from decision_tree.model import Link, Option, Outcome, Question, Tree, Verdict
from decision_tree.permalink import encode_pairs as encode
from decision_tree.shipped import DEFAULT_SLUG, TREES_DIR, load_by_slug

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_TREES = ROOT / "tests" / "fixtures" / "trees"
DOCS = ROOT / "docs"
REAL_TREE = (DEFAULT_SLUG, TREES_DIR)
SAMPLE_TREE = ("sample", FIXTURE_TREES)


@cache
def _load(which: tuple[str, Path]) -> Tree:
    slug, trees_dir = which
    return load_by_slug(slug, docs_dir=DOCS, trees_dir=trees_dir)


@pytest.fixture
def project_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the project root, so relative paths match the reported ones."""
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.fixture(scope="session")
def real_tree() -> Tree:
    """The shipped tree, loaded and validated with its guidance links checked against docs/."""
    return _load(REAL_TREE)


@pytest.fixture(scope="session")
def sample_tree() -> Tree:
    return _load(SAMPLE_TREE)


@pytest.fixture(scope="session")
def real_paths(real_tree: Tree) -> list[engine.Step]:
    return list(engine.paths(real_tree))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize per node of the real tree, so a failure names the question or option."""
    names = set(metafunc.fixturenames)
    if not names & {"real_question_id", "real_option", "real_outcome_id", "real_walk"}:
        return
    tree = _load(REAL_TREE)
    if "real_question_id" in names:
        metafunc.parametrize("real_question_id", list(tree.questions))
    if "real_option" in names:
        pairs = [(q.id, o.id) for q in tree.questions.values() for o in q.options]
        metafunc.parametrize("real_option", pairs, ids=[f"{q}={o}" for q, o in pairs])
    if "real_outcome_id" in names:
        metafunc.parametrize("real_outcome_id", list(tree.outcomes))
    if "real_walk" in names:
        walks = [encode(step.answers) for step in engine.paths(tree)]
        metafunc.parametrize("real_walk", walks, ids=walks)


def steps_at(tree: Tree) -> Iterator[engine.Step]:
    """Every step of every path, from the start question to the outcome, in path order."""
    for path in engine.paths(tree):
        for i in range(len(path.answers) + 1):
            yield engine.replay(tree, path.answers[:i])


@pytest.fixture(scope="session")
def question_steps(real_tree: Tree) -> dict[str, engine.Step]:
    """For each question of the real tree, the first step (depth first) that asks it."""
    found: dict[str, engine.Step] = {}
    for step in steps_at(real_tree):
        if not step.is_outcome:
            found.setdefault(step.node.id, step)
    return found


# Random valid trees -------------------------------------------------------------------------

ID_PART = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=4)
RICH_IDS = st.lists(ID_PART, min_size=1, max_size=3).map("-".join)
ID_POOL = [
    "a",
    "b",
    "z",
    "0",
    "9",
    "yes",
    "no",
    "not-sure",
    "on-record",
    "x1",
    "a-b-c",
    "q2",
    "dont-talk",
    "start",
    "next",
    "12",
    "end",
    "maybe",
    "e2e",
    "id",
    "null",
    "true",
]
PLAIN_IDS = st.sampled_from(ID_POOL)
# any printable text, as the loader keeps it (stripped, not empty): slow to generate, so only
# for the round-trip tests; walks do not depend on the wording
RICH_TEXTS = (
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
PLAIN_TEXTS = st.sampled_from(["Yes", "No", "Why?", 'It\'s "on" background: 100%', "é ü"])
PAGES = ["guidance/attribution-levels.md", "guidance/ground-rules.md#example-wording"]
MAX_OPTIONS = 4


@st.composite
def valid_trees(
    draw: st.DrawFn,
    texts: st.SearchStrategy[str] = PLAIN_TEXTS,
    ids: st.SearchStrategy[str] = PLAIN_IDS,
) -> Tree:
    """A random tree that validate() must accept: questions in a fixed order, each with 2-4
    options leading only to later questions or to outcomes, every node reachable."""
    optional_texts = st.one_of(st.just(""), texts)
    n_questions = draw(st.integers(1, 6))
    n_outcomes = draw(st.integers(1, min(6, (MAX_OPTIONS - 1) * n_questions + 1)))
    node_ids = draw(
        st.lists(
            ids, min_size=n_questions + n_outcomes, max_size=n_questions + n_outcomes, unique=True
        )
    )
    question_ids, outcome_ids = node_ids[:n_questions], node_ids[n_questions:]
    # a spanning tree first: every node but the start gets an earlier question as parent
    children: list[list[str]] = [[] for _ in question_ids]
    for index, node_id in enumerate(question_ids[1:] + outcome_ids, start=1):
        earlier = range(min(index, n_questions))
        parent = draw(st.sampled_from([i for i in earlier if len(children[i]) < MAX_OPTIONS]))
        children[parent].append(node_id)
    questions: dict[str, Question] = {}
    for index, question_id in enumerate(question_ids):
        forced = children[index]
        count = draw(st.integers(max(2, len(forced)), MAX_OPTIONS))
        later = question_ids[index + 1 :] + outcome_ids
        extra = draw(
            st.lists(
                st.sampled_from(later), min_size=count - len(forced), max_size=count - len(forced)
            )
        )
        targets = draw(st.permutations(forced + extra))
        option_ids = draw(st.lists(ids, min_size=count, max_size=count, unique=True))
        options = tuple(
            Option(id=option_id, label=draw(texts), next=target, note=draw(optional_texts))
            for option_id, target in zip(option_ids, targets, strict=True)
        )
        questions[question_id] = Question(
            id=question_id, prompt=draw(texts), options=options, help=draw(optional_texts)
        )
    verdicts = {
        verdict_id: Verdict(id=verdict_id, label=draw(texts), severe=draw(st.booleans()))
        for verdict_id in draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    }
    outcomes = {
        outcome_id: Outcome(
            id=outcome_id,
            verdict=draw(st.sampled_from(list(verdicts.values()))),
            title=draw(texts),
            short=draw(texts),
            first=draw(texts),
            body=draw(texts),
            ground_rules=tuple(draw(st.lists(texts, min_size=1, max_size=3))),
            links=tuple(
                Link(page=draw(st.sampled_from(PAGES)), title=draw(texts))
                for _ in range(draw(st.integers(1, 2)))
            ),
        )
        for outcome_id in outcome_ids
    }
    return Tree(
        slug=draw(ids),
        title=draw(texts),
        description=draw(texts),
        start=question_ids[0],
        verdicts=verdicts,
        questions=questions,
        outcomes=outcomes,
    )


@pytest.fixture(scope="session")
def tree_strategy() -> st.SearchStrategy[Tree]:
    """For `@given(data=st.data())` tests: `tree = data.draw(tree_strategy)`."""
    return valid_trees()


@pytest.fixture(scope="session")
def rich_tree_strategy() -> st.SearchStrategy[Tree]:
    """Random valid trees whose texts are any printable Unicode, for round-trip tests."""
    return valid_trees(texts=RICH_TEXTS, ids=RICH_IDS)
