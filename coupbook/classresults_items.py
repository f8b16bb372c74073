"""Item analysis of a class's first tries, as Moodle's quiz statistics report does.

For every graded question, over the learners who answered it (or had its answer shown, which
counts as not right):

- **facility** (first try and eventually): the share right;
- **discrimination index** D = p(upper) − p(lower): the share right at the first try among the 27%
  of those learners who did best on the rest of the book, minus the share among the 27% who did
  worst (Kelley's groups).  "The rest of the book" is the share of the other graded questions a
  learner answered that were right at the first try: their total first-try score without this
  question, so that a question never ranks learners by itself.  Where learners tie at a group's
  edge, each tied learner counts for an equal part of the places left, so the groups never depend
  on the order of files or names;
- **point-biserial**: the correlation between being right at the first try on this question and
  that same rest score, which is what Moodle's report calls the discrimination index (shown there
  as a percentage);
- **flags**: "too easy" when the first-try facility is above 0.9, "not discriminating" when D is
  below 0.2 (a negative D means that stronger learners missed it more often: check the key).

:func:`distractors` gives, for single and multiple choice, the share of first tries that chose each
wrong option, and for classify the share that put each item in each wrong category.

With fewer than about 20 learners these numbers move a lot from one learner to the next: read them
as pointers to questions worth a look, not as verdicts.
"""

from __future__ import annotations

import math

import pandas as pd

from bookquiz import Bank

from .quizzes import all_banks

EASY = 0.9  # facility above this: too easy
WEAK = 0.2  # discrimination index below this: not discriminating
GROUP = 0.27  # Kelley's upper and lower groups


def group_share(scored: list[tuple[float, int]], size: int, *, top: bool) -> float:
    """Share right among the ``size`` learners with the highest (or lowest) totals; ties share places."""
    ordered = sorted((total for total, _ in scored), reverse=top)
    edge = ordered[size - 1]
    inside = [x for total, x in scored if (total > edge if top else total < edge)]
    tied = [x for total, x in scored if total == edge]
    weight = (size - len(inside)) / len(tied)
    return (sum(inside) + weight * sum(tied)) / size


def discrimination_index(scored: list[tuple[float, int]]) -> float:
    """D = p(upper 27%) − p(lower 27%) for (total, item score) pairs; NaN with fewer than 2 learners."""
    if len(scored) < 2:
        return math.nan
    size = max(1, math.floor(GROUP * len(scored) + 0.5))
    return group_share(scored, size, top=True) - group_share(scored, size, top=False)


def correlation(xs: list[float], ys: list[float]) -> float:
    """Pearson's r; NaN when either variable does not vary or there are fewer than 3 pairs."""
    if len(xs) < 3:
        return math.nan
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else math.nan


def _flags(facility: float, discrimination: float) -> str:
    flags = []
    if facility > EASY:
        flags.append("too easy")
    if not math.isnan(discrimination) and discrimination < WEAK:
        flags.append("not discriminating")
    return "; ".join(flags)


def item_analysis(table: pd.DataFrame, banks: list[Bank] | None = None) -> pd.DataFrame:
    """One row per graded question answered: facility, discrimination index, point-biserial, flags.

    ``table`` is :func:`coupbook.classresults.responses` (graded questions only).  A learner's
    standing for a question is their first-try score on the rest of the book: the share right at
    the first try of every other graded question they answered.  Leaving the question itself out
    keeps it from ranking learners by itself, which on a short quiz makes even a question that
    measures nothing look discriminating.
    """
    scores = table.groupby("learner")["first_correct"].agg(["sum", "count"])
    rows = []
    for bank in banks or all_banks():
        mine = table[table["bank"] == bank.bank]
        for question in bank.questions:
            answers = mine[mine["question"] == question.id]
            if answers.empty:
                continue
            xs = [int(x) for x in answers["first_correct"]]
            rest = [
                ((scores.loc[who, "sum"] - x) / (scores.loc[who, "count"] - 1), x)
                for who, x in zip(answers["learner"], xs, strict=True)
                if scores.loc[who, "count"] > 1
            ]
            facility = sum(xs) / len(xs)
            discrimination = discrimination_index(rest)
            rows.append(
                {
                    "bank": bank.bank,
                    "question": question.id,
                    "type": question.type,
                    "prompt": question.prompt,
                    "learners": len(xs),
                    "facility_first": facility,
                    "facility_eventual": float(answers["correct"].mean()),
                    "shown": int(answers["revealed"].sum()),
                    "discrimination": discrimination,
                    "point_biserial": correlation([x for _, x in rest], [r for r, _ in rest]),
                    "flags": _flags(facility, discrimination),
                }
            )
    columns = ["bank", "question", "type", "prompt", "learners", "facility_first", "facility_eventual", "shown",
               "discrimination", "point_biserial", "flags"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _choices(question, first: list) -> list[dict]:
    """Rows of the distractor table for one question, from its known first responses."""
    out = []
    if question.type in ("single", "multiple"):
        for option in (o for o in question.options if not o.correct):
            chose = sum(r == option.id if question.type == "single" else isinstance(r, list) and option.id in r
                        for r in first)  # fmt: skip
            out.append({"item": "", "item_text": "", "option": option.id, "text": option.text, "chose": chose})
    elif question.type == "classify":
        for item in question.items:
            for category in (c for c in question.categories if c.id != item.category):
                chose = sum(isinstance(r, dict) and r.get(item.id) == category.id for r in first)
                row = {"item": item.id, "item_text": item.text, "option": category.id, "text": category.label}
                out.append(row | {"chose": chose})
    return out


def distractors(table: pd.DataFrame, banks: list[Bank] | None = None) -> pd.DataFrame:
    """Share of first tries choosing each wrong option (single, multiple) or wrong category (classify)."""
    rows = []
    for bank in banks or all_banks():
        for question in bank.questions:
            if question.type not in ("single", "multiple", "classify"):
                continue
            mine = table[(table["bank"] == bank.bank) & (table["question"] == question.id)]
            first = [r for r in mine["first_response"] if r is not None]
            for row in _choices(question, first) if first else []:
                share = row["chose"] / len(first)
                rows.append({"bank": bank.bank, "question": question.id, "type": question.type} | row
                            | {"first_tries": len(first), "share": share})  # fmt: skip
    columns = ["bank", "question", "type", "item", "item_text", "option", "text", "first_tries", "chose", "share"]
    return pd.DataFrame(rows, columns=columns)
