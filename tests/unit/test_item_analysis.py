"""Item analysis (as in Moodle's quiz statistics report) on a tiny class computed by hand.

Five learners, five graded questions, every question answered by everyone.  First tries
(1 = right at the first try):

    learner  easy q1 q2 q3 q4  sum
    L1        1   0  1  1  1    4
    L2        1   1  1  1  0    4
    L3        1   0  1  0  1    3
    L4        1   1  0  0  0    2
    L5        1   1  0  0  0    2

Facility (first try) = column mean: easy 1.0, q1 0.6, q2 0.6, q3 0.4, q4 0.4.
Eventually: L1 gets q1 at the second try (a single choice allows two); L4's right second try at
q2 does not count (a true/false question allows one try; the file is from an older build or
edited); L3 is shown q3 and L5 is shown q4 (so neither counts): easy 1.0, q1 0.8, q2 0.6, q3 0.4,
q4 0.4.

Rest of the book: a learner's first tries on the other four questions (sum minus the item).
Discrimination index D = p(upper) - p(lower), groups of round(0.27 * 5) = 1 learner ranked by that
rest score; learners tied at a group's edge share its place equally:
    easy: rest 3 3 2 1 1: upper L1/L2 tie (1 + 1)/2 = 1, lower L4/L5 (1 + 1)/2 = 1: D = 0
    q1:   rest 4 3 3 1 1: upper L1 = 0, lower L4/L5 (1 + 1)/2 = 1: D = -1
    q2:   rest 3 3 2 2 2: upper L1/L2 = 1, lower L3/L4/L5 (1 + 0 + 0)/3: D = 2/3
    q3:   rest 3 3 3 2 2: upper L1/L2/L3 (1 + 1 + 0)/3, lower L4/L5 = 0: D = 2/3
    q4:   rest 3 4 2 2 2: upper L2 = 0, lower L3/L4/L5 (1 + 0 + 0)/3: D = -1/3

Point-biserial (as Moodle's discrimination index): Pearson r of the item (0/1) with the rest of
the test (sum minus the item).
    q1: x = 0 1 0 1 1, rest = 4 3 3 1 1: Sxy = -2.2, Sxx = 1.2, Syy = 7.2, r = -2.2 / sqrt(8.64) = -0.7485
    q2: x = 1 1 1 0 0, rest = 3 3 2 2 2: Sxy = 0.8, Sxx = 1.2, Syy = 1.2, r = 0.6667
    q3: x = 1 1 0 0 0, rest = 3 3 3 2 2: Sxy = 0.8, Sxx = 1.2, Syy = 1.2, r = 0.6667
    q4: x = 1 0 1 0 0, rest = 3 4 2 2 2: Sxy = -0.2, Sxx = 1.2, Syy = 3.2, r = -0.2 / sqrt(3.84) = -0.1021
    easy: x never varies, so r is undefined.

Distractors (share of the five first tries): q1 option b 2/5 (L1, L3), c 0; q3 option z 2/5 (L3, L5);
q4 item i1 put in category cb 2/5 (L2, L5), in cc 1/5 (L4); item i2 in ca 1/5 (L4), in cc 1/5 (L5).
"""

from __future__ import annotations

import math

import pytest

from coupbook import classresults as cr
from coupbook.classresults_items import distractors, item_analysis
from coupbook.quizzes import all_banks
from coupbook.sampleclass import write_class

from .classfiles import TINY, write_tiny_class


@pytest.fixture
def tiny_class(tmp_path):
    return cr.responses(cr.load_class(write_tiny_class(tmp_path)), [TINY])


def test_facility_discrimination_and_point_biserial_match_hand_computed_values(tiny_class):
    stats = item_analysis(tiny_class, [TINY]).set_index("question")
    assert list(stats.index) == ["easy", "q1", "q2", "q3", "q4"]  # the open question is not an item
    assert list(stats["learners"]) == [5] * 5
    assert list(stats["facility_first"]) == [1.0, 0.6, 0.6, 0.4, 0.4]
    assert list(stats["facility_eventual"]) == [1.0, 0.8, 0.6, 0.4, 0.4]
    assert list(stats["shown"]) == [0, 0, 0, 1, 1]
    assert list(stats["discrimination"]) == pytest.approx([0.0, -1.0, 2 / 3, 2 / 3, -1 / 3])
    r = stats["point_biserial"]
    assert math.isnan(r["easy"])
    assert list(r[1:]) == pytest.approx([-2.2 / math.sqrt(8.64), 0.8 / 1.2, 0.8 / 1.2, -0.2 / math.sqrt(3.84)])
    assert list(stats["flags"]) == ["too easy; not discriminating", "not discriminating", "", "", "not discriminating"]


def test_distractor_table(tiny_class):
    table = distractors(tiny_class, [TINY])
    rows = {(r.question, r.item, r.option): (r.chose, r.first_tries, r.share) for r in table.itertuples()}
    assert rows[("q1", "", "b")] == (2, 5, 0.4)
    assert rows[("q1", "", "c")] == (0, 5, 0.0)
    assert rows[("q3", "", "z")] == (2, 5, 0.4)
    assert ("q3", "", "x") not in rows  # only wrong options are distractors
    assert rows[("q4", "i1", "cb")] == (2, 5, 0.4)
    assert rows[("q4", "i1", "cc")] == (1, 5, 0.2)
    assert rows[("q4", "i2", "ca")] == (1, 5, 0.2)
    assert rows[("q4", "i2", "cc")] == (1, 5, 0.2)
    assert ("q4", "i1", "ca") not in rows
    assert set(table["question"]) == {"easy", "q1", "q3", "q4"}  # true/false has no distractor table
    q4 = table[(table["question"] == "q4") & (table["item"] == "i1") & (table["option"] == "cb")].iloc[0]
    assert (q4["item_text"], q4["text"]) == ("Item 1", "Cat B")


def test_open_answers_summary_of_the_tiny_class(tmp_path):
    summary = cr.open_summary(cr.open_responses(cr.load_class(write_tiny_class(tmp_path)), [TINY]), [TINY])
    assert list(summary["ticked"]) == [3, 1, 2] and set(summary["wrote"]) == {3}
    assert list(summary["share"]) == pytest.approx([1.0, 1 / 3, 2 / 3])


def simulated_statistics(folder, spread: float):
    banks = all_banks()
    loaded = cr.load_class(write_class(folder, banks, learners=60, seed=7, spread=spread))
    stats = item_analysis(cr.responses(loaded, banks), banks)
    assert len(stats) == sum(q.type != "open" for b in banks for q in b.questions)
    assert (stats["facility_first"] <= stats["facility_eventual"]).all()
    return stats


def test_simulated_ability_makes_items_discriminate(tmp_path):
    stats = simulated_statistics(tmp_path, spread=1.0)
    assert stats["discrimination"].median() > 0.3
    assert stats["point_biserial"].median() > 0.2
    assert (stats["discrimination"] > 0).mean() > 0.9
    assert 0 < (stats["flags"] != "").sum() < len(stats) / 3  # a few items to look at, not most


def test_without_differences_in_ability_nothing_discriminates(tmp_path):
    # The control: equally able learners, so any discrimination would be the method's own bias.
    stats = simulated_statistics(tmp_path, spread=0.0)
    assert abs(stats["discrimination"].median()) < 0.1
    assert abs(stats["point_biserial"].median()) < 0.1
    assert stats["flags"].str.contains("not discriminating").mean() > 0.6
