"""Bank lint: keys that are clearly the longest option, throwaway distractors, and feedback
shown after a wrong attempt that contains the key."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from bookquiz import lint, parse_bank

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "banks"
COURSE = sorted((ROOT / "data" / "quizzes").glob("*.yaml"))


@pytest.fixture
def raw() -> dict:
    """The fixture bank with distractors as long as the key (the shared fixture's are short)."""
    data = yaml.safe_load((FIXTURES / "all_types.yaml").read_text())
    data["questions"][0]["options"][1]["text"] = "Mass protest movements filling the streets of the capital"
    data["questions"][0]["options"][2]["text"] = "Rebel armies advancing on the capital from the countryside"
    return data


def rules(raw: dict) -> list[str]:
    return [f.rule for f in lint(parse_bank(raw, "x.yaml"))]


def test_a_clean_bank_has_no_findings(raw):
    assert rules(raw) == []


def test_a_key_that_is_clearly_the_longest(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][0]["text"] = (
        "The military or other elites within the state apparatus, acting overtly and illegally against the executive"
    )
    assert "longest-key" in rules(data)


def test_a_throwaway_distractor(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][1]["text"] = "Crowds"
    assert rules(data) == ["throwaway-distractor"]


def test_a_misconception_or_hint_that_contains_the_key(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][1]["misconception"] = (
        "No: the answer is the military or other elites within the state apparatus."
    )
    data["questions"][5]["hints"][0]["text"] = "Count again: 15 is the answer."
    data["questions"][3]["items"][1]["misconceptions"]["coup"] = "It was a mutiny."
    found = [(f.question, f.rule, f.message.split(" contains")[0]) for f in lint(parse_bank(data, "x.yaml"))]
    assert found == [
        ("single-q", "leak", "options.crowds.misconception"),
        ("classify-q", "leak", "items.wagner-2023.misconceptions.coup"),
        ("numeric-q", "leak", "hints.0"),
    ]
    data["questions"][1]["hint"] = "Think of Overt acts."
    assert ("multiple-q", "leak") in [(f.question, f.rule) for f in lint(parse_bank(data, "x.yaml"))]


def test_numbers_match_as_whole_words(raw):
    data = copy.deepcopy(raw)
    data["questions"][5]["hints"][0]["text"] = "About 150 years is far too many."
    assert rules(data) == []


# Known findings that are tolerated for now (empty: every bank is clean).  A finding not listed
# fails the test, and so does a listed one that is gone.
KNOWN: set[tuple[str, str, str]] = set()


@pytest.mark.skipif(not COURSE, reason="no banks in data/quizzes")
def test_course_banks_have_no_new_lint_findings():
    from coupbook.quizzes import all_banks

    findings = [f for bank in all_banks() for f in lint(bank)]
    new = [str(f) for f in findings if (f.bank, f.question, f.rule) not in KNOWN]
    assert new == [], "bank lint findings:\n" + "\n".join(new)
    gone = KNOWN - {(f.bank, f.question, f.rule) for f in findings}
    assert not gone, f"fixed findings still listed in KNOWN (delete them): {sorted(gone)}"
