"""Charts for chapter 3, "Myanmar 2021: a coup that turned into a civil war".

- :func:`road_to_civil_war`: from the coup of 1 February 2021 to Operation 1027 (27 October
  2023), one row per stage (the table ``myanmar_timeline``); the stages add up rather than
  replace each other.  The UCDP coding of 2021 comes from the resistance's row in ``cases``.
- :func:`coups_in_two_datasets`: Myanmar's coup events in Powell & Thyne and in the Cline
  Center data (the derived table ``country_events``), checked against ``country_counts``.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish
from coupbook.data import load, resource, source_line
from coupbook.data.package import describe_source
from coupbook.figures import country_events
from coupbook.figures.country_events import STYLE  # noqa: F401  (STYLE: the legend, for tests)

COUNTRY = "Myanmar"
# Stages of the crisis, top to bottom: (row label, marker symbol, colour). Style, not data.
STAGES = {
    "coup": ("1. Coup", "star", PALETTE[6]),
    "civil": ("2. Civil resistance", "circle", PALETTE[0]),
    "armed": ("3. Armed resistance", "triangle-up", PALETTE[1]),
    "war": ("4. Civil war", "diamond", PALETTE[3]),
}
CHART_END = "2024-01-31"
UCDP = re.compile(r"conflict (?P<conflict_id>\d+) \((?P<side_b>.+)\) (?P<year>\d{4}), intensity (?P<intensity>[12])")


def timeline():
    """The stage events, with ``day`` as YYYY-MM-DD text."""
    table = load("myanmar_timeline")
    table["day"] = table["date"].dt.strftime("%Y-%m-%d")
    return table


def ucdp_coding() -> dict:
    """UCDP's coding of the resistance in its first year, from cases.csv (myanmar-resistance-2021)."""
    cases = load("cases").set_index("case_id")
    match = UCDP.fullmatch(cases.loc["myanmar-resistance-2021", "ucdp_coding"])
    if not match:
        raise ValueError("cases.csv: myanmar-resistance-2021 has no single-year UCDP coding for this chart")
    found = match.groupdict()
    return {k: v if k == "side_b" else int(v) for k, v in found.items()}


def road_to_civil_war() -> go.Figure:
    """Timeline of Myanmar's crisis from 1 Feb 2021 to Operation 1027, one row per stage."""
    events = timeline()
    coup = load("cases").set_index("case_id").loc["myanmar-2021"]
    first = events[events["stage"] == "coup"]["date"].min()
    if coup["start_date"] != first:
        raise ValueError(
            f"cases.csv dates the coup {coup['start_date']:%Y-%m-%d}, myanmar_timeline.csv {first:%Y-%m-%d}"
        )
    ucdp = ucdp_coding()
    starts = events.groupby("stage")["day"].min().to_dict()

    fig = go.Figure()
    order = list(STAGES)
    for key in order:
        label, _, colour = STAGES[key]
        fig.add_trace(
            go.Scatter(
                x=[starts[key], CHART_END],
                y=[label, label],
                mode="lines",
                line={"color": colour, "width": 6},
                opacity=0.35,
                showlegend=False,
                hoverinfo="skip",
            )
        )
    for key in order:
        label, symbol, colour = STAGES[key]
        rows = events[(events["stage"] == key) & (events["short_label"] != "")]
        fig.add_trace(
            go.Scatter(
                x=list(rows["day"]),
                y=[label] * len(rows),
                mode="markers",
                name=label.split(". ", 1)[1],
                marker={"symbol": symbol, "size": 16, "color": colour, "line": {"width": 1, "color": "#000000"}},
                hovertext=list(rows["event"]),
                hoverinfo="text",
            )
        )
    for row in events[events["short_label"] != ""].itertuples():
        last = row.day >= "2023-01-01"  # the last label goes below and to the left, inside the plot
        fig.add_annotation(
            x=row.day,
            y=STAGES[row.stage][0],
            text=row.short_label,
            showarrow=False,
            yshift=-20 if last else 20,
            xanchor="right" if last else "left",
            font={"size": 12},
        )
    year = ucdp["year"]
    fig.add_shape(
        type="rect",
        xref="x",
        yref="y",
        x0=f"{year}-01-01",
        x1=f"{year}-12-31",
        y0=0.55,  # the "3. Armed resistance" row (rows are numbered from the bottom)
        y1=1.45,
        line={"color": PALETTE[1], "dash": "dot", "width": 2},
        fillcolor="rgba(0,0,0,0)",
    )
    ucdp_source = next(s for s in resource("cases")["sources"] if s["title"].startswith("UCDP"))
    version = ucdp_source["version"]
    intensity = "minor armed conflict (25–999 deaths)" if ucdp["intensity"] == 1 else "war (1,000 or more deaths)"
    fig.add_annotation(
        x=f"{year + 1}-01-20",
        y=STAGES["armed"][0],
        text=f"Dotted box: UCDP {version}, {year}",
        showarrow=False,
        yshift=-14,
        xanchor="left",
        align="left",
        font={"size": 11},
    )
    fig.update_layout(
        title={"text": "Myanmar: from a one-day coup to a civil war"},
        xaxis={"title": "", "type": "date", "range": ["2020-12-01", CHART_END], "dtick": "M6"},
        yaxis={
            "title": "",
            "categoryorder": "array",
            "categoryarray": [STAGES[k][0] for k in reversed(order)],
            "range": [-0.5, 3.7],
            "automargin": True,
        },
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "title": {"text": "Stage: "}},
    )
    events_text = "; ".join(events["event"])
    return finish(
        fig,
        caption=(
            "The seizure of power took one morning; the resistance grew in stages, from protest and a "
            "parallel government to armed resistance and a declared war. Each stage added to the ones "
            f"before rather than replacing them. The dotted box marks {year}, which UCDP's dataset ({version}) "
            f"codes as a {intensity} between the government and the {ucdp['side_b']}."
        ),
        source=source_line(
            "myanmar_timeline",
            note=f"{'; '.join(dict.fromkeys(events['source']))}. "
            f"{describe_source(ucdp_source)}, as coded in data/cases.csv.",
        ),
        alt=(
            f"Timeline from February 2021 to January 2024 with four stages, each continuing once begun. "
            f"{events_text}. UCDP's Armed Conflict Dataset version {version.lstrip('v')} codes {year} as a "
            f"{intensity.replace('(', '(intensity ' + str(ucdp['intensity']) + ', ')} between the government and the "
            f"{ucdp['side_b']}; later versions may code it differently."
        ),
        height=460,
    )


def check_against_country_counts() -> dict[str, dict[str, int]]:
    """Counts of Myanmar's event lists, checked against the course's derived country_counts table."""
    return country_events.tally(country_events.events(COUNTRY))


NAMED = {  # labels for the events the chapter discusses (annotations, not data)
    "1958-09-26": "1958 caretaker",
    "1962-03-02": "1962 Ne Win",
    "1988-09-18": "1988 SLORC",
    "2021-02-01": "2021",
}


def coups_in_two_datasets() -> go.Figure:
    """Myanmar's coup events in Powell & Thyne and in the Cline Center data."""
    table = country_events.events(COUNTRY)
    counts = country_events.tally(table)
    # 1958 and 1962 are close: 1958's label goes on a second line, so neither reaches the axis labels.
    anchors = {"1958-09-26": "left", "1962-03-02": "left"}
    shifts = {"1958-09-26": -40}
    fig = country_events.two_dataset_timeline(
        table,
        title="Myanmar's coups in two datasets",
        x_range=("1944-01-01", "2025-01-01"),
        y_range=(-0.7, 1.5),
        labels=[
            (day, text, "powell-thyne", anchors.get(day, "center"), shifts.get(day, -22)) for day, text in NAMED.items()
        ],
    )
    pt, cl = counts["powell-thyne"], counts["cline"]

    def dates(dataset: str, *outcomes: str) -> str:
        part = table[(table["dataset"] == dataset) & table["outcome"].isin(outcomes)]
        return ", ".join(f"{pd.Timestamp(d):%-d %b %Y}" for d in part["date"])

    return finish(
        fig,
        caption=(
            "Both datasets count 1958, 1962, September 1988 and 2021 as successful coups. They disagree "
            "on the rest: only Powell and Thyne list the failed attempt of 1976; only the Cline Center "
            "lists 1948, Sein Lwin's forced resignation in August 1988, 1992 and a 2002 plot."
        ),
        source=source_line("country_events", "country_counts"),
        alt=(
            f"Timeline of Myanmar's coup events in two datasets. Powell and Thyne: {pt['events']} events, "
            f"{pt['successes']} successful ({dates('powell-thyne', 'successful')}) and "
            f"{pt['failures']} failed ({dates('powell-thyne', 'failed')}). Cline Center: {cl['events']} events, "
            f"{cl['successes']} realized ({dates('cline', 'realized')}), "
            f"{cl['failures']} attempted ({dates('cline', 'attempted')}) and {cl['conspiracies']} conspiracy "
            f"({dates('cline', 'conspiracy')})."
        ),
        height=400,
    )
