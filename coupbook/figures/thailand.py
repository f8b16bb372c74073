"""Charts for chapter 2, "The swift coup: Thailand 2006 and 2014".

- :func:`events_timeline`: Thailand's coup events in Powell & Thyne and in the Cline Center
  data (the derived table ``country_events``), one row per dataset, marker symbols for the outcome.
- :func:`counts_compared`: how many coups Thailand has had, according to four counts that use
  different definitions and periods (``country_counts`` and ``thailand_coup_counts``).
"""

from __future__ import annotations

import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish
from coupbook.data import load, source_line
from coupbook.figures import country_events
from coupbook.figures.casegrid import wrap
from coupbook.figures.country_events import STYLE  # noqa: F401  (STYLE: the legend, for tests)

COUNTRY = "Thailand"


def check_against_country_counts() -> dict[str, dict[str, int]]:
    """The tally of Thailand's event lists; raises if it differs from the derived country counts."""
    return country_events.tally(country_events.events(COUNTRY))


def events_timeline() -> go.Figure:
    """Thailand's coup events, as coded by Powell & Thyne and by the Cline Center."""
    table = country_events.events(COUNTRY)
    tally = country_events.tally(table)
    fig = country_events.two_dataset_timeline(
        table,
        title="Thailand's coups in two datasets",
        x_range=("1944-01-01", "2017-01-01"),
        y_range=(-0.6, 1.8),
        labels=[
            ("2006-09-19", "2006", "cline", "center", 22),
            ("2014-05-22", "2014", "cline", "center", 22),
            ("1971-11-17", "1971 self-coup", "cline", "right", 22),
            ("1973-10-14", "1973 uprising", "cline", "left", 22),
        ],
    )
    pt, cl = tally["powell-thyne"], tally["cline"]
    pt_rows = table[table["dataset"] == "powell-thyne"]
    cline_rows = table[table["dataset"] == "cline"]
    pt_dates = ", ".join(f"{d} ({o})" for d, o in zip(pt_rows["date"], pt_rows["outcome"], strict=True))
    extra = [d for d in cline_rows["date"] if d not in set(pt_rows["date"])]
    return finish(
        fig,
        caption=(
            f"Powell and Thyne list {pt['events']} Thai coup events since 1950, {pt['successes']} of them "
            f"successful; the Cline Center lists {cl['events']} since 1945, including two events in 1947, "
            "plots stopped before they began, Thanom's 1971 self-coup and the 1973 popular uprising. "
            "Both agree on 2006 and 2014."
        ),
        source=source_line("country_events", "country_counts"),
        alt=(
            f"Timeline of Thailand's coup events in two datasets. Powell and Thyne: {pt['events']} events, "
            f"{pt['successes']} successful and {pt['failures']} failed: {pt_dates}. Cline Center: "
            f"{cl['events']} events, {cl['successes']} realized, {cl['failures']} attempted and "
            f"{cl['conspiracies']} conspiracies; it has every Powell and Thyne date plus {len(extra)} more: "
            f"{', '.join(extra)}. The last two events in both are 19 September 2006 and 22 May 2014."
        ),
        height=430,
    )


SERIES = [
    ("successful", "Successful / realized", "", PALETTE[0]),
    ("failed", "Failed / attempted", "/", PALETTE[1]),
    ("conspiracies", "Conspiracy (plot stopped)", ".", PALETTE[2]),
]


def counts() -> list[tuple[str, int, int, int]]:
    """(label, successful, failed, conspiracies): the two datasets' counts, then the published ones."""
    derived = load("country_counts").set_index(["dataset", "country"])
    rows = []
    for dataset, name in (("powell-thyne", "Powell & Thyne data"), ("cline", "Cline Center data")):
        row = derived.loc[(dataset, COUNTRY)]
        label = f"{name}, {country_events.coverage(dataset)}"
        rows.append((label, int(row["successes"]), int(row["failures"]), int(row["conspiracies"])))
    for row in load("thailand_coup_counts").itertuples():
        rows.append((row.label, int(row.successful), int(row.failed), int(row.conspiracies)))
    return rows


def counts_compared() -> go.Figure:
    """Stacked bars: four counts of Thai coups, split into successful, failed and plots."""
    table = counts()
    labels = [wrap(c[0], 26) for c in reversed(table)]
    fig = go.Figure()
    for index, (_, name, pattern, colour) in enumerate(SERIES):
        values = [c[1 + index] for c in reversed(table)]
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
    totals = [sum(c[1:4]) for c in reversed(table)]
    fig.add_trace(
        go.Scatter(
            x=totals,
            y=labels,
            mode="text",
            text=[f"  total {t}" for t in totals],
            textposition="middle right",
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        barmode="stack",
        title={"text": "How many coups has Thailand had? It depends who counts"},
        xaxis={"title": "number of events", "range": [0, 27]},
        yaxis={"title": "", "automargin": True},
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0},
    )
    listing = "; ".join(
        f"{label}: {s + f + c} in total ({s} successful"
        + (f", {f} failed or attempted" if f else "")
        + (f", {c} conspiracies" if c else "")
        + ")"
        for label, s, f, c in table
    )
    return finish(
        fig,
        caption=(
            "Four honest answers to one question. The counts differ because they use different "
            "definitions (are plots, self-coups and popular uprisings coups?) and different periods."
        ),
        source=source_line(
            "country_counts", "thailand_coup_counts", note="; ".join(load("thailand_coup_counts")["source"]) + "."
        ),
        alt=f"Stacked horizontal bar chart of four counts of Thai coups. {listing}.",
        height=400,
    )
