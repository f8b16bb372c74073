"""The class's gradebook: one row per learner, and CSV files that Canvas and Moodle import.

:func:`gradebook` counts, per learner, the graded questions right at the first try, right
eventually (answer never shown) and shown, out of every graded question in the banks, the open
answers written, and those whose self-assessment the learner submitted.  Two CSV files take it to a learning platform:

- :func:`canvas_csv`, for Canvas's gradebook import: the columns ``Student``, ``ID``,
  ``SIS User ID``, ``SIS Login ID`` and ``Section`` that Canvas expects before the assignment
  columns, a ``Points Possible`` row, then one row per learner.  ``ID`` is the Canvas user id, known
  when the files came from a Canvas "download submissions" zip; without it Canvas matches the
  ``Student`` name, so names must be as in Canvas.  A column whose title is not an existing
  assignment becomes a new assignment.
- :func:`moodle_csv`, for Moodle's "Import grades from CSV": an identifier column (the text each
  learner typed as their name on the My progress page, for example the e-mail address or ID number
  their Moodle account has), which the instructor maps to "Email address", "ID number" or
  "Username", then the scores, each column titled with its maximum.

A learner who cannot be matched (no name and no platform id, or a name that several learners use)
is left out of the CSV and named in the list the function returns.  Every text cell is defused
against spreadsheet formulas (:mod:`coupbook.classresults_text`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from bookquiz import Bank

from .classresults import open_responses, responses
from .classresults_load import ClassAnswers
from .classresults_text import safe_cell, write_csv, write_rows
from .quizzes import all_banks

__all__ = ["canvas_csv", "gradebook", "moodle_csv", "safe_cell", "write_exports"]

TITLE = "Coups and Rebellions quizzes"
COLUMNS = ["learner", "name", "file", "platform", "platform_user", "platform_name",
           "first_try", "eventually", "shown", "possible", "open_written", "open_assessed"]  # fmt: skip


def gradebook(class_answers: ClassAnswers, banks: list[Bank] | None = None) -> pd.DataFrame:
    """One row per learner: right at first try, right eventually, shown, possible, open answers.

    ``open_written`` counts open answers written, ``open_assessed`` those self-assessed too.
    """
    banks = banks or all_banks()
    graded = responses(class_answers, banks)
    opened = open_responses(class_answers, banks)
    possible = sum(q.type != "open" for b in banks for q in b.questions)
    rows = []
    for file, answers in class_answers.files.items():
        learner = class_answers.learners.get(file, answers.learner.id)
        identity = class_answers.identities.get(file)
        mine = graded[graded["learner"] == learner]
        rows.append(
            {
                "learner": learner,
                "name": answers.learner.name.strip(),
                "file": file,
                "platform": identity.platform if identity else "",
                "platform_user": identity.user if identity else "",
                "platform_name": identity.name if identity else "",
                "first_try": int(mine["first_correct"].sum()),
                "eventually": int(mine["correct"].sum()),
                "shown": int(mine["revealed"].sum()),
                "possible": possible,
                "open_written": int(opened[opened["learner"] == learner]["wrote"].sum()),
                "open_assessed": int(opened[opened["learner"] == learner]["assessed"].sum()),
            }
        )
    rows.sort(key=lambda row: (row["name"].casefold(), row["learner"]))
    return pd.DataFrame(rows, columns=COLUMNS)


def _matchable(book: pd.DataFrame, key: pd.Series, what: str) -> tuple[pd.DataFrame, list[str]]:
    """Rows whose key is present and unique; the others are named as problems."""
    problems = []
    counts = Counter(k for k in key if k)
    for value, n in sorted(counts.items()):
        if n > 1:
            files = ", ".join(book.loc[key == value, "file"])
            problems.append(f"{value!r} is the {what} of {n} learners ({files}): left out, enter their grades by hand")
    for file in book.loc[key == "", "file"]:
        problems.append(f"{file}: no name and no platform id: left out, enter this learner's grade by hand")
    keep = (key != "") & key.map(lambda k: counts.get(k, 0) == 1)
    return book[keep], problems


def canvas_csv(book: pd.DataFrame, path: str | Path, *, title: str = TITLE) -> list[str]:
    """Write a CSV for Canvas's gradebook import; return the learners left out, with reasons."""
    canvas_id = book["platform_user"].where(book["platform"] == "canvas", "")
    key = canvas_id.where(canvas_id != "", book["name"])
    rows, problems = _matchable(book, key, "name")
    possible = int(book["possible"].max()) if len(book) else 0
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", f"{title}: first try", f"{title}: eventually"]
    lines = [header, ["Points Possible", "", "", "", "", possible, possible]]
    for index, row in rows.iterrows():
        student = row["name"] or row["platform_name"]
        lines.append([student, canvas_id[index], "", "", "", row["first_try"], row["eventually"]])
    write_rows(lines, path)
    return problems


def moodle_csv(
    book: pd.DataFrame, path: str | Path, *, title: str = TITLE, identifier: str = "Email address"
) -> list[str]:
    """Write a CSV for Moodle's "Import grades from CSV"; return the learners left out, with reasons.

    ``identifier`` titles the first column, which holds the name each learner typed: call it
    after the Moodle field it matches ("Email address", "ID number" or "Username").
    """
    rows, problems = _matchable(book, book["name"], identifier.lower())
    possible = int(book["possible"].max()) if len(book) else 0
    header = [identifier, "Name in submission", "Book learner id",
              f"{title}: first try (out of {possible})", f"{title}: eventually (out of {possible})"]  # fmt: skip
    lines = [header]
    for _, row in rows.iterrows():
        moodle_name = row["platform_name"] if row["platform"] == "moodle" else ""
        lines.append([row["name"], moodle_name, row["learner"], row["first_try"], row["eventually"]])
    write_rows(lines, path)
    return problems


def write_exports(
    folder: str | Path, book: pd.DataFrame, tables: dict[str, pd.DataFrame], *, identifier: str = "Email address"
) -> list[str]:
    """Write gradebook-canvas.csv, gradebook-moodle.csv and ``<name>.csv`` for each table into ``folder``.

    Returns the learners left out of the gradebook files, with reasons.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    left_out = canvas_csv(book, folder / "gradebook-canvas.csv")
    moodle = moodle_csv(book, folder / "gradebook-moodle.csv", identifier=identifier)
    left_out += [problem for problem in moodle if problem not in left_out]
    for name, table in tables.items():
        write_csv(table, folder / f"{name}.csv")
    return left_out
