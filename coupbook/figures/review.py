"""Chapter 9 (review): the course's cases by position and target, the third defining criterion.

Chapter 6 places the cases by position and origin; this recap places them by position (who acts)
and target (whom they try to remove or defeat), where the classes separate: insiders against the
executive make coups, against their own commanders mutinies, the executive against the other
branches a self-coup, and outsiders uprisings and rebellions.  It reads the same table
(``cases``) and the same style table (``classes``) as chapter 6, and shows every case, ended or not.
"""

from __future__ import annotations

import plotly.graph_objects as go

from coupbook.charts import class_styles, finish
from coupbook.data import load, source_line
from coupbook.figures import casegrid
from coupbook.figures.framework import HAND_PICKED, POSITION_LABELS, POSITIONS, describe_cells, grid_traces

TARGETS = ["executive", "military-leadership", "other-branches", "state"]
WIDTHS = {"executive": 2.2, "military-leadership": 1.0, "other-branches": 1.15, "state": 1.5}  # room for labels
TARGET_LABELS = {
    "executive": "The sitting<br>executive",
    "military-leadership": "Its own<br>commanders",
    "other-branches": "The other branches<br>(by the executive)",
    "state": "The state<br>or regime",
}


def recap_table():
    """The cases with their grid positions (position by target), oldest first."""
    cases = load("cases").sort_values(["start_year", "start_date"], kind="stable").reset_index(drop=True)
    return casegrid.place(cases, "position", POSITIONS, "target", TARGETS, WIDTHS)


def cases_recap() -> go.Figure:
    """Every case in a 3 × 4 grid of position by target, symbol and colour by class."""
    styles = class_styles()
    table = recap_table()
    fig = go.Figure(grid_traces(table, styles, wrap_at=17))
    fig.update_layout(
        **casegrid.axes(POSITIONS, POSITION_LABELS, TARGETS, TARGET_LABELS, WIDTHS),
        legend=casegrid.CLASS_LEGEND,
        margin={"l": 20, "r": 20, "t": 80, "b": 40},
    )
    rules = "; ".join(f"{s['label']}: {s['definition']}" for s in styles.values())
    return finish(
        fig,
        caption=(
            f"All {len(table)} of the course's cases by who acts (position) and whom they target. Within a column the "
            "class follows from position and target: insiders against the executive make coups, against their own "
            "commanders a mutiny, the executive against the other branches a self-coup, outsiders uprisings or "
            f"rebellions. {HAND_PICKED}"
        ),
        source=source_line("cases", "classes"),
        alt=(
            f"A grid of {len(table)} cases: three rows for position (insider, hybrid, outsider) and four columns "
            "for the target (the sitting executive; the actor's own commanders; the other branches, by the "
            "executive; the state or regime). "
            f"{describe_cells(table, POSITIONS, 'position', TARGETS, 'target', styles)} The classes: {rules}"
        ),
        height=640,
    )
