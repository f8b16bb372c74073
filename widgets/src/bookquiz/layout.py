"""How questions are shown: the display order of options, seeded by bank and question id.

Every edition, the PDF and a class discussion see the same order, and the order carries no
information about the answer:

- the options of a single-choice question are shuffled, and the key is then put in a position
  chosen so that, within a bank, keys are spread evenly over the positions: the bank's
  single-choice questions with the same number of options are ranked by a hash of their ids
  and take the positions in turn, starting from a position drawn from the bank id;
- multiple-select options, classify categories and items are shuffled (seeded);
- order questions get a fixed shuffle that is never the answer.

A question's id is a permanent key (learners' stored answers use it) and also reseeds its order.
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict

from .bank import Bank


def seed(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")


def rng_for(bank_id: str, question_id: str) -> random.Random:
    return random.Random(seed(bank_id, question_id))


def key_slots(bank: Bank) -> dict[str, int]:
    """The display position of the key of each single-choice question of a bank."""
    groups: dict[int, list[str]] = defaultdict(list)
    for q in bank.questions:
        if q.type == "single":
            groups[len(q.options)].append(q.id)
    slots = {}
    for size, ids in groups.items():
        start = seed(bank.bank, f"slots-{size}") % size
        for rank, question_id in enumerate(sorted(ids, key=lambda i: seed(bank.bank, i))):
            slots[question_id] = (start + rank) % size
    return slots


def displayed(bank: Bank) -> list:
    """The bank's questions with options in display order (what the browser grades)."""
    slots = key_slots(bank)
    return [q.displayed(rng_for(bank.bank, q.id), slots.get(q.id)) for q in bank.questions]


def browser_specs(bank: Bank, questions=None) -> list[tuple[dict, dict]]:
    """(public, sealed) for each question (all of the bank's by default), in display order."""
    slots = key_slots(bank)
    chosen = bank.questions if questions is None else questions
    return [q.split(rng_for(bank.bank, q.id), slots.get(q.id)) for q in chosen]
