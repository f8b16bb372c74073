"""The Cline Center's actor-type flags for readers: one table with every flag's definition and
example events, built from ``data/cline_flags.csv``.

Every definition is the course's reading of the flag; where it quotes the Cline Center
(``definition_from: cline``), only the clause in double quotation marks is the Cline Center's
wording, and only that clause is marked as such (a ``<q>`` element with a visible note after it).
Every example is an event of the Cline data that carries the flag (a unit test checks this).  All
text is escaped: the table is data, never markup.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from .data import load
from .data.bibliography import authors

READING = "The course's reading"
QUOTED = re.compile(r'"([^"]+)"')  # a clause of the Cline Center's own wording, in the file's double quotes
CLINE_WORDING = "the Cline Center's wording"


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


def definition_html(definition: str, definition_from: str) -> str:
    """The definition, escaped; in a ``cline`` row each quoted clause is marked as the Cline Center's."""
    if definition_from != "cline":
        return f"<em>{READING}.</em> {escape(definition)}"
    parts = QUOTED.split(definition)  # even indexes: the course's text; odd: quoted clauses
    if len(parts) == 1:
        raise ValueError(f"a definition marked 'cline' quotes no clause: {definition!r}")
    html = "".join(
        f'<q class="cline-wording">{escape(part)}</q> <small>({CLINE_WORDING})</small>' if odd else escape(part)
        for odd, part in ((n % 2 == 1, part) for n, part in enumerate(parts))
    )
    return f"<em>{READING}, quoting the Cline Center.</em> {html}"


def _row_html(row: pd.Series) -> str:
    events = "; ".join(f"{escape(country)}, {day:%-d %b %Y}" for country, day in examples(row["examples"]))
    sources = ", ".join(escape(name) for name in authors(row["cite"].split(";")))
    cells = [
        definition_html(row["definition"], row["definition_from"]),
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
