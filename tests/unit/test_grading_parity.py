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


def _node(script: str, data) -> object:
    """Run an ES module script in Node with ``data`` as JSON on stdin; its stdout parsed as JSON."""
    command = ["node", "--input-type=module", "-e", script]
    run = subprocess.run(command, input=json.dumps(data), capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


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
    actual = _node(script, cases)
    mismatches = [(c[1]["id"], c[2], e, a) for c, e, a in zip(cases, expected, actual, strict=True) if e != a]
    assert mismatches == [], mismatches[:5]


BUDGET_SCRIPT = """
import { TYPES } from %s;
import { readFileSync } from "node:fs";
readFileSync(0, "utf8");
process.stdout.write(JSON.stringify(Object.fromEntries(Object.values(TYPES).map((t) => [t.type, t.tries ?? null]))));
"""

COUNT_SCRIPT = """
import { rightEventually, rightFirstTry, triesLeft } from %s;
import { readFileSync } from "node:fs";
const cases = JSON.parse(readFileSync(0, "utf8"));
const left = (entry, type) => { const n = triesLeft(entry, type); return Number.isFinite(n) ? n : null; };
process.stdout.write(JSON.stringify(cases.map(([type, entry]) =>
  [rightFirstTry(entry), rightEventually(entry, type), left(entry, type)])));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run the browser's registry")
def test_python_and_browser_try_budgets_agree():
    from bookquiz.qtypes import REGISTRY

    browser = _node(BUDGET_SCRIPT % json.dumps((JS_SRC / "types" / "index.js").as_uri()), None)
    assert browser == {name: cls.tries for name, cls in REGISTRY.items()}


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run the browser's counting")
def test_python_and_browser_count_right_eventually_alike():
    """Records of every length up to past the budget, right at each position or never, shown or not:
    the browser (record.js, from the stored verdicts) and Python (record.py, regrading) agree."""
    from bookquiz.grading import right_response, wrong_responses
    from bookquiz.record import right_eventually, right_first_try

    bank = load_bank(ROOT / "tests" / "fixtures" / "banks" / "all_types.yaml")
    cases, expected = [], []
    for question in bank.questions:
        if not question.graded:
            continue
        right, wrong = right_response(question), wrong_responses(question)[0]
        for length in range(1, question.tries + 3):
            for right_at in [None, *range(length)]:
                tries = [right if n == right_at else wrong for n in range(length)]
                if right_at is not None:
                    tries = tries[: right_at + 1]  # nothing follows a right answer
                for shown in (False, True):
                    attempts = [{"response": r, "correct": grade(question, r).correct, "at": None} for r in tries]
                    entry = {"attempts": attempts, "revealed": shown, "revealed_at": None}
                    cases.append([question.type, entry])
                    left = max(0, question.tries - len(attempts))
                    expected.append([right_first_try(question, entry), right_eventually(question, entry), left])
    assert any(e[1] for e in expected) and not all(e[1] for e in expected)
    actual = _node(COUNT_SCRIPT % json.dumps((JS_SRC / "record.js").as_uri()), cases)
    mismatches = [(c, e, a) for c, e, a in zip(cases, expected, actual, strict=True) if e != a]
    assert mismatches == [], mismatches[:5]
