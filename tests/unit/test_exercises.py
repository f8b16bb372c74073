"""Chapter 7's exercises: the datasets open from files or extracts, the checks pass right answers
and fail wrong ones with a hint that does not give the answer away."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from coupbook.data import codes, load, upstream
from coupbook.exercises import CHECKS, Datasets, check, open_datasets, reference
from coupbook.exercises.datasets import cline_from_extract, pt_from_extract, ucdp_from_extract

FILES = (upstream.PT_FILE, upstream.CLINE_FILE, upstream.UCDP_FILE)
HAVE_UPSTREAM = all((upstream.DEFAULT_DIR / f).is_file() for f in FILES)
needs_upstream = pytest.mark.skipif(not HAVE_UPSTREAM, reason="../shared/datasets (or COUPBOOK_UPSTREAM) not present")
EXTRACT = "the book's extract"


@pytest.fixture(scope="module")
def extract() -> Datasets:
    origin = dict.fromkeys(("pt", "cline", "ucdp"), EXTRACT)
    return Datasets(pt_from_extract(), cline_from_extract(), ucdp_from_extract(), origin)


@pytest.fixture(scope="module")
def full() -> Datasets:
    if not HAVE_UPSTREAM:
        pytest.skip("upstream files not present")
    return open_datasets()


# --- opening the data ---------------------------------------------------------------------


def test_falls_back_to_the_extracts_when_no_file_is_there(monkeypatch, tmp_path):
    monkeypatch.setattr(upstream, "DEFAULT_DIR", tmp_path)
    data = open_datasets()
    assert all(data.origin[n].startswith("the book's extract data/derived/") for n in ("pt", "cline", "ucdp"))
    assert not data.complete("pt")
    assert set(data.pt["country"]) == {"Thailand", "Myanmar", "Russia", *reference.SAHEL}
    assert len(data.cline) == len(load("cline_events")) and len(data.ucdp) == len(load("ucdp_conflict_years"))
    assert "Powell & Thyne" in repr(data) and "<table" in data._repr_html_()


def test_the_extract_frames_have_the_upstream_columns(extract):
    assert {"country", "ccode", "year", "month", "day", "coup", "version", "date", "successful"} <= set(extract.pt)
    assert {"coup_id", "cowcode", "event_type", "outcome", "date", "flags", *upstream.CLINE_FLAGS} <= set(extract.cline)
    assert set(upstream.UCDP_COLUMNS) <= set(extract.ucdp)
    first = extract.cline.loc[extract.cline["flags"] == "military;resign"].iloc[0]
    assert first[["military", "resign", "palace"]].tolist() == [1, 1, 0]


@needs_upstream
def test_opens_a_folder_a_path_a_file_url_and_an_http_url(tmp_path, served):
    for name in FILES:
        shutil.copy(upstream.DEFAULT_DIR / name, tmp_path / name)
    from_folder = open_datasets(tmp_path)
    assert from_folder.complete("pt") and from_folder.origin["pt"] == "powell_thyne_coups_final.txt (V2023.09.08)"
    assert from_folder.origin["cline"].endswith("(v2.1.2)") and from_folder.origin["ucdp"].endswith("(v22.1)")
    by_url = open_datasets(served(tmp_path))
    pd.testing.assert_frame_equal(by_url.pt, from_folder.pt)
    one = open_datasets(pt=(tmp_path / upstream.PT_FILE).as_uri())
    assert len(one.pt) == 491


def test_a_named_file_that_cannot_be_read_is_an_error(tmp_path):
    with pytest.raises(upstream.UpstreamFormatError, match="file not found"):
        open_datasets(pt=tmp_path / "nothing.txt")
    with pytest.raises(upstream.UpstreamFormatError, match="file not found"):
        open_datasets(tmp_path)


# --- country codes ------------------------------------------------------------------------


def test_code_matches_apply_by_code_and_year():
    matches = load("code_matches")
    frame = pd.DataFrame({"code": [679, 393, 340, 800, 393, 365], "year": [2011, 1993, 1999, 2006, 1992, 1991]})
    got = codes.gleditsch_ward(frame["code"], frame["year"], "cline", matches)
    assert got.tolist() == [678, 365, 345, 800, 393, 365]
    unchanged = codes.gleditsch_ward(frame["code"], frame["year"], "powell-thyne", matches)
    assert unchanged.tolist() == frame["code"].tolist()
    assert codes.code_map("cline", matches) == {340: 345, 393: 365, 679: 678}
    assert codes.location_codes("651, 666") == [651, 666]


@needs_upstream
def test_every_code_exception_occurs_in_the_files(full):
    for row in load("code_matches").itertuples():
        events = full.cline if row.dataset == "cline" else full.pt
        column = "cowcode" if row.dataset == "cline" else "ccode"
        assert (events[column] == row.code).any(), row.code
    ucdp_codes = {c for cell in full.ucdp["gwno_loc"] for c in codes.location_codes(cell)}
    assert {678, 365, 345} <= ucdp_codes and 679 not in ucdp_codes and 393 not in ucdp_codes


# --- the checker's answers ----------------------------------------------------------------


def test_reference_answers_on_the_extract(extract):
    assert reference.thai_gaps(extract) == [6, 1, 18, 1, 14, 15, 8]
    assert reference.thai_gaps_cline(extract) == [4, 6, 1, 13, 2, 3, 1, 14, 15, 8]
    summary = reference.sahel_summary(extract)
    assert summary.to_dict("index") == {
        "Burkina Faso": {"attempts": 2, "successes": 2},
        "Chad": {"attempts": 1, "successes": 1},
        "Guinea": {"attempts": 1, "successes": 1},
        "Mali": {"attempts": 2, "successes": 2},
        "Niger": {"attempts": 2, "successes": 1},
        "Sudan": {"attempts": 3, "successes": 1},
    }
    assert reference.sahel_unmatched(extract) == {("Guinea", "2021-09-05")}
    rates = reference.onset_rates(extract)
    assert rates["realized"] == pytest.approx(58 / 441) and rates["attempted"] == pytest.approx(49 / 349)
    assert len(reference.same_day(extract)) == 33
    sides = reference.same_day_sides(extract)
    assert set(sides) == reference.same_day(extract)
    assert sum("Military faction" in side for side in sides.values()) == 20  # the count chapter 7 states


@needs_upstream
def test_the_extracts_give_the_same_answers_as_the_files(full, extract):
    assert full.complete("pt") and not extract.complete("pt")
    for name in ("thai_gaps", "thai_gaps_cline", "sahel_unmatched", "same_day", "same_day_sides"):
        assert getattr(reference, name)(full) == getattr(reference, name)(extract), name
    pd.testing.assert_frame_equal(reference.sahel_summary(full), reference.sahel_summary(extract))
    pd.testing.assert_series_equal(reference.gw_codes(full), reference.gw_codes(extract))
    pd.testing.assert_series_equal(reference.coup_onsets(full), reference.coup_onsets(extract))
    pd.testing.assert_series_equal(reference.onset_rates(full), reference.onset_rates(extract))


@needs_upstream
def test_powell_and_thyne_onset_rates_need_the_whole_file(full, extract):
    rates = reference.onset_rates_pt(full)
    assert rates["successful"] == pytest.approx(27 / 245) and rates["failed"] == pytest.approx(38 / 246)
    assert check("onset-rates-pt", rates, full)
    refused = check("onset-rates-pt", rates, extract)
    assert not refused and "whole file" in refused.message


# --- checks pass right answers and fail wrong ones -----------------------------------------


def right_answers(data) -> dict:
    cline = data.cline
    executed = cline[cline["event_type"] != "conspiracy"]
    return {
        "thai-gaps": pd.Series(reference.thai_gaps(data)),
        "thai-gaps-cline": reference.thai_gaps_cline(data),
        "sahel-summary": reference.sahel_summary(data).reset_index(),
        "sahel-unmatched": pd.DataFrame(sorted(reference.sahel_unmatched(data)), columns=["country", "date"]),
        "gw-codes": reference.gw_codes(data),
        "coup-onsets": reference.coup_onsets(data),
        "onset-rates": (100 * reference.onset_rates(data)).to_dict(),
        "same-day": executed[executed["coup_id"].isin(reference.same_day(data))],
    }


def test_every_check_passes_its_right_answer(extract):
    answers = right_answers(extract)
    assert set(answers) | {"onset-rates-pt"} == set(CHECKS)
    for exercise, answer in answers.items():
        result = check(exercise, answer, extract)
        assert result.passed, result
        assert str(result).startswith(f"{exercise}: Correct.")


def _changed(series: pd.Series, position: int) -> pd.Series:
    out = series.copy()
    out.iloc[position] = not out.iloc[position] if out.dtype == bool else out.iloc[position] + 1
    return out


WRONG = [
    ("thai-gaps", lambda d: None, "still empty"),
    ("thai-gaps", lambda d: ..., "still empty"),
    ("thai-gaps", lambda d: "6, 1, 18", "list"),
    ("thai-gaps", lambda d: [5.8, 1.1, 18.0, 1.0, 13.4, 15.6, 7.7], "whole years"),
    ("thai-gaps", lambda d: [-6, -1, -18, -1, -14, -15, -8], "negative"),
    ("thai-gaps", lambda d: [0, 6, 1, 18, 1, 14, 15, 8], "n - 1 gaps"),
    ("thai-gaps", lambda d: [6, 1, 18, 1, 14, 15, 9], "differ"),
    ("thai-gaps-cline", lambda d: reference.thai_gaps(d), "gaps"),
    ("sahel-summary", lambda d: reference.sahel_summary(d)["attempts"], "DataFrame"),
    ("sahel-summary", lambda d: reference.sahel_summary(d).rename(columns={"successes": "wins"}), "missing: successes"),
    ("sahel-summary", lambda d: reference.sahel_summary(d).drop("Chad"), "missing"),
    ("sahel-summary", lambda d: reference.sahel_summary(d).assign(attempts=lambda t: t["successes"]), "failed ones"),
    ("sahel-unmatched", lambda d: [("Guinea", "2021-09-05"), ("Niger", "2023-06-26")], "ends in 2022"),
    ("sahel-unmatched", lambda d: [("Guinea", "2021-09-05"), ("Chad", "2021-04-20")], "within 7 days"),
    ("sahel-unmatched", lambda d: [], "missing"),
    ("sahel-unmatched", lambda d: "Guinea", "DataFrame"),
    ("gw-codes", lambda d: d.cline["cowcode"], "rows differ (for example"),
    ("gw-codes", lambda d: reference.gw_codes(d).reset_index(drop=True).iloc[:-1], "same index"),
    ("gw-codes", lambda d: d.cline.assign(gw=reference.gw_codes(d)), "not the whole table"),
    ("coup-onsets", lambda d: _changed(reference.coup_onsets(d), 0), "1 rows differ"),
    ("coup-onsets", lambda d: reference.coup_onsets(d).tolist(), "pandas Series"),
    ("onset-rates", lambda d: {"realized": 0.5, "attempted": 0.5}, "shares differ"),
    ("onset-rates", lambda d: {"successful": 0.13, "failed": 0.14}, "one share for each of realized, attempted"),
    ("same-day", lambda d: sorted(reference.same_day(d))[1:], "missing"),
    ("same-day", lambda d: d.cline.head(3), "not same-day"),
]


@pytest.mark.parametrize(("exercise", "make", "hint"), WRONG, ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(WRONG)])
def test_wrong_answers_fail_with_a_hint(extract, exercise, make, hint):
    result = check(exercise, make(extract), extract)
    assert not result.passed
    assert str(result).startswith(f"{exercise}: Not yet.")
    assert hint in result.message


def test_hints_never_state_the_answer(extract):
    for exercise, make, _ in WRONG:
        message = check(exercise, make(extract), extract).message
        assert "18" not in message and "Guinea" not in message and "13.2" not in message, message


def test_unknown_exercise():
    with pytest.raises(KeyError, match="known: thai-gaps"):
        check("no-such-exercise", 1, None)
