"""Chapter 6: the course's cases by the defining criteria.

- :func:`case_map`: position (who acts: insider, hybrid, outsider) by origin (where the challenge
  began: the capital, or the provinces and the front), each case in its cell, its symbol and
  colour giving its class (from the style table ``data/classes.csv``); the hover and the text
  description say what it became and its result.
- :func:`duration_by_class`: a small chart showing that duration does not decide the class (speed
  is a diagnostic, docs/framework.md §3).

Both read the course table ``cases``; nothing about a case is typed here.
"""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from coupbook.casebook import case_hover, split_by_duration
from coupbook.charts import class_styles, finish
from coupbook.data import load, source_line
from coupbook.figures import casegrid

POSITIONS = ["insider", "hybrid", "outsider"]
POSITION_LABELS = {
    "insider": "Insider<br>(holds state<br>office)",
    "hybrid": "Hybrid<br>(state-funded,<br>outside)",
    "outsider": "Outsider<br>(no state<br>office)",
}
ORIGINS = ["capital", "provinces"]
ORIGIN_LABELS = {"capital": "Launched in<br>the capital", "provinces": "Launched in the provinces<br>or at the front"}
HAND_PICKED = "The cases are hand-picked to teach the distinctions; they are not a sample of all events."


def _ordered(cases: pd.DataFrame) -> pd.DataFrame:
    return cases.sort_values(["start_year", "start_date"], kind="stable").reset_index(drop=True)


def _became(row) -> str:
    parts = []
    if row.became != "none":
        parts.append(f"became {row.became.replace('-', ' ')}")
    if row.result != "none":
        parts.append(f"result: {row.result.replace('-', ' ')}")
    return "; ".join(parts)


def grid_traces(cases: pd.DataFrame, styles: dict, wrap_at: int = 40) -> list[go.Scatter]:
    """One trace per class (legend entry), markers and labels at the cases' grid positions
    (labels longer than ``wrap_at`` characters are broken over two lines)."""
    traces = []
    for cls, style in styles.items():
        part = cases[cases["course_class"] == cls]
        if part.empty:
            continue
        traces.append(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                name=style["label"],
                text=[casegrid.wrap(escape(name), wrap_at) for name in part["name"]],
                textposition="middle right",
                textfont={"size": 12},
                cliponaxis=False,
                marker={
                    "symbol": style["symbol"],
                    "color": style["colour"],
                    "size": 13,
                    "line": {"width": 1, "color": "#333333"},
                },
                hovertext=[case_hover(row, styles) for _, row in part.iterrows()],
                hoverinfo="text",
            )
        )
    return traces


def describe_cells(cases: pd.DataFrame, rows: list[str], row_key: str, cols: list[str], col_key: str, styles) -> str:
    """'Insider, capital: Thailand 2006 (coup), ...' for every cell, in reading order."""
    out = []
    for r in rows:
        for c in cols:
            part = cases[(cases[row_key] == r) & (cases[col_key] == c)]
            items = []
            for row in part.itertuples():
                extra = _became(row)
                items.append(f"{row.name} ({styles[row.course_class]['label'].lower()}{'; ' + extra if extra else ''})")
            cell = f"{r.replace('-', ' ').capitalize()}, {c.replace('-', ' ')}"
            out.append(f"{cell}: " + ("; ".join(items) if items else "no case"))
    return ". ".join(out) + "."


def case_map() -> go.Figure:
    """The course's cases in a 3 × 2 grid of position by origin, symbol and colour by class."""
    styles = class_styles()
    cases = casegrid.place(_ordered(load("cases")), "position", POSITIONS, "origin", ORIGINS)
    fig = go.Figure(grid_traces(cases, styles))
    for r in POSITIONS:
        for c in ORIGINS:
            if cases[(cases["position"] == r) & (cases["origin"] == c)].empty:
                fig.add_annotation(
                    x=ORIGINS.index(c) + 0.5,  # columns of width 1
                    y=len(POSITIONS) - POSITIONS.index(r) - 0.5,
                    text="no case in the course",
                    showarrow=False,
                    font={"size": 12, "color": "#555555"},
                )
    fig.update_layout(
        **casegrid.axes(POSITIONS, POSITION_LABELS, ORIGINS, ORIGIN_LABELS),
        legend=casegrid.CLASS_LEGEND,
        margin={"l": 20, "r": 20, "t": 70, "b": 40},
    )
    counts = cases.groupby("course_class").size()
    legend = "; ".join(f"{s['label'].lower()}: {s['symbol'].replace('-', ' ')}" for s in styles.values())
    return finish(
        fig,
        caption=(
            "The course's cases by the first two defining criteria: position (who acts) and origin (where the "
            "challenge "
            "began). Each symbol and colour is a class; target, the third criterion, separates classes within a cell "
            f"(see chapter 9). {HAND_PICKED} Hover over a case for its dates, target, what it became and its result."
        ),
        source=source_line("cases", "classes"),
        alt=(
            f"A grid of {len(cases)} cases: three rows for position (insider, hybrid, outsider) and two columns for "
            "origin "
            f"(capital; provinces or front). {describe_cells(cases, POSITIONS, 'position', ORIGINS, 'origin', styles)} "
            f"Classes: {', '.join(f'{counts[c]} ' + s['label'].lower() for c, s in styles.items() if c in counts)}. "
            f"Symbols: {legend}. {HAND_PICKED}"
        ),
        height=680,
    )


def duration_by_class() -> go.Figure:
    """Each case's duration (log scale) in the row of its class: durations overlap across classes."""
    styles = class_styles()
    ended, ongoing = split_by_duration(_ordered(load("cases")))
    labels = {c: s["label"] for c, s in styles.items()}
    fig = go.Figure()
    for cls, style in styles.items():
        part = ended[ended["course_class"] == cls]
        if part.empty:
            continue
        groups = part.groupby("duration_days", sort=True)["name"].agg(list)
        fig.add_trace(
            go.Scatter(
                x=list(groups.index),
                y=[style["label"]] * len(groups),
                mode="markers+text",
                name=style["label"],
                text=[f"×{len(names)}" if len(names) > 1 else "" for names in groups],
                textposition="top center",
                marker={
                    "symbol": style["symbol"],
                    "color": style["colour"],
                    "size": 13,
                    "line": {"width": 1, "color": "#333333"},
                },
                hovertext=[f"{days(d)}: {escape(', '.join(names))}" for d, names in groups.items()],
                hoverinfo="text",
                cliponaxis=False,
                showlegend=False,
            )
        )
    fig.update_layout(
        xaxis={
            "type": "log",
            "title": "Duration of the bid for power, in days (log scale)",
            "tickvals": [1, 10, 100, 365, 1000, 3650],
            "ticktext": ["1 day", "10", "100", "1 year", "1,000", "10 years"],
            "range": [-0.2, 4.1],
        },
        yaxis={"categoryorder": "array", "categoryarray": [labels[c] for c in reversed(styles)], "automargin": True},
        margin={"l": 20, "r": 20, "t": 30, "b": 60},
    )
    by_class = []
    for cls in styles:
        part = ended[ended["course_class"] == cls]
        if not part.empty:
            listing = ", ".join(f"{r.name} {days(r.duration_days)}" for r in part.itertuples())
            by_class.append(f"{labels[cls]}: {listing}")
    coups = ended[ended["course_class"] == "coup"]["duration_days"]
    return finish(
        fig,
        caption=(
            f"Duration does not decide the class: coups in the course's cases took from {days(coups.min())} to "
            f"{days(coups.max())}, and a one-day event can be a mutiny. Speed is a diagnostic, not a definition. "
            + (f"Not shown (still going on): {', '.join(ongoing)}." if ongoing else "")
        ),
        source=source_line(
            "cases", "classes", note="Durations before the common era are approximate (pre-Julian calendar)."
        ),
        alt=f"Dot plot of durations on a logarithmic axis, one row per class. {'. '.join(by_class)}.",
        height=320,
    )


def days(n: int) -> str:
    return "1 day" if n == 1 else f"{n:,} days"
