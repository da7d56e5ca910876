"""The walk over the real tree: each option leads where the tree says, back undoes one answer,
bad answers raise InvalidAnswer, and paths() covers every walk exactly once."""

from __future__ import annotations

import pytest

from decision_tree import engine
from decision_tree.errors import DecisionTreeError, InvalidAnswer
from decision_tree.model import Answer, Outcome, Question, Tree
from decision_tree.permalink import encode_pairs as encode


def all_walks(
    tree: Tree, node_id: str, prefix: tuple[Answer, ...] = ()
) -> list[tuple[Answer, ...]]:
    """Every walk, enumerated independently of engine.paths()."""
    question = tree.questions.get(node_id)
    if question is None:
        return [prefix]
    return [
        walk
        for option in question.options
        for walk in all_walks(tree, option.next, (*prefix, Answer(question.id, option.id)))
    ]


def test_start_is_the_start_question_with_no_reasons(real_tree: Tree) -> None:
    step = engine.start(real_tree)
    assert step.node.id == real_tree.start and step.reasons == () and not step.is_outcome


def test_every_question_is_reached_by_some_walk(real_tree: Tree, question_steps: dict) -> None:
    assert set(question_steps) == set(real_tree.questions)


def test_answer_moves_to_the_node_the_option_names(
    real_tree: Tree, question_steps: dict[str, engine.Step], real_option: tuple[str, str]
) -> None:
    question_id, option_id = real_option
    step = question_steps[question_id]
    option = real_tree.questions[question_id].option(option_id)
    assert option is not None
    after = engine.answer(real_tree, step, option_id)
    assert after.node.id == option.next
    assert after.node is real_tree.node(option.next)
    assert after.is_outcome == (option.next in real_tree.outcomes)
    assert after.answers == (*step.answers, Answer(question_id, option_id))
    assert after.reasons[-1] == engine.Reason(real_tree.questions[question_id], option)


def test_answer_does_not_change_the_step_it_was_given(
    real_tree: Tree, question_steps: dict[str, engine.Step], real_question_id: str
) -> None:
    step = question_steps[real_question_id]
    before = (step.node, step.reasons)
    for option in real_tree.questions[real_question_id].options:
        engine.answer(real_tree, step, option.id)
    assert (step.node, step.reasons) == before


def test_back_returns_the_previous_step(
    real_tree: Tree, question_steps: dict[str, engine.Step], real_option: tuple[str, str]
) -> None:
    question_id, option_id = real_option
    step = question_steps[question_id]
    assert engine.back(real_tree, engine.answer(real_tree, step, option_id)) == step


def test_back_at_the_start_stays_at_the_start(real_tree: Tree) -> None:
    assert engine.back(real_tree, engine.start(real_tree)) == engine.start(real_tree)


def test_back_from_every_outcome_of_every_path_undoes_one_answer(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    for step in real_paths:
        previous = engine.back(real_tree, step)
        assert previous.answers == step.answers[:-1]
        assert previous.node is step.reasons[-1].question


@pytest.mark.parametrize("bad", ["no-such-option", "", "YES", "not-yet ", "<script>", "已"])
def test_unknown_option_raises_invalid_answer(
    real_tree: Tree, question_steps: dict[str, engine.Step], real_question_id: str, bad: str
) -> None:
    with pytest.raises(InvalidAnswer, match=f"question '{real_question_id}'"):
        engine.answer(real_tree, question_steps[real_question_id], bad)


def test_option_of_another_question_raises_invalid_answer(
    real_tree: Tree, question_steps: dict[str, engine.Step], real_question_id: str
) -> None:
    here = {o.id for o in real_tree.questions[real_question_id].options}
    elsewhere = {o.id for q in real_tree.questions.values() for o in q.options} - here
    assert elsewhere
    for option_id in sorted(elsewhere):
        with pytest.raises(InvalidAnswer):
            engine.answer(real_tree, question_steps[real_question_id], option_id)


def test_answering_at_an_outcome_raises_invalid_answer(
    real_tree: Tree, real_paths: list[engine.Step], real_outcome_id: str
) -> None:
    step = next(s for s in real_paths if s.node.id == real_outcome_id)
    for option_id in ("not-yet", "yes", ""):
        with pytest.raises(InvalidAnswer, match="outcome"):
            engine.answer(real_tree, step, option_id)


def test_a_bad_answer_is_caught_as_the_engines_own_error(
    real_tree: Tree, question_steps: dict[str, engine.Step]
) -> None:
    # Callers (the CLI, the bridge) catch DecisionTreeError alone: a bad answer must be one,
    # with a message that names the question, and never a KeyError or ValueError.
    with pytest.raises(DecisionTreeError, match=f"question '{real_tree.start}'"):
        engine.answer(real_tree, question_steps[real_tree.start], "no-such-option")


def test_replay_rejects_an_answer_to_a_question_not_asked_here(real_tree: Tree) -> None:
    later = next(q for q in real_tree.questions.values() if q.id != real_tree.start)
    with pytest.raises(InvalidAnswer, match=f"'{later.id}' is not asked"):
        engine.replay(real_tree, [Answer(later.id, later.options[0].id)])


def test_paths_yields_every_walk_exactly_once(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    walks = [step.answers for step in real_paths]
    assert len(walks) == len(set(walks))
    assert walks == all_walks(real_tree, real_tree.start)  # depth first, in option order


def test_every_path_ends_at_an_outcome_and_replays_to_it(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    for step in real_paths:
        assert isinstance(step.node, Outcome) and step.is_outcome
        assert engine.replay(real_tree, step.answers) == step


def test_paths_visit_only_questions_before_the_end(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    for step in real_paths:
        assert all(isinstance(reason.question, Question) for reason in step.reasons)
        assert step.reasons[0].question.id == real_tree.start


def test_every_outcome_is_reached_by_at_least_one_path(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    assert {step.node.id for step in real_paths} == set(real_tree.outcomes)


def test_paths_come_depth_first_in_option_order(sample_tree: Tree) -> None:
    assert [(encode(s.answers), s.node.id) for s in engine.paths(sample_tree)] == [
        ("said=yes", "too-late"),
        ("said=no&want=no", "dont-talk"),
        ("said=no&want=yes&rules=yes", "on-record"),
        ("said=no&want=yes&rules=no", "on-record"),
    ]


def test_reasons_carry_each_option_note_in_order(
    real_tree: Tree, real_paths: list[engine.Step]
) -> None:
    for step in real_paths:
        node_id, notes = real_tree.start, []
        for given in step.answers:
            option = real_tree.questions[node_id].option(given.option_id)
            assert option is not None
            notes.append(option.note)
            node_id = option.next
        assert [reason.option.note for reason in step.reasons] == notes
        assert [reason.question.id for reason in step.reasons] == [
            a.question_id for a in step.answers
        ]


def test_a_known_walk_explains_itself(sample_tree: Tree) -> None:
    step = engine.start(sample_tree)
    for option_id in ("no", "yes", "no"):
        step = engine.answer(sample_tree, step, option_id)
    assert step.node.id == "on-record"
    assert [(r.question.id, r.option.id, r.option.note) for r in step.reasons] == [
        ("said", "no", ""),
        ("want", "yes", ""),
        ("rules", "no", "Without agreed rules, everything is on the record."),
    ]
