"""Bank lint: what the schema accepts but gives the answer away.

- ``longest-key``: the key is clearly the longest option (every key at least 1.5 times as long
  as, and 15 characters longer than, the longest distractor);
- ``throwaway-distractor``: a distractor far shorter than the key (under a third of its length),
  which nobody would pick;
- ``leak``: a text shown after a wrong attempt (a misconception, a hint) contains the key's
  text (compared without case, punctuation or extra spaces; numbers as whole words).

The course's tests require no findings in ``data/quizzes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bank import Bank

LONGEST_RATIO, LONGEST_MARGIN = 1.5, 15
THROWAWAY_RATIO = 1 / 3


@dataclass(frozen=True)
class Finding:
    bank: str
    question: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.bank}, question '{self.question}': {self.rule}: {self.message}"


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def contains(text: str, key: str) -> bool:
    key = normalise(key)
    return bool(key) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", normalise(text)) is not None


def _option_findings(bank: Bank, question) -> list[Finding]:
    texts = question.option_texts()
    if not texts or not texts[1]:
        return []
    keys, distractors = texts
    shortest_key, longest_distractor = min(map(len, keys)), max(map(len, distractors))
    found = []
    if shortest_key >= LONGEST_RATIO * longest_distractor and shortest_key - longest_distractor >= LONGEST_MARGIN:
        found.append(
            Finding(
                bank.bank,
                question.id,
                "longest-key",
                f"the key ({shortest_key} characters) is clearly longer than every distractor"
                f" (at most {longest_distractor})",
            )
        )
    for text in distractors:
        if len(text) < THROWAWAY_RATIO * shortest_key:
            found.append(
                Finding(
                    bank.bank,
                    question.id,
                    "throwaway-distractor",
                    f"distractor {text!r} ({len(text)} characters) is far shorter than the key ({shortest_key})",
                )
            )
    return found


def lint(bank: Bank) -> list[Finding]:
    """Every finding in a bank (an empty list when it is clean)."""
    found = []
    for question in bank.questions:
        found += _option_findings(bank, question)
        for where, shown, key in question.leak_checks():
            if contains(shown, key):
                found.append(Finding(bank.bank, question.id, "leak", f"{where} contains the key's text {key!r}"))
    return found
