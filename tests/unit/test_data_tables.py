"""The shipped course tables load through the public API and the key facts in them hold."""

from __future__ import annotations

import pandas as pd
import pytest

from coupbook import data, datasources
from coupbook.data.bibliography import bib_keys
from coupbook.paths import ROOT

RESOURCES = [
    "cases", "classes", "countries", "country_additions", "wagner_timeline", "myanmar_timeline", "milestones",
    "definition_checker", "article_errors", "article_error_types", "thailand_coup_counts", "cline_flags",
    "pt_coups_by_year_region", "cline_coups_by_year_region", "country_counts", "country_events", "cline_flag_counts",
    "code_matches", "pt_extract_scope", "pt_events_extract", "pt_counts_by_country", "cline_events",
    "ucdp_conflict_years",
]  # fmt: skip
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    return data.load("cases").set_index("case_id")


@pytest.fixture(scope="module")
def timeline() -> pd.DataFrame:
    return data.load("wagner_timeline")


def test_every_resource_loads_and_is_non_empty():
    assert data.names() == RESOURCES
    for name in RESOURCES:
        frame = data.load(name)
        fields = [f["name"] for f in data.resource(name)["schema"]["fields"]]
        assert list(frame.columns) == fields
        assert len(frame) > 0


def test_required_cases_are_present(cases):
    required = {
        "thailand-1932", "thailand-2006", "thailand-2014", "myanmar-1958", "myanmar-1962", "myanmar-1988",
        "myanmar-2021", "wagner-2023", "ussr-1991", "kornilov-1917", "ccp-1927", "caesar-49bc",
        "sudan-rsf-2023", "peru-1992", "myanmar-resistance-2021", "russia-1993", "thailand-1951", "thailand-1973",
    }  # fmt: skip
    assert required <= set(cases.index)
    assert cases.index.is_unique


def test_case_dates_match_the_fact_sheet(cases):
    assert cases.loc["thailand-2006", "start_date"] == pd.Timestamp("2006-09-19")
    assert cases.loc["thailand-2014", "start_date"] == pd.Timestamp("2014-05-22")
    assert cases.loc["myanmar-2021", "start_date"] == pd.Timestamp("2021-02-01")
    assert cases.loc["myanmar-1962", "start_date"] == pd.Timestamp("1962-03-02")
    ccp = cases.loc["ccp-1927"]
    assert (ccp["start_date"], ccp["end_date"]) == (pd.Timestamp("1927-08-01"), pd.Timestamp("1949-10-01"))
    assert ccp["duration_days"] == 8097  # about 22 years: the Nanchang uprising to the PRC
    assert cases.loc["myanmar-2021", "duration_days"] == 1
    resistance = cases.loc["myanmar-resistance-2021"]
    assert (
        pd.isna(resistance["end_date"]) and pd.isna(resistance["duration_days"]) and resistance["outcome"] == "ongoing"
    )
    wagner = cases.loc["wagner-2023"]
    assert (wagner["start_date"], wagner["end_date"]) == (pd.Timestamp("2023-06-23"), pd.Timestamp("2023-06-24"))
    assert wagner["duration_days"] == 1


def test_bc_dates_use_negative_years_and_no_iso_date(cases):
    caesar = cases.loc["caesar-49bc"]
    assert (caesar["start_year"], caesar["end_year"]) == (-49, -45)
    assert pd.isna(caesar["start_date"]) and pd.isna(caesar["end_date"])
    # 10 Jan 49 BC to 17 Mar 45 BC: astronomical years -48 and -44 are both leap years, no year 0.
    assert caesar["duration_days"] == 1461 + 67
    assert "pre-Julian" in caesar["notes"]


def test_the_framework_codings_of_section_10(cases):
    """docs/framework.md §10: position, origin, target, class, became, result and rank of every case."""
    expected = {
        "caesar-49bc": ("insider", "provinces", "executive", "coup", "civil-war", "none", "top"),
        "kornilov-1917": ("insider", "provinces", "executive", "coup", "none", "none", "top"),
        "thailand-1932": ("insider", "capital", "executive", "coup", "none", "political-revolution", "middle"),
        "ccp-1927": ("outsider", "provinces", "state", "rebellion", "civil-war", "social-revolution", "n/a"),
        "thailand-1951": ("insider", "capital", "executive", "coup", "armed-conflict", "none", "middle"),
        "myanmar-1958": ("insider", "capital", "executive", "coup", "none", "none", "top"),
        "myanmar-1962": ("insider", "capital", "executive", "coup", "none", "none", "top"),
        "thailand-1973": ("outsider", "capital", "executive", "uprising", "none", "none", "n/a"),
        "myanmar-1988": ("insider", "capital", "executive", "coup", "none", "none", "top"),
        "ussr-1991": ("insider", "capital", "executive", "coup", "none", "none", "top"),
        "peru-1992": ("insider", "capital", "other-branches", "self-coup", "none", "none", "n/a"),
        "russia-1993": ("insider", "capital", "other-branches", "self-coup", "armed-conflict", "none", "n/a"),
        "thailand-2006": ("insider", "capital", "executive", "coup", "none", "none", "top"),
        "thailand-2014": ("insider", "capital", "executive", "coup", "none", "none", "top"),
        "myanmar-2021": ("insider", "capital", "executive", "coup", "rebellion", "none", "top"),
        "myanmar-resistance-2021": ("outsider", "provinces", "state", "rebellion", "civil-war", "none", "n/a"),
        "sudan-rsf-2023": ("insider", "capital", "executive", "coup", "civil-war", "none", "n/a"),
        "wagner-2023": ("hybrid", "provinces", "military-leadership", "mutiny", "none", "none", "n/a"),
    }
    columns = ["position", "origin", "target", "course_class", "became", "result", "rank"]
    assert set(cases.index) == set(expected)
    for case_id, values in expected.items():
        assert tuple(cases.loc[case_id, columns]) == values, case_id
    for case_id in ("caesar-49bc", "myanmar-1958", "sudan-rsf-2023", "wagner-2023", "thailand-1973", "ccp-1927"):
        assert cases.loc[case_id, "contested"], f"{case_id}: a contested coding needs its note"


def test_no_production_notes_or_pointers_outside_the_book():
    banned = (
        "fact sheet",
        "course team",
        "course data notes",
        "course dataset notes",
        "standard knowledge",
        "not re-verified",
        "not yet checked",
    )
    paths = [ROOT / "data" / data.resource(name)["path"] for name in RESOURCES]
    # and everything a learner reads: chapters, pages, the introduction and the question banks
    paths += [*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("pages/**/*.md"), *ROOT.glob("pages/*.ipynb")]
    paths += [ROOT / "intro.md", *ROOT.glob("data/quizzes/*.yaml")]
    for path in paths:
        text = path.read_text(encoding="utf-8").lower()
        for phrase in banned:
            assert phrase not in text, f"{path.relative_to(ROOT)}: {phrase!r}"


def test_the_style_table(cases):
    classes = data.load("classes")
    assert list(classes["id"]) == ["coup", "self-coup", "mutiny", "uprising", "rebellion"]
    assert classes["symbol"].is_unique and classes["colour"].is_unique
    assert set(classes["colour"]) <= OKABE_ITO
    assert set(cases["course_class"]) <= set(classes["id"])


def test_dataset_codings_teach_the_definitions(cases):
    assert cases.loc["wagner-2023", ["pt_coding", "course_class", "position"]].tolist() == [
        "not-listed",
        "mutiny",
        "hybrid",
    ]
    assert cases.loc["ccp-1927", ["cline_coding", "cline_flags"]].tolist() == ["realized", "rebel"]
    assert cases.loc["ussr-1991", ["pt_coding", "cline_coding"]].tolist() == ["failed", "realized"]
    assert cases.loc["peru-1992", ["pt_coding", "cline_flags", "course_class"]].tolist() == [
        "not-listed",
        "auto",
        "self-coup",
    ]
    assert cases.loc["sudan-rsf-2023", ["pt_coding", "outcome"]].tolist() == ["failed", "became-civil-war"]
    assert cases.loc["myanmar-resistance-2021", "ucdp_coding"] == "conflict 222 (NUG) 2021, intensity 1"
    assert cases.loc["myanmar-2021", "ucdp_coding"] == "not-listed"
    assert (cases.loc[cases["start_year"] < 1950, "pt_coding"] == "before-1950").all()


def test_every_case_and_step_cites_known_bibtex_keys(cases, timeline):
    keys = bib_keys()
    for frame in (cases, timeline):
        assert (frame["source"].str.strip() != "").all()
        cited = {k for cell in frame["cite"] for k in cell.split(";")}
        assert cited and cited <= keys, cited - keys


def test_timeline_is_in_time_order_in_moscow_time(timeline):
    assert timeline["step"].tolist() == list(range(1, len(timeline) + 1))
    assert timeline["time"].is_monotonic_increasing
    assert {t.utcoffset() for t in timeline["time"]} == {pd.Timedelta(hours=3)}
    first, last = timeline["time"].iloc[0], timeline["time"].iloc[-1]
    assert first.date().isoformat() == "2023-06-23"
    assert last.date().isoformat() == "2023-08-23"  # the plane crash, two months later


def test_timeline_key_moments(timeline):
    address = timeline[timeline["event"].str.contains("Putin's televised address")].iloc[0]
    assert address["time"].strftime("%H:%M") == "10:00" and address["time_precision"] == "approx"
    turn = timeline[timeline["event"].str.contains("turning our columns around")].iloc[0]
    assert turn["time"].strftime("%Y-%m-%d %H:%M") == "2023-06-24 20:25"
    assert turn["distance_to_moscow_km"] == 200
    rostov = timeline[timeline["place"] == "Rostov-on-Don"].iloc[0]
    assert rostov["distance_to_moscow_km"] == 1070 and "approximate" in rostov["notes"]
    assert set(timeline["actor"]) >= {"Wagner", "Kremlin", "FSB", "Lukashenko"}


def test_derived_totals_match_the_dataset_readme():
    pt = data.load("pt_coups_by_year_region")
    assert (pt["attempts"].sum(), pt["successes"].sum()) == (491, 245)
    assert pt["year"].min() == 1950 and len(pt) == pt["year"].nunique() * 5
    in_range = pt[pt["year"].between(1950, 2010)]
    assert (in_range["attempts"].sum(), in_range["successes"].sum()) == (457, 225)
    cline = data.load("cline_coups_by_year_region")
    assert cline[["realized", "attempted", "conspiracy"]].sum().tolist() == [441, 349, 191]


def test_country_counts():
    counts = data.load("country_counts").set_index(["dataset", "country"])
    assert counts.loc[("powell-thyne", "Thailand"), ["events", "successes", "failures"]].tolist() == [12, 8, 4]
    assert counts.loc[("cline", "Thailand"), ["events", "successes", "failures", "conspiracies"]].tolist() == [
        19,
        11,
        4,
        4,
    ]
    assert counts.loc[("powell-thyne", "Myanmar"), ["events", "successes"]].tolist() == [5, 4]
    pt_version = next(s["version"] for s in data.resource("country_counts")["sources"] if "Powell" in s["title"])
    assert counts.loc[("powell-thyne", "Russia"), "version"] == pt_version
    assert counts.loc[("cline", "USSR"), "last_year"] == 1991


def test_load_hands_out_copies():
    first = data.load("cases")
    first.loc[0, "name"] = "changed"
    assert data.load("cases").loc[0, "name"] != "changed"


def test_resource_citation_and_source_line():
    assert data.resource("cases")["path"] == "cases.csv"
    assert "Powell" in data.citation("pt_coups_by_year_region")
    assert "Cline" in data.citation("cline_coups_by_year_region")
    assert data.source_line("country_counts").startswith("Source: Powell & Thyne")
    versions = {s["title"]: s["version"] for s in data.resource("country_counts")["sources"]}
    line = data.source_line("country_counts")
    assert all(version in line for version in versions.values())
    with pytest.raises(KeyError, match="known: cases"):
        data.resource("no_such_table")


def test_every_resource_states_licence_and_citation():
    for name in RESOURCES:
        res = data.resource(name)
        assert res["licenses"] and res["sources"] and res["x-citation"], name
        assert res["schema"]["primaryKey"], name
        for source in res["sources"]:
            assert source["title"], name
            if any(
                d in source["title"] for d in ("Global Instances of Coups", "Project Dataset", "Armed Conflict Dataset")
            ):
                assert source["version"] and source["coverage"], (name, source["title"])


def test_data_sources_page_lists_every_table():
    html = datasources.data_sources_html()
    for name in RESOURCES:
        assert f'id="data-{name}"' in html
