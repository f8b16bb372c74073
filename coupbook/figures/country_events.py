"""One country's coup events as Powell & Thyne and the Cline Center code them, on one timeline.

Chapters 2 (Thailand) and 3 (Myanmar) show the same thing for two countries: each dataset is a
row of markers, and the marker symbol gives the outcome, so that readers see at a glance where the
narrow list and the wide list disagree.  The course's derived tables hold only per-country counts,
so each chapter keeps its event-level rows as small constants, and :func:`check_against_country_counts`
compares them with ``load("country_counts")`` every time a chart is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import plotly.graph_objects as go

from coupbook.charts import PALETTE
from coupbook.data import load

PtEvent = tuple[str, str]  # (date, "successful" | "failed")
ClineEvent = tuple[str, str, str]  # (date, "realized" | "attempted" | "conspiracy", flags)

# Outcome -> (legend label, marker symbol, colour). Symbols differ so colour is never the only signal.
STYLE = {
    "successful": ("Successful (P&T) / realized (Cline)", "circle", PALETTE[0]),
    "failed": ("Failed (P&T) / attempted (Cline)", "x-thin-open", PALETTE[1]),
    "conspiracy": ("Conspiracy: plot stopped before it was carried out (Cline only)", "diamond-open", PALETTE[2]),
}
CLINE_TO_STYLE = {"realized": "successful", "attempted": "failed", "conspiracy": "conspiracy"}
ROW_PT = "Powell & Thyne<br>(1950–Aug 2023)"
ROW_CLINE = "Cline Center<br>(1945–2022)"


def tally(pt_events: Sequence[PtEvent], cline_events: Sequence[ClineEvent]) -> dict[str, dict[str, int]]:
    """Events, successes, failures and conspiracies in each list, keyed like country_counts."""
    return {
        "powell-thyne": {
            "events": len(pt_events),
            "successes": sum(o == "successful" for _, o in pt_events),
            "failures": sum(o == "failed" for _, o in pt_events),
            "conspiracies": 0,
        },
        "cline": {
            "events": len(cline_events),
            "successes": sum(o == "realized" for _, o, _ in cline_events),
            "failures": sum(o == "attempted" for _, o, _ in cline_events),
            "conspiracies": sum(o == "conspiracy" for _, o, _ in cline_events),
        },
    }


def check_against_country_counts(
    country: str, pt_events: Sequence[PtEvent], cline_events: Sequence[ClineEvent]
) -> dict[str, dict[str, int]]:
    """The tally of the event lists; raises if it differs from the derived country_counts table."""
    counts = load("country_counts")
    rows = counts[counts["country"] == country].set_index("dataset")
    mine = tally(pt_events, cline_events)
    for dataset, values in mine.items():
        theirs = {k: int(rows.loc[dataset][k]) for k in values}
        if theirs != values:
            raise ValueError(f"{country} {dataset} events here {values} differ from country_counts {theirs}")
    return mine


def two_dataset_timeline(
    pt_events: Sequence[PtEvent],
    cline_events: Sequence[ClineEvent],
    *,
    title: str,
    x_range: tuple[str, str],
    y_range: tuple[float, float],
    labels: Iterable[tuple[str, str, str, str, int]] = (),
) -> go.Figure:
    """Both lists as two rows of markers; ``labels`` are (date, text, row, xanchor, yshift) notes."""
    fig = go.Figure()
    for key, (label, symbol, colour) in STYLE.items():
        xs, ys, hover = [], [], []
        for day, outcome in pt_events:
            if outcome == key:
                xs.append(day)
                ys.append(ROW_PT)
                hover.append(f"{day}: {outcome} coup (Powell & Thyne)")
        for day, outcome, flags in cline_events:
            if CLINE_TO_STYLE[outcome] == key:
                xs.append(day)
                ys.append(ROW_CLINE)
                hover.append(f"{day}: {outcome} (Cline; flags: {flags})")
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers",
                name=label,
                marker={"symbol": symbol, "size": 12, "color": colour, "line": {"width": 2, "color": colour}},
                hovertext=hover,
                hoverinfo="text",
            )
        )
    for day, text, row, anchor, shift in labels:
        fig.add_annotation(x=day, y=row, text=text, showarrow=False, yshift=shift, xanchor=anchor, font={"size": 12})
    fig.update_layout(
        title={"text": title},
        xaxis={"title": "year", "type": "date", "range": list(x_range), "dtick": "M120"},
        yaxis={
            "title": "",
            "categoryorder": "array",
            "categoryarray": [ROW_PT, ROW_CLINE],
            "range": list(y_range),
            "automargin": True,
        },
        legend={"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0},
    )
    return fig
