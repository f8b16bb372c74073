"""Charts for chapter 1, "What is a coup?".

- :func:`cline_flags`: how often each actor/type flag occurs in the Cline Center coup data (the
  derived table ``cline_flag_counts``, with the flag names of ``cline_flags``).
- :func:`definition_checker`: a matrix of cases against the four elements of Powell and
  Thyne's coup definition, marked with symbols so that colour is never the only signal.  Whether
  an element is present comes from the case's coding in ``cases`` (illegal, overt, position,
  target); the evidence shown on hover comes from ``definition_checker``.
"""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from coupbook.casebook import when
from coupbook.charts import PALETTE, finish
from coupbook.data import load, source_line


def flag_table():
    """Flags with their labels and counts, most frequent first."""
    counts = load("cline_flag_counts").set_index("flag")
    labels = load("cline_flags").set_index("flag")["label"]
    table = counts.join(labels)
    return table.sort_values("events", ascending=False, kind="stable")


def cline_totals() -> dict[str, int]:
    """Realized, attempted and conspiracy events in the whole Cline file, and their sum."""
    sums = load("cline_coups_by_year_region")[["realized", "attempted", "conspiracy"]].sum()
    out = {k: int(v) for k, v in sums.items()}
    out["events"] = sum(out.values())
    return out


def cline_flags() -> go.Figure:
    """Horizontal bar chart of the Cline Center flag counts, largest at the top."""
    table = flag_table().iloc[::-1]  # smallest first = bottom
    totals = cline_totals()
    labels = [f"{label} [{flag}]" for flag, label in zip(table.index, table["label"], strict=True)]
    counts = [int(n) for n in table["events"]]
    fig = go.Figure(
        go.Bar(
            x=counts,
            y=labels,
            orientation="h",
            marker={"color": PALETTE[0]},
            text=[str(n) for n in counts],
            textposition="outside",
            cliponaxis=False,
            customdata=list(table["also_in_powell_thyne"]),
            hovertemplate="%{y}: %{x} events, %{customdata} of them also in Powell & Thyne<extra></extra>",
            name="events with this flag",
        )
    )
    fig.update_layout(
        title={"text": f"Who made the coup? Flags on {totals['events']} Cline Center events"},
        xaxis={"title": "events with this flag", "range": [0, max(counts) * 1.15]},
        yaxis={"title": "", "automargin": True},
        showlegend=False,
        margin={"l": 20, "r": 30},
    )
    ranked = flag_table()
    listing = "; ".join(
        f"{label.lower()} {n} ({pt} also in Powell and Thyne)"
        for label, n, pt in zip(ranked["label"], ranked["events"], ranked["also_in_powell_thyne"], strict=True)
    )
    return finish(
        fig,
        caption=(
            "Most events in the Cline Center's list are military coups, but its net is wide: it also flags popular "
            "revolts, rebel coups and auto-coups. Powell and Thyne list only some of these (same country and date; "
            "hover for the number). One event can carry several flags."
        ),
        source=source_line("cline_flag_counts", "cline_flags", note="Counts derived by the course."),
        alt=(
            f"Horizontal bar chart of how many of the Cline Center's {totals['events']} events carry each flag, "
            f"from most to least: {listing}. Flags overlap, so the counts add up to more than {totals['events']}."
        ),
        height=460,
    )


# The four elements of Powell and Thyne's (2011) definition, and how each is read from cases.csv.
ELEMENTS = ["Illegal", "Overt", "Insiders of the state apparatus", "Target: the sitting executive"]
ELEMENT_TICKS = ["Illegal", "Overt", "By<br>insiders", "Against<br>the sitting<br>executive"]
MARKS = {  # element -> (column of cases.csv, value -> 1 present / 0 absent / 0.5 disputed)
    "illegal": ("illegal", {"yes": 1, "no": 0, "contested": 0.5}),
    "overt": ("overt", {"yes": 1, "no": 0}),
    "insider": ("position", {"insider": 1, "hybrid": 0.5, "outsider": 0}),
    "executive": ("target", {"executive": 1}),
}
SYMBOLS = {1: "✓ yes", 0: "✗ no", 0.5: "? disputed"}


def _pt_label(row) -> str:
    pt = row["pt_coding"].replace("-", " ")
    disagree = (row["pt_coding"] == "failed" and row["cline_coding"] == "realized") or (
        row["pt_coding"] == "successful" and row["cline_coding"] not in {"realized", "not-listed"}
    )
    return f"P&T: {pt}" + (f"; Cline: {row['cline_coding']}" if disagree else "")


def checker_rows() -> list[dict]:
    """One dict per case: label, short name, the four marks (1, 0.5, 0) and the four notes."""
    notes = load("definition_checker")
    cases = load("cases").set_index("case_id")
    out = []
    for case_id in dict.fromkeys(notes["case_id"]):
        row = cases.loc[case_id]
        mine = notes[notes["case_id"] == case_id].set_index("element")["note"]
        marks = [MARKS[e][1].get(row[MARKS[e][0]], 0) for e in MARKS]
        out.append(
            {
                "label": f"{escape(row['name'])}<br>{when(row)}<br>{_pt_label(row)}",
                "short": row["name"],
                "marks": marks,
                "notes": [mine.get(e, "") for e in MARKS],
            }
        )
    return out


def definition_checker() -> go.Figure:
    """Heatmap of cases against the four Powell & Thyne elements, with ✓/✗/? marks."""
    rows = checker_rows()
    cases = list(reversed(rows))  # first case at the top
    fig = go.Figure(
        go.Heatmap(
            z=[c["marks"] for c in cases],
            x=ELEMENT_TICKS,
            y=[c["label"] for c in cases],
            text=[[SYMBOLS[v] for v in c["marks"]] for c in cases],
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
        title={"text": "Which cases have all four elements?", "y": 0.98, "yanchor": "top"},
        xaxis={"side": "top", "title": "", "tickangle": 0, "automargin": True},
        yaxis={"title": "", "automargin": True},
        margin={"l": 20, "t": 110},
    )
    described = []
    for case in rows:
        parts = [f"{el.lower()} {SYMBOLS[v].split(' ', 1)[1]}" for el, v in zip(ELEMENTS, case["marks"], strict=True)]
        described.append(f"{case['short']}: " + ", ".join(parts))
    complete = [c["short"] for c in rows if c["marks"] == [1, 1, 1, 1]]
    return finish(
        fig,
        caption=(
            f"Applying Powell and Thyne's four elements to {len(rows)} cases. {', '.join(complete)} have all four. "
            "Fujimori's self-coup fails on the target; Wagner fails on the target and is disputed on 'insiders'."
        ),
        source=source_line(
            "cases",
            "definition_checker",
            note="Definition: Powell & Thyne (2011); the marks follow the course's coding of each case.",
        ),
        alt=(
            f"Table of {len(rows)} cases against four elements (illegal, overt, insiders of the state apparatus, "
            f"target is the sitting executive). {'. '.join(described)}. Only cases with all four elements are coups "
            "in Powell and Thyne's sense."
        ),
        height=470,
    )
