"""Cases placed in the cells of a grid without jitter and without overlapping labels.

Chapter 6 (position by origin) and chapter 9 (position by target) show the course's cases in a
grid of categories.  Each cell holds its cases in a fixed order (oldest first) in up to two
columns of evenly spaced slots, each marker with its name to the right, so the layout is the
same on every build and no two labels share a line.
"""

from __future__ import annotations

import math

import pandas as pd

SLOTS_PER_COLUMN = 6  # rows of labels a cell holds before it opens a second column
MARGIN = 0.12  # free space at the top and bottom of a cell (in cell heights)
COLUMN_X = (0.06, 0.53)  # left edge of the first and second column of a cell (in cell widths)
CLASS_LEGEND = {
    "title": {"text": "Class:"},
    "orientation": "h",
    "y": -0.03,
    "yanchor": "top",
    "x": 0,
}


def edges(cols: list[str], widths: dict[str, float] | None = None) -> dict[str, tuple[float, float]]:
    """Left and right edge of each column; ``widths`` (default 1 each) give busy columns more room."""
    out, left = {}, 0.0
    for c in cols:
        width = (widths or {}).get(c, 1.0)
        out[c] = (left, left + width)
        left += width
    return out


def wrap(text: str, width: int) -> str:
    """Break a label at the space nearest its middle if it is longer than ``width`` characters."""
    if len(text) <= width or " " not in text:
        return text
    middle = len(text) // 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "<br>" + text[cut + 1 :]


def place(
    cases: pd.DataFrame, row: str, rows: list[str], col: str, cols: list[str], widths: dict[str, float] | None = None
) -> pd.DataFrame:
    """``cases`` with ``x`` and ``y``: cell (column edges, row index from the bottom) plus a slot.

    ``rows`` are listed top to bottom.  Cases keep the order they come in within a cell.
    """
    spans = edges(cols, widths)
    out = cases.copy()
    xs, ys = [], []
    slot_in_cell: dict[tuple[str, str], int] = {}
    sizes = out.groupby([row, col]).size().to_dict()
    for r, c in zip(out[row], out[col], strict=True):
        k = slot_in_cell.get((r, c), 0)
        slot_in_cell[(r, c)] = k + 1
        n = sizes[(r, c)]
        per_column = min(SLOTS_PER_COLUMN, n) if n <= SLOTS_PER_COLUMN else math.ceil(n / 2)
        column, line = divmod(k, per_column)
        step = (1 - 2 * MARGIN) / per_column
        top = len(rows) - rows.index(r)  # upper edge of the cell (rows counted from the bottom)
        left, right = spans[c]
        xs.append(left + (right - left) * COLUMN_X[column])
        ys.append(top - MARGIN - step * (line + 0.5))
    out["x"], out["y"] = xs, ys
    return out


def cell_shapes(n_rows: int, xs: list[float]) -> list[dict]:
    """Thin grid lines between the cells (``xs``: the column edges)."""
    line = {"color": "#999999", "width": 1}
    shapes = [
        {"type": "line", "x0": xs[0], "x1": xs[-1], "y0": y, "y1": y, "line": line, "layer": "below"}
        for y in range(n_rows + 1)
    ]
    shapes += [{"type": "line", "x0": x, "x1": x, "y0": 0, "y1": n_rows, "line": line, "layer": "below"} for x in xs]
    return shapes


def axes(
    rows: list[str], row_labels: dict, cols: list[str], col_labels: dict, widths: dict[str, float] | None = None
) -> dict:
    """Layout for a grid: category labels centred on each cell, no numbers."""
    spans = edges(cols, widths)
    xs = [0.0] + [spans[c][1] for c in cols]
    return {
        "xaxis": {
            "range": [0, xs[-1]],
            "tickvals": [(spans[c][0] + spans[c][1]) / 2 for c in cols],
            "ticktext": [col_labels[c] for c in cols],
            "side": "top",
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
        "yaxis": {
            "range": [0, len(rows)],
            "tickvals": [len(rows) - i - 0.5 for i in range(len(rows))],
            "ticktext": [row_labels[r] for r in rows],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
        },
        "shapes": cell_shapes(len(rows), xs),
    }
