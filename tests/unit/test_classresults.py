"""Class results: a folder of learners' answer files -> per-question rates and wrong answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookquiz import answer_document, load_bank
from coupbook import classresults as cr
from coupbook.quizzes import NAMESPACE
from coupbook.sampleclass import write_class

BANK = load_bank(Path(__file__).resolve().parents[1] / "fixtures" / "banks" / "all_types.yaml")
BANKS = [BANK]


def learner_file(folder: Path, name: str, answers: dict, *, learner_id: str | None = None, namespace=NAMESPACE):
    doc = answer_document(namespace, learner_id or f"id-{name}", name, {BANK.bank: answers})
    (folder / f"{name}.json").write_text(json.dumps(doc))


@pytest.fixture
def small_class(tmp_path):
    learner_file(tmp_path, "ana", {"single-q": {"response": "insiders", "attempts": 1}, "numeric-q": {"response": 22}})
    learner_file(tmp_path, "ben", {"single-q": {"response": "crowds", "correct": True, "attempts": 2}})
    learner_file(tmp_path, "cy", {"single-q": {"response": "crowds"}, "truefalse-q": {"revealed": True}})
    learner_file(tmp_path, "dee", {"single-q": {"response": "insiders"}, "ghost-q": {"response": "x"}})
    # Problems: each must be reported by name and skipped; the good files all stay.
    (tmp_path / "broken.json").write_text('{"format": "bookquiz-answers", ')
    (tmp_path / "nolearner.json").write_text(
        json.dumps({k: v for k, v in answer_document(NAMESPACE, "x", "", {}).items() if k != "learner"})
    )
    (tmp_path / "zz-ana-copy.json").write_bytes((tmp_path / "ana.json").read_bytes())
    learner_file(tmp_path, "zz-ben-second-try", {"single-q": {"response": "insiders"}}, learner_id="id-ben")
    learner_file(tmp_path, "elsewhere", {"single-q": {"response": "insiders"}}, namespace="another-book")
    (tmp_path / "notes.txt").write_text("not an answer file")
    return tmp_path


def test_bad_and_duplicate_files_are_reported_by_name_and_skipped(small_class):
    loaded = cr.load_class(small_class)
    assert sorted(loaded.files) == ["ana.json", "ben.json", "cy.json", "dee.json"]
    # Files are read in name order, so the later copy is the duplicate.
    assert set(loaded.skipped) == {
        "broken.json",
        "nolearner.json",
        "zz-ana-copy.json",
        "zz-ben-second-try.json",
        "elsewhere.json",
    }
    assert "is not JSON" in loaded.skipped["broken.json"]
    assert "field 'learner'" in loaded.skipped["nolearner.json"]
    assert loaded.skipped["zz-ana-copy.json"] == "duplicate: same content as ana.json"
    assert loaded.skipped["zz-ben-second-try.json"] == "duplicate: learner id-ben already in ben.json"
    assert "another book" in loaded.skipped["elsewhere.json"]
    report = loaded.report()
    assert report.startswith("4 answer file(s) loaded, 5 skipped.")
    assert "skipped broken.json: is not JSON" in report


def test_rates_are_regraded_not_trusted(small_class):
    table = cr.responses(cr.load_class(small_class), BANKS)
    assert "ghost-q" not in set(table["question"])  # unknown questions are ignored
    summary = cr.question_summary(table, BANKS).set_index("question")
    single = summary.loc["single-q"]
    # ben's file claims "correct": true for a wrong answer; regrading says otherwise.
    assert (single["learners"], single["correct"], single["success_rate"]) == (4, 2, 0.5)
    assert summary.loc["numeric-q", "success_rate"] == 0.0
    assert summary.loc["truefalse-q", "revealed"] == 1 and summary.loc["truefalse-q", "correct"] == 0
    assert single["prompt"].startswith("Which actor carries out a coup")


def test_most_common_wrong_answers_in_words(small_class):
    table = cr.responses(cr.load_class(small_class), BANKS)
    wrong = cr.common_wrong_answers(table)
    top = wrong[wrong["question"] == "single-q"].iloc[0]
    assert (top["answer"], top["learners"]) == ("Mass protest movements", 2)
    assert list(wrong[wrong["question"] == "numeric-q"]["answer"]) == ["22"]


def test_csv_export_and_charts(small_class, tmp_path):
    table = cr.responses(cr.load_class(small_class), BANKS)
    summary = cr.question_summary(table, BANKS)
    out = tmp_path / "summary.csv"
    summary.to_csv(out, index=False)
    assert (
        out.read_text().splitlines()[0] == "bank,question,prompt,learners,correct,success_rate,revealed,mean_attempts"
    )
    fig = cr.success_chart(summary)
    notes = fig.layout.meta["coupbook"]
    assert "numeric-q at 0%" in notes["alt"] and notes["caption"] and notes["source"]
    assert list(fig.data[0].x) == list(summary["success_rate"] * 100)
    wrong_fig = cr.wrong_answers_chart(cr.common_wrong_answers(table))
    assert "'Mass protest movements' by 2" in wrong_fig.layout.meta["coupbook"]["alt"]


def test_simulated_class_round_trip(tmp_path):
    folder = write_class(tmp_path / "class", BANKS, learners=10)
    loaded = cr.load_class(folder)
    assert len(loaded.files) == 10 and len(loaded.skipped) == 3
    summary = cr.question_summary(cr.responses(loaded, BANKS), BANKS)
    assert set(summary["question"]) == {q.id for q in BANK.questions}
    assert summary["success_rate"].between(0, 1).all()
    # Deterministic: the same seed writes the same answers.
    again = write_class(tmp_path / "again", BANKS, learners=10)
    first, second = (json.loads((f / "answers-Bo-01.json").read_text()) for f in (folder, again))
    assert first["banks"] == second["banks"]
