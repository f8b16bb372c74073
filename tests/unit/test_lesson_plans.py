"""Lesson plans name only what exists: every `id` in backticks is a question or bank of the course,
a citation key of references.bib, a Cline flag or a question type, so that a renamed or deleted
question cannot leave an instructor looking for an item that is gone."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from bookquiz.qtypes import REGISTRY
from coupbook.quizzes import all_banks

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "pages" / "lesson_plans").glob("*.md"))
TOKEN = re.compile(r"`([a-z0-9][a-z0-9-]*)`")


def known_names() -> set[str]:
    banks = all_banks()
    names = {b.bank for b in banks} | {q.id for b in banks for q in b.questions}
    names |= set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(), re.M))
    with (ROOT / "data" / "cline_flags.csv").open(newline="") as handle:
        names |= {row["flag"] for row in csv.DictReader(handle)}
    return names | set(REGISTRY)


def test_every_name_a_lesson_plan_gives_exists():
    assert PLANS, "no lesson plans found"
    known = known_names()
    missing = {plan.name: sorted(set(TOKEN.findall(plan.read_text())) - known) for plan in PLANS}
    assert not {k: v for k, v in missing.items() if v}, f"lesson plans name what does not exist: {missing}"


def test_a_renamed_question_is_caught():
    assert "china-labels" not in known_names()  # renamed to china-counterfactual
    assert TOKEN.findall("the `china-labels` item") == ["china-labels"]
