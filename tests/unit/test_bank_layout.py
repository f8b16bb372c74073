"""Option order carries no information: shuffled for display, seeded by bank and question id,
with the key's position close to uniform across the course's banks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bookquiz import Quiz, load_bank
from bookquiz.layout import displayed, key_slots

ROOT = Path(__file__).resolve().parents[2]
COURSE = sorted((ROOT / "data" / "quizzes").glob("*.yaml"))
FIXTURE = load_bank(ROOT / "tests" / "fixtures" / "banks" / "all_types.yaml")
# Chi-square critical values at p = 0.001 by degrees of freedom: a fair layout fails this about
# once in a thousand; a layout that favours a position fails it almost always.
CHI2_999 = {1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47, 5: 20.52, 6: 22.46, 7: 24.32, 8: 26.12, 9: 27.88}


def chi_square(counts: list[int]) -> float:
    expected = sum(counts) / len(counts)
    return sum((c - expected) ** 2 / expected for c in counts)


def key_positions(banks) -> dict[int, Counter]:
    """{number of options: Counter of the key's display position} over single-choice questions."""
    by_size: dict[int, Counter] = {}
    for bank in banks:
        for question in displayed(bank):
            if question.type == "single":
                size = len(question.options)
                by_size.setdefault(size, Counter())[next(n for n, o in enumerate(question.options) if o.correct)] += 1
    return by_size


def test_order_is_stable_and_the_same_in_every_quiz_of_the_bank():
    assert Quiz(FIXTURE).questions == Quiz(FIXTURE).questions
    assert Quiz(FIXTURE, ["single-q"]).questions[0] == Quiz(FIXTURE).questions[0]


def test_key_slots_are_spread_evenly_within_a_bank():
    questions = [
        {"id": f"q{n}", "type": "single", "prompt": "p", "explanation": "e", "source": "s",
         "options": [{"id": "k", "text": "key", "correct": True}]
         + [{"id": f"d{i}", "text": f"distractor {i}", "misconception": "m"} for i in range(3)]}
        for n in range(12)
    ]  # fmt: skip
    from bookquiz import parse_bank

    bank = parse_bank({"bank": "b", "title": "t", "questions": questions})
    assert sorted(Counter(key_slots(bank).values()).values()) == [3, 3, 3, 3]
    assert Counter(key_positions([bank])[4].values()) == Counter({3: 4})


@pytest.mark.skipif(not COURSE, reason="no banks in data/quizzes")
def test_key_position_across_the_course_is_close_to_uniform():
    by_size = key_positions([load_bank(p) for p in COURSE])
    assert by_size, "the course has no single-choice questions"
    statistic = sum(chi_square([counter[i] for i in range(size)]) for size, counter in by_size.items())
    freedom = sum(size - 1 for size in by_size)
    limit = CHI2_999.get(freedom, freedom + 4 * (2 * freedom) ** 0.5)  # about p = 0.001 beyond the table
    assert statistic <= limit, (
        f"key positions are not uniform: {dict(by_size)} (chi-square {statistic:.1f} on {freedom} df)"
    )


@pytest.mark.skipif(not COURSE, reason="no banks in data/quizzes")
def test_multiple_select_keys_are_not_all_first():
    first_block = total = 0
    for bank in (load_bank(p) for p in COURSE):
        for question in displayed(bank):
            if question.type == "multiple":
                flags = [o.correct for o in question.options]
                total += 1
                first_block += flags == sorted(flags, reverse=True)
    assert total == 0 or first_block <= max(1, total // 3), f"{first_block} of {total} list every key first"


def test_classify_categories_are_shuffled_but_complete():
    question = next(q for q in displayed(FIXTURE) if q.type == "classify")
    original = FIXTURE.question("classify-q")
    assert sorted(c.id for c in question.categories) == sorted(c.id for c in original.categories)
