"""The checker's own answers to chapter 7's exercises, computed from whatever data the learner opened.

They are written independently of the sample answers in the chapter, so a check compares two
computations, and they follow newer releases of the files automatically.
"""

from __future__ import annotations

import pandas as pd

from ..data import load
from ..data.codes import gleditsch_ward

#: Exercise 2: the Sahel and its neighbour Guinea, as Powell & Thyne name them.
SAHEL = ["Mali", "Burkina Faso", "Niger", "Chad", "Sudan", "Guinea"]
WAVE = (2020, 2023)
MATCH_DAYS = 7
INTRASTATE = (3, 4)
AFTER = pd.DateOffset(years=2)


def _year_gaps(events: pd.DataFrame) -> list[int]:
    years = events.sort_values("date")["year"].astype(int).tolist()
    return [later - earlier for earlier, later in zip(years, years[1:], strict=False)]


def thai_gaps(data) -> list[int]:
    """Years between Thailand's successive successful coups in Powell & Thyne."""
    pt = data.pt
    return _year_gaps(pt[(pt["country"] == "Thailand") & pt["successful"]])


def thai_gaps_cline(data) -> list[int]:
    """The same for the Cline Center's realized coups in Thailand."""
    cline = data.cline
    return _year_gaps(cline[(cline["country"] == "Thailand") & (cline["event_type"] == "coup")])


def sahel_wave(pt: pd.DataFrame, last: int = WAVE[1]) -> pd.DataFrame:
    return pt[pt["country"].isin(SAHEL) & pt["year"].between(WAVE[0], last)]


def sahel_summary(data) -> pd.DataFrame:
    """Attempts and successes per Sahel country, 2020-2023, in Powell & Thyne."""
    wave = sahel_wave(data.pt)
    table = wave.groupby("country").agg(attempts=("coup", "size"), successes=("successful", "sum"))
    return table.astype("int64").sort_index()


def sahel_unmatched(data) -> set[tuple[str, str]]:
    """Powell & Thyne's Sahel events up to Cline's last year with no Cline event within 7 days."""
    cline = data.cline
    out = set()
    for event in sahel_wave(data.pt, last=int(cline["year"].max())).itertuples():
        same = cline[cline["cowcode"] == event.ccode]
        if not ((same["date"] - event.date).abs() <= pd.Timedelta(days=MATCH_DAYS)).any():
            out.add((event.country, event.date.strftime("%Y-%m-%d")))
    return out


def gw_codes(data) -> pd.Series:
    """UCDP's country code for every Cline event."""
    return gleditsch_ward(data.cline["cowcode"], data.cline["year"], "cline", load("code_matches"))


def onsets(data) -> pd.DataFrame:
    """One row per episode of intrastate conflict: UCDP code of the location and start date."""
    ucdp = data.ucdp[data.ucdp["type_of_conflict"].isin(INTRASTATE)]
    first = ucdp.drop_duplicates(["conflict_id", "start_date2"])
    return pd.DataFrame({"gw": first["gwno_loc"].astype(int), "start": pd.to_datetime(first["start_date2"])})


def _followed(events: pd.DataFrame, codes: pd.Series, starts: pd.DataFrame) -> pd.Series:
    """True for each event with an onset in the same country after its day and within two years."""
    pairs = pd.DataFrame({"row": events.index, "gw": codes.to_numpy(), "date": events["date"].to_numpy()})
    pairs = pairs.merge(starts, on="gw")
    hit = pairs.loc[(pairs["start"] > pairs["date"]) & (pairs["start"] <= pairs["date"] + AFTER), "row"]
    return pd.Series(events.index.isin(hit), index=events.index, dtype=bool)


def coup_onsets(data) -> pd.Series:
    """For every realized or attempted Cline coup: did an intrastate conflict episode begin in
    the same country after it and within two years?"""
    executed = data.cline["event_type"] != "conspiracy"
    events = data.cline[executed]
    return _followed(events, gw_codes(data)[executed], onsets(data))


def onset_rates(data) -> pd.Series:
    """Share of realized and of attempted Cline coups followed by an onset (0 to 1)."""
    followed = coup_onsets(data)
    outcome = data.cline.loc[followed.index, "outcome"]
    return followed.groupby(outcome).mean().reindex(["realized", "attempted"])


def onset_rates_pt(data) -> pd.Series:
    """The same for Powell & Thyne's successful and failed coups."""
    pt = data.pt
    codes = gleditsch_ward(pt["ccode"], pt["year"], "powell-thyne", load("code_matches"))
    followed = _followed(pt, codes, onsets(data))
    outcome = pt["successful"].map({True: "successful", False: "failed"})
    return followed.groupby(outcome).mean().reindex(["successful", "failed"])


def same_day(data) -> set[str]:
    """Cline coups (realized or attempted) on the very day an intrastate conflict episode began
    in the same country."""
    executed = data.cline["event_type"] != "conspiracy"
    events = data.cline[executed].assign(gw=gw_codes(data)[executed])
    starts = onsets(data)
    both = events.merge(starts, left_on=["gw", "date"], right_on=["gw", "start"])
    return set(both["coup_id"])


def same_day_sides(data) -> dict[str, str]:
    """For each same-day coup, UCDP's ``side_b`` in the first year of the episode it began (later
    years name whoever fought the government then, not the coup-makers)."""
    ucdp = data.ucdp[data.ucdp["type_of_conflict"].isin(INTRASTATE)]
    ucdp = ucdp.assign(gw=ucdp["gwno_loc"].astype(int), start=pd.to_datetime(ucdp["start_date2"]))
    first = ucdp[ucdp["year"] == ucdp.groupby(["conflict_id", "start_date2"])["year"].transform("min")]
    executed = data.cline["event_type"] != "conspiracy"
    events = data.cline[executed].assign(gw=gw_codes(data)[executed])
    both = events.merge(first, left_on=["gw", "date"], right_on=["gw", "start"])
    return dict(zip(both["coup_id"], both["side_b"], strict=True))
