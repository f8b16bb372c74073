"""Helpers for the class-results tests: answer files (version 2) written by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bookquiz import load_bank, parse_bank

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
BANK = load_bank(FIXTURES / "all_types.yaml")
OPEN_BANK = parse_bank(
    {
        "bank": "fixture-open",
        "title": "Fixture: open answers",
        "questions": [
            {
                "id": "essay",
                "type": "open",
                "prompt": "Why was the Wagner march not a coup?",
                "model_answer": "Prigozhin targeted the military leadership, not the sitting executive.",
                "criteria": ["Names the target", "Names the position", "Uses a source"],
                "source": "Course synthesis",
            }
        ],
    },
    "fixture-open",
)
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def stamp(minutes: int = 0) -> str:
    return (START + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


def tries(*responses, revealed: bool = False, correct=None) -> dict:
    """A version 2 entry: one attempt per response, a minute apart; optionally shown afterwards."""
    attempts = [{"response": r, "correct": correct, "at": stamp(n)} for n, r in enumerate(responses)]
    return {"attempts": attempts, "revealed": revealed, "revealed_at": stamp(len(responses)) if revealed else None}


def document(learner_id: str, name: str, banks: dict, *, exported: int = 60, namespace: str | None = None) -> dict:
    from coupbook.quizzes import NAMESPACE

    return {
        "format": "bookquiz-answers",
        "version": 2,
        "namespace": namespace or NAMESPACE,
        "learner": {"id": learner_id, "name": name},
        "exported_at": stamp(exported),
        "banks": banks,
    }


def write(folder: Path, file_name: str, learner_id: str, name: str, answers: dict, **kwargs) -> Path:
    """Write one learner's file; ``answers`` maps question ids of BANK (or 'bank/question') to entries."""
    banks: dict[str, dict] = {}
    for key, value in answers.items():
        bank, _, question = key.rpartition("/")
        banks.setdefault(bank or BANK.bank, {})[question] = value
    path = folder / file_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document(learner_id, name, banks, **kwargs)), encoding="utf-8")
    return path


# The tiny class of test_item_analysis.py (its docstring computes the statistics by hand).
CHOICES = [
    {"id": "a", "text": "Right", "correct": True},
    {"id": "b", "text": "Tempting", "misconception": "m"},
    {"id": "c", "text": "Unused", "misconception": "m"},
]
TINY = parse_bank(
    {
        "bank": "tiny",
        "title": "Tiny",
        "questions": [
            {"id": "easy", "type": "single", "prompt": "Easy?", "options": CHOICES, "explanation": "e", "source": "s"},
            {"id": "q1", "type": "single", "prompt": "Q1?", "options": CHOICES, "explanation": "e", "source": "s"},
            {"id": "q2", "type": "truefalse", "prompt": "Q2?", "answer": True, "misconception": "m",
             "explanation": "e", "source": "s"},
            {"id": "q3", "type": "multiple", "prompt": "Q3?", "explanation": "e", "source": "s",
             "options": [{"id": "x", "text": "X", "correct": True}, {"id": "y", "text": "Y", "correct": True},
                         {"id": "z", "text": "Z", "misconception": "m"}]},
            {"id": "q4", "type": "classify", "prompt": "Q4?", "explanation": "e", "source": "s",
             "categories": [{"id": "ca", "label": "Cat A"}, {"id": "cb", "label": "Cat B"},
                            {"id": "cc", "label": "Cat C"}],
             "items": [{"id": "i1", "text": "Item 1", "category": "ca", "why": "w"},
                       {"id": "i2", "text": "Item 2", "category": "cb", "why": "w"}]},
            {"id": "essay", "type": "open", "prompt": "Why?", "model_answer": "Because.", "source": "s",
             "criteria": ["one", "two", "three"]},
        ],
    },
    "tiny",
)  # fmt: skip
RIGHT = {"i1": "ca", "i2": "cb"}
ESSAY = "All three hold: insiders acted, against the executive, and held power for days."
TINY_LEARNERS = {
    "L1": {"easy": tries("a"), "q1": tries("b", "a"), "q2": tries(True), "q3": tries(["x", "y"]),
           "q4": tries(RIGHT), "essay": tries({"text": ESSAY, "met": [0, 1, 2], "assessed": True})},
    "L2": {"easy": tries("a"), "q1": tries("a"), "q2": tries(True), "q3": tries(["y", "x"]),
           "q4": tries({"i1": "cb", "i2": "cb"}), "essay": tries({"text": "One.", "met": [0]})},
    "L3": {"easy": tries("a"), "q1": tries("b"), "q2": tries(True), "q3": tries(["x", "z"], revealed=True),
           "q4": tries(RIGHT)},
    # L4's second try at q2 is beyond the true/false budget of one: it never counts.
    "L4": {"easy": tries("a"), "q1": tries("a"), "q2": tries(False, True), "q3": tries(["x"]),
           "q4": tries({"i1": "cc", "i2": "ca"}), "essay": tries({"text": "<a href='x'>link</a>", "met": [0, 2]})},
    "L5": {"easy": tries("a"), "q1": tries("a"), "q2": tries(False), "q3": tries(["x", "y", "z"]),
           "q4": tries({"i1": "cb", "i2": "cc"}, revealed=True)},
}  # fmt: skip


def write_tiny_class(folder: Path) -> Path:
    for learner, answers in TINY_LEARNERS.items():
        write(folder, f"{learner}.json", learner, learner, {f"tiny/{q}": e for q, e in answers.items()})
    return folder
