"""Learner text made safe to show: HTML-escaped for charts, defused for spreadsheets.

Answer files carry text a learner typed (a name, an open answer) and text from question banks.
Plotly draws ``<a href>``, ``<b>``, ``<br>`` and other tags found in trace text, tick labels and
hover text, so every string goes into a figure through :func:`chart_text`.  A spreadsheet runs a
cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one) as a
formula, so every CSV file is written through :func:`write_csv`, which puts an apostrophe before
such a cell (the usual defence against CSV formula injection).
"""

from __future__ import annotations

import csv
import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def chart_text(text: Any) -> str:
    """Text for a plotly figure: ``<``, ``>`` and ``&`` as entities, so no tag is drawn."""
    return html.escape(str(text), quote=False)


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: an apostrophe before a would-be formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_rows(rows: Iterable[Iterable[Any]], path: str | Path) -> Path:
    """Write rows as UTF-8 CSV, every text cell defused."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow([safe_cell(cell) for cell in row])
    return path


def write_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as UTF-8 CSV (header row, no index), every text cell defused."""
    rows = [list(table.columns)] + [[_plain(v) for v in row] for row in table.itertuples(index=False)]
    return write_rows(rows, path)


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return str(value)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else value
