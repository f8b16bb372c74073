"""Chapter 3 charts: Myanmar's road from coup to civil war, and its coups in two datasets."""

from __future__ import annotations

import pytest

from coupbook.data import resource
from coupbook.figures import myanmar


@pytest.fixture(scope="module")
def road():
    return myanmar.road_to_civil_war()


@pytest.fixture(scope="module")
def datasets():
    return myanmar.coups_in_two_datasets()


def markers(fig):
    """{date: row label} for every marker trace."""
    out = {}
    for trace in fig.data:
        if trace.mode == "markers":
            for x, y in zip(trace.x, trace.y, strict=True):
                out[x] = y
    return out


def test_road_has_the_key_dates_on_the_right_stage(road):
    marks = markers(road)
    assert marks == {
        "2021-02-01": "1. Coup",
        "2021-04-16": "2. Civil resistance",
        "2021-05-05": "3. Armed resistance",
        "2021-09-07": "4. Civil war",
        "2023-10-27": "4. Civil war",
    }


def test_road_stages_accumulate_and_differ_by_symbol(road):
    lines = [t for t in road.data if t.mode == "lines"]
    assert len(lines) == 4
    assert all(t.x[1] == myanmar.CHART_END for t in lines), "every stage continues to the end of the chart"
    starts = {t.y[0]: t.x[0] for t in lines}
    assert starts["3. Armed resistance"] == "2021-05-05"
    assert starts["4. Civil war"] == "2021-09-07"
    symbols = [t.marker.symbol for t in road.data if t.mode == "markers"]
    assert len(set(symbols)) == 4, "stages differ by marker symbol, not only colour"


def test_road_marks_the_ucdp_2021_coding(road):
    (box,) = road.layout.shapes
    assert (box.x0, box.x1) == ("2021-01-01", "2021-12-31")
    rows = list(road.layout.yaxis.categoryarray)
    assert rows[round((box.y0 + box.y1) / 2)] == "3. Armed resistance", "the UCDP box sits on the armed-resistance row"
    texts = " ".join(a.text for a in road.layout.annotations)
    ucdp = next(s for s in resource("cases")["sources"] if s["title"].startswith("UCDP"))
    assert f"UCDP {ucdp['version']}, 2021" in texts
    caption = road.layout.meta["coupbook"]["caption"]
    assert "minor" in caption and "25–999" in caption and "NUG" in caption
    assert myanmar.ucdp_coding() == {"conflict_id": 222, "side_b": "NUG", "year": 2021, "intensity": 1}


def test_road_notes(road):
    meta = road.layout.meta["coupbook"]
    assert meta["caption"] and meta["source"] and meta["alt"]
    for fact in ("1 Feb 2021", "16 Apr 2021", "5 May 2021", "7 Sep 2021", "27 Oct 2023", "intensity 1"):
        assert fact in meta["alt"]
    assert "later versions may code it differently" in meta["alt"]
    ucdp = next(s for s in resource("cases")["sources"] if s["title"].startswith("UCDP"))
    assert ucdp["version"] in meta["source"] and "ABC News" in meta["source"]


def test_road_checks_cases_csv(monkeypatch):
    real = myanmar.load

    def fake(name):
        frame = real(name)
        if name == "myanmar_timeline":
            frame.loc[0, "date"] = frame.loc[0, "date"] + __import__("pandas").Timedelta(days=1)
        return frame

    monkeypatch.setattr(myanmar, "load", fake)
    with pytest.raises(ValueError, match="cases.csv"):
        myanmar.road_to_civil_war()


def test_dataset_counts_match_the_derived_table():
    counts = myanmar.check_against_country_counts()
    assert counts["powell-thyne"] == {"events": 5, "successes": 4, "failures": 1, "conspiracies": 0}
    assert counts["cline"] == {"events": 8, "successes": 6, "failures": 1, "conspiracies": 1}


def test_a_wrong_event_list_is_caught(monkeypatch):
    from coupbook.figures import country_events

    real = country_events.load

    def fake(name):
        frame = real(name)
        if name == "country_events":
            return frame[~((frame["country"] == "Myanmar") & (frame["outcome"] == "conspiracy"))]
        return frame

    monkeypatch.setattr(country_events, "load", fake)
    with pytest.raises(ValueError, match="cline"):
        myanmar.check_against_country_counts()


def test_datasets_chart_points(datasets):
    points = {}
    for trace in datasets.data:
        for x, y in zip(trace.x, trace.y, strict=True):
            points[(y.split("<br>")[0], x)] = trace.name
    success = myanmar.STYLE["successful"][0]
    failed = myanmar.STYLE["failed"][0]
    for day in ("1958-09-26", "1962-03-02", "1988-09-18", "2021-02-01"):
        assert points[("Powell & Thyne", day)] == success
        assert points[("Cline Center", day)] == success
    assert points[("Powell & Thyne", "1976-07-02")] == failed
    assert ("Cline Center", "1976-07-02") not in points
    assert points[("Cline Center", "1988-08-12")] == success
    assert sum(1 for row, _ in points if row == "Powell & Thyne") == 5
    assert sum(1 for row, _ in points if row == "Cline Center") == 8


def test_datasets_chart_notes(datasets):
    meta = datasets.layout.meta["coupbook"]
    assert meta["caption"] and meta["source"] and meta["alt"]
    for fact in ("5 events", "4 successful", "8 events", "6", "2 Jul 1976", "12 Aug 1988"):
        assert fact in meta["alt"]
