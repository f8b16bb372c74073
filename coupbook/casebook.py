"""The course's cases for readers: the "Cases at a glance" table, the hover text that every case
chart shares, and small helpers (year labels, which cases have ended).

The page shows, for each case, the three defining criteria, the class, what it became and its
result, how each dataset codes it, and the row's sources and contested codings, so students can
revise from it and instructors set exercises.  All text is escaped: the table is data, never markup.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .data import load

COLUMNS = ["Case", "When", "Who acted (position, rank)", "From where (origin)", "Target", "Class"]
COLUMNS += ["Became; result", "Outcome", "Powell & Thyne", "Cline Center", "UCDP/PRIO", "Sources and notes"]


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


def duration_text(row: pd.Series) -> str:
    """'1 day', '8,097 days' or 'ongoing', by the duration rule of data/README.md."""
    days = row["duration_days"]
    if pd.isna(days):
        return "ongoing"
    return "1 day" if int(days) == 1 else f"{int(days):,} days"


def _label(code: str) -> str:
    return code.replace("-", " ")


def became_text(row: pd.Series) -> str:
    """'became civil war; result: social revolution', or 'none'."""
    became = "none" if row["became"] == "none" else f"became {_label(row['became'])}"
    return became + ("" if row["result"] == "none" else f"; result: {_label(row['result'])}")


def cline_text(row: pd.Series) -> str:
    flags = row["cline_flags"].replace(";", ", ")
    return _label(row["cline_coding"]) + (f" ({flags})" if flags else "")


def case_hover(row: pd.Series, styles: dict) -> str:
    """The hover text of a case on every chart: dates, the criteria, class, stage, result, codings."""
    rank = "" if row["rank"] == "n/a" else f", {row['rank']} rank"
    lines = [
        f"<b>{escape(row['name'])}</b> ({escape(row['country'])})",
        f"{escape(when(row))}; {duration_text(row)}",
        f"Position: {row['position']}{rank}; origin: {row['origin']} ({escape(row['origin_place'])})",
        f"Target: {_label(row['target'])}",
        f"Class: {styles[row['course_class']]['label'].lower()}; {became_text(row)}",
        f"Outcome: {_label(row['outcome'])}",
        f"Powell & Thyne: {_label(row['pt_coding'])}; Cline: {escape(cline_text(row))}; "
        f"UCDP: {escape(row['ucdp_coding'])}",
    ]
    return "<br>".join(lines)


def _row_html(row: pd.Series, classes: dict) -> str:
    rank = "" if row["rank"] == "n/a" else f", {row['rank']}"
    notes = f"{escape(row['deaths_note'])} {escape(row['notes'])}"
    contested = f"<p><strong>Contested:</strong> {escape(row['contested'])}</p>" if row["contested"] else ""
    cells = [
        escape(f"{when(row)} ({duration_text(row)})"),
        escape(f"{_label(row['actor'])}: {row['position']}{rank}"),
        escape(f"{row['origin']}: {row['origin_place']}"),
        escape(_label(row["target"])),
        escape(classes.get(row["course_class"], row["course_class"])),
        escape(became_text(row)),
        escape(f"{_label(row['outcome'])}; violence: {row['violence']}"),
        escape(_label(row["pt_coding"])),
        escape(cline_text(row)),
        escape(row["ucdp_coding"]),
        f"{escape(row['source'])}<details><summary>Notes</summary>{contested}<p>{notes}</p></details>",
    ]
    header = f'<th scope="row" id="case-{escape(row["case_id"])}">{escape(row["name"])}</th>'
    return "<tr>" + header + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def case_table_html(cases: pd.DataFrame | None = None) -> str:
    """The case table, oldest case first, as an accessible HTML table in a scrollable region."""
    cases = load("cases") if cases is None else cases
    classes = dict(zip(load("classes")["id"], load("classes")["label"], strict=True))
    ordered = cases.sort_values(["start_year", "start_date"], kind="stable")
    rows = "".join(_row_html(row, classes) for _, row in ordered.iterrows())
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in COLUMNS)
    return (
        '<div class="case-table" role="region" aria-label="The course\'s cases" tabindex="0">'
        f'<table class="table"><caption>The {len(cases)} cases in data/cases.csv, oldest first. The cases are '
        "hand-picked to teach the distinctions, not a sample of all events.</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
