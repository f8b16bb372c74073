"""The derived tables re-derive byte for byte from the upstream files, and the case codings match them.

The upstream files live outside the repository (``../shared/datasets``); tests that need them are
marked ``upstream`` and skipped when the folder is absent.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from coupbook import data
from coupbook.data import derive, upstream

HAVE_UPSTREAM = upstream.DEFAULT_DIR.is_dir()
skip_without = pytest.mark.skipif(not HAVE_UPSTREAM, reason="../shared/datasets (or COUPBOOK_UPSTREAM) not present")
DERIVED = [
    "derived/pt_coups_by_year_region.csv",
    "derived/cline_coups_by_year_region.csv",
    "derived/country_counts.csv",
    "derived/country_events.csv",
    "derived/cline_flag_counts.csv",
    "countries.csv",
    "derived/pt_events_extract.csv",
    "derived/pt_counts_by_country.csv",
    "derived/cline_events.csv",
    "derived/ucdp_conflict_years.csv",
]


@pytest.mark.parametrize(
    ("code", "region"),
    [
        (2, "Americas"),
        (199, "Americas"),
        (200, "Europe"),
        (365, "Europe"),
        (399, "Europe"),
        (400, "Africa"),
        (599, "Africa"),
        (600, "Middle East & North Africa"),
        (625, "Middle East & North Africa"),
        (626, "Middle East & North Africa"),
        (699, "Middle East & North Africa"),
        (700, "Asia & Oceania"),
        (775, "Asia & Oceania"),
        (999, "Asia & Oceania"),
    ],
)
def test_region_convention(code, region):
    assert derive.region_of(code) == region


def test_region_rejects_codes_outside_cow():
    with pytest.raises(ValueError, match="outside the Correlates-of-War range"):
        derive.region_of(1000)


def test_cline_version_from_file_name():
    assert derive.cline_version("cline_center_coup_data_v2.1.2.csv") == "2.1.2"
    assert derive.cline_version("Coup data 2.1.3.csv") == "2.1.3"
    assert derive.cline_version("coups.csv") == "unknown"


def test_pt_by_year_region_fills_quiet_years_with_zeros():
    pt = pd.DataFrame({"ccode": [800, 800, 41], "year": [1951, 1951, 1952], "coup": [1, 2, 2]})
    pt["successful"] = pt["coup"] == 2
    table = derive.pt_by_year_region(pt)
    assert len(table) == 3 * 5  # 1950, 1951, 1952 x five regions
    row = table[(table["year"] == 1951) & (table["region"] == "Asia & Oceania")].iloc[0]
    assert (row["attempts"], row["successes"]) == (2, 1)
    assert table.loc[table["year"] == 1950, "attempts"].sum() == 0


@pytest.fixture(scope="module")
def fresh():
    if not HAVE_UPSTREAM:
        pytest.skip("../shared/datasets not present")
    return derive.derive_tables(upstream.DEFAULT_DIR)


@pytest.mark.upstream
@skip_without
def test_powell_thyne_1950_2010_gives_457_attempts_225_successes():
    pt = upstream.read_powell_thyne(upstream.DEFAULT_DIR / upstream.PT_FILE)
    assert derive.pt_totals(pt, 1950, 2010) == (457, 225)
    assert derive.pt_totals(pt, 1950, 2100) == (491, 245)


@pytest.mark.upstream
def test_committed_tables_match_a_fresh_derivation_byte_for_byte(fresh):
    assert sorted(fresh) == sorted(DERIVED)
    for name, frame in fresh.items():
        assert (derive.DATA_DIR / name).read_bytes() == derive.to_csv_bytes(frame), name
    assert derive.differences(fresh) == []


@pytest.mark.upstream
def test_derived_1950_2010_subset(fresh):
    pt = fresh["derived/pt_coups_by_year_region.csv"]
    sub = pt[pt["year"].between(1950, 2010)]
    assert (sub["attempts"].sum(), sub["successes"].sum()) == (457, 225)


@pytest.mark.upstream
@skip_without
def test_command_line_check_and_write(tmp_path, capsys):
    assert derive.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert derive.main(["--out", str(tmp_path)]) == 0
    for name in DERIVED:
        assert (tmp_path / name).read_bytes() == (derive.DATA_DIR / name).read_bytes()
    (tmp_path / "derived" / "country_counts.csv").write_text("stale\n", encoding="utf-8")
    assert derive.main(["--check", "--out", str(tmp_path)]) == 1
    assert derive.main(["--upstream", str(tmp_path / "nowhere")]) == 2
    assert "file not found" in capsys.readouterr().err


# --- the curated cases agree with the datasets ---------------------------------------------------


@pytest.fixture(scope="module")
def upstream_frames():
    if not HAVE_UPSTREAM:
        pytest.skip("../shared/datasets not present")
    d = upstream.DEFAULT_DIR
    return (
        upstream.read_powell_thyne(d / upstream.PT_FILE),
        upstream.read_cline(d / upstream.CLINE_FILE),
        upstream.read_ucdp_acd(d / upstream.UCDP_FILE),
    )


def _cow_codes(code) -> set[int]:
    # Cline gives Russia 393 for 1993 and 365 for the USSR; treat them as one country here.
    return {365, 393} if code == 365 else {int(code)}


def _window(case, days: int = 30) -> tuple[pd.Timestamp, pd.Timestamp]:
    start = case["start_date"]
    end = case["end_date"] if pd.notna(case["end_date"]) else start
    return start - pd.Timedelta(days=days), end + pd.Timedelta(days=days)


@pytest.mark.upstream
def test_pt_coding_of_every_case(upstream_frames):
    pt = upstream_frames[0]
    for case in data.load("cases").to_dict("records"):
        coding, where = case["pt_coding"], case["case_id"]
        if coding == "before-1950":
            assert case["start_year"] < 1950, where
            continue
        rows = pt[pt["ccode"].isin(_cow_codes(case["cow_code"]))]
        if coding == "not-listed":
            lo, hi = _window(case)
            assert rows[rows["date"].between(lo, hi)].empty, where
            continue
        match = rows[rows["date"] == case["pt_date"]]
        assert len(match) == 1, where
        assert match["date"].between(*_window(case, 1)).item(), where
        assert match["coup"].item() == {"successful": 2, "failed": 1}[coding], where


@pytest.mark.upstream
def test_the_cline_flag_counts_and_the_overlap_with_powell_and_thyne():
    flags = data.load("cline_flag_counts").set_index("flag")
    assert flags.loc["military", "events"] == 591 and flags.loc["other", "events"] == 16
    # Matching by country code and date, some popular revolts, rebel coups and auto-coups are P&T coups too.
    assert flags.loc[["popular", "rebel", "auto"], "also_in_powell_thyne"].tolist() == [37, 10, 5]
    assert flags.loc[["popular", "rebel", "auto"], "events"].tolist() == [96, 62, 41]
    assert set(flags.index) == set(data.load("cline_flags")["flag"])


def test_country_vocabulary():
    countries = data.load("countries")
    pairs = set(
        zip(
            countries["name"],
            countries["cow_code"].astype("object").where(countries["cow_code"].notna(), None),
            strict=True,
        )
    )
    assert {("Thailand", 800), ("Myanmar", 775), ("Russia", 365), ("USSR", 365), ("China", 710)} <= pairs
    assert ("Roman Republic", None) in pairs
    assert countries.loc[countries["name"] == "Roman Republic", "used_by"].item() == "course"
    cases = data.load("cases")
    for case in cases.itertuples():
        code = None if pd.isna(case.cow_code) else int(case.cow_code)
        assert (case.country, code) in pairs, case.case_id


@pytest.mark.upstream
def test_cline_coding_of_every_case(upstream_frames):
    cline = upstream_frames[1]
    last_year = int(cline["year"].max())
    for case in data.load("cases").to_dict("records"):
        coding, where = case["cline_coding"], case["case_id"]
        if coding == "before-1945":
            assert case["start_year"] < 1945, where
        elif coding == "after-2022":
            assert case["start_year"] > last_year == 2022, where
        elif coding == "not-listed":
            rows = cline[cline["cowcode"].isin(_cow_codes(case["cow_code"]))]
            lo, hi = _window(case)
            assert rows[rows["date"].between(lo, hi)].empty, where
        else:
            match = cline[cline["coup_id"] == case["cline_id"]]
            assert len(match) == 1, where
            assert match["outcome"].item() == coding, where
            assert match["flags"].item() == case["cline_flags"], where
            assert match["date"].between(*_window(case, 1)).item(), where
        if coding not in {"realized", "attempted", "conspiracy"}:
            assert case["cline_flags"] == "" and case["cline_id"] == "", where


@pytest.mark.upstream
def test_ucdp_coding_of_every_case(upstream_frames):
    ucdp = upstream_frames[2]
    pattern = re.compile(r"conflict (\d+) \((.+)\) (\d{4})(?:-(\d{4}))?, intensity ([12])")
    for case in data.load("cases").to_dict("records"):
        coding, where = case["ucdp_coding"], case["case_id"]
        if coding == "before-1946":
            assert case["start_year"] < 1946, where
        elif coding == "after-2021":
            assert case["start_year"] > int(ucdp["year"].max()) == 2021, where
        elif coding != "not-listed":
            conflict, side_b, first, last, intensity = pattern.fullmatch(coding).groups()
            years = range(int(first), int(last or first) + 1)
            rows = ucdp[(ucdp["conflict_id"] == int(conflict)) & ucdp["year"].isin(years)]
            assert sorted(rows["year"]) == list(years), where
            assert set(rows["side_b"]) == {side_b}, where
            assert set(rows["intensity_level"]) == {int(intensity)}, where
