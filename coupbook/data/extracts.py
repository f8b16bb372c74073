"""The event-level extracts the book ships for the data explorer and chapter 7's exercises.

What may be shipped follows each dataset's terms (data/README.md, "What the book ships"):

- Cline Center (CC BY 4.0 as recorded): every event, with its date, outcome and actor flags
  (``cline_events``); the fate-of-the-executive columns are left out.
- UCDP/PRIO (described as CC BY 4.0): every conflict-year with its sides, incompatibility, type,
  intensity and the start date of its episode (``ucdp_conflict_years``).
- Powell & Thyne (no explicit licence; the authors update and correct the file themselves): counts
  per country (``pt_counts_by_country``) and the events of the countries and years listed in
  ``data/pt_extract_scope.csv`` only (``pt_events_extract``).  Learners who want every event
  download the authors' file; the explorer and the exercises read it from there.

Columns keep the upstream names, so an extract can stand in for the upstream file when it is
absent (:mod:`coupbook.exercises.datasets`).
"""

from __future__ import annotations

import pandas as pd

UCDP_COLUMNS = [
    "conflict_id",
    "year",
    "location",
    "gwno_loc",
    "side_a",
    "side_b",
    "incompatibility",
    "territory_name",
    "type_of_conflict",
    "intensity_level",
    "start_date2",
]


def _iso(dates: pd.Series) -> pd.Series:
    return pd.to_datetime(dates).dt.strftime("%Y-%m-%d")


def cline_events(cline: pd.DataFrame) -> pd.DataFrame:
    """Every Cline event: id, country, code, date, event type and flags, in the file's order (so
    the extract's rows have the same index as the upstream file's)."""
    frame = cline[["coup_id", "country", "cowcode", "date", "event_type", "flags"]].copy()
    frame["date"] = _iso(frame["date"])
    return frame.reset_index(drop=True)


def ucdp_conflict_years(ucdp: pd.DataFrame) -> pd.DataFrame:
    """Every UCDP conflict-year with the columns the explorer and the exercises use."""
    frame = ucdp[UCDP_COLUMNS].copy()
    frame["gwno_loc"] = frame["gwno_loc"].astype(str)
    frame["start_date2"] = _iso(frame["start_date2"])
    frame["territory_name"] = frame["territory_name"].fillna("")
    return frame.sort_values(["conflict_id", "year"], kind="stable").reset_index(drop=True)


def pt_counts_by_country(pt: pd.DataFrame) -> pd.DataFrame:
    """Per country (as Powell & Thyne name and code it): events, successful, failed, first and last year."""
    grouped = pt.groupby(["country", "ccode"], sort=True)
    frame = grouped.agg(
        events=("coup", "size"),
        successful=("successful", "sum"),
        first_year=("year", "min"),
        last_year=("year", "max"),
        version=("version", lambda v: ";".join(sorted(v.astype(str).unique()))),
    ).reset_index()
    frame["failed"] = frame["events"] - frame["successful"]
    columns = ["country", "ccode", "events", "successful", "failed", "first_year", "last_year", "version"]
    return frame[columns].astype({"successful": "int64", "failed": "int64"})


def in_scope(pt: pd.DataFrame, scope: pd.DataFrame) -> pd.Series:
    """Which Powell & Thyne rows fall in a country and year range of the scope table."""
    keep = pd.Series(False, index=pt.index)
    for row in scope.itertuples():
        last = row.last_year if pd.notna(row.last_year) else pt["year"].max()
        keep |= (pt["country"] == row.country) & pt["year"].between(row.first_year, last)
    return keep


def pt_events_extract(pt: pd.DataFrame, scope: pd.DataFrame) -> pd.DataFrame:
    """The Powell & Thyne events the book ships: those inside ``scope``, in the file's order."""
    frame = pt.loc[in_scope(pt, scope), ["country", "ccode", "date", "coup", "version"]].copy()
    frame["date"] = _iso(frame["date"])
    return frame.reset_index(drop=True)


def derive_extracts(pt: pd.DataFrame, cline: pd.DataFrame, ucdp: pd.DataFrame, scope: pd.DataFrame) -> dict:
    """The extracts, keyed by their path under data/."""
    return {
        "derived/pt_events_extract.csv": pt_events_extract(pt, scope),
        "derived/pt_counts_by_country.csv": pt_counts_by_country(pt),
        "derived/cline_events.csv": cline_events(cline),
        "derived/ucdp_conflict_years.csv": ucdp_conflict_years(ucdp),
    }
