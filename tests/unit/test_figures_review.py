"""Chapter 9 recap chart: every ended case by duration, position (centre/periphery) and class."""

from __future__ import annotations

from coupbook.figures import review


def points(fig):
    """{case name: (class legend label, duration in days, x axis id, text label)} over all traces."""
    out = {}
    for trace in fig.data:
        for x, y, text in zip(trace.x, trace.y, trace.text, strict=True):
            out[y] = (trace.name, int(x), trace.xaxis, text)
    return out


def test_duration_labels():
    assert review.duration_label(1) == "1 day"
    assert review.duration_label(13) == "13 days"
    assert review.duration_label(5464) == "about 15 years"
    assert review.duration_label(1528) == "about 4 years"


def test_recap_places_the_anchor_cases_correctly():
    got = points(review.cases_recap())
    # Panel 1 (x) is the centre, panel 2 (x2) the periphery.
    assert got["Thailand 2006"] == ("Coup", 1, "x", "1 day")
    assert got["Myanmar 2021"] == ("Coup", 1, "x", "1 day")
    assert got["Peru 1992"][0] == "Self-coup"
    assert got["Wagner mutiny 2023"] == ("Mutiny", 1, "x2", "1 day")
    assert got["Long March to PRC"] == ("Revolution", 5464, "x2", "about 15 years")
    assert got["Caesar 49 BC"][0] == "Civil war" and got["Caesar 49 BC"][2] == "x2"
    # Sudan 2023 has no end date, so it is left out of the chart.
    assert not any(name.startswith("Sudan") for name in got)


def test_each_class_has_its_own_symbol_and_one_legend_entry():
    fig = review.cases_recap()
    symbols = {t.name: t.marker.symbol for t in fig.data}
    assert len(set(symbols.values())) == len(symbols) == 5
    legend = [t.name for t in fig.data if t.showlegend]
    assert legend == ["Coup", "Self-coup", "Mutiny", "Civil war", "Revolution"]
    assert fig.layout.xaxis2.type == "log"


def test_recap_has_caption_source_and_alt_with_the_numbers():
    fig = review.cases_recap()
    meta = fig.layout.meta["coupbook"]
    n = len(points(fig))
    assert f"{n} ended cases" in meta["caption"]
    assert "Sudan 2023 (RSF) is left out" in meta["caption"]
    assert not meta["source"].startswith("Source:")  # finish() drops the label; the page prints it
    assert "cases" in meta["source"]
    alt = meta["alt"]
    expected = ["Wagner mutiny 2023 (Mutiny, 1 day)", "Long March to PRC (Revolution, about 15 years)", "Centre, "]
    for fragment in expected:
        assert fragment in alt
