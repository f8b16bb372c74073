"""The data explorer's data: what the page carries, and that it is exactly the shipped extracts."""

from __future__ import annotations

import pytest

from coupbook import explorer
from coupbook.data import load


@pytest.fixture(scope="module")
def data() -> dict:
    return explorer.payload()


def by_label(data) -> dict:
    return {c["label"]: c for c in data["countries"]}


def test_the_datasets_coverage_and_download_addresses(data):
    years = {k: (d["first"], d["last"]) for k, d in data["datasets"].items()}
    assert years == {"pt": (1950, 2023), "cline": (1945, 2022), "ucdp": (1946, 2021)}
    assert all(d["download"].startswith(("http://", "https://")) for d in data["datasets"].values())
    assert data["datasets"]["pt"]["version"] == "V2023.09.08"


def test_every_country_has_one_label_and_the_names_of_every_dataset(data):
    labels = [c["label"] for c in data["countries"]]
    assert len(labels) == len(set(labels))
    countries = by_label(data)
    assert countries["Myanmar"]["gw"] == 775 and "Burma" in countries["Myanmar"]["aliases"]
    assert {"USSR", "Soviet Union"} <= set(countries["Russia"]["aliases"]) and countries["Russia"]["gw"] == 365
    assert countries["Yemen"]["gw"] == 678 and "Yemen Arab Republic" in countries["Yemen"]["aliases"]
    assert countries["South Yemen"]["gw"] == 680


def test_every_event_and_conflict_belongs_to_a_listed_country(data):
    codes = {c["gw"] for c in data["countries"]}
    to_gw = {(m[0], m[1]): m[4] for m in data["codeMatches"]}
    assert {to_gw.get(("cline", e[1]), e[1]) for e in data["clineEvents"]} <= codes
    assert {to_gw.get(("powell-thyne", c[1]), c[1]) for c in data["ptCounts"]} <= codes
    single = {meta[1][0] for meta in data["ucdpConflicts"].values() if len(meta[1]) == 1}
    assert single <= codes


def test_only_the_shipped_powell_and_thyne_events_are_on_the_page(data):
    shipped = load("pt_events_extract")
    assert len(data["ptEvents"]) == len(shipped) == 29
    assert {e[0] for e in data["ptEvents"]} == set(load("pt_extract_scope")["country"])
    assert "Bolivia" not in {e[0] for e in data["ptEvents"]}
    assert sum(c[2] for c in data["ptCounts"]) == 491


def test_the_conflict_runs_give_back_every_conflict_year(data):
    ucdp = load("ucdp_conflict_years")
    years = {(r[0], y) for r in data["ucdpRuns"] for y in range(r[1], r[2] + 1)}
    assert len(years) == sum(r[2] - r[1] + 1 for r in data["ucdpRuns"]) == len(ucdp)
    assert years == set(zip(ucdp["conflict_id"].astype(int), ucdp["year"].astype(int), strict=True))
    sides = {(r[0], y): (r[3], r[5]) for r in data["ucdpRuns"] for y in range(r[1], r[2] + 1)}
    row = ucdp[(ucdp["conflict_id"] == 423) & (ucdp["year"] == 2010)].iloc[0]
    assert sides[(423, 2010)] == (row["intensity_level"], row["side_b"])
    assert data["ucdpConflicts"]["423"][:2] == ["Thailand", [800]]


def test_the_widget_carries_the_data_and_its_bundle(data):
    widget = explorer.DataExplorer(data)
    assert repr(widget) == f"DataExplorer(countries={len(data['countries'])})"
    assert "coupbook-explorer" in widget._esm and ".coupbook-explorer" in widget._css
    assert widget.get_state()["data"]["datasets"] == data["datasets"]


def test_a_missing_bundle_says_how_to_make_it(monkeypatch, tmp_path):
    monkeypatch.setattr(explorer, "BUNDLE", tmp_path / "explorer.js")
    explorer.esm.cache_clear()
    try:
        with pytest.raises(explorer.MissingBundle, match="make setup"):
            explorer.esm()
    finally:
        monkeypatch.undo()
        explorer.esm.cache_clear()
