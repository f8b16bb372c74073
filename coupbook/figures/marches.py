"""Chapter 5: two long bids for power, the Chinese Communists (1927–1949) and Caesar (49–45 BC).

The milestones come from the course table ``milestones``, the start and end of each bid from
``cases`` (the duration rule: from the first overt act to the day the bid was decided).  Both are
placed on a common axis, years before or after each bid began (the Nanchang uprising, 1 Aug 1927;
the crossing of the Rubicon, 10 Jan 49 BC).  Dates BC are in the pre-Julian Roman calendar, so
their spacing is approximate; events known only by year are placed in the middle of that year and
drawn with an open symbol.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish
from coupbook.data import load, source_line

# Days before the first of each month in a common year (leap days are ignored: a few hours' error).
_MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
CASES = {  # case_id -> (short name, colour, filled symbol, bar pattern): style, not data
    "ccp-1927": ("Mao", PALETTE[0], "circle", "/"),
    "caesar-49bc": ("Caesar", PALETTE[1], "diamond", "."),
}


def year_fraction(year: int, month: int | None = None, day: int | None = None) -> float:
    """A date as a decimal year on an astronomical scale (1 BC = 0, 49 BC = -48).

    ``year`` is negative for BC (49 BC = -49). With no month, the middle of the year.
    """
    astro = year + 1 if year < 0 else year
    if month is None:
        return astro + 0.5
    return astro + (_MONTH_START[month - 1] + (day or 15) - 1) / 365.25


@dataclass(frozen=True)
class Milestone:
    label: str  # short label on the chart
    detail: str  # hover text
    year: int  # negative = BC
    month: int | None = None
    day: int | None = None
    cite: str = ""

    @property
    def exact(self) -> bool:
        return self.month is not None and self.day is not None

    @property
    def at(self) -> float:
        return year_fraction(self.year, self.month, self.day)


def _int(value) -> int | None:
    return None if pd.isna(value) else int(value)


def milestones(case_id: str) -> list[Milestone]:
    table = load("milestones")
    part = table[table["case_id"] == case_id]
    return [Milestone(r.label, r.detail, int(r.year), _int(r.month), _int(r.day), r.cite) for r in part.itertuples()]


def _anchor(case: pd.Series, year_field: str, date_field: str, marks: list[Milestone]) -> Milestone:
    """The milestone that is the case's start (or end): its date, or the first dated one in its year."""
    date = case[date_field]
    for m in marks:
        if pd.notna(date) and m.exact and (m.year, m.month, m.day) == (date.year, date.month, date.day):
            return m
    if pd.isna(date):
        for m in marks:
            if m.exact and m.year == case[year_field]:
                return m
    raise ValueError(f"milestones.csv has no milestone for the {date_field[:-5]} of {case['case_id']} in cases.csv")


def rows() -> list[dict]:
    """One row per milestone, case by case: its case, row label, years from the start, milestone."""
    cases = load("cases").set_index("case_id", drop=False)
    out = []
    for case_id, (short, *_rest) in CASES.items():
        marks = milestones(case_id)
        start = _anchor(cases.loc[case_id], "start_year", "start_date", marks).at
        for m in marks:
            out.append(
                {
                    "case": short,
                    "case_id": case_id,
                    "row": f"{short}: {m.label}",
                    "x": round(m.at - start, 2),
                    "milestone": m,
                }
            )
    return out


def bids() -> dict[str, dict]:
    """Per case: the bar of its bid for power (label and length in years) from cases.csv."""
    cases = load("cases").set_index("case_id", drop=False)
    out = {}
    for case_id, (short, *_rest) in CASES.items():
        case, marks = cases.loc[case_id], milestones(case_id)
        start = _anchor(case, "start_year", "start_date", marks)
        end = _anchor(case, "end_year", "end_date", marks)
        days = int(case["duration_days"])
        length = f"about {round(days / 365.25)} years" if days > 2000 else f"about {round(days, -2):,.0f} days"
        span = (
            f"{-case['start_year']}–{-case['end_year']} BC"
            if case["start_year"] < 0
            else f"{case['start_year']}–{case['end_year']}"
        )
        out[short] = {
            "label": f"Bid for power ({length})",
            "legend": f"Bid for power, {span} ({length})",
            "years": round(end.at - start.at, 2),
            "name": case["name"],
        }
    return out


def long_marches() -> go.Figure:
    """The two bids for power on a shared axis: years since each began."""
    data = rows()
    bars = bids()
    fig = go.Figure()
    for short, colour, symbol, pattern in CASES.values():
        mine = [d for d in data if d["case"] == short]
        bar = bars[short]
        fig.add_trace(
            go.Bar(
                x=[bar["years"]],
                base=[0],
                y=[f"{short}: {bar['label']}"],
                orientation="h",
                marker={"color": colour, "opacity": 0.35, "pattern": {"shape": pattern}},
                name=bar["legend"],
                hovertext=[f"{bar['legend']}: {bar['years']:.1f} years"],
                hoverinfo="text",
            )
        )
        for exact in (True, False):
            pick = [d for d in mine if d["milestone"].exact == exact]
            if not pick:
                continue
            fig.add_trace(
                go.Scatter(
                    x=[d["x"] for d in pick],
                    y=[d["row"] for d in pick],
                    mode="markers",
                    name=f"{bar['name']}: " + ("known date" if exact else "year only (placed mid-year)"),
                    marker={
                        "symbol": symbol if exact else f"{symbol}-open",
                        "size": 13,
                        "color": colour,
                        "line": {"width": 2, "color": colour},
                    },
                    hovertext=[f"{d['milestone'].detail}<br>{d['x']:+.1f} years" for d in pick],
                    hoverinfo="text",
                )
            )
    order = []
    for short, *_rest in CASES.values():
        mine = [d for d in data if d["case"] == short]
        start_at = next(i for i, d in enumerate(mine) if d["x"] == 0)
        order += [d["row"] for d in mine[: start_at + 1]] + [f"{short}: {bars[short]['label']}"]
        order += [d["row"] for d in mine[start_at + 1 :]]
    fig.add_vline(x=0, line={"dash": "dot", "color": "#555555"})
    fig.update_layout(
        xaxis={
            "title": "Years since the bid began (− before it)",
            "range": [-6, 24],
            "dtick": 4,
            "zeroline": False,
        },
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(order)), "automargin": True},
        legend={"orientation": "h", "y": -0.18},
        barmode="overlay",
    )
    mao = {d["milestone"].label: d["x"] for d in data if d["case"] == "Mao"}
    caesar = {d["milestone"].label: d["x"] for d in data if d["case"] == "Caesar"}
    alt = (
        "Two timelines on a shared axis of years since each bid for power began. "
        f"The Chinese Communists: the Nanchang uprising of 1 August 1927 starts the bid; the Long March began "
        f"{mao['Long March starts']:.0f} years later, in October 1934, and ended about a year (about 370 days) later, "
        f"at {mao['Arrives in Shaanxi']:+.1f} years; the Zunyi Conference in January 1935 gave Mao a leading role "
        "in military affairs, though not yet the party's leadership; the People's "
        f"Republic was proclaimed {mao['PRC proclaimed']:.0f} years after the start, 15 years after the Long March "
        "began. "
        "Caesar: tension built from Julia's death (54 BC) and Crassus's death (53 BC) through Pompey's sole "
        "consulship (52 BC) and the command dispute (51–50 BC); he crossed the Rubicon on 10 January 49 BC; "
        f"Pharsalus came {caesar['Pharsalus']:.1f} years later, Pompey's death {caesar['Pompey killed']:.1f} years "
        f"later, the civil war ended at Munda {caesar['Munda: war ends']:.1f} years later (about 1,500 days), and he "
        f"was assassinated {caesar['Assassinated']:.1f} years after the crossing, on 15 March 44 BC. He was made "
        "dictator in 49 BC (for 11 days), for a year in 48–47 BC, for ten years from 46 BC and for life in early "
        "44 BC."
    )
    return finish(
        fig,
        caption=(
            "Two long bids for power on one clock: years before and after the Communists' Nanchang uprising (August "
            "1927) and Caesar's crossing of the Rubicon (January 49 BC). Bars: the bid for power, from its first "
            "overt act to the day it was decided. Filled symbols: known dates; open symbols: year only, placed "
            "mid-year (or month only, placed as the hover text says)."
        ),
        source=source_line(
            "milestones",
            note=f"{'; '.join(dict.fromkeys(s for cell in load('milestones')['source'] for s in cell.split('; ')))}; "
            "the start and end of each bid as in "
            "data/cases.csv. Roman dates are pre-Julian, so the spacing before 45 BC is approximate.",
        ),
        alt=alt,
        height=680,
    )
