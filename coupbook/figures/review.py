"""Chapter 9 (review): the course's cases by position and target, the third defining criterion.

Chapter 6 places the cases by position and origin; this recap places them by target (whom they
try to remove or defeat, one row each) and position (who acts, one column each), where the classes
separate: insiders against the executive make coups, against their own commanders mutinies, the
executive against the other branches a self-coup, and outsiders uprisings and rebellions.  It reads the same table
(``cases``) and the same style table (``classes``) as chapter 6, and shows every case, ended or not.
"""

from __future__ import annotations

import plotly.graph_objects as go

from coupbook.charts import class_styles, finish
from coupbook.data import load, source_line
from coupbook.figures import casegrid
from coupbook.figures.framework import HAND_PICKED, POSITIONS, describe_cells, grid_traces

TARGETS = ["executive", "military-leadership", "other-branches", "state"]
WIDTHS = {"insider": 2.0, "hybrid": 1.0, "outsider": 1.3}  # room for the labels of each column
TARGET_LABELS = {
    "executive": "The sitting<br>executive",
    "military-leadership": "Its own<br>commanders",
    "other-branches": "The other<br>branches (by<br>the executive)",
    "state": "The state<br>or regime",
}
POSITION_LABELS = {"insider": "Insider", "hybrid": "Hybrid<br>(state-funded)", "outsider": "Outsider"}


def recap_table():
    """The cases with their grid positions (target rows by position columns), oldest first."""
    cases = load("cases").sort_values(["start_year", "start_date"], kind="stable").reset_index(drop=True)
    return casegrid.place(cases, "target", TARGETS, "position", POSITIONS, WIDTHS)


def cases_recap() -> go.Figure:
    """Every case in a 4 × 3 grid of target by position, symbol and colour by class."""
    styles = class_styles()
    table = recap_table()
    fig = go.Figure(grid_traces(table, styles, wrap_at=17))
    fig.update_layout(
        **casegrid.axes(TARGETS, TARGET_LABELS, POSITIONS, POSITION_LABELS, WIDTHS),
        legend=casegrid.CLASS_LEGEND,
        margin={"l": 20, "r": 20, "t": 80, "b": 40},
    )
    rules = "; ".join(f"{s['label']}: {s['definition']}" for s in styles.values())
    return finish(
        fig,
        caption=(
            f"All {len(table)} of the course's cases by who acts (position) and whom they target. In each cell the "
            "class follows from position and target: insiders against the executive make coups, insiders or "
            "hybrids against their own commanders a mutiny, the executive against the other branches a self-coup, "
            f"outsiders uprisings or rebellions. {HAND_PICKED}"
        ),
        source=source_line("cases", "classes"),
        alt=(
            f"A grid of {len(table)} cases: four rows for the target (the sitting executive; the actor's own "
            "commanders; the other branches, by the executive; the state or regime) and three columns for position "
            f"(insider, hybrid, outsider). {describe_cells(table, TARGETS, 'target', POSITIONS, 'position', styles)} "
            f"The classes: {rules}"
        ),
        height=760,
    )
