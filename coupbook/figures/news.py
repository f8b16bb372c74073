"""Chapter 8 (reading the news critically): the course's fact check of the source article.

The twelve rows below are the course fact sheet's check of the article text (a machine-translated
repost of The Wall Street Journal's live coverage of 24 June 2023, BibTeX key ``wsj2023live``),
table "Errors and mistranslations in the article text" (facts.md section 4). Each row names the
sources of its correction (BibTeX keys in references.bib).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import plotly.graph_objects as go

from coupbook.charts import PALETTE, finish

# Error types, in the order the chart shows them (top to bottom).
ERROR_TYPES = {
    "mistranslation": "Mistranslation or garbled wording",
    "conflation": "Two events conflated",
    "wrong-title": "Wrong title",
    "imprecise": "Imprecise or ambiguous name",
    "incomplete": "Incomplete: needs nuance",
    "self-description": "Correct, but a self-description",
    "not-an-error": "Not an error",
}

# (row, article phrase, error type, correction, BibTeX keys of the correction's sources)
# Source: course fact sheet, section 4 (rows 1-12), checked against the cited sources.
ERRORS = [
    (
        1,
        "mass evacuations from the regular army",
        "mistranslation",
        "mass defections from the regular army",
        ["singh2014", "kalyvas2005warfare"],
    ),
    (
        2,
        "When Julius Caesar died in 49 B.C.",
        "conflation",
        "Rubicon crossed 10 Jan 49 BC; Caesar assassinated 15 Mar 44 BC",
        ["wiki49caesar", "goldsworthy2006"],
    ),
    (
        3,
        "Marching on Rome from Gaul",
        "imprecise",
        "from his province of Cisalpine Gaul, with one legion (XIII)",
        ["wiki49caesar"],
    ),
    (
        4,
        "the chief of the armed forces, General Valery Gerasimov",
        "wrong-title",
        "Chief of the General Staff; the Supreme Commander-in-Chief is the President",
        ["aljazeera2023timeline"],
    ),
    (
        5,
        "launching the invasion of the botched Ukraine",
        "mistranslation",
        "launching the botched invasion of Ukraine",
        ["wsj2023live"],
    ),
    (
        6,
        "providing his men with vital ammunition have withdrawn",
        "mistranslation",
        "withholding vital ammunition from his men",
        ["wsj2023live", "aljazeera2023timeline"],
    ),
    (7, "the city of Rostov", "imprecise", "Rostov-on-Don, HQ of the Southern Military District", ["cgtn2023timeline"]),
    (
        8,
        "about 15 years from the start of his Long March in 1934",
        "incomplete",
        "15 years from Oct 1934, but the armed struggle began in 1927 (about 22 years)",
        ["wiki1934longmarch", "spence1990"],
    ),
    (
        9,
        "the removal of civilian governments by the military",
        "incomplete",
        "Thailand's coups ousted caretaker governments; Myanmar's NLD shared power with the army",
        ["wiki2006thaicoup", "wiki2014thaicoup", "hunt2014"],
    ),
    (
        10,
        "little opportunity for elected leaders to do much about it",
        "incomplete",
        "Myanmar 2021 turned into civil disobedience and armed resistance",
        ["reuters2021pdf", "nug2021war"],
    ),
    (
        11,
        "his goal is not a coup but a 'march for justice'",
        "self-description",
        "Prigozhin's own framing; the state charged armed mutiny (Art. 279)",
        ["aljazeera2023timeline", "tass2023mutiny"],
    ),
    (
        12,
        "tensions ... mounting for at least two years",
        "not-an-error",
        "consistent with the sources (the command dispute ran 51-50 BC)",
        ["wiki49caesar", "goldsworthy2006"],
    ),
]


def errors_table() -> pd.DataFrame:
    """The fact check as a table: one row per checked phrase."""
    frame = pd.DataFrame(ERRORS, columns=["row", "phrase", "error_type", "correction", "cite"])
    frame["error_label"] = frame["error_type"].map(ERROR_TYPES)
    return frame


def type_counts() -> dict[str, int]:
    """Number of checked phrases per error type, in the order of ERROR_TYPES."""
    counts = Counter(row[2] for row in ERRORS)
    return {key: counts.get(key, 0) for key in ERROR_TYPES}


def error_types() -> go.Figure:
    """Horizontal bars: how many of the article's checked phrases fall into each error type."""
    counts = type_counts()
    table = errors_table()
    labels = [ERROR_TYPES[key] for key in counts]
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
            customdata=rows,
            hovertemplate="%{y}: %{x} phrase(s), fact-check rows %{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title="Number of checked phrases", dtick=1, range=[0, max(values) + 1.6])
    total = sum(values)
    parts = "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))
    return finish(
        fig,
        caption=(
            f"The course's fact check of {total} phrases in the source article, grouped by type of problem. "
            "Mistranslations and incomplete framing are the most common; one checked phrase is not an error."
        ),
        source=(
            "Source: course fact check of the machine-translated repost of The Wall Street Journal's live "
            "coverage, 24 June 2023 (fact sheet, section 4), with the corrections' sources cited in the chapter."
        ),
        alt=(
            f"Horizontal bar chart of {total} checked phrases from the article by type of problem. {parts}. "
            "Three phrases are garbled translations (rows 1, 5 and 6), three are incomplete (rows 8, 9 and 10), "
            "two are imprecise names (rows 3 and 7), and one each is a conflation of two events (row 2), "
            "a wrong title (row 4), a correct report of a self-description that needs attribution (row 11) "
            "and not an error (row 12)."
        ),
        height=400,
    )
