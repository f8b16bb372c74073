"""Rebuild ``data/derived/`` from the upstream Powell & Thyne and Cline Center files.

The upstream files are not ours to redistribute (see data/README.md), so the course commits only
small counts and this script, which anyone can re-run to check or refresh them::

    python -m coupbook.derive                   # rewrite data/derived/ from ../shared/datasets
    python -m coupbook.derive --upstream DIR    # or from another folder (same file names)
    python -m coupbook.derive --check           # exit 1 if the committed tables differ

Regions come from Correlates-of-War country-code ranges (``region_of``).  Year tables list every
year of the dataset's coverage and every region, with zeros, so charts show quiet years too.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from . import upstream
from .paths import DATA_DIR

DERIVED_DIR = DATA_DIR / "derived"
REGIONS = ["Americas", "Europe", "Africa", "Middle East & North Africa", "Asia & Oceania"]
COUNTRIES = {"powell-thyne": ["Thailand", "Myanmar", "Russia"], "cline": ["Thailand", "Myanmar", "Russia", "USSR"]}
PT_FIRST_YEAR = 1950
CLINE_FIRST_YEAR = 1945


def region_of(code: int) -> str:
    """Region of a Correlates-of-War code: 2-199 Americas, 200-399 Europe, 400-599 Africa,
    600-699 Middle East & North Africa (so Morocco 600, Algeria 615, Tunisia 616, Libya 620 and
    Sudan 625/626 count with the Middle East), 700-999 Asia & Oceania."""
    code = int(code)
    if 2 <= code < 200:
        return REGIONS[0]
    if 200 <= code < 400:
        return REGIONS[1]
    if 400 <= code < 600:
        return REGIONS[2]
    if 600 <= code < 700:
        return REGIONS[3]
    if 700 <= code < 1000:
        return REGIONS[4]
    raise ValueError(f"country code {code} is outside the Correlates-of-War range 2-999")


def _grid(first: int, last: int) -> pd.MultiIndex:
    return pd.MultiIndex.from_product([range(first, last + 1), REGIONS], names=["year", "region"])


def pt_by_year_region(pt: pd.DataFrame) -> pd.DataFrame:
    """Attempts and successes per year and region, every year from 1950 to the last event."""
    events = pt.assign(region=pt["ccode"].map(region_of))
    grouped = events.groupby(["year", "region"]).agg(attempts=("coup", "size"), successes=("successful", "sum"))
    table = grouped.reindex(_grid(PT_FIRST_YEAR, int(pt["year"].max())), fill_value=0).reset_index()
    return table.astype({"attempts": "int64", "successes": "int64"})


def cline_by_year_region(cline: pd.DataFrame) -> pd.DataFrame:
    """Realized, attempted and conspiracy events per year and region, 1945 to the last event."""
    events = cline.assign(region=cline["cowcode"].map(region_of))
    counts = pd.crosstab([events["year"], events["region"]], events["outcome"])
    counts = counts.reindex(columns=["realized", "attempted", "conspiracy"], fill_value=0)
    table = counts.reindex(_grid(CLINE_FIRST_YEAR, int(cline["year"].max())), fill_value=0)
    table.columns.name = None
    return table.reset_index().astype({"realized": "int64", "attempted": "int64", "conspiracy": "int64"})


def _count_row(dataset, version, country, years, events, successes, failures, conspiracies) -> dict:
    return {
        "dataset": dataset,
        "version": version,
        "country": country,
        "first_year": int(years.min()),
        "last_year": int(years.max()),
        "events": int(events),
        "successes": int(successes),
        "failures": int(failures),
        "conspiracies": int(conspiracies),
    }


def cline_version(source: str | Path) -> str:
    """Cline files carry no version column; read it from the file name (e.g. ..._v2.1.2.csv)."""
    match = re.search(r"v?(\d+\.\d+\.\d+)", Path(str(source)).name)
    return match.group(1) if match else "unknown"


def country_counts(pt: pd.DataFrame, cline: pd.DataFrame, cline_label: str) -> pd.DataFrame:
    """Per-country totals in both datasets for the course's countries."""
    rows = []
    for country in COUNTRIES["powell-thyne"]:
        sub = pt[pt["country"] == country]
        if len(sub):
            version = ";".join(sorted(sub["version"].astype(str).unique()))
            wins = int(sub["successful"].sum())
            rows.append(_count_row("powell-thyne", version, country, sub["year"], len(sub), wins, len(sub) - wins, 0))
    for country in COUNTRIES["cline"]:
        sub = cline[cline["country"] == country]
        if len(sub):
            n = sub["outcome"].value_counts()
            rows.append(
                _count_row(
                    "cline",
                    cline_label,
                    country,
                    sub["year"],
                    len(sub),
                    n.get("realized", 0),
                    n.get("attempted", 0),
                    n.get("conspiracy", 0),
                )
            )
    return pd.DataFrame(rows)


def pt_totals(pt: pd.DataFrame, first: int = 1950, last: int = 2010) -> tuple[int, int]:
    """(attempts, successes) between two years inclusive; 1950-2010 should give (457, 225)."""
    sub = pt[(pt["year"] >= first) & (pt["year"] <= last)]
    return len(sub), int(sub["successful"].sum())


def derive_tables(upstream_dir: str | Path = upstream.DEFAULT_DIR) -> dict[str, pd.DataFrame]:
    """The three derived tables, keyed by their file name in data/derived/."""
    base = Path(upstream_dir)
    pt = upstream.read_powell_thyne(base / upstream.PT_FILE)
    cline_path = base / upstream.CLINE_FILE
    cline = upstream.read_cline(cline_path)
    return {
        "pt_coups_by_year_region.csv": pt_by_year_region(pt),
        "cline_coups_by_year_region.csv": cline_by_year_region(cline),
        "country_counts.csv": country_counts(pt, cline, cline_version(cline_path)),
    }


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The exact bytes written for a table (UTF-8, LF line ends, no index), for byte-wise checks."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path = DERIVED_DIR) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        (out / name).write_bytes(to_csv_bytes(frame))
        written.append(out / name)
    return written


def differences(tables: dict[str, pd.DataFrame], out_dir: str | Path = DERIVED_DIR) -> list[str]:
    """Names of committed tables that are missing or differ byte for byte from ``tables``."""
    out = Path(out_dir)
    return [n for n, f in tables.items() if not (out / n).exists() or (out / n).read_bytes() != to_csv_bytes(f)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coupbook.derive", description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", default=str(upstream.DEFAULT_DIR), help="folder with the upstream files")
    parser.add_argument("--out", default=str(DERIVED_DIR), help="where the derived tables go")
    parser.add_argument("--check", action="store_true", help="only compare with the committed tables")
    args = parser.parse_args(argv)
    try:
        tables = derive_tables(args.upstream)
    except upstream.UpstreamFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        stale = differences(tables, args.out)
        for name in stale:
            print(f"{Path(args.out) / name} differs from a fresh derivation", file=sys.stderr)
        print("derived tables are up to date" if not stale else f"{len(stale)} table(s) out of date")
        return 1 if stale else 0
    for path in write_tables(tables, args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
