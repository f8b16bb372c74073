"""Chapter 2 charts: Thailand's coups in two datasets, and four counts that disagree."""

from __future__ import annotations

import pandas as pd
import pytest

from coupbook.figures import thailand


@pytest.fixture(scope="module")
def timeline():
    return thailand.events_timeline()


@pytest.fixture(scope="module")
def counts():
    return thailand.counts_compared()


def points(fig):
    """{(row, date): legend name} for every marker of the timeline."""
    out = {}
    for trace in fig.data:
        for x, y in zip(trace.x, trace.y, strict=True):
            out[(y.split("<br>")[0], x)] = trace.name
    return out


def test_event_lists_agree_with_the_derived_counts():
    tally = thailand.check_against_country_counts()
    assert tally["powell-thyne"] == {"events": 12, "successes": 8, "failures": 4, "conspiracies": 0}
    assert tally["cline"] == {"events": 19, "successes": 11, "failures": 4, "conspiracies": 4}


def test_a_wrong_event_list_is_caught(monkeypatch):
    from coupbook.figures import country_events

    real = country_events.load

    def fake(name):
        frame = real(name)
        return frame[frame["date"] != "2014-05-22"] if name == "country_events" else frame

    monkeypatch.setattr(country_events, "load", fake)
    with pytest.raises(ValueError, match="Thailand"):
        thailand.check_against_country_counts()


def test_timeline_has_every_event_once(timeline):
    marks = points(timeline)
    assert sum(row == "Powell & Thyne" for row, _ in marks) == 12
    assert sum(row == "Cline Center" for row, _ in marks) == 19
    assert len({trace.marker.symbol for trace in timeline.data}) == 3, "outcomes differ by symbol, not only colour"


def test_timeline_codes_the_key_events(timeline):
    marks = points(timeline)
    success = thailand.STYLE["successful"][0]
    failed = thailand.STYLE["failed"][0]
    plot = thailand.STYLE["conspiracy"][0]
    for row in ("Powell & Thyne", "Cline Center"):
        assert marks[(row, "2006-09-19")] == success
        assert marks[(row, "2014-05-22")] == success
        assert marks[(row, "1951-06-29")] == failed
    assert marks[("Cline Center", "1973-10-14")] == success  # the popular uprising, realized in Cline
    assert ("Powell & Thyne", "1973-10-14") not in marks
    assert ("Powell & Thyne", "1971-11-17") not in marks  # self-coup: outside P&T's definition
    assert marks[("Cline Center", "1984-07-04")] == plot
    assert "2014-05-21" not in {d for _, d in marks}, "the Bangkok Post's 21 May date is an error"


def test_timeline_dates_are_in_each_datasets_period(timeline):
    marks = points(timeline)
    pt_years = [pd.Timestamp(d).year for row, d in marks if row == "Powell & Thyne"]
    cline_years = [pd.Timestamp(d).year for row, d in marks if row == "Cline Center"]
    assert min(pt_years) >= 1950 and max(pt_years) <= 2023
    assert min(cline_years) >= 1945 and max(cline_years) <= 2022


def test_timeline_notes(timeline):
    meta = timeline.layout.meta["coupbook"]
    assert meta["caption"] and meta["source"] and meta["alt"]
    from coupbook.data import resource

    for source in resource("country_events")["sources"]:
        assert source["version"] in meta["source"] and source["coverage"] in meta["source"]
    for fact in ("12 events", "8 successful", "19 events", "11 realized", "4 conspiracies", "22 May 2014"):
        assert fact in meta["alt"]
    assert "1973-10-14" in meta["alt"]


def test_counts_chart_values(counts):
    bars = {
        trace.name: {y.replace("<br>", " "): x for y, x in zip(trace.y, trace.x, strict=True)}
        for trace in counts.data
        if trace.type == "bar"
    }
    success = bars["Successful / realized"]
    failed = bars["Failed / attempted"]
    plots = bars["Conspiracy (plot stopped)"]
    pt = next(label for label in success if label.startswith("Powell"))
    cline = next(label for label in success if label.startswith("Cline"))
    assert pt == "Powell & Thyne data, 1950 to August 2023" and cline == "Cline Center data, 1945–2022"
    assert (success[pt], failed[pt]) == (8, 4)
    assert (success[cline], failed[cline], plots[cline]) == (11, 4, 4)
    assert (success["New Mandala blog, 20th century"], failed["New Mandala blog, 20th century"]) == (11, 9)
    assert success["Wikipedia on 2014: successful coups since 1932"] == 12
    patterns = {trace.marker.pattern.shape for trace in counts.data if trace.type == "bar"}
    assert len(patterns) == 3, "series differ by pattern, not only colour"


def test_counts_chart_notes(counts):
    meta = counts.layout.meta["coupbook"]
    assert meta["caption"] and meta["source"] and meta["alt"]
    for fact in ("12 in total", "19 in total", "20 in total", "4 conspiracies"):
        assert fact in meta["alt"]
    assert "definitions" in meta["caption"] and "periods" in meta["caption"]
