"""Charts for chapter 3, "Myanmar 2021: a coup that turned into a civil war".

- :func:`road_to_civil_war`: from the coup of 1 February 2021 to Operation 1027 (27 October
  2023), one row per stage; the stages add up rather than replace each other.
- :func:`coups_in_two_datasets`: Myanmar's coup events in Powell & Thyne and in the Cline
  Center data, checked against ``load("country_counts")``.
"""

from __future__ import annotations

import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish
from coupbook.data import load
from coupbook.figures import country_events
from coupbook.figures.country_events import ROW_PT, STYLE  # noqa: F401  (STYLE: the legend, for tests)

# Stages of the crisis, top to bottom: (row label, marker symbol, colour).
STAGES = {
    "coup": ("1. Coup", "star", PALETTE[6]),
    "civil": ("2. Civil resistance", "circle", PALETTE[0]),
    "armed": ("3. Armed resistance", "triangle-up", PALETTE[1]),
    "war": ("4. Civil war", "diamond", PALETTE[3]),
}

# (date, stage, label, source key). Sources: wiki2021myanmar (coup), telesur2021nug and
# indianawaaz2021nug (NUG), reuters2021pdf (People's Defence Force), nug2021war ("people's
# defensive war"), dvb2023op1027 (Operation 1027). facts.md section 2.4.
EVENTS: list[tuple[str, str, str, str]] = [
    (
        "2021-02-01",
        "coup",
        "1 Feb 2021: military detains Aung San Suu Kyi and President Win Myint; state of emergency",
        "wiki2021myanmar",
    ),
    ("2021-04-16", "civil", "16 Apr 2021: ousted MPs announce a National Unity Government (NUG)", "telesur2021nug"),
    ("2021-05-05", "armed", "5 May 2021: NUG announces a People's Defence Force (PDF)", "reuters2021pdf"),
    ("2021-09-07", "war", "7 Sep 2021: NUG declares a 'people's defensive war'", "nug2021war"),
    ("2023-10-27", "war", "27 Oct 2023: Three Brotherhood Alliance launches Operation 1027", "dvb2023op1027"),
]
# Where each stage starts (the civil resistance began with protests after 1 February 2021,
# indianawaaz2021nug); each continues to the right edge of the chart.
STAGE_STARTS = {"coup": "2021-02-01", "civil": "2021-02-01", "armed": "2021-05-05", "war": "2021-09-07"}
CHART_END = "2024-01-31"
UCDP_2021 = {"year": 2021, "conflict_id": 222, "side_b": "NUG", "intensity": 1}  # UCDP/PRIO ACD v22.1


def road_to_civil_war() -> go.Figure:
    """Timeline of Myanmar's crisis from 1 Feb 2021 to Operation 1027, one row per stage."""
    cases = load("cases").set_index("case_id")
    coup = cases.loc["myanmar-2021"]
    coup_date = coup["start_date"].strftime("%Y-%m-%d")
    if coup_date != EVENTS[0][0] or "intensity 1" not in coup["ucdp_coding"]:
        raise ValueError(f"cases.csv disagrees with this chart: {coup_date}, {coup['ucdp_coding']!r}")

    fig = go.Figure()
    order = list(STAGES)
    for key in order:
        label, _, colour = STAGES[key]
        fig.add_trace(
            go.Scatter(
                x=[STAGE_STARTS[key], CHART_END],
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
        rows = [e for e in EVENTS if e[1] == key]
        fig.add_trace(
            go.Scatter(
                x=[e[0] for e in rows],
                y=[label] * len(rows),
                mode="markers",
                name=label.split(". ", 1)[1],
                marker={"symbol": symbol, "size": 16, "color": colour, "line": {"width": 1, "color": "#000000"}},
                hovertext=[e[2] for e in rows],
                hoverinfo="text",
            )
        )
    # text labels beside the markers (so the chart reads without hovering)
    short = {
        "2021-02-01": "Coup (1 Feb 2021)",
        "2021-04-16": "NUG formed (16 Apr)",
        "2021-05-05": "People's Defence Force (5 May)",
        "2021-09-07": "'People's defensive war' (7 Sep 2021)",
        "2023-10-27": "Operation 1027 (27 Oct 2023)",
    }
    for day, key, _, _ in EVENTS:
        last = day >= "2023-01-01"  # the last label goes below and to the left, inside the plot
        fig.add_annotation(
            x=day,
            y=STAGES[key][0],
            text=short[day],
            showarrow=False,
            yshift=-20 if last else 20,
            xanchor="right" if last else "left",
            font={"size": 12},
        )
    # UCDP v22.1 codes 2021 as a minor armed conflict between the government and the NUG.
    fig.add_shape(
        type="rect",
        xref="x",
        yref="y",
        x0="2021-01-01",
        x1="2021-12-31",
        y0=0.55,  # the "3. Armed resistance" row (rows are numbered from the bottom)
        y1=1.45,
        line={"color": PALETTE[1], "dash": "dot", "width": 2},
        fillcolor="rgba(0,0,0,0)",
    )
    fig.add_annotation(
        x="2022-01-20",
        y=STAGES["armed"][0],
        text="Dotted box: UCDP v22.1 codes 2021 as a<br>minor armed conflict (25–999 deaths), government vs NUG",
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
    events_text = "; ".join(e[2] for e in EVENTS)
    return finish(
        fig,
        caption=(
            "The seizure of power took one morning; the resistance grew in stages, from protest and a "
            "parallel government to armed resistance and a declared war. Each stage added to the ones "
            "before rather than replacing them."
        ),
        source=(
            "Wikipedia, '2021 Myanmar coup d'état'; teleSUR (NUG); Reuters via Devdiscourse (PDF); "
            "eTurboNews ('people's defensive war'); DVB (Operation 1027); UCDP/PRIO Armed Conflict "
            "Dataset v22.1 (2021 coding)."
        ),
        alt=(
            "Timeline from February 2021 to January 2024 with four stages, each continuing once begun. "
            f"{events_text}. UCDP's Armed Conflict Dataset version 22.1 codes 2021 as a minor armed "
            "conflict (intensity 1, 25 to 999 battle-related deaths) between the government and the NUG; "
            "later versions may code it differently."
        ),
        height=460,
    )


# Powell & Thyne data V2023.09.08 (ptdata2023), Myanmar (ccode 775): 5 events, 4 successful.
PT_MYANMAR: list[tuple[str, str]] = [
    ("1958-09-26", "successful"),
    ("1962-03-02", "successful"),
    ("1976-07-02", "failed"),
    ("1988-09-18", "successful"),
    ("2021-02-01", "successful"),
]
# Cline Center v2.1.2 (peyton2023cline), Myanmar: 8 events, 6 realized, 1 attempted, 1 conspiracy.
CLINE_MYANMAR: list[tuple[str, str, str]] = [
    ("1948-08-09", "attempted", "military, rebel"),
    ("1958-09-26", "realized", "military, resign"),
    ("1962-03-02", "realized", "military"),
    ("1988-08-12", "realized", "resign, popular"),
    ("1988-09-18", "realized", "resign, popular"),
    ("1992-04-23", "realized", "palace, resign"),
    ("2002-03-07", "conspiracy", "dissident"),
    ("2021-02-01", "realized", "military"),
]
NAMED = {
    "1958-09-26": "1958 caretaker",
    "1962-03-02": "1962 Ne Win",
    "1988-09-18": "1988 SLORC",
    "2021-02-01": "2021",
}


def check_against_country_counts() -> dict[str, dict[str, int]]:
    """Counts of the event lists, checked against the course's derived country_counts table."""
    return country_events.check_against_country_counts("Myanmar", PT_MYANMAR, CLINE_MYANMAR)


def coups_in_two_datasets() -> go.Figure:
    """Myanmar's coup events in Powell & Thyne and in the Cline Center data."""
    counts = check_against_country_counts()
    anchors = {"1958-09-26": "right", "1962-03-02": "left"}
    fig = country_events.two_dataset_timeline(
        PT_MYANMAR,
        CLINE_MYANMAR,
        title="Myanmar's coups in two datasets",
        x_range=("1944-01-01", "2025-01-01"),
        y_range=(-0.7, 1.5),
        labels=[(day, text, ROW_PT, anchors.get(day, "center"), -22) for day, text in NAMED.items()],
    )
    pt, cl = counts["powell-thyne"], counts["cline"]
    return finish(
        fig,
        caption=(
            "Both datasets count 1958, 1962, September 1988 and 2021 as successful coups. They disagree "
            "on the rest: only Powell and Thyne list the failed attempt of 1976; only the Cline Center "
            "lists 1948, Sein Lwin's forced resignation in August 1988, 1992 and a 2002 plot."
        ),
        source=(
            "Powell & Thyne, data V2023.09.08; Cline Center Coup d'État Project Dataset v2.1.2. Totals "
            "checked against the course's country_counts table."
        ),
        alt=(
            f"Timeline of Myanmar's coup events in two datasets. Powell and Thyne: {pt['events']} events, "
            f"{pt['successes']} successful (26 Sep 1958, 2 Mar 1962, 18 Sep 1988, 1 Feb 2021) and "
            f"{pt['failures']} failed (2 Jul 1976). Cline Center: {cl['events']} events, {cl['successes']} "
            f"realized (26 Sep 1958, 2 Mar 1962, 12 Aug 1988, 18 Sep 1988, 23 Apr 1992, 1 Feb 2021), "
            f"{cl['failures']} attempted (9 Aug 1948) and {cl['conspiracies']} conspiracy (7 Mar 2002)."
        ),
        height=400,
    )
