"""The question-bank schema: good banks load, bad ones fail naming file, question and field."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from bookquiz import QUESTION_TYPES, BankError, load_bank, parse_bank
from bookquiz.layout import rng_for

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "banks"


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load((FIXTURES / "all_types.yaml").read_text())


def test_fixture_bank_has_every_type():
    bank = load_bank(FIXTURES / "all_types.yaml")
    types = [q.type for q in bank.questions]
    assert types == ["single", "multiple", "truefalse", "classify", "order", "numeric", "open"]
    assert sorted(q.type for q in bank.questions) == sorted(QUESTION_TYPES)
    assert bank.question("numeric-q").answer == 15


def broken(raw: dict, question_index: int, mutate) -> BankError:
    data = copy.deepcopy(raw)
    mutate(data["questions"][question_index])
    with pytest.raises(BankError) as info:
        parse_bank(data, "ch99.yaml")
    return info.value


def test_single_choice_accepts_several_answers_only_when_each_says_why(raw):
    error = broken(raw, 0, lambda q: q["options"][1].update(correct=True))
    assert (error.file, error.question, error.field) == ("ch99.yaml", "'single-q' (#1)", "options")
    assert "several options are correct, so each needs feedback" in str(error)
    assert str(error).startswith("ch99.yaml, question 'single-q' (#1), field 'options':")


def test_single_choice_needs_a_correct_option(raw):
    error = broken(raw, 0, lambda q: [o.update(correct=False, misconception="m") for o in q["options"]])
    assert "at least one option must be correct" in str(error)


def test_wrong_option_needs_misconception(raw):
    error = broken(raw, 1, lambda q: q["options"][2].pop("misconception"))
    assert error.question == "'multiple-q' (#2)"
    assert "wrong options need a misconception: deaths" in str(error)


def test_missing_required_field_is_named(raw):
    error = broken(raw, 2, lambda q: q.pop("explanation"))
    assert error.question == "'truefalse-q' (#3)" and error.field == "explanation"
    assert "Field required" in str(error)


def test_unknown_type_is_reported(raw):
    error = broken(raw, 0, lambda q: q.update(type="essay"))
    assert error.question == "'single-q' (#1)"
    assert "essay" in str(error)


def test_classify_item_with_unknown_category(raw):
    error = broken(raw, 3, lambda q: q["items"][0].update(category="revolution"))
    assert "unknown category 'revolution'" in str(error)


def test_numeric_hint_may_not_contain_answer(raw):
    error = broken(raw, 5, lambda q: q["hints"].append({"min": 10, "max": 20, "text": "x"}))
    assert "contains the answer" in str(error)


def test_unknown_field_is_rejected(raw):
    error = broken(raw, 4, lambda q: q.update(answer_html="<b>x</b>"))
    assert error.field == "answer_html"


def test_duplicate_question_ids(raw):
    data = copy.deepcopy(raw)
    data["questions"][1]["id"] = "single-q"
    with pytest.raises(BankError, match="repeated: single-q"):
        parse_bank(data, "ch99.yaml")


def test_bad_yaml_and_missing_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("bank: [unclosed\n")
    with pytest.raises(BankError, match=r"bad\.yaml: not valid YAML"):
        load_bank(bad)
    with pytest.raises(BankError, match="cannot be read"):
        load_bank(tmp_path / "absent.yaml")
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n")
    with pytest.raises(BankError, match="a bank must be a mapping"):
        load_bank(tmp_path / "list.yaml")


def test_display_order_is_stable_and_never_the_answer():
    bank = load_bank(FIXTURES / "all_types.yaml")
    question = bank.question("order-q")
    first = question.display_order(rng_for(bank.bank, question.id))
    assert first == question.display_order(rng_for(bank.bank, question.id))
    assert sorted(first) == sorted(i.id for i in question.items)
    assert first != [i.id for i in question.items]


def test_duplicate_yaml_keys_name_file_and_line(tmp_path):
    text = (FIXTURES / "all_types.yaml").read_text()
    doubled = text.replace(
        '    prompt: "Which actor carries out a coup in Powell and Thyne\'s definition?"\n',
        '    prompt: "Which actor carries out a coup in Powell and Thyne\'s definition?"\n    prompt: "Again"\n',
        1,
    )
    assert doubled != text
    line = doubled.splitlines().index('    prompt: "Again"') + 1
    path = tmp_path / "ch99.yaml"
    path.write_text(doubled)
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert str(info.value).startswith(f"{path}: ")
    assert f"line {line}: key 'prompt' appears twice" in str(info.value)


def test_unknown_citation_keys_fail_at_load_time():
    path = FIXTURES / "all_types.yaml"
    assert load_bank(path, known_citations={"powell2011"}).question("single-q").cite == ["powell2011"]
    with pytest.raises(BankError) as info:
        load_bank(path, known_citations={"other2020"})
    assert (info.value.question, info.value.field) == ("'single-q' (#1)", "cite")
    assert "unknown citation key 'powell2011'" in str(info.value)


def test_open_answer_schema():
    bank = load_bank(FIXTURES / "all_types.yaml")
    question = bank.question("open-q")
    assert question.type == "open" and not question.graded
    assert len(question.criteria) == 3 and question.strong_example and question.weak_example
