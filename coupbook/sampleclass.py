"""A simulated class: answer files for demonstrating and testing the class-results notebook.

The learners are invented and seeded, so every run writes the same files.  Each learner has an
ability and each question a difficulty (both on one scale, as in item response theory): the chance
of a right first try rises with ability minus difficulty, more steeply for some questions than for
others, so stronger learners do better and the item statistics have something to find (including a
few questions that are too easy or hardly discriminate).  After a wrong try a learner may try again (feedback helps
a little) while the question type's try budget lasts (``tries``, as in the book), or give up and
show the answer.  A wrong answer is usually the first wrong option listed
(the most tempting one).  Open answers get a short text and the criteria a learner of that ability
would tick.

Problem files are added on purpose so the instructor sees how each is reported: a truncated file, an
earlier export of a learner who exported again, a file from another book and a file with a
401-digit answer.  One good file is saved as UTF-16 and one in the old version 1 format; both are
read.

Only the public ``bookquiz`` API (``grade``, ``answer_document``) and the bank schema are used.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import math
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bookquiz import Bank, answer_document, grade

from .quizzes import NAMESPACE, all_banks

NAMES = [
    "Amara", "Bo", "Chen", "Dara", "Eli", "Farah", "Goran", "Hana", "Iman", "Jon", "Kofi", "Lena",
    "Malik", "Nia", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Yusuf",
]  # fmt: skip
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SKIP = 0.08  # chance that a learner leaves a question alone
GIVE_UP = 0.3  # chance of showing the answer after a wrong try
OPEN_TEXTS = [
    "The leaders held posts inside the state, so this was an insider's move.",
    "It started in the provinces and targeted the military leadership, not the executive.",
    "I think it was a rebellion because it was violent.",
]


def _unit(bank_id: str, question, salt: str) -> float:
    """A fixed number in [0, 1) for a question (the same on every run and machine)."""
    digest = hashlib.sha256(f"{salt}:{bank_id}/{question.id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def difficulty(bank_id: str, question) -> float:
    """A fixed difficulty between -2.5 (nearly everyone right) and 1.5, harder for richer types."""
    harder = {"classify": 0.3, "order": 0.3, "numeric": 0.2, "multiple": 0.2}.get(question.type, 0.0)
    return min(1.5, -2.5 + 3.8 * _unit(bank_id, question, "difficulty") ** 0.7 + harder)


def slope(bank_id: str, question) -> float:
    """How sharply a question separates stronger from weaker learners: 0.1 (hardly) to 2.0."""
    return 0.1 + 1.9 * _unit(bank_id, question, "slope") ** 0.5


def chance(ability: float, hardness: float, sharpness: float = 1.0, bonus: float = 0.0) -> float:
    """Probability of a right answer: a logistic curve in ability minus difficulty (as in item response theory)."""
    return 1 / (1 + math.exp(-sharpness * (ability - hardness) - bonus))


def right_answer(question, rng: random.Random):
    """A response that the bank grades as right."""
    kind = question.type
    if kind == "single":
        return rng.choice([o.id for o in question.options if o.correct])
    if kind == "multiple":
        chosen = [o.id for o in question.options if o.correct]
        rng.shuffle(chosen)
        return chosen
    if kind == "truefalse":
        return question.answer
    if kind == "classify":
        return {i.id: i.category for i in question.items}
    if kind == "order":
        return [i.id for i in question.items]
    if kind == "numeric":
        return question.answer
    raise ValueError(f"no right answer for a {kind} question")


def wrong_answer(question, rng: random.Random):
    """A plausible wrong response, the most tempting mistakes most often."""
    kind = question.type
    right = right_answer(question, rng)
    if kind == "single":
        wrong = [o.id for o in question.options if not o.correct]
        if not wrong:
            return right
        return rng.choices(wrong, weights=[2 ** (len(wrong) - n) for n in range(len(wrong))])[0]
    if kind == "multiple":
        extra = [o.id for o in question.options if not o.correct]
        if extra and (len(right) == 1 or rng.random() < 0.6):
            return right + [extra[0] if rng.random() < 0.6 else rng.choice(extra)]
        return [r for r in right if r != rng.choice(right)]
    if kind == "truefalse":
        return not question.answer
    if kind == "classify":
        item = question.items[0] if rng.random() < 0.5 else rng.choice(question.items)
        category = rng.choice([c.id for c in question.categories if c.id != item.category])
        return {**right, item.id: category}
    if kind == "order":
        n = rng.randrange(len(right) - 1)
        right[n], right[n + 1] = right[n + 1], right[n]
        return right
    if kind == "numeric":
        near = [(h.min + h.max) / 2 for h in question.hints]
        off = question.answer + rng.choice([-1, 1]) * (question.tolerance + 1 + rng.randrange(3))
        return near[0] if near and rng.random() < 0.6 else off
    raise ValueError(f"no wrong answer for a {kind} question")


def _graded(question, response) -> bool:
    return grade(question, response).correct


def simulated_entry(bank_id: str, question, ability: float, rng: random.Random, clock: list) -> dict:
    """One learner's version 2 entry for one question: attempts until right, shown, or given up."""

    def tick() -> str:
        clock[0] += timedelta(seconds=rng.randrange(20, 240))
        return clock[0].isoformat().replace("+00:00", "Z")

    if question.type == "open":
        met = [n for n in range(len(question.criteria)) if rng.random() < chance(ability, 0.0)]
        response = {"text": rng.choice(OPEN_TEXTS), "met": met, "assessed": True}
        return {"attempts": [{"response": response, "correct": None, "at": tick()}], "revealed": False}
    hardness, sharpness = difficulty(bank_id, question), slope(bank_id, question)
    attempts = []
    for number in range(question.tries):
        aims_right = rng.random() < chance(ability, hardness, sharpness, bonus=0.8 * number)
        response = right_answer(question, rng) if aims_right else wrong_answer(question, rng)
        right = _graded(question, response)
        attempts.append({"response": response, "correct": right, "at": tick()})
        if right or rng.random() < GIVE_UP:
            break
    shown = not attempts[-1]["correct"] and rng.random() < 0.5
    return {"attempts": attempts, "revealed": shown, "revealed_at": tick() if shown else None}


def _as_version_1(document: dict) -> dict:
    old = dict(document, version=1)
    old["banks"] = {
        bank: {
            q: {
                "response": e["attempts"][-1]["response"] if e["attempts"] else None,
                "correct": e["attempts"][-1]["correct"] if e["attempts"] else None,
                "attempts": len(e["attempts"]),
                "revealed": e["revealed"],
            }
            for q, e in entries.items()
        }
        for bank, entries in document["banks"].items()
    }
    return old


def write_class(
    folder: str | Path, banks: list[Bank] | None = None, *, learners: int = 24, seed: int = 2023, spread: float = 1.0
) -> Path:
    """Write ``learners`` simulated answer files, and the problem files, into ``folder``.

    Abilities are drawn from a normal distribution with standard deviation ``spread`` (0: every
    learner equally able, so no question can discriminate).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    banks = banks or all_banks()
    documents = []
    for n in range(learners):
        ability = max(-2.5, min(2.5, rng.gauss(0, spread)))
        clock = [START + timedelta(hours=n)]
        answered = {
            b.bank: {q.id: simulated_entry(b.bank, q, ability, rng, clock) for q in b.questions if rng.random() > SKIP}
            for b in banks
        }
        name = NAMES[n % len(NAMES)]
        doc = answer_document(NAMESPACE, f"sim-{seed}-{n:02d}", name, answered)
        doc["exported_at"] = (clock[0] + timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
        documents.append((f"answers-{name}-{n:02d}.json", doc))
    for n, (file_name, doc) in enumerate(documents):
        text = json.dumps(doc, indent=1, ensure_ascii=False)
        if learners >= 4 and n == learners - 2:  # saved by an editor as UTF-16 (read all the same)
            (folder / file_name).write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
        elif learners >= 4 and n == learners - 1:  # from an older edition of the book (version 1)
            (folder / file_name).write_text(json.dumps(_as_version_1(doc), indent=1), encoding="utf-8")
        else:
            (folder / file_name).write_text(text, encoding="utf-8")
    _write_problem_files(folder, documents[0])
    return folder


def _write_problem_files(folder: Path, first: tuple[str, dict]) -> None:
    """Files that class results must report and skip (see coupbook.classresults_load)."""
    file_name, doc = first
    stem = file_name.removesuffix(".json")
    (folder / "answers-truncated.json").write_text(json.dumps(doc)[:200], encoding="utf-8")
    earlier = json.loads(json.dumps(doc))
    earlier["exported_at"] = "2026-03-01T18:00:00Z"  # before the learner's final export
    first_bank = next(iter(earlier["banks"]), None)
    earlier["banks"] = {first_bank: earlier["banks"][first_bank]} if first_bank else {}
    (folder / f"{stem}-earlier.json").write_text(json.dumps(earlier), encoding="utf-8")
    other = dict(doc, namespace="another-book", learner={"id": "other", "name": "Zed"})
    (folder / "answers-for-another-book.json").write_text(json.dumps(other), encoding="utf-8")
    huge = dict(doc, learner={"id": "sim-huge", "name": "Xan"})
    bank_id = next(iter(huge["banks"]), "ch01")
    huge["banks"] = {bank_id: {"any": {"attempts": [{"response": 15, "correct": None, "at": doc["exported_at"]}]}}}
    text = json.dumps(huge).replace('"response": 15', '"response": ' + "9" * 401)
    (folder / "answers-Xan-401-digits.json").write_text(text, encoding="utf-8")
