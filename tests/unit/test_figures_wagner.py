"""The chapter 4 chart: Wagner's march of 23–24 June 2023 in Moscow time."""

from __future__ import annotations

import pandas as pd
import pytest

from coupbook.figures import wagner


@pytest.fixture(scope="module")
def fig():
    return wagner.march_timeline()


def notes(fig):
    return fig.layout.meta["coupbook"]


def test_chart_has_caption_source_and_alt(fig):
    n = notes(fig)
    assert "Moscow time" in n["caption"]
    assert "wagner_timeline" in n["source"]
    for number in ("1,070 km", "520 km", "200 km", "10:00", "20:25", "120 miles"):
        assert number in n["alt"], number


def test_times_are_moscow_wall_clock_times():
    df = wagner.timeline()
    putin = df[df["event"].str.contains("televised address")].iloc[0]
    assert putin["moscow"] == pd.Timestamp("2023-06-24 10:00")
    turn = df[df["event"].str.contains("turning our columns")].iloc[0]
    assert turn["moscow"] == pd.Timestamp("2023-06-24 20:25")
    assert turn["time_precision"] == "approx"


def test_march_excludes_the_aftermath_unless_asked():
    assert wagner.timeline()["moscow"].max() < pd.Timestamp("2023-06-25 06:00")
    later = wagner.timeline(include_aftermath=True)
    assert later["moscow"].max() == pd.Timestamp("2023-08-23 12:00")  # the plane crash (date only)


def test_precision_is_shown_by_symbol_not_colour_alone(fig):
    by_name = {t.name: t for t in fig.data}
    precise = by_name["About this time (± tens of minutes)"]
    rough = by_name["Part of day only (hour is representative)"]
    assert precise.marker.symbol != rough.marker.symbol
    assert sorted(precise.text, key=int) == ["6", "11"]  # Putin's address and the turnaround
    assert len(precise.x) + len(rough.x) == len(wagner.timeline())


def test_column_distance_falls_to_about_200_km(fig):
    column = next(t for t in fig.data if t.name.startswith("Wagner column"))
    assert list(column.y) == [1070, 520, 200]
    assert column.text[-1] == "Turnaround: ~200 km"
    assert list(column.x) == sorted(column.x)


def test_when_says_how_precise_a_time_is():
    df = wagner.timeline()
    phrases = df.apply(wagner.when, axis=1)
    assert phrases[df["time_precision"] == "approx"].str.contains("about").all()
    assert phrases[df["time_precision"] == "part-of-day"].str.contains("part of day").all()
