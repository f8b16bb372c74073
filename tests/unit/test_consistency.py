"""The case table, the charts and the quiz keys agree on every case's class (docs/framework.md §2–§4).

The class constraints are derived from the defining criteria (coupbook.data.criteria), not typed:
an insider or hybrid acting openly and illegally against the executive makes a coup, the executive
against the other branches a self-coup, a force against its own commanders a mutiny, outsiders an
uprising or a rebellion.  The test fails on any contradiction between the table, the charts (which
read the table) and the keyed answers of the banks that name a case with ``case:``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bookquiz.bank import load_bank, parse_bank
from coupbook.charts import class_styles
from coupbook.data import load, resource
from coupbook.data.consistency import bank_contradictions, classes_named, vocabularies
from coupbook.data.criteria import allowed_classes, contradiction
from coupbook.figures import definitions, framework, review
from coupbook.paths import QUIZ_DIR

BANKS = sorted(Path(QUIZ_DIR).glob("*.yaml"))


def coding(**kw):
    base = {"position": "insider", "target": "executive", "illegal": "yes", "overt": "yes", "actor": "military"}
    return base | kw


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, {"coup"}),
        ({"position": "hybrid"}, {"coup"}),
        ({"illegal": "contested"}, {"coup"}),
        ({"actor": "incumbent", "target": "other-branches"}, {"self-coup"}),
        ({"target": "military-leadership", "position": "hybrid"}, {"mutiny"}),
        ({"target": "military-leadership"}, {"mutiny"}),
        ({"position": "outsider", "actor": "popular-movement"}, {"uprising", "rebellion"}),
        ({"position": "outsider", "target": "state"}, {"uprising", "rebellion"}),
        ({"overt": "no"}, set()),  # a plot stopped before it acted
        ({"illegal": "no"}, set()),  # a constitutional removal
        ({"target": "other-branches"}, set()),  # only the executive acts against the other branches
        ({"position": "outsider", "target": "military-leadership"}, set()),
        ({"actor": "incumbent"}, set()),
    ],
)
def test_the_criteria_decide_the_classes(kw, expected):
    assert allowed_classes(coding(**kw))[0] == expected


def test_every_case_in_the_table_follows_the_criteria():
    for case in load("cases").to_dict("records"):
        assert contradiction(case) is None, (case["case_id"], contradiction(case))


def _chart_classes(fig) -> dict[str, str]:
    """{case name: class label} from a chart whose traces are one class each."""
    return {text.replace("<br>", " "): trace.name for trace in fig.data for text in trace.text}


@pytest.mark.parametrize("chart", [framework.case_map, review.cases_recap], ids=["chapter6", "chapter9"])
def test_the_charts_show_each_case_with_its_class(chart):
    styles = class_styles()
    shown = _chart_classes(chart())
    for case in load("cases").itertuples():
        assert shown[case.name] == styles[case.course_class]["label"], case.name


def test_the_duration_chart_puts_each_case_in_its_class_row():
    styles = class_styles()
    ended = load("cases").dropna(subset=["duration_days"])
    rows = {(t.y[0], int(x)) for t in framework.duration_by_class().data for x in t.x}
    for case in ended.itertuples():
        assert (styles[case.course_class]["label"], int(case.duration_days)) in rows, case.name


def test_the_definition_checker_agrees_with_the_classes():
    """All four of Powell and Thyne's elements present => the case is a coup; a coup targets the executive."""
    cases = load("cases").set_index("name")
    for row in definitions.checker_rows():
        cls = cases.loc[row["short"], "course_class"]
        if row["marks"] == [1, 1, 1, 1]:
            assert cls == "coup", row["short"]
        if cls == "coup":
            assert row["marks"][3] == 1 and row["marks"][2] >= 0.5, row["short"]


@pytest.fixture(scope="module")
def vocab():
    enums = {
        f["name"]: f["constraints"]["enum"]
        for f in resource("cases")["schema"]["fields"]
        if "enum" in f.get("constraints", {})
    }
    return vocabularies(load("cases"), load("classes")["id"], enums)


@pytest.mark.parametrize("path", BANKS, ids=[p.stem for p in BANKS])
def test_the_keys_of_every_bank_agree_with_the_table(path, vocab):
    assert bank_contradictions(load_bank(path), load("cases"), vocab) == []


def test_the_check_finds_contradictions(vocab):
    bank = parse_bank(
        {
            "bank": "probe",
            "title": "Probe",
            "questions": [
                {
                    "id": "sort",
                    "type": "classify",
                    "prompt": "Sort.",
                    "explanation": "E.",
                    "source": "S.",
                    "categories": [{"id": c, "label": c} for c in ("coup", "mutiny", "rebellion")],
                    "items": [
                        {"id": "w", "case": "wagner-2023", "text": "Wagner", "category": "coup", "why": "W."},
                        {"id": "c", "case": "ccp-1927", "text": "China", "category": "rebellion", "why": "C."},
                        {"id": "x", "case": "atlantis-2099", "text": "?", "category": "coup", "why": "X."},
                    ],
                },
                {
                    "id": "where",
                    "type": "classify",
                    "prompt": "Where did it start?",
                    "explanation": "E.",
                    "source": "S.",
                    "categories": [{"id": "capital", "label": "Capital"}, {"id": "provinces", "label": "Provinces"}],
                    "items": [
                        {"id": "t", "case": "thailand-1973", "text": "1973", "category": "provinces", "why": "T."},
                        {"id": "k", "case": "kornilov-1917", "text": "1917", "category": "provinces", "why": "K."},
                    ],
                },
                {
                    "id": "label",
                    "type": "single",
                    "case": "wagner-2023",
                    "prompt": "Which label?",
                    "explanation": "E.",
                    "source": "S.",
                    "options": [
                        {"id": "a", "text": "A coup attempt against Putin", "correct": True},
                        {"id": "b", "text": "A mutiny", "misconception": "M."},
                    ],
                },
            ],
        }
    )
    problems = bank_contradictions(bank, load("cases"), vocab)
    assert problems[:5] == [
        "probe, question sort, item w: keyed 'coup', but data/cases.csv gives wagner-2023 course_class 'mutiny'",
        "probe, question sort, item x: case 'atlantis-2099' is not in data/cases.csv",
        "probe, question where, item t: keyed 'provinces', but data/cases.csv gives thailand-1973 origin 'capital'",
        "probe, question label: no correct option names wagner-2023's class 'mutiny' (data/cases.csv), though every "
        "option names a class",
        "probe, question label, option a: keyed correct but names ['coup'], not wagner-2023's class 'mutiny'",
    ]


def test_options_that_are_not_labels_are_not_checked(vocab):
    bank = parse_bank(
        {
            "bank": "probe",
            "title": "Probe",
            "questions": [
                {
                    "id": "why",
                    "type": "single",
                    "case": "ussr-1991",
                    "prompt": "Why do the datasets differ?",
                    "explanation": "E.",
                    "source": "S.",
                    "options": [
                        {"id": "a", "text": "Different rules for success", "correct": True},
                        {"id": "b", "text": "One counts it as a self-coup", "misconception": "M."},
                    ],
                }
            ],
        }
    )
    assert bank_contradictions(bank, load("cases"), vocab) == []


def test_class_words():
    assert classes_named("Mutiny, because a force in the state's service defied its own commanders") == {"mutiny"}
    assert classes_named("A self-coup by the president") == {"self-coup"}
    assert classes_named("A counter-coup") == set()
    assert classes_named("A coup attempt that became a civil war") == {"coup"}
    assert classes_named("Rebellion, not a coup") == {"rebellion", "coup"}
