"""Class results: folders and zips of answer files -> honest per-question results.

Each fix of issue 9 (items 3 and 8) and issue 13 (answer files) has a case here that failed before it.
"""

from __future__ import annotations

import codecs
import csv
import json
import zipfile
from pathlib import Path

import pytest

from bookquiz import parse_bank
from coupbook import classresults as cr
from coupbook.classresults_load import MAX_FILE_BYTES, platform_identity
from coupbook.quizzes import NAMESPACE
from coupbook.sampleclass import write_class

from .classfiles import BANK, OPEN_BANK, document, tries, write

BANKS = [BANK, OPEN_BANK]


@pytest.fixture
def small_class(tmp_path):
    write(tmp_path, "ana.json", "id-ana", "Ana", {"single-q": tries("insiders"), "numeric-q": tries(22)})
    # ben's file claims "correct": true for a wrong answer; regrading must say otherwise.
    write(tmp_path, "ben.json", "id-ben", "Ben", {"single-q": tries("crowds", correct=True)})
    write(tmp_path, "cy.json", "id-cy", "Cy", {"single-q": tries("crowds"), "truefalse-q": tries(revealed=True)})
    write(tmp_path, "dee.json", "id-dee", "Dee", {"single-q": tries("crowds", "insiders"), "ghost-q": tries("x")})
    # Problems: each must be reported by name and skipped; the good files all stay.
    (tmp_path / "broken.json").write_text('{"format": "bookquiz-answers", ')
    no_learner = {k: v for k, v in document("x", "", {}).items() if k != "learner"}
    (tmp_path / "nolearner.json").write_text(json.dumps(no_learner))
    (tmp_path / "zz-ana-copy.json").write_bytes((tmp_path / "ana.json").read_bytes())
    write(tmp_path, "elsewhere.json", "id-zed", "Zed", {"single-q": tries("insiders")}, namespace="another-book")
    (tmp_path / "notes.txt").write_text("not an answer file")
    return tmp_path


def test_bad_and_duplicate_files_are_reported_by_name_and_skipped(small_class):
    loaded = cr.load_class(small_class)
    assert sorted(loaded.files) == ["ana.json", "ben.json", "cy.json", "dee.json"]
    assert set(loaded.skipped) == {"broken.json", "nolearner.json", "zz-ana-copy.json", "elsewhere.json", "notes.txt"}
    assert "is not JSON" in loaded.skipped["broken.json"]
    assert "field 'learner'" in loaded.skipped["nolearner.json"]
    assert loaded.skipped["zz-ana-copy.json"] == "duplicate: same content as ana.json"
    assert "another book" in loaded.skipped["elsewhere.json"]
    assert "not a .json" in loaded.skipped["notes.txt"]
    report = loaded.report()
    assert report.startswith("4 learners: 4 answer files used, 5 skipped.")
    assert "skipped broken.json: is not JSON" in report


def test_regraded_not_trusted_and_first_try_apart_from_eventually(small_class):
    table = cr.responses(cr.load_class(small_class), BANKS)
    assert "ghost-q" not in set(table["question"])  # a question this edition does not have
    summary = cr.question_summary(table, BANKS).set_index("question")
    single = summary.loc["single-q"]
    assert (single["learners"], single["first_try"], single["eventually"]) == (4, 1, 2)
    assert (single["first_try_rate"], single["eventual_rate"]) == (0.25, 0.5)
    assert summary.loc["numeric-q", "eventual_rate"] == 0.0
    assert single["prompt"].startswith("Which actor carries out a coup")
    assert single["mean_attempts"] == 1.25


def test_learners_are_counted_by_id_never_by_name(tmp_path):
    write(tmp_path, "sam-1.json", "id-1", "Sam", {"single-q": tries("insiders")})
    write(tmp_path, "sam-2.json", "id-2", "Sam", {"single-q": tries("insiders")})
    loaded = cr.load_class(tmp_path)
    summary = cr.question_summary(cr.responses(loaded, BANKS), BANKS).set_index("question")
    assert summary.loc["single-q", "learners"] == 2 and summary.loc["single-q", "first_try"] == 2
    assert summary["first_try_rate"].max() <= 1  # never "2 of 1" (200%)
    assert loaded.report().startswith("2 learners:")


@pytest.mark.parametrize("version", [1, 2])
def test_a_shown_answer_never_counts_as_correct(tmp_path, version):
    if version == 2:
        entry = tries("insiders", revealed=True)  # an attempt recorded, then the answer shown
    else:
        entry = {"response": "insiders", "correct": True, "attempts": 1, "revealed": True}
    doc = document("id-1", "Ana", {BANK.bank: {"single-q": entry}})
    doc["version"] = version
    (tmp_path / "ana.json").write_text(json.dumps(doc))
    row = cr.responses(cr.load_class(tmp_path), BANKS).set_index("question").loc["single-q"]
    assert row["revealed"] and not row["correct"] and not row["first_correct"]


def test_version_1_first_try_is_right_only_when_one_attempt_was_right(tmp_path):
    entries = {
        "single-q": {"response": "insiders", "correct": True, "attempts": 1, "revealed": False},
        "numeric-q": {"response": 15, "correct": True, "attempts": 2, "revealed": False},
        # Right at a try beyond the budget (true/false allows one): an older build allowed it.
        "truefalse-q": {"response": True, "correct": True, "attempts": 2, "revealed": False},
    }
    doc = document("id-1", "Ana", {BANK.bank: entries})
    doc["version"] = 1
    (tmp_path / "ana.json").write_text(json.dumps(doc))
    table = cr.responses(cr.load_class(tmp_path), BANKS).set_index("question")
    assert table.loc["single-q", "first_correct"] and table.loc["single-q", "correct"]
    assert not table.loc["numeric-q", "first_correct"] and table.loc["numeric-q", "correct"]
    assert table.loc["numeric-q", "first_answer"] == "(not recorded)"
    assert not table.loc["truefalse-q", "first_correct"] and not table.loc["truefalse-q", "correct"]


def test_right_eventually_counts_only_tries_within_the_budget(tmp_path):
    """Two tries for choice, classify, order and numeric questions, one for true/false; a file
    with more attempts (edited, or from an older build) never counts the extra ones."""
    write(
        tmp_path,
        "ana.json",
        "id-ana",
        "Ana",
        {
            "single-q": tries("crowds", "insiders"),  # second try: counts
            "multiple-q": tries(["illegal"], ["overt"], ["overt", "illegal"]),  # third try: does not
            "order-q": tries(*[["ides", "pharsalus", "rubicon"]] * 5, ["rubicon", "pharsalus", "ides"]),
            "numeric-q": tries(16, 14, 15, correct=True),  # a `correct` flag in the file changes nothing
            "truefalse-q": tries(False, True),  # one try only
        },
    )
    table = cr.responses(cr.load_class(tmp_path), BANKS).set_index("question")
    assert table["correct"].to_dict() == {
        "single-q": True,
        "multiple-q": False,
        "order-q": False,
        "numeric-q": False,
        "truefalse-q": False,
    }
    assert table.loc["order-q", "attempts"] == 6  # every attempt is still reported
    summary = cr.question_summary(table.reset_index(), BANKS).set_index("question")
    assert summary.loc["single-q", "eventually"] == 1 and summary.loc["multiple-q", "eventually"] == 0


def test_the_latest_file_of_a_learner_is_kept_by_export_time(tmp_path):
    # Alphabetically first, but exported earlier: the old rule kept this one.
    write(tmp_path, "a-first-try.json", "id-ben", "Ben", {"single-q": tries("crowds")}, exported=10)
    write(tmp_path, "b-final.json", "id-ben", "Ben", {"single-q": tries("insiders")}, exported=90)
    loaded = cr.load_class(tmp_path)
    assert list(loaded.files) == ["b-final.json"]
    assert loaded.skipped["a-first-try.json"].startswith("superseded by b-final.json")
    assert cr.responses(loaded, BANKS).iloc[0]["correct"]


def test_same_id_with_another_name_is_pointed_out(tmp_path):
    write(tmp_path, "ana.json", "shared-browser", "Ana", {"single-q": tries("crowds")}, exported=10)
    write(tmp_path, "ben.json", "shared-browser", "Ben", {"single-q": tries("insiders")}, exported=20)
    reason = cr.load_class(tmp_path).skipped["ana.json"]
    assert "superseded by ben.json" in reason and "another name" in reason


def test_no_file_can_crash_the_report(tmp_path):
    write(tmp_path, "fine.json", "id-1", "Ana", {"single-q": tries("insiders")})
    huge = document("id-2", "Bo", {BANK.bank: {"numeric-q": tries(15)}})
    text = json.dumps(huge).replace('"response": 15', '"response": ' + "9" * 401)
    (tmp_path / "huge-number.json").write_text(text)
    v1 = document("id-3", "Cy", {BANK.bank: {"numeric-q": {"response": 15, "attempts": 1}}})
    v1["version"] = 1
    (tmp_path / "huge-attempts.json").write_text(json.dumps(v1).replace('"attempts": 1', '"attempts": 1' + "0" * 400))
    loaded = cr.load_class(tmp_path)
    assert list(loaded.files) == ["fine.json"]
    assert "banks.fixture-all-types.numeric-q" in loaded.skipped["huge-number.json"]
    assert "attempts" in loaded.skipped["huge-attempts.json"]
    table = cr.responses(loaded, BANKS)
    cr.success_chart(cr.question_summary(table, BANKS))


def test_size_limit_and_encodings(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    text = json.dumps(document("id-1", "Zoë", {BANK.bank: {"single-q": tries("insiders")}}), ensure_ascii=False)
    (tmp_path / "utf16.json").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "latin1.json").write_bytes(text.replace("id-1", "id-2").encode("latin-1"))
    loaded = cr.load_class(tmp_path)
    assert list(loaded.files) == ["utf16.json"]
    assert "larger than the 1 MB limit" in loaded.skipped["huge.json"]
    assert "not UTF-8" in loaded.skipped["latin1.json"] and "UnicodeDecodeError" not in loaded.skipped["latin1.json"]
    assert MAX_FILE_BYTES == 1_000_000


def test_any_letter_case_and_sub_folders(tmp_path):
    write(tmp_path, "week1/ANA.JSON", "id-1", "Ana", {"single-q": tries("insiders")})
    write(tmp_path, "week1/late/ben.Json", "id-2", "Ben", {"single-q": tries("insiders")})
    (tmp_path / "week1" / "readme.md").write_text("hello")
    loaded = cr.load_class(tmp_path)
    assert sorted(loaded.files) == ["week1/ANA.JSON", "week1/late/ben.Json"]
    assert loaded.skipped == {"week1/readme.md": "not a .json or .zip file"}
    with pytest.raises(FileNotFoundError, match="does not exist"):
        cr.load_class(tmp_path / "no-such-folder")


def zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def answer_bytes(learner_id: str, name: str, response="insiders", exported: int = 60) -> bytes:
    return json.dumps(
        document(learner_id, name, {BANK.bank: {"single-q": tries(response)}}, exported=exported)
    ).encode()


def test_canvas_submissions_zip(tmp_path):
    # Canvas names each file lastfirst_[LATE_]userid_attachmentid_original-name, all in one folder;
    # a resubmitted file gets a number before its extension.
    archive = zip_of(
        tmp_path / "submissions.zip",
        {
            "smithbob_340934_208490284_answers-Bob.json": answer_bytes("b1", "Bob"),
            "wellslane_LATE_334244_394803489_answers.json": answer_bytes("w1", "Lane", "crowds", exported=10),
            "wellslane_LATE_334244_394803490_answers-1.json": answer_bytes("w1", "Lane", exported=20),
        },
    )
    loaded = cr.load_class(archive)
    assert sorted(loaded.files) == [
        "submissions.zip/smithbob_340934_208490284_answers-Bob.json",
        "submissions.zip/wellslane_LATE_334244_394803490_answers-1.json",
    ]
    identity = loaded.identities["submissions.zip/smithbob_340934_208490284_answers-Bob.json"]
    assert (identity.platform, identity.user, identity.name) == ("canvas", "340934", "smithbob")
    assert "superseded" in loaded.skipped["submissions.zip/wellslane_LATE_334244_394803489_answers.json"]


def test_moodle_submissions_zip(tmp_path):
    # Moodle puts each participant's files in "Full Name_participantid_assignsubmission_file/"
    # (or, without folders, prefixes the file name with it); online text comes as HTML.
    archive = zip_of(
        tmp_path / "Course-Quiz answers-12345.ZIP",
        {
            "Ana Lima_123456_assignsubmission_file/answers.JSON": answer_bytes("a1", "Ana"),
            "Ben Ode_123457_assignsubmission_file/sub/answers-Ben.json": answer_bytes("b1", "Ben"),
            "Cy Wu_123458_assignsubmission_file_answers.json": answer_bytes("c1", "Cy"),
            "Ana Lima_123456_assignsubmission_onlinetext/onlinetext.html": b"<p>hi</p>",
            "__MACOSX/Ana Lima_123456_assignsubmission_file/._answers.JSON": b"\x00\x05\x16\x07",
            "Dee_123459_assignsubmission_file/inner.zip": b"PK\x03\x04",
        },
    )
    loaded = cr.load_class(archive)
    prefix = "Course-Quiz answers-12345.ZIP/"
    assert len(loaded.files) == 3
    identity = loaded.identities[prefix + "Ben Ode_123457_assignsubmission_file/sub/answers-Ben.json"]
    assert (identity.platform, identity.user, identity.name) == ("moodle", "123457", "Ben Ode")
    assert loaded.identities[prefix + "Cy Wu_123458_assignsubmission_file_answers.json"].name == "Cy Wu"
    skipped = loaded.skipped
    assert skipped[prefix + "Ana Lima_123456_assignsubmission_onlinetext/onlinetext.html"] == "not a .json or .zip file"
    assert "macOS" in skipped[prefix + "__MACOSX/Ana Lima_123456_assignsubmission_file/._answers.JSON"]
    assert "zip inside a zip" in skipped[prefix + "Dee_123459_assignsubmission_file/inner.zip"]


def test_zip_members_are_checked_before_reading(tmp_path):
    archive = zip_of(
        tmp_path / "class.zip", {"big.json": b" " * (MAX_FILE_BYTES + 1), "ok.json": answer_bytes("a", "A")}
    )
    loaded = cr.load_class(archive)
    assert list(loaded.files) == ["class.zip/ok.json"]
    assert "larger than the 1 MB limit" in loaded.skipped["class.zip/big.json"]
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really a zip")
    folder = cr.load_class(tmp_path)
    assert "not a readable zip" in folder.skipped["bad.zip"]
    assert "class.zip/ok.json" in folder.files  # a zip inside the folder is read too


def test_platform_identity_from_names():
    assert platform_identity("x.json") is None
    assert platform_identity("smithbob_340934_208490284_answers.json").user == "340934"
    assert platform_identity("Ana María Núñez_7_assignsubmission_file/a.json").name == "Ana María Núñez"


def test_open_answers_are_reported_apart(tmp_path):
    write(tmp_path, "a.json", "a", "Ana", {"fixture-open/essay": tries({"text": "The target.", "met": [0, 2]})})
    write(
        tmp_path, "b.json", "b", "Ben", {"fixture-open/essay": tries({"text": "<a href='x'>Position</a>", "met": [0]})}
    )
    write(
        tmp_path, "c.json", "c", "Cy", {"fixture-open/essay": tries({"text": "  ", "met": []}), "single-q": tries("x")}
    )
    loaded = cr.load_class(tmp_path)
    assert "essay" not in set(cr.responses(loaded, BANKS)["question"])  # never among graded items
    opened = cr.open_responses(loaded, BANKS)
    summary = cr.open_summary(opened, BANKS)
    assert list(summary["criterion"]) == ["Names the target", "Names the position", "Uses a source"]
    assert list(summary["ticked"]) == [2, 0, 1]
    assert set(summary["wrote"]) == {2} and set(summary["learners"]) == {3}
    assert list(summary["share"]) == [1.0, 0.0, 0.5]
    html = opened._repr_html_()
    assert "<a href" not in html and "&lt;a href=" in html


def test_charts_escape_text(tmp_path):
    raw = BANK.model_dump(exclude_none=True)
    raw["questions"][0]["options"][1]["text"] = '<a href="https://example.org/x">Mass protest</a> <b>movements</b>'
    hostile = parse_bank(raw, "hostile")
    write(tmp_path, "a.json", "a", "<b>Ana</b>", {"single-q": tries("crowds")})
    table = cr.responses(cr.load_class(tmp_path), [hostile])
    wrong_figure = cr.wrong_answers_chart(cr.common_wrong_answers(table))
    success_figure = cr.success_chart(cr.question_summary(table, [hostile]))
    for figure in (wrong_figure, success_figure):
        shown = json.dumps([figure.data[0].y, figure.data[0].hovertext, figure.data[0].text])
        assert "<a" not in shown and "<b>" not in shown
    assert "&lt;a href=" in json.dumps(list(wrong_figure.data[0].y))


def test_csv_exports_guard_against_formulas(tmp_path):
    write(tmp_path, "a.json", "a", '=HYPERLINK("http://x")', {"single-q": tries("crowds")})
    table = cr.responses(cr.load_class(tmp_path), BANKS)
    out = cr.write_csv(table[["name", "question"]], tmp_path / "out.csv")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == ['\'=HYPERLINK("http://x")', "single-q"]


def test_simulated_class_round_trip(tmp_path):
    folder = write_class(tmp_path / "class", [BANK], learners=10)
    loaded = cr.load_class(folder)
    assert len({loaded.learners[f] for f in loaded.files}) == len(loaded.files) == 10
    reasons = " ".join(loaded.skipped.values())
    for expected in ("is not JSON", "superseded", "another book", "banks."):
        assert expected in reasons
    summary = cr.question_summary(cr.responses(loaded, [BANK]), [BANK])
    assert set(summary["question"]) == {q.id for q in BANK.questions if q.graded}
    assert summary["first_try_rate"].between(0, 1).all()
    assert (summary["first_try_rate"] <= summary["eventual_rate"]).all()
    # Deterministic: the same seed writes the same answers.
    again = write_class(tmp_path / "again", [BANK], learners=10)
    first, second = (sorted(p.name for p in f.iterdir()) for f in (folder, again))
    assert first == second
    name = next(n for n in first if n.startswith("answers-Bo"))
    assert json.loads((folder / name).read_text())["banks"] == json.loads((again / name).read_text())["banks"]
    assert json.loads((folder / name).read_text())["namespace"] == NAMESPACE
