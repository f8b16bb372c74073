"""One country's coup events as Powell & Thyne and the Cline Center code them, on one timeline.

Chapters 2 (Thailand) and 3 (Myanmar) show the same thing for two countries: each dataset is a
row of markers, and the marker symbol gives the outcome, so that readers see at a glance where the
narrow list and the wide list disagree.  The events come from the derived table
``country_events`` (``make data``), and :func:`events` checks them against ``country_counts``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from coupbook.charts import PALETTE
from coupbook.data import load, resource

# Outcome -> (legend label, marker symbol, colour). Symbols differ so colour is never the only signal.
STYLE = {
    "successful": ("Successful (P&T) / realized (Cline)", "circle", PALETTE[0]),
    "failed": ("Failed (P&T) / attempted (Cline)", "x-thin-open", PALETTE[1]),
    "conspiracy": ("Conspiracy: plot stopped before it was carried out (Cline only)", "diamond-open", PALETTE[2]),
}
CLINE_TO_STYLE = {"realized": "successful", "attempted": "failed", "conspiracy": "conspiracy"}
DATASETS = {"powell-thyne": "Powell & Thyne", "cline": "Cline Center"}


def coverage(dataset: str) -> str:
    """'1950 to August 2023' for a dataset, from the data package (the event table's sources)."""
    title = {"powell-thyne": "Powell", "cline": "Cline"}[dataset]
    source = next(s for s in resource("country_events")["sources"] if s["title"].startswith(title))
    return source["coverage"]


def row_label(dataset: str) -> str:
    return f"{DATASETS[dataset]}<br>({coverage(dataset)})"


def events(country: str) -> pd.DataFrame:
    """The country's events in both datasets (``date`` as YYYY-MM-DD text, ``style`` the outcome key).

    Raises ValueError if the events do not add up to the country's row in ``country_counts``.
    """
    table = load("country_events")
    table = table[table["country"] == country].copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    table["style"] = table["outcome"].map(lambda o: CLINE_TO_STYLE.get(o, o))
    counts = load("country_counts").set_index(["dataset", "country"])
    for dataset, part in table.groupby("dataset"):
        expected = counts.loc[(dataset, country)]
        mine = {
            "events": len(part),
            "successes": int((part["style"] == "successful").sum()),
            "failures": int((part["style"] == "failed").sum()),
            "conspiracies": int((part["style"] == "conspiracy").sum()),
        }
        theirs = {k: int(expected[k]) for k in mine}
        if mine != theirs:
            raise ValueError(f"{country} {dataset} events {mine} differ from country_counts {theirs}")
    return table.reset_index(drop=True)


def tally(table: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Events, successes, failures and conspiracies per dataset, keyed like country_counts."""
    out = {}
    for dataset in DATASETS:
        part = table[table["dataset"] == dataset]
        out[dataset] = {
            "events": len(part),
            "successes": int((part["style"] == "successful").sum()),
            "failures": int((part["style"] == "failed").sum()),
            "conspiracies": int((part["style"] == "conspiracy").sum()),
        }
    return out


def two_dataset_timeline(
    table: pd.DataFrame,
    *,
    title: str,
    x_range: tuple[str, str],
    y_range: tuple[float, float],
    labels: Iterable[tuple[str, str, str, str, int]] = (),
) -> go.Figure:
    """Both lists as two rows of markers; ``labels`` are (date, text, dataset, xanchor, yshift) notes."""
    fig = go.Figure()
    for key, (label, symbol, colour) in STYLE.items():
        part = table[table["style"] == key]
        hover = [
            f"{d}: {o} coup (Powell & Thyne)"
            if ds == "powell-thyne"
            else f"{d}: {o} (Cline; flags: {f.replace(';', ', ')})"
            for d, o, ds, f in zip(part["date"], part["outcome"], part["dataset"], part["flags"], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=list(part["date"]),
                y=[row_label(ds) for ds in part["dataset"]],
                mode="markers",
                name=label,
                marker={"symbol": symbol, "size": 12, "color": colour, "line": {"width": 2, "color": colour}},
                hovertext=hover,
                hoverinfo="text",
            )
        )
    for day, text, dataset, anchor, shift in labels:
        fig.add_annotation(
            x=day, y=row_label(dataset), text=text, showarrow=False, yshift=shift, xanchor=anchor, font={"size": 12}
        )
    fig.update_layout(
        title={"text": title},
        xaxis={"title": "year", "type": "date", "range": list(x_range), "dtick": "M120"},
        yaxis={
            "title": "",
            "categoryorder": "array",
            "categoryarray": [row_label("powell-thyne"), row_label("cline")],
            "range": list(y_range),
            "automargin": True,
        },
        legend={"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0},
    )
    return fig
