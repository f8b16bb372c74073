"""Load the full upstream coup and conflict datasets from a path or a URL.

The course only redistributes small derived counts; instructors who want the latest releases point
these loaders at the authors' files (a local path, ``file://`` or ``http(s)://`` URL).  Each loader
checks that the file looks like the dataset it claims to be and says clearly what is wrong if not,
because a renamed column in a new release should not turn into a silently empty chart.

- ``read_powell_thyne``: Powell & Thyne ``powell_thyne_coups_final.txt`` (tab-separated).
- ``read_cline``: Cline Center Coup d'État Project csv.
- ``read_ucdp_acd``: UCDP/PRIO Armed Conflict Dataset csv.
"""

from __future__ import annotations

import io
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd

from ..paths import ROOT

#: Where CI keeps the upstream copies, beside the repository (never committed to it); the
#: environment variable COUPBOOK_UPSTREAM points elsewhere (e.g. from a git worktree).
DEFAULT_DIR = Path(os.environ.get("COUPBOOK_UPSTREAM") or ROOT.parent / "shared" / "datasets")
PT_FILE = "powell_thyne_coups_final.txt"
CLINE_FILE = "cline_center_coup_data_v2.1.2.csv"
UCDP_FILE = "ucdp-prio-acd-221.csv"

PT_COLUMNS = ["country", "ccode", "year", "month", "day", "coup", "version"]
CLINE_COLUMNS = ["coup_id", "cowcode", "country", "year", "month", "day", "event_type", "realized", "attempt"]
CLINE_FLAGS = ["military", "dissident", "rebel", "palace", "foreign", "auto", "resign", "popular", "counter", "other"]
UCDP_COLUMNS = ["conflict_id", "location", "side_a", "side_b", "incompatibility", "year", "intensity_level"]
UCDP_COLUMNS += ["type_of_conflict", "version"]


class UpstreamFormatError(ValueError):
    """The file is missing, unreadable, or not the dataset the loader expects."""


def _is_url(source: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source) is not None


def fetch_bytes(source: str | Path, timeout: float = 60) -> bytes:
    """The raw bytes of a local path or a file://, http:// or https:// URL."""
    text = str(source)
    if _is_url(text):
        scheme = urllib.parse.urlsplit(text).scheme.lower()
        if scheme not in {"file", "http", "https"}:
            raise UpstreamFormatError(
                f"{text}: unsupported URL scheme {scheme!r} (use a path, file://, http:// or https://)"
            )
        try:
            with urllib.request.urlopen(text, timeout=timeout) as response:  # noqa: S310 (scheme checked above)
                return response.read()
        except OSError as exc:
            raise UpstreamFormatError(f"{text}: could not download ({exc})") from exc
    path = Path(text).expanduser()
    if not path.is_file():
        raise UpstreamFormatError(f"{path}: file not found")
    return path.read_bytes()


def _read_table(source, sep: str, what: str, columns: list[str], dtype=None) -> pd.DataFrame:
    raw = fetch_bytes(source)
    try:
        frame = pd.read_csv(io.BytesIO(raw), sep=sep, dtype=dtype, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise UpstreamFormatError(f"{source}: cannot be read as a {what} file ({exc})") from exc
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        found = ", ".join(map(str, frame.columns[:12]))
        raise UpstreamFormatError(
            f"{source}: not a {what} file: missing columns {missing}; found: {found}"
            + (" (is this a comma-separated file? Powell & Thyne is tab-separated)" if sep == "\t" else "")
        )
    if frame.empty:
        raise UpstreamFormatError(f"{source}: {what} file has a header but no rows")
    return frame


def _require(frame: pd.DataFrame, ok: pd.Series, source, what: str, detail: str) -> None:
    bad = frame.index[~ok.to_numpy()]
    if len(bad):
        first = int(bad[0]) + 2  # +1 for the header, +1 to count from 1
        raise UpstreamFormatError(f"{source}: {what} file, line {first}: {detail} ({len(bad)} such rows)")


def _integers(frame: pd.DataFrame, columns: list[str], source, what: str) -> None:
    for col in columns:
        values = pd.to_numeric(frame[col], errors="coerce")
        _require(frame, values.notna() & (values % 1 == 0), source, what, f"column {col!r} is not a whole number")
        frame[col] = values.astype("int64")


def read_powell_thyne(source: str | Path = DEFAULT_DIR / PT_FILE) -> pd.DataFrame:
    """Powell & Thyne coups: one row per attempt; ``coup`` 2 = successful, 1 = failed.

    Adds ``date`` (datetime64) and ``successful`` (bool).
    """
    what = "Powell & Thyne (tab-separated)"
    frame = _read_table(source, "\t", what, PT_COLUMNS)
    _integers(frame, ["ccode", "year", "month", "day", "coup"], source, what)
    _require(frame, frame["coup"].isin([1, 2]), source, what, "column 'coup' must be 1 (failed) or 2 (successful)")
    dates = pd.to_datetime(frame[["year", "month", "day"]], errors="coerce")
    _require(frame, dates.notna(), source, what, "year/month/day is not a valid date")
    frame["date"] = dates
    frame["successful"] = frame["coup"] == 2
    return frame


def read_cline(source: str | Path = DEFAULT_DIR / CLINE_FILE) -> pd.DataFrame:
    """Cline Center coups: ``event_type`` is coup (realized), attempted or conspiracy.

    Adds ``outcome`` (realized/attempted/conspiracy), ``date`` (NaT where the day is unknown) and
    ``flags`` (semicolon-separated initiator flags).
    """
    what = "Cline Center coup (csv)"
    frame = _read_table(source, ",", what, CLINE_COLUMNS, dtype={"coup_id": str})
    _integers(frame, ["cowcode", "year"], source, what)
    kinds = {"coup": "realized", "attempted": "attempted", "conspiracy": "conspiracy"}
    _require(frame, frame["event_type"].isin(kinds), source, what, "event_type must be coup, attempted or conspiracy")
    frame["outcome"] = frame["event_type"].map(kinds)
    parts = frame[["year", "month", "day"]].apply(pd.to_numeric, errors="coerce")
    frame["date"] = pd.to_datetime(parts, errors="coerce")
    present = [f for f in CLINE_FLAGS if f in frame.columns]
    flags = frame[present].fillna(0).astype(int)
    frame["flags"] = flags.apply(lambda r: ";".join(f for f in present if r[f] == 1), axis=1)
    return frame


def read_ucdp_acd(source: str | Path = DEFAULT_DIR / UCDP_FILE) -> pd.DataFrame:
    """UCDP/PRIO Armed Conflict Dataset: one row per conflict-year; intensity 1 minor, 2 war."""
    what = "UCDP/PRIO Armed Conflict Dataset (csv)"
    frame = _read_table(source, ",", what, UCDP_COLUMNS)
    _integers(frame, ["conflict_id", "year", "intensity_level", "type_of_conflict"], source, what)
    ok = frame["intensity_level"].isin([1, 2])
    _require(frame, ok, source, what, "intensity_level must be 1 (minor) or 2 (war)")
    return frame
