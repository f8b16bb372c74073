"""Charts for chapter 1, "What is a coup?".

- :func:`cline_flags`: how often each actor/type flag occurs in the Cline Center coup data.
- :func:`definition_checker`: a matrix of cases against the four elements of Powell and
  Thyne's coup definition, marked with symbols so that colour is never the only signal.
"""

from __future__ import annotations

import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish

# Cline Center Coup d'Etat Project Dataset v2.1.2 (Peyton et al.; 981 events, 1945-2022):
# number of events carrying each flag, counted in cline_center_coup_data_v2.1.2.csv
# (facts.md section 1.7; datasets/README.md section 2). Flags overlap, so they sum to more
# than 981.
CLINE_FLAGS: dict[str, tuple[str, int]] = {
    "military": ("Military coup", 591),
    "dissident": ("Dissident coup (small group of discontents)", 293),
    "palace": ("Palace coup (from within the ruling elite)", 131),
    "popular": ("Popular revolt", 96),
    "resign": ("Forced resignation", 85),
    "foreign": ("Foreign-backed coup", 76),
    "rebel": ("Rebel coup", 62),
    "auto": ("Auto-coup (self-coup)", 41),
    "counter": ("Counter-coup", 20),
    "other": ("Other or unidentified actors", 16),
}
CLINE_TOTAL_EVENTS = 981
CLINE_OUTCOMES = {"realized": 441, "attempted": 349, "conspiracy": 191}


def cline_flags() -> go.Figure:
    """Horizontal bar chart of the Cline Center flag counts, largest at the top."""
    items = sorted(CLINE_FLAGS.items(), key=lambda kv: kv[1][1])  # smallest first = bottom
    labels = [f"{label} [{flag}]" for flag, (label, _) in items]
    counts = [n for _, (_, n) in items]
    fig = go.Figure(
        go.Bar(
            x=counts,
            y=labels,
            orientation="h",
            marker={"color": PALETTE[0]},
            text=[str(n) for n in counts],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} events<extra></extra>",
            name="events with this flag",
        )
    )
    fig.update_layout(
        title={"text": f"Who made the coup? Flags on {CLINE_TOTAL_EVENTS} Cline Center events, 1945–2022"},
        xaxis={"title": "events with this flag", "range": [0, 680]},
        yaxis={"title": "", "automargin": True},
        showlegend=False,
    )
    fig.update_layout(margin={"l": 20})
    ranked = sorted(CLINE_FLAGS.items(), key=lambda kv: -kv[1][1])
    listing = "; ".join(f"{label.split(' (')[0].lower()} {n}" for _, (label, n) in ranked)
    return finish(
        fig,
        caption=(
            "Most events in the Cline Center's list are military coups, but its net is wide: it also "
            "flags popular revolts, rebel coups and auto-coups, which Powell and Thyne leave out. One "
            "event can carry several flags."
        ),
        source=(
            "Cline Center Coup d'État Project Dataset v2.1.2 (Peyton et al. 2023), 981 events, "
            "1945–2022; counts by the course team."
        ),
        alt=(
            f"Horizontal bar chart of how many of the Cline Center's {CLINE_TOTAL_EVENTS} events "
            f"(1945–2022) carry each flag, from most to least: {listing}. Flags overlap, so the "
            "counts add up to more than 981."
        ),
        height=460,
    )


# The four elements of Powell and Thyne's (2011) definition, applied to five cases.
# Values: 1 = the element is present, 0 = it is absent, 0.5 = disputed / a matter of
# interpretation. Sources: facts.md sections 1.1, 1.2, 2.2, 2.4, 2.6, 2.7 and 3; the Wagner
# row is the course's interpretation (P&T do not explain why they leave Wagner out).
ELEMENTS = ["Illegal", "Overt", "Insiders of the state apparatus", "Target: the sitting executive"]
ELEMENT_TICKS = ["Illegal", "Overt", "Insiders of the<br>state apparatus", "Target: the<br>sitting executive"]
CASES: list[dict] = [
    {
        "label": "Thailand, 22 May 2014<br>(P&T: successful coup)",
        "short": "Thailand 2014",
        "marks": [1, 1, 1, 1],
        "notes": [
            "Army seized power; constitution partly repealed",
            "Takeover announced by the army chief",
            "Army commander Gen. Prayut",
            "Ousted the caretaker government",
        ],
    },
    {
        "label": "Myanmar, 1 Feb 2021<br>(P&T: successful coup)",
        "short": "Myanmar 2021",
        "marks": [1, 1, 1, 1],
        "notes": [
            "Elected leaders detained; coded a coup by P&T",
            "State of emergency proclaimed",
            "Commander-in-Chief Min Aung Hlaing",
            "President Win Myint and Aung San Suu Kyi detained",
        ],
    },
    {
        "label": "USSR, 19–21 Aug 1991<br>(P&T: failed; Cline: realized)",
        "short": "USSR 1991",
        "marks": [1, 1, 1, 1],
        "notes": [
            "Emergency committee took power from the president",
            "State of emergency declared",
            "Vice-president, KGB chief, defence minister",
            "Gorbachev put under house arrest",
        ],
    },
    {
        "label": "Peru, 5 Apr 1992 self-coup<br>(P&T: not listed)",
        "short": "Peru 1992",
        "marks": [1, 1, 1, 0],
        "notes": [
            "Congress dissolved, judiciary 'reorganized'",
            "Announced by the president",
            "President Fujimori with army support",
            "The executive was the perpetrator, not the target",
        ],
    },
    {
        "label": "Wagner, 23–24 June 2023<br>(P&T: not listed)",
        "short": "Wagner 2023",
        "marks": [1, 1, 0.5, 0],
        "notes": [
            "Criminal case for 'armed mutiny' (Art. 279)",
            "Prigozhin announced a 'march for justice'",
            "A private military company: legally outside the army, but state-financed",
            "Aimed at Shoigu and Gerasimov; Putin not named (interpretation)",
        ],
    },
]
SYMBOLS = {1: "✓ yes", 0: "✗ no", 0.5: "? disputed"}


def definition_checker() -> go.Figure:
    """Heatmap of five cases against the four Powell & Thyne elements, with ✓/✗/? marks."""
    cases = list(reversed(CASES))  # first case at the top
    z = [c["marks"] for c in cases]
    text = [[SYMBOLS[v] for v in c["marks"]] for c in cases]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=ELEMENT_TICKS,
            y=[c["label"] for c in cases],
            text=text,
            customdata=[c["notes"] for c in cases],
            texttemplate="%{text}",
            textfont={"size": 15},
            zmin=0,
            zmax=1,
            colorscale=[[0.0, "#F4C7A7"], [0.5, "#F2F2F2"], [1.0, "#A9CCE3"]],
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{y}<br>%{x}: %{text}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": "The definition checker: which cases have all four elements?"},
        xaxis={"side": "top", "title": "", "tickangle": 0},
        yaxis={"title": "", "automargin": True},
    )
    fig.update_layout(margin={"l": 20, "t": 120})
    rows = []
    for case in CASES:
        parts = [f"{el.lower()} {SYMBOLS[v].split(' ', 1)[1]}" for el, v in zip(ELEMENTS, case["marks"], strict=True)]
        rows.append(f"{case['short']}: " + ", ".join(parts))
    return finish(
        fig,
        caption=(
            "Applying Powell and Thyne's four elements to five cases. Thailand 2014, Myanmar 2021 and "
            "the failed August 1991 putsch have all four. Fujimori's self-coup fails on the target; "
            "Wagner fails on the target and is disputed on 'insiders'."
        ),
        source=(
            "Definition: Powell & Thyne (2011); dataset codings: P&T data V2023.09.08 and Cline "
            "Center v2.1.2; marks for Peru and Wagner are the course's interpretation."
        ),
        alt=(
            "Table of five cases against four elements (illegal, overt, insiders of the state "
            "apparatus, target is the sitting executive). "
            + ". ".join(rows)
            + ". Thailand 2014, Myanmar 2021 and USSR 1991 have all four elements; Peru 1992 and "
            "Wagner 2023 do not target the sitting executive and are not in Powell and Thyne's list."
        ),
        height=470,
    )
