"""The browser (widgets/js/src, run here by Node) and Python grade every case identically.

The browser gets each question as the widget state holds it (public part plus sealed part) and
unseals it first, so this also checks that sealing round-trips between Python and JavaScript."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bookquiz import grade, load_bank
from bookquiz.layout import displayed
from bookquiz.quiz import question_specs

ROOT = Path(__file__).resolve().parents[2]
JS_SRC = ROOT / "widgets" / "js" / "src"
BANKS = sorted((ROOT / "tests" / "fixtures" / "banks").glob("*.yaml")) + sorted(
    (ROOT / "data" / "quizzes").glob("*.yaml")
)

NODE_SCRIPT = """
import { grade } from %s;
import { fullQuestion } from %s;
import { readFileSync } from "node:fs";
const cases = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map(([bank, q, r]) => grade(fullQuestion(bank, q), r))));
"""


def _multiple(q) -> list:
    ids = [o.id for o in q.options]
    return [list(c) for n in range(len(ids) + 1) for c in itertools.combinations(ids, n)][:64] + [[1, 2]]


def _classify(q) -> list:
    cats = [c.id for c in q.categories]
    right = q.right_response()
    partial = dict(list(right.items())[:1])
    odd = [{"nope": cats[0]}, {i.id: "nope" for i in q.items}, {i.id: 5 for i in q.items}]
    return [partial, *odd, *({i.id: cat for i in q.items} for cat in cats)]


def _order(q) -> list:
    ids = q.right_response()
    return [ids[::-1], ids[1:] + ids[:1], ids[:-1], ids + ids[:1]]


def _numeric(q) -> list:
    a, t = q.answer, q.tolerance
    return [a + t, a - t, a - t - 0.5, True, 1e9, "15"] + [(h.min + h.max) / 2 for h in q.hints]


# Extra cases for some types; every type gets its right and wrong responses and malformed ones.
EXTRA = {
    "single": lambda q: [o.id for o in q.options],
    "multiple": _multiple,
    "truefalse": lambda q: ["true"],
    "classify": _classify,
    "order": _order,
    "numeric": _numeric,
    "open": lambda q: [{"text": "", "met": []}],
}


def responses(question) -> list:
    """Right, wrong, partial and malformed responses for one question."""
    garbage = [None, "x", 3, [], {}]
    extra = EXTRA.get(question.type, lambda q: [])(question)
    return [question.right_response(), *question.wrong_responses(), *extra, *garbage]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run the browser's grading")
def test_python_and_browser_grading_agree():
    cases, expected = [], []
    for path in BANKS:
        bank = load_bank(path)
        # Lists are graded in display order, as the browser shows them.
        for question, spec in zip(displayed(bank), question_specs(bank), strict=True):
            for response in responses(question):
                cases.append([bank.bank, spec, response])
                result = grade(question, response)
                expected.append({"correct": result.correct, "feedback": result.feedback, "details": result.details})
    assert len(cases) > 60
    script = NODE_SCRIPT % (json.dumps((JS_SRC / "grading.js").as_uri()), json.dumps((JS_SRC / "seal.js").as_uri()))
    run = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
    )
    actual = json.loads(run.stdout)
    mismatches = [(c[1]["id"], c[2], e, a) for c, e, a in zip(cases, expected, actual, strict=True) if e != a]
    assert mismatches == [], mismatches[:5]
