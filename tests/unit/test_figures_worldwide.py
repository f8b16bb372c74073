"""Chapter 7 charts: coups per decade, by region, and Powell & Thyne beside the Cline Center.

The expected numbers are the ones computed from the upstream files named in data/datapackage.json
(Powell & Thyne: 491 events, 245 successful; Cline Center: 981 events).
"""

from __future__ import annotations

from coupbook.data import resource
from coupbook.figures import worldwide


def test_decade_table_matches_the_dataset_notes():
    table = worldwide.pt_by_decade().set_index("decade")
    assert table["attempts"].sum() == 491
    assert table["successes"].sum() == 245
    assert table.loc[1960, "attempts"] == 123
    assert table.loc[1990, "rate"] == 36.1
    assert (table.loc[2020, "attempts"], table.loc[2020, "successes"]) == (15, 10)


def test_attempts_by_decade_bars_and_rate_labels():
    fig = worldwide.attempts_by_decade()
    attempts, successes = fig.data
    assert list(attempts.x) == ["1950s", "1960s", "1970s", "1980s", "1990s", "2000s", "2010s", "2020s*"]
    assert list(attempts.y) == [60, 123, 102, 78, 61, 30, 22, 15]
    assert list(successes.y) == [30, 67, 55, 38, 22, 12, 11, 10]
    assert successes.text[4] == "22<br>36%"  # 1990s: the success rate is a text label, not colour
    assert successes.marker.pattern.shape == "/"
    meta = fig.layout.meta["coupbook"]
    assert "491 attempts" in meta["caption"] and "36.1%" in meta["caption"]
    assert resource("pt_coups_by_year_region")["sources"][0]["version"] in meta["source"]
    assert "1990s: 61 attempts, 22 successful (36.1%)" in meta["alt"]
    assert "Total: 491 attempts, 245 successful" in meta["alt"]


def test_by_region_stacks_every_attempt_once_with_patterns():
    fig = worldwide.by_region()
    assert fig.layout.barmode == "stack"
    totals = {t.name: sum(t.y) for t in fig.data}
    assert totals == {
        "Africa (188)": 188,
        "Americas (146)": 146,
        "Middle East & North Africa (81)": 81,
        "Asia & Oceania (63)": 63,
        "Europe (13)": 13,
    }
    assert sum(totals.values()) == 491
    assert len({t.marker.pattern.shape for t in fig.data}) == len(fig.data)
    meta = fig.layout.meta["coupbook"]
    assert "Correlates-of-War" in meta["caption"]
    assert "Africa: 188 (38%)" in meta["alt"] and "Europe: 13 (3%)" in meta["alt"]


def test_pt_vs_cline_side_by_side():
    fig = worldwide.pt_vs_cline()
    by_name = {t.name: t for t in fig.data}
    assert {t.offsetgroup for t in fig.data} == {"pt", "cline"}
    assert sum(by_name["P&T: successful"].y) + sum(by_name["P&T: failed"].y) == 491
    assert sum(by_name["Cline: realized"].y) == 441
    assert sum(by_name["Cline: attempted"].y) == 349
    assert sum(by_name["Cline: conspiracy"].y) == 191
    assert by_name["P&T: successful"].x[0] == "1940s" and by_name["P&T: successful"].y[0] == 0
    # Stacks: attempted sits on realized, conspiracy on realized + attempted.
    assert list(by_name["Cline: attempted"].base) == list(by_name["Cline: realized"].y)
    meta = fig.layout.meta["coupbook"]
    assert "981 events" in meta["caption"] and "491 attempts" in meta["caption"]
    assert (
        "Cline" in meta["source"] and resource("cline_coups_by_year_region")["sources"][0]["version"] in meta["source"]
    )
    assert "1940s: P&T not covered" in meta["alt"]
    assert "Cline 981 (441 realized, 349 attempted, 191 conspiracies)" in meta["alt"]
