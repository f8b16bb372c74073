"""Rebuild the derived tables (``data/derived/`` and ``data/countries.csv``) from the upstream
Powell & Thyne, Cline Center and UCDP/PRIO files (``make data``).

The upstream files are not ours to redistribute (see data/README.md), so the course commits only
small counts, event lists for the course's countries, the country vocabulary, the extracts of
:mod:`.extracts` (for the data explorer and chapter 7's exercises) and this script, which anyone can
re-run to check or refresh them::

    python -m coupbook.derive                   # rewrite the derived tables from ../shared/datasets
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

from ..paths import DATA_DIR
from . import extracts, upstream

DERIVED_DIR = DATA_DIR / "derived"
COUNTRY_ADDITIONS = "country_additions.csv"
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


def country_events(pt: pd.DataFrame, cline: pd.DataFrame, cline_label: str) -> pd.DataFrame:
    """Every event of the course's countries in both datasets, oldest first, one row each."""
    rows = []
    for country in COUNTRIES["powell-thyne"]:
        for event in pt[pt["country"] == country].itertuples():
            outcome = "successful" if event.successful else "failed"
            rows.append(("powell-thyne", event.version, country, event.ccode, event.date, outcome, "", ""))
    for country in COUNTRIES["cline"]:
        for event in cline[cline["country"] == country].itertuples():
            rows.append(
                ("cline", cline_label, country, event.cowcode, event.date, event.outcome, event.flags, event.coup_id)
            )
    columns = ["dataset", "version", "country", "cow_code", "date", "outcome", "flags", "cline_id"]
    frame = pd.DataFrame(rows, columns=columns).sort_values(["dataset", "country", "date"], kind="stable")
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    return frame.reset_index(drop=True)


def cline_flag_counts(pt: pd.DataFrame, cline: pd.DataFrame) -> pd.DataFrame:
    """Events per Cline flag, by outcome, and how many of them Powell & Thyne also list.

    An event is "also in Powell & Thyne" when P&T have a coup with the same country code and date.
    """
    in_pt = pd.Series(list(zip(cline["cowcode"], cline["date"], strict=True))).isin(
        set(zip(pt["ccode"], pt["date"], strict=True))
    )
    rows = []
    for flag in upstream.CLINE_FLAGS:
        mask = (cline[flag] == 1).to_numpy()
        outcomes = cline.loc[mask, "outcome"].value_counts()
        rows.append(
            {
                "flag": flag,
                "events": int(mask.sum()),
                "realized": int(outcomes.get("realized", 0)),
                "attempted": int(outcomes.get("attempted", 0)),
                "conspiracy": int(outcomes.get("conspiracy", 0)),
                "also_in_powell_thyne": int(in_pt[mask].sum()),
            }
        )
    return pd.DataFrame(rows)


def countries(pt: pd.DataFrame, cline: pd.DataFrame, additions: pd.DataFrame) -> pd.DataFrame:
    """The country vocabulary: every (name, Correlates of War code) pair the two datasets use,
    plus the course's documented additions (e.g. the Roman Republic, which has no code)."""
    used: dict[tuple[str, int | None], set[str]] = {}
    for dataset, names, codes in (
        ("cline", cline["country"], cline["cowcode"]),
        ("powell-thyne", pt["country"], pt["ccode"]),
    ):
        for name, code in zip(names, codes, strict=True):
            used.setdefault((str(name), int(code)), set()).add(dataset)
    notes = {}
    for row in additions.itertuples():
        code = None if pd.isna(row.cow_code) else int(row.cow_code)
        used.setdefault((row.name, code), set()).add("course")
        notes[(row.name, code)] = row.note
    rows = [
        {"name": name, "cow_code": code, "used_by": ";".join(sorted(by)), "note": notes.get((name, code), "")}
        for (name, code), by in used.items()
    ]
    frame = pd.DataFrame(rows).astype({"cow_code": "Int64"})
    return frame.sort_values(["name", "cow_code"], kind="stable").reset_index(drop=True)


def derive_tables(upstream_dir: str | Path = upstream.DEFAULT_DIR) -> dict[str, pd.DataFrame]:
    """The derived tables, keyed by their path under data/."""
    from . import load  # the additions are a validated course table

    base = Path(upstream_dir)
    pt = upstream.read_powell_thyne(base / upstream.PT_FILE)
    cline_path = base / upstream.CLINE_FILE
    cline = upstream.read_cline(cline_path)
    label = cline_version(cline_path)
    ucdp = upstream.read_ucdp_acd(base / upstream.UCDP_FILE)
    return {
        "derived/pt_coups_by_year_region.csv": pt_by_year_region(pt),
        "derived/cline_coups_by_year_region.csv": cline_by_year_region(cline),
        "derived/country_counts.csv": country_counts(pt, cline, label),
        "derived/country_events.csv": country_events(pt, cline, label),
        "derived/cline_flag_counts.csv": cline_flag_counts(pt, cline),
        "countries.csv": countries(pt, cline, load("country_additions")),
        **extracts.derive_extracts(pt, cline, ucdp, load("pt_extract_scope")),
    }


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The exact bytes written for a table (UTF-8, LF line ends, no index), for byte-wise checks."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path = DATA_DIR) -> list[Path]:
    out = Path(out_dir)
    written = []
    for name, frame in tables.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(to_csv_bytes(frame))
        written.append(out / name)
    return written


def differences(tables: dict[str, pd.DataFrame], out_dir: str | Path = DATA_DIR) -> list[str]:
    """Names of committed tables that are missing or differ byte for byte from ``tables``."""
    out = Path(out_dir)
    return [n for n, f in tables.items() if not (out / n).exists() or (out / n).read_bytes() != to_csv_bytes(f)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coupbook.derive", description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", default=str(upstream.DEFAULT_DIR), help="folder with the upstream files")
    parser.add_argument("--out", default=str(DATA_DIR), help="the data folder the derived tables go into")
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
