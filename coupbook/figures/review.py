"""Chapter 9 (review): one static recap chart of all the course's cases.

Each case is a dot at its duration (log scale), in one panel for forces acting from the centre of
the state and one for forces acting from the periphery; the marker symbol and the legend give the
course's classification. Chapter 6 has the interactive version of this comparison.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from coupbook.casebook import split_by_duration
from coupbook.charts import PALETTE, finish

# Course classes in legend order, each with its own colour and marker symbol.
CLASSES = {
    "coup": ("Coup", "circle"),
    "self-coup": ("Self-coup", "diamond"),
    "mutiny": ("Mutiny", "x"),
    "civil-war": ("Civil war", "square"),
    "revolution": ("Revolution", "triangle-up"),
}
POSITIONS = {
    "centre": "Acting from the centre (inside the state apparatus)",
    "periphery": "Acting from the periphery (outside it)",
}


def duration_label(days: int) -> str:
    """'1 day', '13 days' or 'about 15 years'."""
    if days < 365:
        return "1 day" if days == 1 else f"{days} days"
    return f"about {round(days / 365.25)} years"


def recap_table() -> pd.DataFrame:
    """The cases that have ended (a known duration), with the chart's labels, sorted for display."""
    done, _ = split_by_duration()
    done["duration_label"] = done["duration_days"].map(duration_label)
    done["class_label"] = done["course_class"].map(lambda c: CLASSES[c][0])
    return done.sort_values(["actor_position", "duration_days", "start_year"]).reset_index(drop=True)


def cases_recap() -> go.Figure:
    """Dot plot: duration of each case (log scale), by where the acting force stood and by class."""
    table = recap_table()
    _, skipped = split_by_duration()
    counts = table["actor_position"].value_counts()
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        row_heights=[counts.get("centre", 1), counts.get("periphery", 1)],
        vertical_spacing=0.12,
        subplot_titles=[POSITIONS["centre"], POSITIONS["periphery"]],
    )
    for i, (cls, (label, symbol)) in enumerate(CLASSES.items()):
        shown = False
        for row, position in enumerate(POSITIONS, start=1):
            part = table[(table.course_class == cls) & (table.actor_position == position)]
            if part.empty:
                continue
            fig.add_trace(
                go.Scatter(
                    x=part["duration_days"],
                    y=part["name"],
                    mode="markers+text",
                    name=label,
                    legendgroup=cls,
                    showlegend=not shown,
                    marker={"symbol": symbol, "size": 13, "color": PALETTE[i], "line": {"width": 1, "color": "#333"}},
                    text=part["duration_label"],
                    textposition=["middle left" if d > 365 else "middle right" for d in part["duration_days"]],
                    customdata=part[["class_label", "duration_label"]],
                    hovertemplate="%{y}: %{customdata[0]}, %{customdata[1]}<extra></extra>",
                ),
                row=row,
                col=1,
            )
            shown = True
    fig.update_xaxes(type="log", range=[-0.3, 4.3], row=1, col=1)
    fig.update_xaxes(type="log", range=[-0.3, 4.3], title="Duration in days (log scale)", row=2, col=1)
    for row, position in enumerate(POSITIONS, start=1):
        names = table.loc[table.actor_position == position, "name"].tolist()
        fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], row=row, col=1)
    fig.update_layout(legend={"title": "Course class", "orientation": "h", "y": -0.18})

    centre = table[table.actor_position == "centre"]
    periphery = table[table.actor_position == "periphery"]
    centre_short = int((centre.duration_days <= 3).sum())

    def describe(part: pd.DataFrame) -> str:
        return "; ".join(f"{r.name} ({r.class_label}, {r.duration_label})" for r in part.itertuples())

    skipped_note = (
        f" {', '.join(skipped)} is left out: the war it started had not ended when the table was made."
        if skipped
        else ""
    )
    return finish(
        fig,
        caption=(
            f"The course's {len(table)} ended cases by duration and by where the acting force stood. "
            f"{centre_short} of the {len(centre)} cases started from the centre were over within three days; "
            "the long ones (Caesar's civil war, the road to the People's Republic) came from the periphery."
            f"{skipped_note}"
        ),
        source=(
            "Source: course table 'cases' (data/cases.csv), built from the sources cited in each row; "
            "durations for BC dates are approximate."
        ),
        alt=(
            f"Dot plot of {len(table)} cases, duration on a logarithmic axis from 1 day to about 15 years, in two "
            f"panels. Centre, {len(centre)} cases: {describe(centre)}. "
            f"Periphery, {len(periphery)} cases: {describe(periphery)}.{skipped_note}"
        ),
        height=620,
    )
