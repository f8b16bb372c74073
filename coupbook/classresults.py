"""Class results: an instructor's view of the answer files learners export.

Learners download their answers from the "My progress" page (or ``bookquiz.export_answers``
live).  An instructor puts the files in one folder and calls :func:`load_class`: every file is
validated on its own, and a malformed file, a file for another book or a second file from the
same learner is reported by name and skipped without losing the others.  Responses are graded
again with the question banks, so a stale or edited ``correct`` flag in a file changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from bookquiz import AnswerFile, AnswerFileError, Bank, grade, read_answer_file

from .charts import finish
from .quizzes import NAMESPACE, all_banks


@dataclass
class ClassAnswers:
    """The usable answer files of a class, and what was skipped and why."""

    files: dict[str, AnswerFile] = field(default_factory=dict)  # file name -> contents
    skipped: dict[str, str] = field(default_factory=dict)  # file name -> reason

    def report(self) -> str:
        lines = [f"{len(self.files)} answer file(s) loaded, {len(self.skipped)} skipped."]
        lines += [f"  skipped {name}: {reason}" for name, reason in sorted(self.skipped.items())]
        return "\n".join(lines)


def load_class(folder: str | Path, namespace: str = NAMESPACE) -> ClassAnswers:
    """Validate every ``*.json`` file in ``folder``; keep the good ones, report the others."""
    result = ClassAnswers()
    first_file_of_learner: dict[str, str] = {}
    first_file_with_content: dict[str, str] = {}
    for path in sorted(Path(folder).glob("*.json")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in first_file_with_content:
            result.skipped[path.name] = f"duplicate: same content as {first_file_with_content[digest]}"
            continue
        first_file_with_content[digest] = path.name
        try:
            answers = read_answer_file(path)
        except AnswerFileError as exc:
            result.skipped[path.name] = exc.message
            continue
        if answers.namespace != namespace:
            result.skipped[path.name] = f"answers for another book (namespace {answers.namespace!r})"
            continue
        learner = answers.learner.id
        if learner in first_file_of_learner:
            result.skipped[path.name] = f"duplicate: learner {learner} already in {first_file_of_learner[learner]}"
            continue
        first_file_of_learner[learner] = path.name
        result.files[path.name] = answers
    return result


def describe_response(question, response) -> str:
    """A learner's response in words (option texts rather than ids)."""
    try:
        if question.type == "single":
            return next(o.text for o in question.options if o.id == response)
        if question.type == "multiple":
            return "; ".join(o.text for o in question.options if o.id in response) or "(nothing)"
        if question.type == "truefalse":
            return "True" if response else "False"
        if question.type == "classify":
            labels = {c.id: c.label for c in question.categories}
            return "; ".join(f"{i.text}: {labels.get(response.get(i.id), '?')}" for i in question.items)
        if question.type == "order":
            text = {i.id: i.text for i in question.items}
            return " → ".join(text.get(i, "?") for i in response)
        return json.dumps(response)
    except (StopIteration, TypeError, AttributeError):
        return "(unreadable answer)"


def responses(class_answers: ClassAnswers, banks: list[Bank] | None = None) -> pd.DataFrame:
    """One row per learner and answered question, graded again with the bank."""
    questions = {(b.bank, q.id): (b, q) for b in banks or all_banks() for q in b.questions}
    rows = []
    for file_name, answers in class_answers.files.items():
        for bank_id, entries in answers.banks.items():
            for question_id, entry in entries.items():
                found = questions.get((bank_id, question_id))
                if found is None or entry.response is None and not entry.revealed:
                    continue  # a question this edition of the book does not have
                _, question = found
                answered = entry.response is not None
                rows.append(
                    {
                        "file": file_name,
                        "learner": answers.learner.name or answers.learner.id,
                        "bank": bank_id,
                        "question": question_id,
                        "answer": describe_response(question, entry.response) if answered else "",
                        "correct": answered and grade(question, entry.response).correct,
                        "revealed": entry.revealed,
                        "attempts": entry.attempts,
                    }
                )
    columns = ["file", "learner", "bank", "question", "answer", "correct", "revealed", "attempts"]
    return pd.DataFrame(rows, columns=columns)


def question_summary(table: pd.DataFrame, banks: list[Bank] | None = None) -> pd.DataFrame:
    """Per question: how many learners answered, success rate, answers shown, mean attempts."""
    prompts = {(b.bank, q.id): q.prompt for b in banks or all_banks() for q in b.questions}
    summary = (
        table.groupby(["bank", "question"], sort=True)
        .agg(
            learners=("learner", "nunique"),
            correct=("correct", "sum"),
            revealed=("revealed", "sum"),
            mean_attempts=("attempts", "mean"),
        )
        .reset_index()
    )
    summary["success_rate"] = (summary["correct"] / summary["learners"]).round(3)
    summary["mean_attempts"] = summary["mean_attempts"].round(2)
    summary["prompt"] = [prompts[(b, q)] for b, q in zip(summary["bank"], summary["question"], strict=True)]
    columns = ["bank", "question", "prompt", "learners", "correct", "success_rate", "revealed", "mean_attempts"]
    return summary[columns]


def common_wrong_answers(table: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """The most frequent wrong answers of each question (ties broken alphabetically)."""
    wrong = table[~table["correct"] & (table["answer"] != "")]
    counts = wrong.groupby(["bank", "question", "answer"]).size().rename("learners").reset_index()
    counts = counts.sort_values(["bank", "question", "learners", "answer"], ascending=[True, True, False, True])
    return counts.groupby(["bank", "question"]).head(top).reset_index(drop=True)


SOURCE = "Learners' exported answer files, graded again with the question banks."


def horizontal_bars(x, labels, *, hovertext=None, text=None, xaxis: dict, caption: str, alt: str) -> go.Figure:
    """One bar per row, top to bottom in table order, tall enough for every label."""
    bars = go.Bar(x=x, y=labels, orientation="h", hovertext=hovertext, text=text, textposition="auto")
    fig = go.Figure(bars)
    fig.update_layout(xaxis=xaxis, yaxis={"autorange": "reversed"})
    return finish(fig, caption=caption, source=SOURCE, alt=alt, height=max(320, 28 * len(labels) + 120))


def success_chart(summary: pd.DataFrame) -> go.Figure:
    lowest = summary.sort_values("success_rate").head(3)
    lowest_text = "; ".join(
        f"{b} {q} at {r * 100:.0f}%"
        for b, q, r in zip(lowest["bank"], lowest["question"], lowest["success_rate"], strict=True)
    )
    return horizontal_bars(
        summary["success_rate"] * 100,
        summary["bank"] + " · " + summary["question"],
        hovertext=summary["prompt"],
        text=[f"{c} of {n}" for c, n in zip(summary["correct"], summary["learners"], strict=True)],
        xaxis={"title": "Learners answering correctly (%)", "range": [0, 100]},
        caption="Share of learners who answered each question correctly (answers shown count as not correct).",
        alt=f"Horizontal bars, one per question: the share of learners who answered correctly. Lowest: {lowest_text}.",
    )


def wrong_answers_chart(wrong: pd.DataFrame) -> go.Figure:
    rows = wrong[["bank", "question", "answer", "learners"]].itertuples(index=False)
    listed = "; ".join(f"{b} {q}: '{a}' by {n}" for b, q, a, n in rows)
    return horizontal_bars(
        wrong["learners"],
        wrong["bank"] + " · " + wrong["question"] + " — " + wrong["answer"].str.slice(0, 60),
        xaxis={"title": "Learners giving this wrong answer", "dtick": 1},
        caption="The most common wrong answers, by question: the misconceptions to discuss in class.",
        alt=f"Horizontal bars of the most common wrong answers: {listed}.",
    )
