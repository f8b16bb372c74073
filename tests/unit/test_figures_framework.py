"""The chapter 6 charts: cases by position and origin (no jitter, no overlaps), and duration by class."""

from __future__ import annotations

import pytest

from coupbook.charts import class_styles
from coupbook.data import load
from coupbook.figures import casegrid, framework


@pytest.fixture(scope="module")
def fig():
    return framework.case_map()


def points(fig):
    """{case name: (x, y, trace name, symbol, colour)} over the marker traces."""
    out = {}
    for trace in fig.data:
        for text, x, y in zip(trace.text, trace.x, trace.y, strict=True):
            out[text.replace("<br>", " ")] = (x, y, trace.name, trace.marker.symbol, trace.marker.color)
    return out


def cell(x, y):
    """(position, origin) of a point: rows insider, hybrid, outsider from the top; columns capital, provinces."""
    return framework.POSITIONS[2 - int(y)], framework.ORIGINS[int(x)]


def test_every_case_sits_in_the_cell_of_its_position_and_origin(fig):
    got = points(fig)
    cases = load("cases")
    assert sorted(got) == sorted(cases["name"]), "every case once, ongoing ones included"
    for case in cases.itertuples():
        assert cell(*got[case.name][:2]) == (case.position, case.origin), case.name
    assert cell(*got["Wagner mutiny 2023"][:2]) == ("hybrid", "provinces")
    assert cell(*got["Thailand 1973"][:2]) == ("outsider", "capital")
    assert cell(*got["Caesar 49 BC"][:2]) == ("insider", "provinces")


def test_symbol_and_colour_come_from_the_style_table(fig):
    styles = class_styles()
    cases = load("cases").set_index("name")
    for name, (_, _, legend, symbol, colour) in points(fig).items():
        style = styles[cases.loc[name, "course_class"]]
        assert (legend, symbol, colour) == (style["label"], style["symbol"], style["colour"])


def test_the_layout_is_deterministic_and_labels_never_share_a_line(fig):
    again = points(framework.case_map())
    assert again == points(fig)
    slots = [(round(x, 6), round(y, 6)) for x, y, *_ in points(fig).values()]
    assert len(set(slots)) == len(slots)
    by_column: dict[float, list[float]] = {}
    for x, y in slots:
        by_column.setdefault(x, []).append(y)
    for ys in by_column.values():
        ys.sort()
        assert all(b - a >= 0.1 for a, b in zip(ys, ys[1:], strict=False)), (
            "labels in one column are at least a tenth of a cell apart"
        )


def test_no_jitter_and_no_duration_axis(fig):
    assert fig.layout.xaxis.type != "log"
    assert list(fig.layout.yaxis.ticktext) == [framework.POSITION_LABELS[p] for p in framework.POSITIONS]
    assert list(fig.layout.xaxis.ticktext) == [framework.ORIGIN_LABELS[o] for o in framework.ORIGINS]
    assert "no case in the course" in [a.text for a in fig.layout.annotations]  # hybrid in the capital


def test_hover_gives_dates_target_became_and_result(fig):
    hovers = {h.split("</b>")[0][3:]: h for t in fig.data for h in t.hovertext}
    wagner = hovers["Wagner mutiny 2023"]
    for part in (
        "23–24 Jun 2023; 1 day",
        "Position: hybrid",
        "Target: military leadership",
        "Class: mutiny",
        "Powell & Thyne: not listed",
    ):
        assert part in wagner, part
    ccp = hovers["Chinese Communists 1927–1949"]
    assert "8,097 days" in ccp and "became civil war; result: social revolution" in ccp
    assert "ongoing" in hovers["Myanmar resistance 2021–"]


def test_caption_source_and_alt(fig):
    notes = fig.layout.meta["coupbook"]
    assert "hand-picked" in notes["caption"] and "hand-picked" in notes["alt"]
    assert "fast" not in notes["caption"].lower() and "centre" not in notes["caption"].lower()
    assert "data/cases.csv" in notes["source"] and "data/classes.csv" in notes["source"]
    for text in (
        "Hybrid, provinces: Wagner mutiny 2023 (mutiny)",
        "Hybrid, capital: no case",
        "Chinese Communists 1927–1949 (rebellion; became civil war; result: social revolution)",
        "Thailand 1932 (coup; result: political revolution)",
    ):
        assert text in notes["alt"], text


def test_duration_chart_shows_duration_does_not_decide_the_class():
    fig = framework.duration_by_class()
    styles = class_styles()
    durations = {t.y[0]: sorted(t.x) for t in fig.data}
    coups = durations[styles["coup"]["label"]]
    assert coups[0] == 1 and coups[-1] == 1528  # a day to about four years (Caesar)
    assert durations[styles["mutiny"]["label"]] == [1]
    assert durations[styles["rebellion"]["label"]] == [8097]
    for trace in fig.data:
        style = next(s for s in styles.values() if s["label"] == trace.y[0])
        assert (trace.marker.symbol, trace.marker.color) == (style["symbol"], style["colour"])
    meta = fig.layout.meta["coupbook"]
    assert "does not decide the class" in meta["caption"]
    assert "Myanmar resistance 2021–" in meta["caption"] and "Sudan 2023 (RSF)" in meta["caption"]


def test_wrap_and_place():
    assert casegrid.wrap("Chinese Communists 1927–1949", 17) == "Chinese Communists<br>1927–1949"
    assert casegrid.wrap("Peru 1992", 17) == "Peru 1992"
    frame = load("cases").head(3).assign(r="a", c="x")
    placed = casegrid.place(frame, "r", ["a"], "c", ["x"])
    assert list(placed["y"]) == sorted(placed["y"], reverse=True), "oldest at the top"
