"""Charts for chapter 2, "The swift coup: Thailand 2006 and 2014".

- :func:`events_timeline`: Thailand's coup events in Powell & Thyne and in the Cline Center
  data, one row per dataset, marker symbols for the outcome.
- :func:`counts_compared`: how many coups Thailand has had, according to four counts that use
  different definitions and periods.

The event-level Thai rows are kept here as small constants, read from the two data files (see
../shared/datasets/README.md, sections 1 and 2); :mod:`coupbook.figures.country_events` draws
them and checks them against ``load("country_counts")`` every time a chart is drawn.
"""

from __future__ import annotations

import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish
from coupbook.figures import country_events
from coupbook.figures.country_events import ROW_CLINE, STYLE  # noqa: F401  (STYLE: the legend, for tests)

# Powell & Thyne, Global Instances of Coups, data file V2023.09.08 (ptdata2023), Thailand
# (ccode 800): 12 events, 8 successful. coup = 2 successful, 1 failed.
PT_THAILAND: list[tuple[str, str]] = [
    ("1951-06-29", "failed"),
    ("1951-11-29", "successful"),
    ("1957-09-16", "successful"),
    ("1958-10-20", "successful"),
    ("1976-10-06", "successful"),
    ("1977-03-26", "failed"),
    ("1977-10-20", "successful"),
    ("1981-04-01", "failed"),
    ("1985-09-09", "failed"),
    ("1991-02-23", "successful"),
    ("2006-09-19", "successful"),
    ("2014-05-22", "successful"),
]

# Cline Center Coup d'Etat Project Dataset v2.1.2 (peyton2023cline), Thailand: 19 events,
# 11 realized, 4 attempted, 4 conspiracies. (date, outcome, flags)
CLINE_THAILAND: list[tuple[str, str, str]] = [
    ("1947-11-08", "realized", "military"),
    ("1947-11-16", "conspiracy", "dissident, counter"),
    ("1951-06-29", "attempted", "military"),
    ("1951-11-29", "realized", "military, resign"),
    ("1952-11-10", "conspiracy", "dissident, foreign"),
    ("1953-08-26", "conspiracy", "military, dissident"),
    ("1957-09-16", "realized", "military, popular"),
    ("1958-10-20", "realized", "military"),
    ("1971-11-17", "realized", "military, auto"),
    ("1973-10-14", "realized", "popular"),
    ("1976-10-06", "realized", "military"),
    ("1977-03-26", "attempted", "military"),
    ("1977-10-20", "realized", "military"),
    ("1981-04-01", "attempted", "military"),
    ("1984-07-04", "conspiracy", "dissident"),
    ("1985-09-09", "attempted", "military"),
    ("1991-02-23", "realized", "military"),
    ("2006-09-19", "realized", "military"),
    ("2014-05-22", "realized", "military"),
]


def check_against_country_counts() -> dict[str, dict[str, int]]:
    """Compare the event lists with the course's derived country counts; raise if they differ."""
    return country_events.check_against_country_counts("Thailand", PT_THAILAND, CLINE_THAILAND)


def events_timeline() -> go.Figure:
    """Thailand's coup events, 1945-2014, as coded by Powell & Thyne and by the Cline Center."""
    tally = check_against_country_counts()
    fig = country_events.two_dataset_timeline(
        PT_THAILAND,
        CLINE_THAILAND,
        title="Thailand's coups in two datasets",
        x_range=("1944-01-01", "2017-01-01"),
        y_range=(-0.6, 1.8),
        labels=[
            ("2006-09-19", "2006", ROW_CLINE, "center", 22),
            ("2014-05-22", "2014", ROW_CLINE, "center", 22),
            ("1971-11-17", "1971 self-coup", ROW_CLINE, "right", 22),
            ("1973-10-14", "1973 uprising", ROW_CLINE, "left", 22),
        ],
    )
    pt, cl = tally["powell-thyne"], tally["cline"]
    pt_dates = ", ".join(f"{d} ({o})" for d, o in PT_THAILAND)
    extra = [d for d, _, _ in CLINE_THAILAND if d not in {p for p, _ in PT_THAILAND}]
    return finish(
        fig,
        caption=(
            f"Powell and Thyne list {pt['events']} Thai coup events since 1950, {pt['successes']} of them "
            f"successful; the Cline Center lists {cl['events']} since 1945, including two events in 1947, "
            "plots stopped before they began, Thanom's 1971 self-coup and the 1973 popular uprising. "
            "Both agree on 2006 and 2014."
        ),
        source=(
            "Powell & Thyne, data V2023.09.08 (1950–Aug 2023); Cline Center Coup d'État Project "
            "Dataset v2.1.2 (1945–2022). Totals checked against the course's country_counts table."
        ),
        alt=(
            f"Timeline of Thailand's coup events in two datasets. Powell and Thyne: {pt['events']} events, "
            f"{pt['successes']} successful and {pt['failures']} failed: {pt_dates}. Cline Center: "
            f"{cl['events']} events, {cl['successes']} realized, {cl['failures']} attempted and "
            f"{cl['conspiracies']} conspiracies; it has every Powell and Thyne date plus {len(extra)} more: "
            f"{', '.join(extra)}. The last two events in both are 19 September 2006 and 22 May 2014."
        ),
        height=430,
    )


# Four answers to "how many coups has Thailand had?", each with its definition and period.
# (label, successful, unsuccessful/attempted, conspiracies, source)
COUNTS: list[tuple[str, int, int, int, str]] = [
    ("Powell & Thyne data, 1950–Aug 2023", 8, 4, 0, "ptdata2023"),
    ("Cline Center data, 1945–2022", 11, 4, 4, "peyton2023cline"),
    ("New Mandala blog, 20th century", 11, 9, 0, "newmandala2014"),
    ("Wikipedia on 2014: successful coups since 1932", 12, 0, 0, "wiki2014thaicoup"),
]
SERIES = [
    ("successful", "Successful / realized", "", PALETTE[0]),
    ("failed", "Failed / attempted", "/", PALETTE[1]),
    ("conspiracy", "Conspiracy (plot stopped)", ".", PALETTE[2]),
]


def counts_compared() -> go.Figure:
    """Stacked bars: four counts of Thai coups, split into successful, failed and plots."""
    tally = check_against_country_counts()
    for row, key in ((COUNTS[0], "powell-thyne"), (COUNTS[1], "cline")):
        t = tally[key]
        if row[1:4] != (t["successes"], t["failures"], t["conspiracies"]):
            raise ValueError(f"COUNTS row {row[0]!r} disagrees with the event lists {t}")
    labels = [c[0] for c in reversed(COUNTS)]
    fig = go.Figure()
    for index, (_, name, pattern, colour) in enumerate(SERIES):
        values = [c[1 + index] for c in reversed(COUNTS)]
        fig.add_trace(
            go.Bar(
                x=values,
                y=labels,
                orientation="h",
                name=name,
                marker={"color": colour, "pattern": {"shape": pattern, "fgcolor": "#ffffff", "solidity": 0.35}},
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": "#ffffff", "size": 14},
                hovertemplate="%{y}<br>" + name + ": %{x}<extra></extra>",
            )
        )
    totals = [sum(c[1:4]) for c in reversed(COUNTS)]
    fig.add_trace(
        go.Scatter(
            x=totals,
            y=labels,
            mode="text",
            text=[f"  total {t}" for t in totals],
            textposition="middle right",
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        barmode="stack",
        title={"text": "How many coups has Thailand had? It depends who counts"},
        xaxis={"title": "number of events", "range": [0, 25]},
        yaxis={"title": "", "automargin": True},
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0},
    )
    listing = "; ".join(
        f"{label}: {s + f + c} in total ({s} successful"
        + (f", {f} failed or attempted" if f else "")
        + (f", {c} conspiracies" if c else "")
        + ")"
        for label, s, f, c, _ in COUNTS
    )
    return finish(
        fig,
        caption=(
            "Four honest answers to one question. The counts differ because they use different "
            "definitions (are plots, self-coups and popular uprisings coups?) and different periods."
        ),
        source=(
            "Powell & Thyne data V2023.09.08; Cline Center v2.1.2; New Mandala, 'Counting Thailand's "
            "coups'; Wikipedia, '2014 Thai coup d'état' (copy read by the course team)."
        ),
        alt=f"Stacked horizontal bar chart of four counts of Thai coups. {listing}.",
        height=400,
    )
