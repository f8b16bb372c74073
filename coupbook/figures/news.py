"""Chapter 8 (reading the news critically): the course's check of the source article.

The twelve checked phrases and their corrections are the course table ``article_errors``; the
types of problem, in the order the chart shows them, are ``article_error_types``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish
from coupbook.data import load, source_line


def errors_table() -> pd.DataFrame:
    """The fact check as a table: one row per checked phrase, with the label of its error type."""
    frame = load("article_errors")
    labels = load("article_error_types").set_index("id")["label"]
    frame["error_label"] = frame["error_type"].map(labels)
    return frame


def type_counts() -> dict[str, int]:
    """Number of checked phrases per error type, in the order of article_error_types.csv."""
    counts = load("article_errors")["error_type"].value_counts()
    return {key: int(counts.get(key, 0)) for key in load("article_error_types")["id"]}


def error_types() -> go.Figure:
    """Horizontal bars: how many of the article's checked phrases fall into each error type."""
    counts = type_counts()
    table = errors_table()
    labels = list(load("article_error_types")["label"])
    values = list(counts.values())
    rows = [", ".join(str(r) for r in table.loc[table.error_type == key, "row"]) for key in counts]
    # The last bar ("not an error") is set apart by a hatch pattern as well as by colour.
    colours = [PALETTE[1]] * (len(values) - 1) + [PALETTE[2]]
    patterns = [""] * (len(values) - 1) + ["/"]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker={"color": colours, "pattern": {"shape": patterns}},
            text=[f"{v} (rows {r})" if v > 1 else f"{v} (row {r})" for v, r in zip(values, rows, strict=True)],
            textposition="outside",
            cliponaxis=False,
            customdata=rows,
            hovertemplate="%{y}: %{x} phrase(s), fact-check rows %{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_xaxes(title="Number of checked phrases", dtick=1, range=[0, max(values) + 1.6])
    total = sum(values)
    parts = "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))
    by_type = "; ".join(
        f"{label.lower()}: row{'s' if v > 1 else ''} {r}" for label, v, r in zip(labels, values, rows, strict=True) if v
    )
    return finish(
        fig,
        caption=(
            f"The course's check of {total} phrases in the source article, grouped by type of problem. "
            "Mistranslations and incomplete framing are the most common; one checked phrase is not an error."
        ),
        source=source_line(
            "article_errors",
            "article_error_types",
            note="The article is a machine-translated repost; the corrections' sources are cited in the chapter.",
        ),
        alt=(
            f"Horizontal bar chart of {total} checked phrases from the article by type of problem. {parts}. "
            f"By type: {by_type}."
        ),
        height=400,
    )
