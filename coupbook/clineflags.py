"""The Cline Center's actor-type flags for readers: one table with every flag's definition and
example events, built from ``data/cline_flags.csv``.

Every definition says whose wording it is (``definition_from``: the Cline Center's, or the
course's reading of the flag), and every example is an event of the Cline data that carries the
flag (a unit test checks this).  All text is escaped: the table is data, never markup.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .data import load
from .data.bibliography import authors

WORDING = {"cline": "The Cline Center's wording", "course": "The course's reading"}


def examples(cell: str) -> list[tuple[str, pd.Timestamp]]:
    """'Peru 1992-04-04; Russia 1993-09-21' -> [('Peru', Timestamp(1992-04-04)), ...]."""
    out = []
    for item in cell.split("; "):
        country, date = item.rsplit(" ", 1)
        out.append((country, pd.Timestamp(date)))
    return out


def flag_rows() -> pd.DataFrame:
    """The flags in the file's order, with their definitions, examples and citation keys."""
    return load("cline_flags")


def _row_html(row: pd.Series) -> str:
    events = "; ".join(f"{escape(country)}, {day:%-d %b %Y}" for country, day in examples(row["examples"]))
    sources = ", ".join(escape(name) for name in authors(row["cite"].split(";")))
    cells = [
        f"<em>{escape(WORDING[row['definition_from']])}.</em> {escape(row['definition'])}",
        events,
        sources,
    ]
    header = f'<th scope="row"><code>{escape(row["flag"])}</code><br>{escape(row["label"])}</th>'
    return "<tr>" + header + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def flag_definitions_html() -> str:
    """An HTML table: flag, what it means, example events, sources."""
    head = "".join(f'<th scope="col">{c}</th>' for c in ["Flag", "What it means", "Examples in the data", "Sources"])
    body = "".join(_row_html(row) for _, row in flag_rows().iterrows())
    return (
        '<table class="cline-flags"><caption>The Cline Center\'s flags: what each one means, and events that carry '
        "it</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
