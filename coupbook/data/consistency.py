"""Do the quiz keys agree with the case table?

Question banks (data/quizzes/) may name a course case with ``case: <case_id>``, on a question or on
a classify item.  Such a key asserts something about the case that ``cases.csv`` also records:

- a classify item with ``case:`` is keyed to a category; when the question's categories are the
  values of one column of the case table (the course classes, or position, origin, target, ...),
  the keyed category must be the case's value in that column;
- a single-choice question with ``case:`` whose options are class labels (every option names a
  course class) must key an option that names the case's class, and no option that names another.

:func:`bank_contradictions` lists every disagreement; the consistency test runs it on every bank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

COLUMNS = ["course_class", "position", "origin", "target", "became", "result", "rank"]
# Words that name a class in an option's text.  Compound coups are removed before 'coup' is matched.
CLASS_WORDS = {
    "self-coup": r"\bself-coups?\b|\bautogolpes?\b",
    "coup": r"\bcoups?\b",
    "mutiny": r"\bmutin(?:y|ies|ous)\b",
    "uprising": r"\buprisings?\b",
    "rebellion": r"\brebellions?\b",
}
NOT_THIS_COUP = r"\b(?:self|counter|auto)-coups?\b"


def classes_named(text: str) -> set[str]:
    """The course classes an option's text names: 'Mutiny, because ...' -> {'mutiny'}."""
    lowered = text.lower()
    found = {cls for cls, pattern in CLASS_WORDS.items() if cls != "coup" and re.search(pattern, lowered)}
    if re.search(CLASS_WORDS["coup"], re.sub(NOT_THIS_COUP, " ", lowered)):
        found.add("coup")
    return found


def vocabularies(cases: pd.DataFrame, classes: Iterable[str], enums: dict[str, list[str]]) -> dict[str, set[str]]:
    """The values each compared column can take: class ids, and the enums of the case schema."""
    out = {"course_class": set(classes)}
    out.update({c: set(enums[c]) for c in COLUMNS if c in enums})
    return out


def _column_for(category_ids: set[str], vocab: dict[str, set[str]]) -> str | None:
    """The case column whose values the categories are (all of them), if any."""
    for column in COLUMNS:
        if column in vocab and category_ids <= vocab[column] and len(category_ids) >= 2:
            return column
    return None


def bank_contradictions(bank, cases: pd.DataFrame, vocab: dict[str, set[str]]) -> list[str]:
    """Every disagreement between the keys of ``bank`` (a bookquiz Bank) and the case table."""
    table = cases.set_index("case_id")
    problems = []

    def known(where: str, case_id: str) -> bool:
        if case_id not in table.index:
            problems.append(f"{where}: case {case_id!r} is not in data/cases.csv")
            return False
        return True

    for q in bank.questions:
        where = f"{bank.bank}, question {q.id}"
        if q.case:
            known(where, q.case)
        if q.type == "classify":
            column = _column_for({c.id for c in q.categories}, vocab)
            for item in q.items:
                if not item.case or not known(f"{where}, item {item.id}", item.case):
                    continue
                if column is None:
                    problems.append(
                        f"{where}, item {item.id}: names case {item.case!r}, but the categories are not the values "
                        "of one column of data/cases.csv, so the key cannot be checked"
                    )
                    continue
                expected = table.loc[item.case, column]
                if item.category != expected:
                    problems.append(
                        f"{where}, item {item.id}: keyed {item.category!r}, but data/cases.csv gives {item.case} "
                        f"{column} {expected!r}"
                    )
        elif q.type == "single" and q.case and q.case in table.index:
            expected = table.loc[q.case, "course_class"]
            named = {o.id: classes_named(o.text) for o in q.options}
            if not all(named.values()):
                continue  # the options are not class labels (the question asks about something else)
            keyed = [o for o in q.options if o.correct]
            if not any(expected in named[o.id] for o in keyed):
                problems.append(
                    f"{where}: no correct option names {q.case}'s class {expected!r} (data/cases.csv), though every "
                    "option names a class"
                )
            for o in keyed:
                if named[o.id] and expected not in named[o.id]:
                    problems.append(
                        f"{where}, option {o.id}: keyed correct but names {sorted(named[o.id])}, not {q.case}'s class "
                        f"{expected!r}"
                    )
    return problems
