"""A simulated class: answer files for demonstrating and testing the class-results notebook.

The learners are invented (seeded, so every run gives the same files).  Each has an ability;
harder questions (more options, more items) are missed more often, and a wrong answer is
usually the most tempting one.  Three problem files are added on purpose: a truncated file,
a second file from the same learner and a file from another book, so the instructor sees how
they are reported.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from bookquiz import Bank, answer_document
from bookquiz.grading import grade, right_response, wrong_responses

from .quizzes import NAMESPACE, all_banks

NAMES = [
    "Amara", "Bo", "Chen", "Dara", "Eli", "Farah", "Goran", "Hana", "Iman", "Jon", "Kofi", "Lena",
    "Malik", "Nia", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Yusuf",
]  # fmt: skip


def difficulty(question) -> float:
    """0 (easy) .. 1 (hard): more choices or items make a question harder."""
    size = len(getattr(question, "options", None) or getattr(question, "items", None) or [None, None])
    return min(1.0, 0.15 + 0.08 * size + (0.2 if question.type in ("classify", "order", "numeric") else 0))


def simulated_answers(question, ability: float, rng: random.Random) -> dict:
    attempts = 1
    if rng.random() < 0.06:
        return {"attempts": 0, "revealed": True}
    while rng.random() < (1 - ability) * difficulty(question) * 1.5 and attempts < 3:
        attempts += 1
    wrong = wrong_responses(question)
    right = rng.random() < ability + 0.15 * (3 - attempts)
    response = right_response(question) if right else wrong[0 if rng.random() < 0.6 else rng.randrange(len(wrong))]
    return {"response": response, "correct": grade(question, response).correct, "attempts": attempts, "revealed": False}


def write_class(folder: str | Path, banks: list[Bank] | None = None, *, learners: int = 24, seed: int = 2023) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    banks = banks or all_banks()
    for n in range(learners):
        ability = rng.uniform(0.35, 0.95)
        answered = {
            b.bank: {q.id: simulated_answers(q, ability, rng) for q in b.questions if rng.random() < 0.9} for b in banks
        }
        doc = answer_document(NAMESPACE, f"sim-{n:02d}", NAMES[n % len(NAMES)], answered)
        (folder / f"answers-{NAMES[n % len(NAMES)]}-{n:02d}.json").write_text(json.dumps(doc, indent=1))
    # Problem files, reported and skipped by coupbook.classresults.load_class.
    first = folder / f"answers-{NAMES[0]}-00.json"
    (folder / "answers-truncated.json").write_text(first.read_text()[:200])
    again = json.loads(first.read_text())
    again["exported_at"] = "2026-01-02T09:00:00+00:00"
    (folder / "answers-Amara-again.json").write_text(json.dumps(again))
    other = dict(again, namespace="another-book", learner={"id": "other", "name": "Zed"})
    (folder / "answers-other-book.json").write_text(json.dumps(other))
    return folder
