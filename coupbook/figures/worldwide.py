"""Chapter 7 (coups worldwide since 1950): decades, regions, and two datasets side by side.

All numbers come from the course's derived tables (``coupbook.data.load``):
``pt_coups_by_year_region`` (Powell & Thyne) and ``cline_coups_by_year_region`` (Cline Center);
their versions and coverage, and so every source line, come from data/datapackage.json. Regions
follow the course's convention from Correlates-of-War code ranges (see data/datapackage.json).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish
from coupbook.data import load, resource, source_line

REGION_PATTERNS = {
    "Africa": "",
    "Americas": "/",
    "Middle East & North Africa": "x",
    "Asia & Oceania": ".",
    "Europe": "-",
}


def decade_label(decade: int) -> str:
    return f"{decade}s"


def pt_end() -> str:
    """The end of Powell & Thyne's coverage as the data package states it, e.g. 'August 2023'."""
    return coverage("pt_coups_by_year_region").split(" to ")[-1]


def coverage(table: str) -> str:
    return resource(table)["sources"][0]["coverage"]


def last_decade_note(table: pd.DataFrame) -> str:
    return f"Decade (* {table['decade'].max()} to {pt_end()} only)"


def pt_by_decade() -> pd.DataFrame:
    """Powell & Thyne attempts, successes, failures and success rate (%) per decade."""
    pt = load("pt_coups_by_year_region")
    pt["decade"] = pt["year"] // 10 * 10
    table = pt.groupby("decade")[["attempts", "successes"]].sum().astype(int)
    table["failures"] = table["attempts"] - table["successes"]
    table["rate"] = (100 * table["successes"] / table["attempts"]).round(1)
    return table.reset_index()


def cline_by_decade() -> pd.DataFrame:
    """Cline Center realized, attempted and conspiracy events per decade."""
    cline = load("cline_coups_by_year_region")
    cline["decade"] = cline["year"] // 10 * 10
    table = cline.groupby("decade")[["realized", "attempted", "conspiracy"]].sum().astype(int)
    table["total"] = table.sum(axis=1)
    return table.reset_index()


def attempts_by_decade() -> go.Figure:
    """Grouped bars: coup attempts and successful coups per decade, success rate as text labels."""
    table = pt_by_decade()
    labels = [decade_label(d) for d in table["decade"]]
    labels[-1] += "*"
    fig = go.Figure()
    fig.add_bar(
        x=labels,
        y=table["attempts"],
        name="Attempts (successful + failed)",
        marker={"color": PALETTE[0]},
        text=[f"{a}" for a in table["attempts"]],
        textposition="outside",
        textangle=0,
        constraintext="none",
        hovertemplate="%{x}: %{y} attempts<extra></extra>",
    )
    fig.add_bar(
        x=labels,
        y=table["successes"],
        name="Successful coups (success rate in the label)",
        marker={"color": PALETTE[1], "pattern": {"shape": "/"}},
        text=[f"{s}<br>{r:.0f}%" for s, r in zip(table["successes"], table["rate"], strict=True)],
        textposition="outside",
        textangle=0,
        constraintext="none",
        hovertemplate="%{x}: %{y} successful<extra></extra>",
    )
    fig.update_layout(
        barmode="group",
        legend={"orientation": "h", "y": 1.1},
        xaxis_title=last_decade_note(table),
        yaxis_title="Coups",
    )
    fig.update_yaxes(range=[0, table["attempts"].max() * 1.2])
    total, won = int(table["attempts"].sum()), int(table["successes"].sum())
    rows = "; ".join(
        f"{decade_label(r.decade)}: {r.attempts} attempts, {r.successes} successful ({r.rate:.1f}%)"
        for r in table.itertuples()
    )
    nineties = table.set_index("decade").loc[1990]
    return finish(
        fig,
        caption=(
            f"Coup attempts and successful coups per decade, {total} attempts in all, {won} successful "
            f"({100 * won / total:.1f}%). Attempts peaked in the 1960s; the success rate fell to "
            f"{nineties.rate:.1f}% in the 1990s. The {decade_label(table['decade'].max())} cover only "
            f"{table['decade'].max()} to {pt_end()}."
        ),
        source=source_line("pt_coups_by_year_region", note="Counts derived by the course."),
        alt=(
            f"Grouped bar chart of coup attempts and successful coups per decade in Powell and Thyne's data. "
            f"{rows}. Total: {total} attempts, {won} successful."
        ),
    )


def by_region() -> go.Figure:
    """Stacked bars: coup attempts per decade, one segment (colour and pattern) per region."""
    pt = load("pt_coups_by_year_region")
    pt["decade"] = pt["year"] // 10 * 10
    table = pt.pivot_table(index="decade", columns="region", values="attempts", aggfunc="sum").astype(int)
    totals = table.sum().sort_values(ascending=False)
    labels = [decade_label(d) for d in table.index]
    labels[-1] += "*"
    fig = go.Figure()
    for i, region in enumerate(totals.index):
        fig.add_bar(
            x=labels,
            y=table[region],
            name=f"{region} ({totals[region]})",
            marker={"color": PALETTE[i], "pattern": {"shape": REGION_PATTERNS[region]}},
            hovertemplate=f"{region}, %{{x}}: %{{y}} attempts<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        legend={
            "title": f"Region (attempts {pt['year'].min()}–{pt['year'].max()}):",
            "orientation": "h",
            "y": -0.25,
        },
        xaxis_title=last_decade_note(table.reset_index()),
        yaxis_title="Coup attempts",
    )
    total = int(totals.sum())
    americas_early = int(table.loc[table.index < 1990, "Americas"].sum())
    shares = "; ".join(f"{r}: {n} ({100 * n / total:.0f}%)" for r, n in totals.items())
    peaks = "; ".join(
        f"{decade_label(d)}: " + ", ".join(f"{r} {table.loc[d, r]}" for r in totals.index) for d in table.index
    )
    return finish(
        fig,
        caption=(
            f"Coup attempts per decade by region. Africa has the most attempts ({totals.iloc[0]} of {total}); "
            f"{americas_early} of the {totals['Americas']} attempts in the Americas came before 1990. "
            "Regions follow the course's convention from "
            "Correlates-of-War country codes (North Africa and Sudan count with the Middle East)."
        ),
        source=source_line("pt_coups_by_year_region", note="Counts derived by the course."),
        alt=(
            f"Stacked bar chart of {total} coup attempts per decade, one segment per region, each with its own "
            f"colour and hatch pattern. Totals by region: {shares}. By decade: {peaks}."
        ),
        height=460,
    )


def pt_vs_cline() -> go.Figure:
    """Two stacked bars per decade: Powell & Thyne (successful, failed) beside Cline (realized,
    attempted, conspiracy). What the Cline Center's wider definition adds is visible at a glance."""
    pt = pt_by_decade().set_index("decade")
    cline = cline_by_decade().set_index("decade")
    decades = sorted(set(pt.index) | set(cline.index))
    labels = [decade_label(d) for d in decades]
    pt = pt.reindex(decades, fill_value=0)
    cline = cline.reindex(decades, fill_value=0)
    parts = [
        ("pt", "P&T: successful", pt["successes"], 0, PALETTE[1], ""),
        ("pt", "P&T: failed", pt["failures"], pt["successes"], PALETTE[4], ""),
        ("cline", "Cline: realized", cline["realized"], 0, PALETTE[0], "/"),
        ("cline", "Cline: attempted", cline["attempted"], cline["realized"], PALETTE[5], "/"),
        ("cline", "Cline: conspiracy", cline["conspiracy"], cline["realized"] + cline["attempted"], PALETTE[3], "x"),
    ]
    fig = go.Figure()
    for group, name, values, base, colour, pattern in parts:
        fig.add_bar(
            x=labels,
            y=list(values),
            base=list(base) if not isinstance(base, int) else None,
            name=name,
            offsetgroup=group,
            marker={"color": colour, "pattern": {"shape": pattern}},
            hovertemplate=f"{name}, %{{x}}: %{{y}}<extra></extra>",
        )
    fig.update_layout(
        barmode="group",
        legend={"orientation": "h", "y": 1.14},
        xaxis_title="Decade (left bar: Powell & Thyne; right bar, hatched: Cline Center)",
        yaxis_title="Events",
    )
    pt_total = int(pt["attempts"].sum())
    cl_total = int(cline["total"].sum())
    rows = "; ".join(
        (
            f"{decade_label(d)}: P&T {pt.loc[d, 'attempts']} ({pt.loc[d, 'successes']} successful), "
            if d >= 1950
            else f"{decade_label(d)}: P&T not covered (it starts in 1950), "
        )
        + f"Cline {cline.loc[d, 'total']} ({cline.loc[d, 'realized']} realized, {cline.loc[d, 'attempted']} "
        f"attempted, {cline.loc[d, 'conspiracy']} conspiracies)"
        for d in decades
    )
    return finish(
        fig,
        caption=(
            f"Two coup datasets side by side: Powell & Thyne ({pt_total} attempts, "
            f"{coverage('pt_coups_by_year_region')}) "
            f"and the Cline Center ({cl_total} events, {coverage('cline_coups_by_year_region')}). Cline's wider "
            "definition adds foiled plots "
            f"(conspiracies, {int(cline['conspiracy'].sum())} in all), and even without them it counts more "
            "executed coups than Powell & Thyne in every decade."
        ),
        source=source_line(
            "pt_coups_by_year_region", "cline_coups_by_year_region", note="Counts derived by the course."
        ),
        alt=(
            f"Bar chart with two stacked bars per decade. Left bar: Powell and Thyne, successful and failed coups; "
            f"right bar: Cline Center, realized, attempted and conspiracy events. {rows}. Totals: Powell and "
            f"Thyne {pt_total}, Cline {cl_total} ({int(cline['realized'].sum())} realized, "
            f"{int(cline['attempted'].sum())} attempted, {int(cline['conspiracy'].sum())} conspiracies)."
        ),
        height=460,
    )
