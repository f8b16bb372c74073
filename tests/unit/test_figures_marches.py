"""The chapter 5 chart: Mao's and Caesar's long marches on one clock."""

from __future__ import annotations

import pytest

from coupbook.figures import marches


@pytest.fixture(scope="module")
def fig():
    return marches.long_marches()


def years(case):
    return {d["milestone"].label: d["x"] for d in marches.rows() if d["case"] == case}


def test_year_fraction_handles_bc_without_a_year_zero():
    assert marches.year_fraction(-1, 1, 1) == 0  # 1 BC is astronomical year 0
    assert marches.year_fraction(1, 1, 1) == 1
    # From 10 Jan 49 BC to 15 Mar 44 BC is five years and about two months, not six.
    gap = marches.year_fraction(-44, 3, 15) - marches.year_fraction(-49, 1, 10)
    assert 5.1 < gap < 5.25


def test_mao_milestones_count_from_the_nanchang_uprising():
    mao = years("Mao")
    assert mao["Nanchang uprising"] == 0  # the start of ccp-1927 in cases.csv
    assert 0.95 < mao["Arrives in Shaanxi"] - mao["Long March starts"] < 1.05  # about 370 days
    assert round(mao["PRC proclaimed"]) == 22
    assert round(mao["PRC proclaimed"] - mao["Long March starts"]) == 15  # the article's count, from Oct 1934
    assert 0 < mao["Zunyi: Mao's military role"] - mao["Long March starts"] < 0.5  # Mao was not in command at the start


def test_caesar_milestones_put_the_assassination_five_years_after_the_rubicon():
    caesar = years("Caesar")
    assert caesar["Crosses the Rubicon"] == 0
    assert caesar["Pharsalus"] < caesar["Pompey killed"] < caesar["Munda: war ends"] < caesar["Assassinated"]
    assert 4.1 < caesar["Munda: war ends"] < 4.25  # about 1,528 days
    assert 5.1 < caesar["Assassinated"] < 5.25  # not 49 BC, as the article implies
    assert all(x < 0 for label, x in caesar.items() if label in {"Julia dies", "Crassus killed", "Pompey sole consul"})


def test_year_only_events_have_open_symbols(fig):
    for trace in fig.data:
        if trace.type == "scatter":
            assert trace.marker.symbol.endswith("-open") == ("year only" in trace.name)


def test_bars_are_the_bids_for_power_of_cases_csv(fig):
    bars = {t.name: t for t in fig.data if t.type == "bar"}
    assert set(bars) == {"Bid for power, 1927–1949 (about 22 years)", "Bid for power, 49–45 BC (about 1,500 days)"}
    assert bars["Bid for power, 49–45 BC (about 1,500 days)"].x[0] == pytest.approx(4.18, abs=0.05)
    assert bars["Bid for power, 1927–1949 (about 22 years)"].x[0] == pytest.approx(8097 / 365.25, abs=0.05)


def test_caption_source_and_alt(fig):
    notes = fig.layout.meta["coupbook"]
    assert "Rubicon" in notes["caption"]
    assert "pre-Julian" in notes["source"]
    for text in (
        "370 days",
        "15 years",
        "22 years",
        "1 August 1927",
        "10 January 49 BC",
        "15 March 44 BC",
        "1,500 days",
    ):
        assert text in notes["alt"], text
