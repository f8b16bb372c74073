"""Chapter 9 recap: every case by position and target, drawn from the same tables as chapter 6."""

from __future__ import annotations

from coupbook.charts import class_styles
from coupbook.data import load
from coupbook.figures import review
from coupbook.figures.casegrid import edges


def points(fig):
    out = {}
    for trace in fig.data:
        for text, x, y in zip(trace.text, trace.x, trace.y, strict=True):
            out[text.replace("<br>", " ")] = (x, y, trace.name, trace.marker.symbol)
    return out


def position_of(x):
    spans = edges(review.POSITIONS, review.WIDTHS)
    return next(p for p, (left, right) in spans.items() if left <= x < right)


def test_every_case_is_in_the_cell_of_its_position_and_target():
    got = points(review.cases_recap())
    cases = load("cases")
    assert sorted(got) == sorted(cases["name"])
    for case in cases.itertuples():
        x, y, *_ = got[case.name]
        target = review.TARGETS[len(review.TARGETS) - 1 - int(y)]  # rows from the top
        assert (target, position_of(x)) == (case.target, case.position), case.name


def test_classes_look_the_same_as_in_chapter_6():
    styles = class_styles()
    fig = review.cases_recap()
    for trace in fig.data:
        style = next(s for s in styles.values() if s["label"] == trace.name)
        assert (trace.marker.symbol, trace.marker.color) == (style["symbol"], style["colour"])
    assert [t.name for t in fig.data] == [s["label"] for s in styles.values()]
    assert styles["self-coup"]["symbol"] == "square"  # one symbol per class, everywhere


def test_a_rebellion_with_a_duration_and_ongoing_cases_are_drawn(monkeypatch):
    """The old recap raised KeyError for a class it did not list; this one draws every class and case."""
    cases = load("cases")
    assert cases.loc[cases["case_id"] == "ccp-1927", "duration_days"].item() == 8097
    got = points(review.cases_recap())
    assert got["Chinese Communists 1927–1949"][2] == "Rebellion"
    assert "Sudan 2023 (RSF)" in got and "Myanmar resistance 2021–" in got


def test_recap_has_caption_source_and_alt():
    meta = review.cases_recap().layout.meta["coupbook"]
    assert f"All {len(load('cases'))} of the course's cases" in meta["caption"]
    assert "hand-picked" in meta["caption"]
    assert not meta["source"].startswith("Source:")
    assert "data/cases.csv" in meta["source"] and "data/classes.csv" in meta["source"]
    for fragment in (
        "Military leadership, hybrid: Wagner mutiny 2023 (mutiny)",
        "Other branches, insider: Peru 1992 (self-coup)",
    ):
        assert fragment in meta["alt"], fragment
