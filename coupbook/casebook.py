"""The course's cases for readers: the "Cases at a glance" table, and the small helpers that every
view of the cases shares (year labels, which cases have ended).

The page shows, for each case, what happened and how each dataset codes it side by side, with the
row's sources and notes, so students can revise from it and instructors set exercises.  All text
is escaped: the table is data, never markup.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .data import load

COLUMNS = ["Case", "When", "Who acted, and from where", "Target", "Outcome", "Course label"]
COLUMNS += ["Powell & Thyne", "Cline Center", "UCDP/PRIO", "Sources and notes"]


def year_label(year: int) -> str:
    return f"{-year} BC" if year < 0 else str(year)


def split_by_duration(cases: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The cases that have ended (``duration_days`` as int), and the names of those still going."""
    cases = load("cases") if cases is None else cases
    ended = cases[cases["duration_days"].notna()].copy()
    ended["duration_days"] = ended["duration_days"].astype(int)
    return ended, cases.loc[cases["duration_days"].isna(), "name"].tolist()


def when(row: pd.Series) -> str:
    """'19 Sep 2006', '23–24 Jun 2023', '1934–1949', '49–45 BC' or '15 Apr 2023 – ongoing'."""
    start, end = row["start_date"], row["end_date"]
    if pd.isna(row["end_year"]):
        first = start.strftime("%-d %b %Y") if not pd.isna(start) else year_label(row["start_year"])
        return f"{first} – ongoing"
    if pd.isna(start) or pd.isna(end):
        if row["start_year"] < 0 and row["end_year"] < 0:
            return f"{-row['start_year']}–{-row['end_year']} BC"
        return f"{year_label(row['start_year'])}–{year_label(row['end_year'])}"
    if start == end:
        return start.strftime("%-d %b %Y")
    if start.year != end.year:
        return f"{start:%-d %b %Y} – {end:%-d %b %Y}"
    if start.month != end.month:
        return f"{start:%-d %b} – {end:%-d %b %Y}"
    return f"{start:%-d}–{end:%-d %b %Y}"


def _label(code: str) -> str:
    return code.replace("-", " ")


def _row_html(row: pd.Series) -> str:
    cline = _label(row["cline_coding"]) + (f" ({row['cline_flags'].replace(';', ', ')})" if row["cline_flags"] else "")
    cells = [
        escape(when(row)),
        escape(f"{_label(row['actor'])}, {row['actor_position']}: {row['origin_place']}"),
        escape(_label(row["target"])),
        escape(f"{_label(row['outcome'])}; violence: {row['violence']}"),
        escape(_label(row["course_class"])),
        escape(_label(row["pt_coding"])),
        escape(cline),
        escape(row["ucdp_coding"]),
        f"{escape(row['source'])}<details><summary>Notes</summary>{escape(row['deaths_note'])} "
        f"{escape(row['notes'])}</details>",
    ]
    header = f'<th scope="row" id="case-{escape(row["case_id"])}">{escape(row["name"])}</th>'
    return "<tr>" + header + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def case_table_html(cases: pd.DataFrame | None = None) -> str:
    """The case table, oldest case first, as an accessible HTML table in a scrollable region."""
    cases = load("cases") if cases is None else cases
    rows = "".join(_row_html(row) for _, row in cases.sort_values(["start_year", "start_date"]).iterrows())
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in COLUMNS)
    return (
        '<div class="case-table" role="region" aria-label="The course\'s cases" tabindex="0">'
        f'<table class="table"><caption>The {len(cases)} cases in data/cases.csv, oldest first.</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
