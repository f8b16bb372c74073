"""The answer file (bookquiz.answers): version 2, version 1 conversion, bounds, size and encodings.

Every bad file must raise :class:`AnswerFileError` naming the file (and the field), never another
exception: class results skip such a file and go on with the others.
"""

from __future__ import annotations

import codecs
import json
import tracemalloc
from pathlib import Path

import pytest

from bookquiz import AnswerFileError, Quiz, export_answers, load_bank, read_answer_file
from bookquiz.answers import MAX_ATTEMPTS, MAX_FILE_BYTES, entry_from_v1, read_answer_bytes

BANK = load_bank(Path(__file__).resolve().parents[1] / "fixtures" / "banks" / "all_types.yaml")
AT = "2026-03-01T10:00:00Z"


def v2_document(entries: dict | None = None, **changes) -> dict:
    doc = {
        "format": "bookquiz-answers",
        "version": 2,
        "namespace": "course",
        "learner": {"id": "abc", "name": "Ada"},
        "exported_at": AT,
        "banks": {"ch01": entries if entries is not None else {}},
    }
    doc.update(changes)
    return doc


def attempt(response, correct=None, at=AT) -> dict:
    return {"response": response, "correct": correct, "at": at}


def entry(*responses, revealed=False) -> dict:
    return {"attempts": [attempt(r) for r in responses], "revealed": revealed, "revealed_at": AT if revealed else None}


def v1_document(entries: dict) -> dict:
    doc = v2_document(entries)
    doc["version"] = 1
    return doc


def write(tmp_path: Path, content, name: str = "learner.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(AnswerFileError) as info:
        read_answer_file(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: "), message
    return message


# --- version 2 ------------------------------------------------------------------------------


def test_version_2_keeps_every_attempt_in_order(tmp_path):
    doc = v2_document({"q1": entry("b", "a"), "q2": entry(revealed=True), "q3": entry({"text": "why", "met": [0, 2]})})
    answers = read_answer_file(write(tmp_path, doc))
    q1 = answers.banks["ch01"]["q1"]
    assert [a.response for a in q1.attempts] == ["b", "a"]
    assert q1.attempts[0].at.isoformat() == "2026-03-01T10:00:00+00:00"
    assert q1.response == "a"  # the last response, for code that only needs the final answer
    assert answers.banks["ch01"]["q2"].revealed and answers.banks["ch01"]["q2"].attempts == []
    assert answers.banks["ch01"]["q3"].attempts[0].response == {"text": "why", "met": [0, 2]}
    assert answers.read_version == 2


def test_export_writes_version_2_from_live_quizzes(tmp_path):
    quiz = Quiz(BANK, namespace="course")
    quiz.answers = {"single-q": entry("crowds", "insiders"), "truefalse-q": entry(True)}
    path = export_answers([quiz], tmp_path / "me.json", name="Ada", learner_id="abc")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["version"] == 2
    assert raw["banks"]["fixture-all-types"]["single-q"]["attempts"][0]["response"] == "crowds"
    loaded = read_answer_file(path)
    assert loaded.learner.id == "abc" and loaded.banks["fixture-all-types"]["truefalse-q"].response is True


def test_export_converts_version_1_entries_of_todays_widget(tmp_path):
    quiz = Quiz(BANK, namespace="course")
    quiz.answers = {"single-q": {"response": "insiders", "correct": True, "attempts": 2, "revealed": False}}
    path = export_answers([quiz], tmp_path / "me.json", learner_id="abc")
    entry_ = read_answer_file(path).banks["fixture-all-types"]["single-q"]
    assert [a.response for a in entry_.attempts] == [None, "insiders"]


# --- version 1 ------------------------------------------------------------------------------


def test_version_1_files_still_load_converted():
    converted = entry_from_v1({"response": "a", "correct": True, "attempts": 3, "revealed": False})
    # Only the last response of a version 1 entry is known; the earlier tries are recorded as unknown.
    assert [a["response"] for a in converted["attempts"]] == [None, None, "a"]
    assert all(a["at"] is None for a in converted["attempts"])
    assert entry_from_v1({"response": "a", "attempts": 1})["attempts"][0]["response"] == "a"
    assert entry_from_v1({"revealed": True, "attempts": 0}) == {"attempts": [], "revealed": True, "revealed_at": None}


def test_version_1_file_reads_as_version_2(tmp_path):
    doc = v1_document(
        {
            "q1": {"response": "a", "correct": True, "attempts": 1, "revealed": False},
            "q2": {"response": "b", "correct": False, "attempts": 2, "revealed": True},
        }
    )
    answers = read_answer_file(write(tmp_path, doc))
    assert answers.read_version == 1 and answers.version == 2
    assert [a.response for a in answers.banks["ch01"]["q1"].attempts] == ["a"]
    assert answers.banks["ch01"]["q2"].revealed and len(answers.banks["ch01"]["q2"].attempts) == 2


# --- bounds: no file may crash the report ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (
            '{"format": "bookquiz-answers", "version": 2, "namespace": "n", "learner": {"id": "a"}, '
            '"exported_at": "2026-01-01T00:00:00Z", "banks": {"ch01": {"q1": {"attempts": [{"response": '
            + "9" * 401
            + ', "at": "2026-01-01T00:00:00Z"}]}}}}',
            "banks.ch01.q1.attempts.0.response",
        ),
        (
            '{"format": "bookquiz-answers", "version": 1, "namespace": "n", "learner": {"id": "a"}, '
            '"exported_at": "2026-01-01T00:00:00Z", "banks": {"ch01": {"q1": {"response": 15, "attempts": 1'
            + "0" * 400
            + "}}}}",
            "banks.ch01.q1.attempts",
        ),
        (
            '{"format": "bookquiz-answers", "version": 1, "namespace": "n", "learner": {"id": "a"}, '
            '"exported_at": "2026-01-01T00:00:00Z", "banks": {"ch01": {"q1": {"response": 1'
            + "0" * 5000
            + ', "attempts": 1}}}}',
            "number",
        ),
        (
            '{"format": "bookquiz-answers", "version": 1, "namespace": "n", "learner": {"id": "a"}, '
            '"exported_at": "2026-01-01T00:00:00Z", "banks": {"ch01": {"q1": {"response": 1e400, "attempts": 1}}}}',
            "banks.ch01.q1.response",
        ),
        (
            '{"format": "bookquiz-answers", "version": 1, "namespace": "n", "learner": {"id": "a"}, '
            '"exported_at": "2026-01-01T00:00:00Z", "banks": {"ch01": {"q1": {"response": NaN, "attempts": 1}}}}',
            "NaN",
        ),
    ],
    ids=["401-digit-answer", "attempts-10^400", "5000-digit-answer", "1e400", "NaN"],
)
def test_huge_or_non_finite_numbers_are_errors_not_crashes(tmp_path, raw, field):
    assert field in error_of(write(tmp_path, raw))


def test_numbers_are_bounded(tmp_path):
    message = error_of(write(tmp_path, v2_document({"q1": entry(1e13)})))
    assert "banks.ch01.q1.attempts.0.response" in message and "1e+12" in message


def test_attempts_per_question_are_bounded(tmp_path):
    too_many = {"attempts": [attempt("a")] * (MAX_ATTEMPTS + 1)}
    assert "banks.ch01.q1.attempts" in error_of(write(tmp_path, v2_document({"q1": too_many})))
    fine = {"attempts": [attempt("a")] * MAX_ATTEMPTS}
    assert len(read_answer_file(write(tmp_path, v2_document({"q1": fine}))).banks["ch01"]["q1"].attempts) == 200


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ({"text": "x" * 10_001, "met": []}, "text"),
        ({"text": "fine", "met": [0, 99]}, "met"),
        ({"text": "fine", "met": [1, 1]}, "met"),
        ("<a href=x>", "option"),
        (["a", {"b": 1}], "response"),
        ({"item": ["a"]}, "response"),
        ({f"i{n}": "c" for n in range(60)}, "response"),
    ],
    ids=[
        "long-open-text",
        "criterion-out-of-range",
        "criterion-twice",
        "markup-as-id",
        "nested-list",
        "mapping-to-list",
        "60-items",
    ],
)
def test_responses_are_checked(tmp_path, response, words):
    message = error_of(write(tmp_path, v2_document({"q1": entry(response)})))
    assert "banks.ch01.q1.attempts.0.response" in message and words in message


def test_ids_and_names_are_bounded(tmp_path):
    assert "learner.id" in error_of(write(tmp_path, v2_document(learner={"id": "x" * 101})))
    assert "learner.name" in error_of(write(tmp_path, v2_document(learner={"id": "a", "name": "n" * 201})))
    assert "banks" in error_of(write(tmp_path, v2_document({"Q 1": entry("a")})))
    assert "namespace" in error_of(write(tmp_path, v2_document(namespace="n" * 101)))


def test_deeply_nested_json_is_an_error(tmp_path):
    assert "is not JSON" in error_of(write(tmp_path, "[" * 100_000 + "]" * 100_000))


def test_unknown_version_is_named(tmp_path):
    assert "version 3" in error_of(write(tmp_path, v2_document(version=3)))


def test_times_without_a_zone_are_read_as_utc(tmp_path):
    answers = read_answer_file(write(tmp_path, v2_document(exported_at="2026-03-01T10:00:00")))
    assert answers.exported_at.utcoffset().total_seconds() == 0


# --- size and encodings ---------------------------------------------------------------------


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # a sparse 50 MB file: reading it would take 50 MB of memory
        handle.truncate(50_000_000)
    tracemalloc.start()
    message = error_of(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "larger than the 1 MB limit" in message and "50.0 MB" in message
    assert peak < 5_000_000
    assert MAX_FILE_BYTES == 1_000_000
    with pytest.raises(AnswerFileError, match="larger than the 1 MB limit"):
        read_answer_bytes(b" " * (MAX_FILE_BYTES + 1), "big.json")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_utf8_and_utf16_with_bom_are_read(tmp_path, encode):
    text = json.dumps(v2_document({"q1": entry("a")}, learner={"id": "abc", "name": "李雷"}), ensure_ascii=False)
    assert read_answer_file(write(tmp_path, encode(text))).learner.name == "李雷"


@pytest.mark.parametrize(
    ("encode", "words"),
    [
        (lambda text: text.encode("utf-16-le"), "not UTF-8"),
        (lambda text: text.encode("latin-1"), "not UTF-8"),
        (lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"), "UTF-32"),
    ],
    ids=["utf-16-without-bom", "latin-1", "utf-32"],
)
def test_other_encodings_get_a_clear_error(tmp_path, encode, words):
    text = json.dumps(v2_document(learner={"id": "abc", "name": "Zoë"}), ensure_ascii=False)
    message = error_of(write(tmp_path, encode(text)))
    assert words in message and "save it as UTF-8" in message
    assert "UnicodeDecodeError" not in message
