"""The chapter 6 chart: every case by duration and starting point, with a colour drop-down."""

from __future__ import annotations

import pytest

from coupbook.figures import framework


@pytest.fixture(scope="module")
def fig():
    return framework.case_map()


def points(fig, scheme):
    """{case name: (x, y)} over the traces of one colour scheme."""
    out = {}
    for trace in fig.data:
        if trace.legendgroup == scheme:
            out.update({name: (x, y) for name, x, y in zip(trace.text, trace.x, trace.y, strict=True)})
    return out


def test_every_case_with_a_duration_appears_once_per_scheme(fig):
    df = framework.cases_for_map()
    for scheme in framework.SCHEMES:
        assert sorted(points(fig, scheme)) == sorted(df["name"])
    assert "Sudan 2023 (RSF)" not in set(df["name"])  # still going on: no duration


def test_durations_and_rows(fig):
    p = points(fig, "course_class")
    assert p["Wagner mutiny 2023"][0] == 1
    assert p["Long March to PRC"][0] == 5464
    assert p["Caesar 49 BC"][0] == 1528
    assert p["Thailand 2006"][0] == 1
    assert p["Wagner mutiny 2023"][1] < 0.5  # periphery row
    assert p["Thailand 2014"][1] > 0.5  # centre row
    assert fig.layout.xaxis.type == "log"


def test_symbols_follow_the_course_class_in_every_scheme(fig):
    for trace in fig.data:
        for name, symbol in zip(trace.text, trace.marker.symbol, strict=True):
            cls = framework.cases_for_map().set_index("name").loc[name, "course_class"]
            assert symbol == framework.SYMBOLS[cls]


def test_dropdown_switches_between_schemes(fig):
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == [f"Colour: {label}" for label, _ in framework.SCHEMES.values()]
    for button, scheme in zip(buttons, framework.SCHEMES, strict=True):
        visible = button.args[0]["visible"]
        assert [t.legendgroup == scheme for t in fig.data] == visible
    assert [t.visible for t in fig.data] == buttons[0].args[0]["visible"]


def test_hover_gives_dates_outcome_and_codings(fig):
    wagner = next(h for t in fig.data for h in t.hovertext if h.startswith("<b>Wagner"))
    for part in ("23 Jun 2023", "negotiated-end", "Powell & Thyne: not-listed", "Cline: after-2022", "UCDP"):
        assert part in wagner
    caesar = next(h for t in fig.data for h in t.hovertext if h.startswith("<b>Caesar"))
    assert "49 BC – 45 BC" in caesar


def test_caption_source_and_alt(fig):
    notes = fig.layout.meta["coupbook"]
    assert "symbol" in notes["caption"].lower()
    assert "V2023.09.08" in notes["source"]
    for text in ("Wagner mutiny 2023 (mutiny, 1 day)", "5,464 days", "1,528 days", "Sudan 2023 (RSF)"):
        assert text in notes["alt"], text
