"""The data explorer's data: the shipped extracts, packed compactly for the page.

Everything comes from validated course tables (``coupbook.data.load``), so the explorer shows
exactly what ``make data`` derived from the upstream files and nothing the licences do not allow
(data/README.md, "What the book ships").  Rows are lists, not dicts, to keep the page small; the
front end (``js/src/query.js``) reads them by position.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from ..data import load, resource
from ..data.codes import code_map

DATASETS = {"pt": "pt_counts_by_country", "cline": "cline_events", "ucdp": "ucdp_conflict_years"}
NAMES = {"pt": "Powell & Thyne", "cline": "Cline Center", "ucdp": "UCDP/PRIO"}


def _int(value):
    return None if pd.isna(value) else int(value)


def _iso(value) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def datasets(pt_counts: pd.DataFrame, cline: pd.DataFrame, ucdp: pd.DataFrame) -> dict:
    """Title, version, coverage, first and last year and download address of each dataset."""
    years = {
        "pt": (pt_counts["first_year"].min(), pt_counts["last_year"].max()),
        "cline": (cline["date"].dt.year.min(), cline["date"].dt.year.max()),
        "ucdp": (ucdp["year"].min(), ucdp["year"].max()),
    }
    out = {}
    for key, name in DATASETS.items():
        source = resource(name)["sources"][0]
        out[key] = {
            "title": NAMES[key],
            "version": source["version"],
            "coverage": source["coverage"],
            "download": source["path"],
            "first": int(years[key][0]),
            "last": int(years[key][1]),
        }
    return out


def _parts(name: str) -> list[str]:
    """'Myanmar (Burma)' -> ['Myanmar (Burma)', 'Myanmar', 'Burma']; 'A; B' -> ['A; B', 'A', 'B']."""
    out = [name]
    out += [p.strip() for p in name.split(";")] if ";" in name else []
    match = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if match:
        out += [match.group(1).strip(), match.group(2).strip()]
    return list(dict.fromkeys(p for p in out if p))


def countries(coup_names: pd.DataFrame, ucdp: pd.DataFrame, matches: pd.DataFrame) -> list[dict]:
    """One entry per UCDP country code: a label, and every name the three datasets use for it.

    Coup datasets' codes are mapped to UCDP's (``code_matches.csv``); a UCDP name is taken only
    from rows with one location (the multi-location rows of interstate conflicts do not pair
    names and codes in order).
    """
    to_gw = code_map("cline", matches) | code_map("powell-thyne", matches)
    names: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"ucdp": [], "coup": []})
    for location, codes in zip(ucdp["location"], ucdp["gwno_loc"], strict=True):
        if "," not in codes:
            names[int(codes)]["ucdp"].append(location)
    for name, code in zip(coup_names["name"], coup_names["cow_code"], strict=True):
        if pd.notna(code):
            names[to_gw.get(int(code), int(code))]["coup"].append(name)
    entries = []
    for gw, found in names.items():
        ucdp_names, coup = sorted(set(found["ucdp"])), sorted(set(found["coup"]))
        label = _parts(ucdp_names[0])[-2] if ucdp_names and "(" in ucdp_names[0] else (ucdp_names or coup)[0]
        aliases = list(dict.fromkeys(a for n in [label, *ucdp_names, *coup] for a in _parts(n)))
        entries.append({"label": label, "gw": gw, "aliases": aliases})
    entries.sort(key=lambda e: (e["label"], e["gw"]))
    seen = defaultdict(int)
    for entry in entries:
        seen[entry["label"]] += 1
    for entry in entries:
        if seen[entry["label"]] > 1:
            entry["label"] = f"{entry['label']} ({entry['gw']})"
    return entries


def ucdp_runs(ucdp: pd.DataFrame) -> list[list]:
    """Conflict-years packed into runs of consecutive years with the same sides and intensity:
    [conflict_id, first year, last year, intensity, side A, side B]."""
    runs: list[list] = []
    for row in ucdp.sort_values(["conflict_id", "year"]).itertuples():
        last = runs[-1] if runs else None
        same = last and last[0] == row.conflict_id and last[3:] == [row.intensity_level, row.side_a, row.side_b]
        if same and last[2] == row.year - 1:
            last[2] = int(row.year)
        else:
            year = int(row.year)
            runs.append([int(row.conflict_id), year, year, int(row.intensity_level), row.side_a, row.side_b])
    return runs


def ucdp_conflicts(ucdp: pd.DataFrame) -> dict[str, list]:
    """Per conflict id: [location, codes, incompatibility, territory, type] (from its last year)."""
    last = ucdp.sort_values("year").drop_duplicates("conflict_id", keep="last").sort_values("conflict_id")
    return {
        str(int(r.conflict_id)): [
            r.location,
            [int(c) for c in str(r.gwno_loc).split(",")],
            int(r.incompatibility),
            r.territory_name,
            int(r.type_of_conflict),
        ]
        for r in last.itertuples()
    }


def payload() -> dict:
    """Everything the explorer needs, from the validated tables."""
    pt_events, pt_counts = load("pt_events_extract"), load("pt_counts_by_country")
    cline, ucdp, matches = load("cline_events"), load("ucdp_conflict_years"), load("code_matches")
    scope = load("pt_extract_scope")
    return {
        "datasets": datasets(pt_counts, cline, ucdp),
        "countries": countries(load("countries"), ucdp, matches),
        "codeMatches": [
            [r.dataset, int(r.code), int(r.first_year), _int(r.last_year), int(r.gw_code)] for r in matches.itertuples()
        ],
        "flagLabels": dict(zip(load("cline_flags")["flag"], load("cline_flags")["label"], strict=True)),
        "ptScope": [[r.country, int(r.first_year), _int(r.last_year)] for r in scope.itertuples()],
        "ptEvents": [[r.country, int(r.ccode), _iso(r.date), int(r.coup)] for r in pt_events.itertuples()],
        "ptCounts": [
            [r.country, *(int(v) for v in (r.ccode, r.events, r.successful, r.failed, r.first_year, r.last_year))]
            for r in pt_counts.itertuples()
        ],
        "clineEvents": [
            [r.country, int(r.cowcode), _iso(r.date), r.event_type, r.flags, r.coup_id] for r in cline.itertuples()
        ],
        "ucdpConflicts": ucdp_conflicts(ucdp),
        "ucdpRuns": ucdp_runs(ucdp),
    }
