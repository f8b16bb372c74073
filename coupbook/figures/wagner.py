"""Chapter 4: the Wagner Group's march of 23–24 June 2023, hour by hour (Moscow time).

Built from the course table ``wagner_timeline`` (see data/README.md): one row per event, with a
time in Moscow time (UTC+3), how precise that time is, whether it belongs to the march or its
aftermath, and, where it makes sense, the distance of the place from Moscow.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from coupbook.charts import PALETTE, finish
from coupbook.data import load, source_line
from coupbook.data.bibliography import authors

PRECISION = {
    # time_precision -> (legend label, marker symbol)
    "exact": ("Exact time reported", "circle"),
    "approx": ("About this time (± tens of minutes)", "circle"),
    "part-of-day": ("Part of day only (hour is representative)", "diamond-open"),
    "day": ("Date only", "square-open"),
}
ACTOR_ORDER = ["Wagner", "FSB", "Kremlin", "Russian authorities", "Lukashenko"]


def timeline(*, include_aftermath: bool = False) -> pd.DataFrame:
    """The Wagner timeline with a naive Moscow-time ``moscow`` column, in step order."""
    df = load("wagner_timeline").copy()
    stamps = pd.to_datetime(df["time"], utc=True).dt.tz_convert("Europe/Moscow")
    df["moscow"] = stamps.dt.tz_localize(None)
    df = df.sort_values("step").reset_index(drop=True)
    if not include_aftermath:
        df = df[df["phase"] == "march"].reset_index(drop=True)
    return df


def when(row: pd.Series) -> str:
    """Human-readable Moscow time that says how precise it is."""
    day = f"{row['moscow'].day} June"
    hour = row["moscow"].strftime("%H:%M")
    return {
        "exact": f"{day}, {hour}",
        "approx": f"{day}, about {hour}",
        "part-of-day": f"{day}, some time around {hour} (only the part of day is known)",
        "day": f"{day} (date only)",
    }.get(row["time_precision"], f"{day}, {hour}")


def part_of_day(row: pd.Series) -> str:
    """Short time phrase: 'about 20:25' for precise times, else the part of the day."""
    if row["time_precision"] in ("exact", "approx"):
        return ("about " if row["time_precision"] == "approx" else "") + row["moscow"].strftime("%H:%M")
    hour = row["moscow"].hour
    part = "morning" if hour < 11 else "midday" if hour < 15 else "afternoon" if hour < 18 else "evening"
    return f"{row['moscow'].day} June, {part}"


def short_place(row: pd.Series, last_step: int) -> str:
    """'Rostov-on-Don', 'Voronezh region', or 'Turnaround' for the column's last position."""
    if row["step"] == last_step:
        return "Turnaround"
    return row["place"].split("(")[0].split(",")[0].strip()


def outlets(df: pd.DataFrame) -> str:
    """The outlets the rows shown cite (authors of their BibTeX entries), each once, in order of use."""
    return ", ".join(authors([key for cell in df["cite"] for key in cell.split(";")]))


def march_timeline() -> go.Figure:
    """Two panels on one Moscow-time axis: who did what (top), and how close Wagner got (bottom)."""
    df = timeline()
    df["when"] = df.apply(when, axis=1)
    df["label"] = df["step"].astype(str)
    actors = [a for a in ACTOR_ORDER if a in set(df["actor"])] + sorted(set(df["actor"]) - set(ACTOR_ORDER))

    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.45, 0.55],
        vertical_spacing=0.08,
        subplot_titles=(
            "Who acted (numbers give the order; hover for the event)",
            "Wagner's column: distance to Moscow",
        ),
    )
    for precision, (label, symbol) in PRECISION.items():
        part = df[df["time_precision"] == precision]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["moscow"],
                y=part["actor"],
                mode="markers+text",
                text=part["label"],
                textposition="top center",
                name=label,
                legendgroup=precision,
                marker={"symbol": symbol, "size": 13, "color": PALETTE[0], "line": {"width": 2, "color": PALETTE[0]}},
                customdata=part[["when", "event", "place"]].to_numpy(),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Place: %{customdata[2]}<extra></extra>",
            ),
            row=1,
            col=1,
        )

    column = df[(df["actor"] == "Wagner") & df["distance_to_moscow_km"].notna()].copy()
    column["short"] = column.apply(short_place, axis=1, last_step=column["step"].max())
    column["phrase"] = column.apply(part_of_day, axis=1)
    fig.add_trace(
        go.Scatter(
            x=column["moscow"],
            y=column["distance_to_moscow_km"],
            mode="lines+markers+text",
            text=[f"{p}: ~{d:,.0f} km" for p, d in zip(column["short"], column["distance_to_moscow_km"], strict=True)],
            textposition=["top right"] + ["bottom left"] * (len(column) - 2) + ["top left"],  # labels stay inside
            name="Wagner column (distances approximate)",
            line={"color": PALETTE[1], "dash": "dot", "width": 2},
            marker={"symbol": "triangle-up", "size": 13, "color": PALETTE[1]},
            customdata=column[["when", "event"]].to_numpy(),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>About %{y:,.0f} km from Moscow<extra></extra>"
            ),
        ),
        row=2,
        col=1,
    )
    fig.update_yaxes(
        categoryorder="array", categoryarray=list(reversed(actors)), range=[-0.5, len(actors) - 0.1], row=1, col=1
    )
    fig.update_yaxes(title_text="km from Moscow", range=[0, 1250], row=2, col=1)
    # The time labels stand off the axis, clear of the distance axis's "0".
    fig.update_xaxes(title_text="Moscow time (UTC+3), 23–24 June 2023", ticklabelstandoff=6, row=2, col=1)
    fig.update_layout(legend={"orientation": "h", "y": -0.22}, hovermode="closest")

    first, last = df["moscow"].min(), df["moscow"].max()
    precise = {1: "one", 2: "two", 3: "three"}.get(int(df["time_precision"].isin(["exact", "approx"]).sum()), "a few")
    distances = "; ".join(
        f"{p}, about {d:,.0f} km ({w})"
        for p, d, w in zip(column["short"], column["distance_to_moscow_km"], column["phrase"], strict=True)
    )
    alt = (
        f"Timeline of {len(df)} events from {first:%d} to {last:%d} June 2023, Moscow time. "
        "Top panel: who acted. Wagner announces its 'march for justice' on the evening of 23 June; the FSB opens "
        "an armed-mutiny case that night; Wagner surrounds the Southern Military District HQ in Rostov-on-Don on "
        "the morning of 24 June; Putin's address calling it treason comes at about 10:00; a counter-terrorist "
        "regime is declared in Moscow; Lukashenko's press service announces a deal in the evening; Prigozhin "
        "turns his columns around at about 20:25; Peskov announces that the case will be dropped and Prigozhin "
        f"will go to Belarus. Only {precise} events have a clock time, inferred from news reports' time stamps "
        "(Putin's address and the turnaround); the others give only the part of the day. Bottom panel: the "
        f"Wagner column's distance to Moscow: {distances}. The distance at the turnaround is Prigozhin's own "
        "claim; The Times reported 120 miles (about 190 km)."
    )
    return finish(
        fig,
        caption=(
            "Wagner's march hour by hour, in Moscow time. Filled circles: approximate clock times from news "
            "time stamps; open diamonds: only the part of the day is known, so the hour shown is "
            "representative. Hover over a point for the event."
        ),
        source=source_line("wagner_timeline", note=f"{outlets(df)}; road distances approximate."),
        alt=alt,
        height=620,
    )
