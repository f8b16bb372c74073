"""The guided questions on the defection-cascade model (chapters 4 and 6) have the keys that the
model gives with the settings each prompt states, and the numbers their explanations quote."""

from __future__ import annotations

import nbformat
import pytest

from bookquiz.cascade.model import run, smallest_drop_that_tips, smallest_initial_that_tips
from coupbook.quizzes import bank, quiz_parts

from .test_notebooks import ROOT


def key_of(question) -> str:
    (key,) = [o.id for o in question.options if o.correct]
    return key


def news(result) -> list[int]:
    return [r.new for r in result.rounds]


def whole(answer: float) -> int:
    assert answer == int(answer), "the model's settings are whole numbers"
    return int(answer)


def check_tipping_share(q):
    share = whole(q.answer)
    assert share == smallest_initial_that_tips(centre=30, spread=10) and q.tolerance == 0
    below, at = run(centre=30, spread=10, initial=share - 1), run(centre=30, spread=10, initial=share)
    assert (below.defected, below.last_round) == (10, 2) and (at.defected, at.last_round) == (100, 12)


def check_spread(q):
    narrow, wide = run(centre=30, spread=10, initial=5), run(centre=30, spread=15, initial=5)
    assert narrow.outcome == "stalled" and narrow.defected == 6
    assert wide.everyone
    assert key_of(q) == "tips"


def check_slow_start(q):
    result = run(centre=30, spread=10, initial=10)
    moved = news(result)[1:]
    assert moved == [2, 2, 1, 2, 3, 5, 14, 46, 15]  # the numbers the explanation quotes
    assert result.rounds[6].defected == 25 and result.everyone
    slow, last_two = moved[:6], moved[-2:]
    assert max(slow) <= 5 and sum(last_two) > 50  # a few a round, then most in two rounds
    assert key_of(q) == "slow-then-sudden"


def check_broadcast_drop(q):
    settings = {"centre": 35, "spread": 10, "initial": 10}
    stalled = run(**settings)
    assert stalled.outcome == "stalled" and stalled.last_round == 1  # "stalls after round 1"
    drop = whole(q.answer)
    assert drop == smallest_drop_that_tips(**settings, signal_round=2) and q.tolerance == 0
    weaker = run(**settings, signal=True, signal_drop=drop - 1, signal_round=2)
    enough = run(**settings, signal=True, signal_drop=drop, signal_round=2)
    assert weaker.defected == 14 and enough.everyone and enough.last_round == 10


def check_top_outside(q):
    top, outside = run(centre=35, spread=10, initial=20), run(centre=35, spread=10, initial=5)
    assert top.everyone and top.last_round == 4
    assert outside.outcome == "stalled" and outside.defected == 5  # stalls where it began
    assert key_of(q) == "top-tips"


CHECKS = {
    ("ch04", "cascade-tipping-share"): check_tipping_share,
    ("ch04", "cascade-spread"): check_spread,
    ("ch04", "cascade-slow-start"): check_slow_start,
    ("ch06", "cascade-broadcast-drop"): check_broadcast_drop,
    ("ch06", "cascade-top-outside"): check_top_outside,
}


@pytest.mark.parametrize(("bank_id", "question_id"), list(CHECKS), ids=[q for _, q in CHECKS])
def test_key_follows_from_the_model(bank_id, question_id):
    CHECKS[bank_id, question_id](bank(bank_id).question(question_id))


def test_every_cascade_question_is_checked_and_shown_next_to_the_model():
    for bank_id, page in [("ch04", "04_wagner_mutiny"), ("ch06", "06_telling_them_apart")]:
        ids = {q.id for q in bank(bank_id).questions if q.id.startswith("cascade-")}
        assert ids == {q for b, q in CHECKS if b == bank_id}
        nb = nbformat.read(ROOT / "chapters" / f"{page}.ipynb", as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        widget = next(n for n, source in enumerate(code) if "Cascade(" in source)
        (practice,) = [p for p in quiz_parts(bank_id) if p.practice]
        assert set(practice.questions) == ids, "the practice quiz asks the guided questions"
        assert f'chapter_quiz("{bank_id}", part="practice")' in code[widget + 1], "it follows the model"
        assert f'chapter_quiz("{bank_id}")' in code[-1], "the chapter's own quiz leaves them out"
