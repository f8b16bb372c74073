"""Chapter 8 chart: the course's fact check of the source article, by error type."""

from __future__ import annotations

from pathlib import Path

from coupbook.data import load
from coupbook.data.bibliography import bib_keys
from coupbook.figures import news

ROOT = Path(__file__).resolve().parents[2]


def test_fact_check_has_the_twelve_rows_of_the_fact_sheet():
    table = news.errors_table()
    assert list(table["row"]) == list(range(1, 13))
    by_row = table.set_index("row")
    assert by_row.loc[1, "error_type"] == "mistranslation"
    assert "defections" in by_row.loc[1, "correction"]
    assert by_row.loc[2, "error_type"] == "conflation"
    assert "44 BC" in by_row.loc[2, "correction"] and "49 BC" in by_row.loc[2, "correction"]
    assert by_row.loc[4, "error_type"] == "wrong-title"
    assert "General Staff" in by_row.loc[4, "correction"]
    assert "Rostov-on-Don" in by_row.loc[7, "correction"]
    assert "1927" in by_row.loc[8, "correction"]
    assert by_row.loc[12, "error_type"] == "not-an-error"


def test_every_correction_cites_known_sources():
    known = bib_keys()
    for row in load("article_errors").itertuples():
        keys = set(row.cite.split(";"))
        assert keys and keys <= known, f"row {row.row} cites unknown keys"


def test_chart_counts_each_error_type():
    fig = news.error_types()
    bar = fig.data[0]
    counts = dict(zip(bar.y, bar.x, strict=True))
    assert counts == {
        "Mistranslation or garbled wording": 3,
        "Two events conflated": 1,
        "Wrong title": 1,
        "Imprecise or ambiguous name": 2,
        "Incomplete: needs nuance": 3,
        "Correct, but a self-description": 1,
        "Not an error": 1,
    }
    assert sum(bar.x) == 12
    # Text labels carry the numbers and rows, and "not an error" has a pattern: colour is not the only signal.
    assert bar.text[0] == "3 (rows 1, 5, 6)"
    assert bar.text[-1] == "1 (row 12)"
    assert bar.marker.pattern.shape[-1] == "/"
    assert bar.marker.pattern.shape[0] == ""


def test_chart_has_caption_source_and_alt_with_key_numbers():
    meta = news.error_types().layout.meta["coupbook"]
    assert "12 phrases" in meta["caption"]
    assert not meta["source"].startswith("Source:")  # finish() drops the label; the page prints it
    assert "Wall Street Journal" in meta["source"]
    alt = meta["alt"]
    for fragment in ["12 checked phrases", "Mistranslation or garbled wording: 3", "Not an error: 1", "row 12"]:
        assert fragment in alt
