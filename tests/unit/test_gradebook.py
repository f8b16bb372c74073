"""The gradebook: one row per learner, and the CSV files Canvas and Moodle import."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

from coupbook import classresults as cr
from coupbook.classresults_gradebook import canvas_csv, gradebook, moodle_csv, safe_cell

from .classfiles import BANK, TINY, document, tries, write, write_tiny_class

TITLE = "Coups quizzes"


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_gradebook_of_the_tiny_class(tmp_path):
    book = gradebook(cr.load_class(write_tiny_class(tmp_path)), [TINY]).set_index("learner")
    assert list(book["first_try"]) == [4, 4, 3, 2, 2]
    assert list(book["eventually"]) == [5, 4, 3, 2, 2]  # L4's second true/false try is beyond the budget
    assert list(book["shown"]) == [0, 0, 1, 0, 1]
    assert set(book["possible"]) == {5}
    assert list(book["open_written"]) == [1, 1, 0, 1, 0]
    assert list(book["open_assessed"]) == [1, 0, 0, 0, 0]  # only L1 submitted a self-assessment


def test_canvas_csv_uses_the_canvas_user_id_from_the_submissions_zip(tmp_path):
    members = {
        "smithbob_340934_208490284_answers.json": document(
            "b", "Bob Smith", {BANK.bank: {"single-q": tries("insiders")}}
        ),
        "wellslane_LATE_334244_394803489_x.json": document(
            "w", "Lane Wells", {BANK.bank: {"single-q": tries("crowds")}}
        ),
    }
    with zipfile.ZipFile(tmp_path / "submissions.zip", "w") as archive:
        for name, doc in members.items():
            archive.writestr(name, json.dumps(doc))
    book = gradebook(cr.load_class(tmp_path / "submissions.zip"), [BANK])
    problems = canvas_csv(book, tmp_path / "canvas.csv", title=TITLE)
    assert problems == []
    rows = rows_of(tmp_path / "canvas.csv")
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                       f"{TITLE}: first try", f"{TITLE}: eventually"]  # fmt: skip
    assert rows[1] == ["Points Possible", "", "", "", "", "6", "6"]
    assert rows[2:] == [["Bob Smith", "340934", "", "", "", "1", "1"], ["Lane Wells", "334244", "", "", "", "0", "0"]]


def test_canvas_without_ids_matches_by_name_and_leaves_out_ambiguous_names(tmp_path):
    write(tmp_path, "a.json", "a", "Sam Lee", {"single-q": tries("insiders")})
    write(tmp_path, "b.json", "b", "Sam Lee", {"single-q": tries("crowds")})
    write(tmp_path, "c.json", "c", "Ana Lima", {"single-q": tries("insiders")})
    write(tmp_path, "d.json", "d", "", {"single-q": tries("insiders")})
    problems = canvas_csv(gradebook(cr.load_class(tmp_path), [BANK]), tmp_path / "canvas.csv", title=TITLE)
    assert [r[0] for r in rows_of(tmp_path / "canvas.csv")[2:]] == ["Ana Lima"]
    assert any("Sam Lee" in p and "a.json" in p and "b.json" in p for p in problems)
    assert any("d.json" in p and "no name" in p for p in problems)


def test_moodle_csv_maps_by_the_identifier_learners_typed(tmp_path):
    write(tmp_path, "a.json", "a", "ana@example.edu", {"single-q": tries("crowds", "insiders")})
    write(tmp_path, "b.json", "b", "ben@example.edu", {"single-q": tries("insiders")})
    book = gradebook(cr.load_class(tmp_path), [BANK])
    assert moodle_csv(book, tmp_path / "moodle.csv", title=TITLE) == []
    rows = rows_of(tmp_path / "moodle.csv")
    assert rows[0] == ["Email address", "Name in submission", "Book learner id",
                       f"{TITLE}: first try (out of 6)", f"{TITLE}: eventually (out of 6)"]  # fmt: skip
    assert rows[1:] == [["ana@example.edu", "", "a", "0", "1"], ["ben@example.edu", "", "b", "1", "1"]]
    moodle_csv(book, tmp_path / "by-id.csv", title=TITLE, identifier="ID number")
    assert rows_of(tmp_path / "by-id.csv")[0][0] == "ID number"


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(tmp_path):
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Ana") == "Ana" and safe_cell(3) == 3
    write(tmp_path, "a.json", "a", '=HYPERLINK("http://example.org","x")', {"single-q": tries("insiders")})
    book = gradebook(cr.load_class(tmp_path), [BANK])
    canvas_csv(book, tmp_path / "canvas.csv", title="=Quiz")
    moodle_csv(book, tmp_path / "moodle.csv", title="=Quiz")
    for name in ("canvas.csv", "moodle.csv"):
        cells = [cell for row in rows_of(tmp_path / name) for cell in row]
        assert not any(cell.startswith(("=", "+", "@")) for cell in cells), name
        assert '\'=HYPERLINK("http://example.org","x")' in cells
