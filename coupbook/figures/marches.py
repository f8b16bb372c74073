"""Chapter 5: two long marches from the periphery, Mao (1934–1949) and Caesar (49–44 BC).

A handful of milestones per case, set here with their sources (course fact sheet sections 2.9 and
2.10; cite keys in brackets), placed on a common axis: years before or after the start of each
march (the Long March's break-out, 16 Oct 1934; the crossing of the Rubicon, 10 Jan 49 BC).
Dates BC are in the pre-Julian Roman calendar, so their spacing is approximate; events known only
by year are placed in the middle of that year and drawn with an open symbol.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish

# Days before the first of each month in a common year (leap days are ignored: a few hours' error).
_MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


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


MAO_START = (1934, 10, 16)  # some sources: 10 Oct 1934 (from Yudu)
CAESAR_START = (-49, 1, 10)  # some sources: 10/11 Jan 49 BC

MAO = [
    Milestone(
        "Civil war begins (1927)",
        "Communist–Nationalist civil war breaks out, 1927 (year only)",
        1927,
        cite="spence1990",
    ),
    Milestone(
        "Long March starts",
        "Break-out from the Jiangxi Soviet, 16 Oct 1934 (some sources: 10 Oct)",
        1934,
        10,
        16,
        "wiki1934longmarch",
    ),
    Milestone(
        "Zunyi: Mao rises", "Zunyi Conference, 15–17 Jan 1935: Mao gains ascendancy", 1935, 1, 16, "wiki1934longmarch"
    ),
    Milestone(
        "Arrives in Shaanxi",
        "Long March ends in northern Shaanxi, Oct 1935: about 370 days, over 9,000 km; about a tenth arrive",
        1935,
        10,
        20,
        "wiki1934longmarch",
    ),
    Milestone(
        "PRC proclaimed",
        "Mao proclaims the People's Republic of China in Beijing, 1 Oct 1949",
        1949,
        10,
        1,
        "spence1990",
    ),
]

CAESAR = [
    Milestone(
        "Julia dies", "Caesar's daughter Julia, Pompey's wife, dies, 54 BC (year only)", -54, cite="goldsworthy2006"
    ),
    Milestone("Crassus killed", "Crassus killed at Carrhae, 53 BC (year only)", -53, cite="goldsworthy2006"),
    Milestone("Pompey sole consul", "Pompey sole consul, 52 BC (year only)", -52, cite="goldsworthy2006"),
    Milestone(
        "Command dispute (51–50 BC)",
        "Dispute over Caesar's command; the Senate demands he give up his army, 51–50 BC",
        -51,
        12,
        cite="goldsworthy2006",
    ),
    Milestone(
        "Crosses the Rubicon",
        "Caesar crosses the Rubicon with the XIII Legion, 10 Jan 49 BC (some sources: 10/11 Jan)",
        -49,
        1,
        10,
        "suetonius",
    ),
    Milestone("Pharsalus", "Battle of Pharsalus, 9 Aug 48 BC", -48, 8, 9, "wiki49caesar"),
    Milestone("Pompey killed", "Pompey killed at Pelusium, Egypt, 28 Sep 48 BC", -48, 9, 28, "goldsworthy2006"),
    Milestone(
        "Dictator for 10 years", "Caesar made dictator for ten years, 46 BC (year only)", -46, cite="goldsworthy2006"
    ),
    Milestone("Munda: war ends", "Battle of Munda ends the civil war, 17 Mar 45 BC", -45, 3, 17, "wiki49caesar"),
    Milestone("Assassinated", "Caesar assassinated on the Ides of March, 15 Mar 44 BC", -44, 3, 15, "suetonius"),
]

ROWS = {"Mao and the Communists, 1927–1949": (MAO, MAO_START), "Caesar, 54–44 BC": (CAESAR, CAESAR_START)}


def relative_years(milestones: list[Milestone], start: tuple[int, int, int]) -> list[float]:
    """Years from the start of the march to each milestone (negative = before it)."""
    origin = year_fraction(*start)
    return [round(year_fraction(m.year, m.month, m.day) - origin, 2) for m in milestones]


CASE_STYLE = {  # row prefix -> (colour, filled symbol)
    "Mao": (PALETTE[0], "circle"),
    "Caesar": (PALETTE[1], "diamond"),
}
PERIODS = {  # a bar from the start of the march to the end of its first phase
    "Mao": ("Long March (about 370 days)", "Arrives in Shaanxi"),
    "Caesar": ("Civil war, 49–45 BC", "Munda: war ends"),
}


def rows() -> list[dict]:
    """One row per milestone, Mao's first, each with its case, label, years from the start and precision."""
    out = []
    for (name, (milestones, start)), case in zip(ROWS.items(), CASE_STYLE, strict=True):
        for m, x in zip(milestones, relative_years(milestones, start), strict=True):
            out.append({"case": case, "row": f"{case}: {m.label}", "x": x, "milestone": m, "title": name})
    return out


def long_marches() -> go.Figure:
    """Mao's and Caesar's paths to power on a shared axis: years since the march began."""
    data = rows()
    fig = go.Figure()
    for case, (colour, symbol) in CASE_STYLE.items():
        mine = [d for d in data if d["case"] == case]
        label, end_label = PERIODS[case]
        end = next(d["x"] for d in mine if d["milestone"].label == end_label)
        fig.add_trace(
            go.Bar(
                x=[end],
                base=[0],
                y=[f"{case}: {label}"],
                orientation="h",
                marker={"color": colour, "opacity": 0.35, "pattern": {"shape": "/" if case == "Mao" else "."}},
                name=label,
                hovertext=[f"{label}: {end:.1f} years"],
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
                    name=f"{mine[0]['title']}: " + ("known date" if exact else "year only (placed mid-year)"),
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
    for case in CASE_STYLE:
        mine = [d["row"] for d in data if d["case"] == case]
        start_at = next(i for i, d in enumerate(d for d in data if d["case"] == case) if d["x"] == 0)
        order += mine[: start_at + 1] + [f"{case}: {PERIODS[case][0]}"] + mine[start_at + 1 :]
    fig.add_vline(x=0, line={"dash": "dot", "color": "#555555"})
    fig.update_layout(
        xaxis={
            "title": "Years before (−) and after (+) the march began",
            "range": [-8, 16],
            "dtick": 2,
            "zeroline": False,
        },
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(order)), "automargin": True},
        legend={"orientation": "h", "y": -0.18},
        barmode="overlay",
    )
    mao = dict(zip([m.label for m in MAO], relative_years(MAO, MAO_START), strict=True))
    caesar = dict(zip([m.label for m in CAESAR], relative_years(CAESAR, CAESAR_START), strict=True))
    alt = (
        "Two timelines on a shared axis of years since each march began. "
        f"Mao: the civil war began in 1927, about {-mao['Civil war begins (1927)']:.0f} years before the Long March; "
        "the Long March started in October 1934 and ended about a year (about 370 days) later, "
        f"at {mao['Arrives in Shaanxi']:+.1f} years; Mao rose at the Zunyi Conference three months in; "
        f"the People's Republic was proclaimed {mao['PRC proclaimed']:.0f} years after the start "
        "(about 22 years after 1927). "
        "Caesar: tension built from Julia's death (54 BC) and Crassus's death (53 BC) through Pompey's sole "
        "consulship (52 BC) and the command dispute (51–50 BC); he crossed the Rubicon on 10 January 49 BC; "
        f"Pharsalus came {caesar['Pharsalus']:.1f} years later, Pompey's death {caesar['Pompey killed']:.1f} years "
        f"later, the civil war ended at Munda {caesar['Munda: war ends']:.1f} years later (about 1,500 days), and he "
        f"was assassinated {caesar['Assassinated']:.1f} years after the crossing, on 15 March 44 BC."
    )
    return finish(
        fig,
        caption=(
            "Two long marches on one clock: years before and after Mao's Long March began (October 1934) and "
            "after Caesar crossed the Rubicon (January 49 BC). Filled symbols: known dates; open symbols: year "
            "only, placed mid-year."
        ),
        source=(
            "course fact sheet sections 2.9–2.10, from Spence (1990), Wikipedia (Long March; Caesar's civil war), "
            "Goldsworthy (2006) and Suetonius. Roman dates are pre-Julian, so spacing before 45 BC is approximate."
        ),
        alt=alt,
        height=640,
    )
