"""Class results: an instructor's view of the answer files learners export.

Learners download their answers from the "My progress" page (or ``bookquiz.export_answers``
live).  An instructor collects the files in a folder, or downloads a Canvas or Moodle
"all submissions" zip, and calls :func:`load_class` (:mod:`coupbook.classresults_load`): every file
is checked on its own and every file not used is listed with its reason.

Every attempt is graded again here with the question banks (``bookquiz.grade``), so a ``correct``
flag in a file changes nothing.  Results are honest:

- **first try**: the first attempt was right and the answer was never shown;
- **eventually**: an attempt within the question type's try budget (``tries``: 1 for true/false,
  2 for the other graded types) was right and the answer was never shown (a shown answer never
  counts as right, whatever came before or after; attempts beyond the budget, from an older
  build or an edited file, never count);
- open (self-assessed) answers are never graded: :func:`open_responses` and :func:`open_summary`
  report who wrote one, whether they submitted their self-assessment (``assessed``: the text is
  accepted and the criteria met, or "none of these yet", were submitted) and which criteria they
  ticked.

Item analysis is in :mod:`coupbook.classresults_items`, the gradebook and its CSV files in
:mod:`coupbook.classresults_gradebook`, escaping in :mod:`coupbook.classresults_text`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import plotly.graph_objects as go

from bookquiz import Bank, grade
from bookquiz.grading import describe_response as bookquiz_describe
from bookquiz.record import counted_attempts, reflected

from .charts import PALETTE, finish
from .classresults_load import ClassAnswers, Identity, load_class
from .classresults_text import chart_text, write_csv
from .quizzes import all_banks

__all__ = [
    "ClassAnswers",
    "Identity",
    "common_wrong_answers",
    "describe_response",
    "load_class",
    "open_responses",
    "open_summary",
    "question_summary",
    "responses",
    "success_chart",
    "write_csv",
    "wrong_answers_chart",
]

SOURCE = "Learners' exported answer files, every attempt graded again with the question banks."
NOT_RECORDED = "(not recorded)"


def describe_response(question, response) -> str:
    """A response in words (option texts rather than ids), by the question type's own ``describe``."""
    if response is None:
        return NOT_RECORDED  # an earlier try of a version 1 file
    return bookquiz_describe(question, response)


def _right(question, response) -> bool:
    """Graded again with the bank; an unknown or unusable response is simply not right."""
    if response is None:
        return False
    try:
        return bool(grade(question, response).correct)
    except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError):
        return False


def _entries(class_answers: ClassAnswers, banks: list[Bank]) -> Iterator[tuple]:
    """(file, learner key, name, bank id, question, entry) for every answered or shown question."""
    questions = {(b.bank, q.id): q for b in banks for q in b.questions}
    for file, answers in class_answers.files.items():
        learner = class_answers.learners.get(file, answers.learner.id)
        for bank_id, entries in answers.banks.items():
            for question_id, entry in entries.items():
                question = questions.get((bank_id, question_id))
                if question is None or not (entry.attempts or entry.revealed):
                    continue  # a question this edition of the book does not have, or untouched
                yield file, learner, answers.learner.name or learner, bank_id, question, entry


GRADED_COLUMNS = [
    "file", "learner", "name", "bank", "question", "type", "attempts", "revealed",
    "first_response", "first_graded", "first_correct", "correct", "first_answer", "answer",
]  # fmt: skip


def responses(class_answers: ClassAnswers, banks: list[Bank] | None = None) -> pd.DataFrame:
    """One row per learner and graded question answered or shown, every attempt graded again.

    ``first_graded``: the first response grades right; ``first_correct``: that, and the answer was
    never shown; ``correct``: an attempt within the type's try budget grades right and the answer
    was never shown.  ``attempts`` counts every attempt in the file, budget or not.
    """
    rows = []
    for file, learner, name, bank_id, question, entry in _entries(class_answers, banks or all_banks()):
        if not question.graded:
            continue
        tries = [a.response for a in entry.attempts]
        right = [_right(question, r) for r in tries]
        first = tries[0] if tries else None
        rows.append(
            {
                "file": file,
                "learner": learner,
                "name": name,
                "bank": bank_id,
                "question": question.id,
                "type": question.type,
                "attempts": len(tries),
                "revealed": entry.revealed,
                "first_response": first,
                "first_graded": bool(right) and right[0],
                "first_correct": bool(right) and right[0] and not entry.revealed,
                "correct": any(counted_attempts(question, right)) and not entry.revealed,
                "first_answer": describe_response(question, first) if tries else "",
                "answer": describe_response(question, tries[-1]) if tries else "",
            }
        )
    table = pd.DataFrame(rows, columns=GRADED_COLUMNS)
    # Kept as Python objects: pandas would turn None into NaN in a column of numbers only.
    table["first_response"] = pd.Series([row["first_response"] for row in rows], index=table.index, dtype=object)
    return table


def open_responses(class_answers: ClassAnswers, banks: list[Bank] | None = None) -> pd.DataFrame:
    """One row per learner and open question: the text written, whether self-assessed, the criteria ticked."""
    rows = []
    for file, learner, name, bank_id, question, entry in _entries(class_answers, banks or all_banks()):
        if question.graded:
            continue
        last = entry.response if isinstance(entry.response, dict) else {}
        text = str(last.get("text", ""))
        met = sorted({i for i in last.get("met", []) if isinstance(i, int) and 0 <= i < len(question.criteria)})
        row = {"file": file, "learner": learner, "name": name, "bank": bank_id, "question": question.id}
        assessed = reflected(question, {"attempts": [a.model_dump() for a in entry.attempts]})
        rows.append(row | {"wrote": bool(text.strip()), "assessed": assessed, "met": met, "text": text})
    columns = ["file", "learner", "name", "bank", "question", "wrote", "assessed", "met", "text"]
    return pd.DataFrame(rows, columns=columns)


def _order(banks: list[Bank]) -> dict[tuple[str, str], int]:
    """Position of each question in the book (bank order, then question order)."""
    return {(b.bank, q.id): n for n, (b, q) in enumerate((b, q) for b in banks for q in b.questions)}


def question_summary(table: pd.DataFrame, banks: list[Bank] | None = None) -> pd.DataFrame:
    """Per graded question: learners who answered, right at the first try, right eventually, shown."""
    banks = banks or all_banks()
    prompts = {(b.bank, q.id): q.prompt for b in banks for q in b.questions}
    summary = (
        table.groupby(["bank", "question", "type"], sort=False)
        .agg(
            learners=("learner", "nunique"),
            first_try=("first_correct", "sum"),
            eventually=("correct", "sum"),
            shown=("revealed", "sum"),
            mean_attempts=("attempts", "mean"),
        )
        .reset_index()
    )
    summary["first_try_rate"] = (summary["first_try"] / summary["learners"]).round(3)
    summary["eventual_rate"] = (summary["eventually"] / summary["learners"]).round(3)
    summary["mean_attempts"] = summary["mean_attempts"].round(2)
    keys = list(zip(summary["bank"], summary["question"], strict=True))
    summary["prompt"] = [prompts[k] for k in keys]
    position = _order(banks)
    summary = summary.iloc[sorted(range(len(keys)), key=lambda n: position[keys[n]])].reset_index(drop=True)
    columns = ["bank", "question", "type", "prompt", "learners", "first_try", "first_try_rate",
               "eventually", "eventual_rate", "shown", "mean_attempts"]  # fmt: skip
    return summary[columns]


def common_wrong_answers(table: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """The most frequent wrong first tries of each question (ties broken alphabetically)."""
    wrong = table[(table["attempts"] > 0) & ~table["first_graded"] & (table["first_answer"] != NOT_RECORDED)]
    wrong = wrong.drop(columns="answer").rename(columns={"first_answer": "answer"})
    counts = wrong.groupby(["bank", "question", "answer"]).size().rename("learners").reset_index()
    counts = counts.sort_values(["bank", "question", "learners", "answer"], ascending=[True, True, False, True])
    return counts.groupby(["bank", "question"]).head(top).reset_index(drop=True)


def open_summary(opened: pd.DataFrame, banks: list[Bank] | None = None) -> pd.DataFrame:
    """Per open question and criterion: learners who reached it, wrote an answer, ticked the criterion."""
    rows = []
    for bank in banks or all_banks():
        for question in (q for q in bank.questions if q.type == "open"):
            mine = opened[(opened["bank"] == bank.bank) & (opened["question"] == question.id)]
            if mine.empty:
                continue
            writers = mine[mine["wrote"]]
            for number, criterion in enumerate(question.criteria):
                ticked = sum(number in met for met in writers["met"])
                rows.append(
                    {
                        "bank": bank.bank,
                        "question": question.id,
                        "prompt": question.prompt,
                        "learners": len(mine),
                        "wrote": len(writers),
                        "criterion_number": number,
                        "criterion": criterion,
                        "ticked": ticked,
                        "share": ticked / len(writers) if len(writers) else 0.0,
                    }
                )
    columns = ["bank", "question", "prompt", "learners", "wrote", "criterion_number", "criterion", "ticked", "share"]
    return pd.DataFrame(rows, columns=columns)


def _labels(summary: pd.DataFrame) -> list[str]:
    return [chart_text(f"{b} · {q}") for b, q in zip(summary["bank"], summary["question"], strict=True)]


def success_chart(summary: pd.DataFrame) -> go.Figure:
    """Two bars per question: share right at the first try and share right eventually."""
    lowest = summary.sort_values("first_try_rate").head(3)
    lowest_text = "; ".join(
        f"{b} {q} at {r * 100:.0f}%"
        for b, q, r in zip(lowest["bank"], lowest["question"], lowest["first_try_rate"], strict=True)
    )
    labels, prompts = _labels(summary), [chart_text(p) for p in summary["prompt"]]
    fig = go.Figure()
    for column, count, name, colour in (
        ("first_try_rate", "first_try", "Right at the first try", PALETTE[0]),
        ("eventual_rate", "eventually", "Right eventually (answer not shown)", PALETTE[2]),
    ):
        fig.add_bar(
            x=summary[column] * 100,
            y=labels,
            orientation="h",
            name=name,
            marker_color=colour,
            hovertext=prompts,
            text=[f"{c} of {n}" for c, n in zip(summary[count], summary["learners"], strict=True)],
            textposition="auto",
        )
    fig.update_layout(
        barmode="group",
        xaxis={"title": "Learners who answered (%)", "range": [0, 100]},
        yaxis={"autorange": "reversed"},
        legend={"orientation": "h", "y": -0.15},
    )
    return finish(
        fig,
        caption="Share of the learners who answered each question who got it right at the first try, and "
        "eventually. A shown answer never counts as right.",
        source=SOURCE,
        alt="Horizontal bars, two per question: the share of learners right at the first try and the share "
        f"right eventually. Lowest at the first try: {lowest_text or 'none'}.",
        height=max(320, 44 * len(summary) + 140),
    )


def wrong_answers_chart(wrong: pd.DataFrame) -> go.Figure:
    """The most common wrong first tries, one bar each."""
    rows = wrong[["bank", "question", "answer", "learners"]].itertuples(index=False)
    listed = "; ".join(f"{b} {q}: '{a}' by {n}" for b, q, a, n in rows)
    labels = [
        chart_text(f"{b} · {q} — {str(a)[:60]}")
        for b, q, a in zip(wrong["bank"], wrong["question"], wrong["answer"], strict=True)
    ]
    fig = go.Figure(go.Bar(x=wrong["learners"], y=labels, orientation="h", marker_color=PALETTE[1]))
    fig.update_layout(
        xaxis={"title": "Learners giving this answer at the first try", "dtick": 1}, yaxis={"autorange": "reversed"}
    )
    return finish(
        fig,
        caption="The most common wrong first tries, by question: the misconceptions to discuss in class.",
        source=SOURCE,
        alt=f"Horizontal bars of the most common wrong first tries: {listed or 'none'}.",
        height=max(320, 28 * len(labels) + 120),
    )
