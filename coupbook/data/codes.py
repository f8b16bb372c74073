"""Match the coup datasets' country codes to the Gleditsch-Ward codes UCDP uses.

Powell & Thyne and the Cline Center number countries in the Correlates of War way; UCDP gives
each location its Gleditsch-Ward code (``gwno_loc``).  The two systems give the same number to
almost every country; ``data/code_matches.csv`` lists the exceptions found in the files the
course uses (a code, the years it applies to, and UCDP's code for the same country).
"""

from __future__ import annotations

import pandas as pd


def gleditsch_ward(codes: pd.Series, years: pd.Series, dataset: str, matches: pd.DataFrame) -> pd.Series:
    """UCDP's code for each (code, year) of ``dataset`` ("powell-thyne" or "cline").

    ``codes`` and ``years`` are columns of one table (same index); the result has that index.
    """
    codes, years = codes.astype("int64"), years.astype("int64")
    out = codes.copy()
    for row in matches[matches["dataset"] == dataset].itertuples():
        last = row.last_year if pd.notna(row.last_year) else years.max()
        out[(codes == row.code) & years.between(row.first_year, last)] = int(row.gw_code)
    return out


def code_map(dataset: str, matches: pd.DataFrame) -> dict[int, int]:
    """Code -> UCDP code for ``dataset``, ignoring years (for a country list, not for events)."""
    rows = matches[matches["dataset"] == dataset]
    return {int(code): int(gw) for code, gw in zip(rows["code"], rows["gw_code"], strict=True)}


def location_codes(gwno_loc: str) -> list[int]:
    """The codes of a UCDP ``gwno_loc`` cell: "651, 666" -> [651, 666]."""
    return [int(part) for part in str(gwno_loc).split(",") if part.strip()]
