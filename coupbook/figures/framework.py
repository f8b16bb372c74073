"""Chapter 6: a framework to tell coups, mutinies, rebellions and civil wars apart.

One interactive chart places every case of the course table ``cases``: how long it lasted (x,
log scale), where it started (y: centre or periphery), what kind of event it was (marker symbol)
and, through a drop-down menu that works in the static book without a kernel, what colour
stands for (the course's class, the outcome, or the Powell & Thyne or Cline coding).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from coupbook.casebook import split_by_duration, year_label
from coupbook.charts import PALETTE, finish

# Marker symbol per course class: the symbol always carries the class, whatever the colour shows.
SYMBOLS = {
    "coup": "circle",
    "self-coup": "square",
    "mutiny": "diamond",
    "rebellion": "triangle-up",
    "civil-war": "x",
    "revolution": "star",
}
# Colour schemes offered in the drop-down: column -> (button label, category order)
SCHEMES = {
    "course_class": ("Course class", ["coup", "self-coup", "mutiny", "rebellion", "civil-war", "revolution"]),
    "outcome": ("Outcome", ["succeeded", "failed", "negotiated-end", "became-civil-war", "took-power"]),
    "pt_coding": ("Powell & Thyne coding", ["successful", "failed", "not-listed", "before-1950"]),
    "cline_coding": (
        "Cline Center coding",
        ["realized", "attempted", "conspiracy", "not-listed", "before-1945", "after-2022"],
    ),
}
Y_POSITION = {"centre": 1.0, "periphery": 0.0}
SPREAD = 0.6  # total vertical spread of cases that would otherwise sit on the same point


def year_text(year: float, date: object) -> str:
    """'19 Sep 2006' from an ISO date, or '49 BC' from a negative year when there is no date."""
    if isinstance(date, (str, pd.Timestamp)) and pd.notna(date) and str(date):
        return pd.Timestamp(date).strftime("%-d %b %Y")
    return year_label(int(year))


def days(n: int) -> str:
    return "1 day" if n == 1 else f"{n:,} days"


def cases_for_map() -> pd.DataFrame:
    """Cases with a known duration, with plotting columns: ``y`` (jittered), ``dates``, ``hover``."""
    df, _ = split_by_duration()
    df["dates"] = [
        year_text(sy, sd) + " – " + year_text(ey, ed)
        for sy, sd, ey, ed in zip(df["start_year"], df["start_date"], df["end_year"], df["end_date"], strict=True)
    ]
    # Spread cases that share a position and duration evenly around their row, in time order.
    df = df.sort_values(["actor_position", "duration_days", "start_year"]).reset_index(drop=True)
    offsets = []
    for _, group in df.groupby(["actor_position", "duration_days"], sort=False):
        n = len(group)
        offsets += [0.0] if n == 1 else [SPREAD * (i / (n - 1) - 0.5) for i in range(n)]
    df["y"] = df["actor_position"].map(Y_POSITION) + offsets
    # Label placement: one-day cases to the left (the stack at x = 1 would hide its neighbours),
    # long cases alternately above and below, the rest to the right.
    df["textpos"] = "middle right"
    df.loc[df["duration_days"] == 1, "textpos"] = "middle left"
    long_idx = df[df["duration_days"] > 365].sort_values("duration_days").index
    for k, idx in enumerate(long_idx):
        df.loc[idx, "textpos"] = "bottom center" if k % 2 == 0 else "top center"
    df["hover"] = [
        f"<b>{r.name}</b> ({r.country})<br>{r.dates}; {r.duration_days:,} day{'s' if r.duration_days != 1 else ''}"
        f"<br>Starts: {r.actor_position} ({r.origin_place})<br>Actor: {r.actor}; target: {r.target}"
        f"<br>Outcome: {r.outcome}<br>Course class: {r.course_class}"
        f"<br>Powell & Thyne: {r.pt_coding}; Cline: {r.cline_coding}; UCDP: {r.ucdp_coding}"
        for r in df.itertuples()
    ]
    return df


def case_map() -> go.Figure:
    """Every case by duration (log scale) and starting point, with a colour drop-down."""
    df = cases_for_map()
    fig = go.Figure()
    visible_sets = []
    for scheme, (_, order) in SCHEMES.items():
        first = scheme == "course_class"
        indices = []
        for i, value in enumerate([v for v in order if v in set(df[scheme])]):
            part = df[df[scheme] == value]
            indices.append(len(fig.data))
            fig.add_trace(
                go.Scatter(
                    x=part["duration_days"],
                    y=part["y"],
                    mode="markers+text",
                    text=part["name"],
                    textposition=part["textpos"].tolist(),
                    cliponaxis=False,
                    textfont={"size": 11},
                    name=value,
                    legendgroup=scheme,
                    visible=first,
                    marker={
                        "symbol": [SYMBOLS[c] for c in part["course_class"]],
                        "size": 13,
                        "color": PALETTE[i % len(PALETTE)],
                        "line": {"width": 1, "color": "#333333"},
                    },
                    hovertext=part["hover"],
                    hoverinfo="text",
                )
            )
        visible_sets.append((scheme, indices))

    buttons = []
    for scheme, indices in visible_sets:
        visible = [i in indices for i in range(len(fig.data))]
        label = SCHEMES[scheme][0]
        buttons.append(
            {
                "label": f"Colour: {label}",
                "method": "update",
                "args": [{"visible": visible}, {"legend.title.text": label}],
            }
        )
    fig.update_layout(
        updatemenus=[
            {
                "type": "dropdown",
                "buttons": buttons,
                "x": 0,
                "xanchor": "left",
                "y": 1.16,
                "yanchor": "top",
                "active": 0,
            }
        ],
        legend={"title": {"text": SCHEMES["course_class"][0]}, "orientation": "h", "y": -0.2},
        xaxis={
            "type": "log",
            "title": "Duration in days (log scale: 1, 10, 100, 1,000)",
            "range": [-1.1, 4.3],
            "tickvals": [1, 3, 10, 30, 100, 365, 1000, 3650],
            "ticktext": ["1 day", "3", "10", "1 month", "100", "1 year", "1,000", "10 years"],
        },
        yaxis={
            "tickvals": [0, 1],
            "ticktext": ["Periphery", "Centre"],
            "range": [-0.55, 1.55],
            "title": "Where it started",
            "zeroline": False,
        },
        margin={"t": 90},
    )

    _, missing = split_by_duration()
    centre = df[df["actor_position"] == "centre"]
    periphery = df[df["actor_position"] == "periphery"]
    long_ones = df[df["duration_days"] > 365].sort_values("duration_days")
    one_day_coups = centre[(centre["duration_days"] == 1) & (centre["course_class"] == "coup")]
    alt = (
        f"Scatter chart of {len(df)} cases by duration (log scale) and starting point. "
        f"{len(centre)} cases started at the centre, and all of them lasted {centre['duration_days'].max()} days "
        f"or less; {len(one_day_coups)} of them are coups over within a day "
        f"({', '.join(one_day_coups['name'])}). "
        f"{len(periphery)} cases started on the periphery: "
        + "; ".join(f"{r.name} ({r.course_class}, {days(r.duration_days)})" for r in periphery.itertuples())
        + ". The longest are "
        + " and ".join(f"{r.name} ({days(r.duration_days)})" for r in long_ones.itertuples())
        + ". A menu switches the colours between the course class, the outcome and the Powell & Thyne and "
        "Cline codings; the marker symbol always shows the course class."
        + (f" Not shown (no end date yet): {', '.join(missing)}." if missing else "")
    )
    return finish(
        fig,
        caption=(
            "Every case in the course by how long it lasted and where it started. Symbols show the course's "
            "class (circle coup, square self-coup, diamond mutiny, triangle rebellion, cross civil war, star "
            "revolution); use the menu to colour by outcome or by dataset coding, and hover for dates and codings. "
            "Cases with the same duration are spread vertically so that they do not overlap."
        ),
        source=(
            "course table cases (Powell & Thyne V2023.09.08; Cline Center v2.1.2; UCDP/PRIO ACD v22.1; "
            "sources per case in the table). Dates before the common era are in the pre-Julian calendar, "
            "so those durations are approximate."
        ),
        alt=alt,
        height=600,
    )
