"""The case table page: every case, readable dates (BC and ongoing too), escaped text."""

from __future__ import annotations

import pandas as pd

from coupbook.casebook import case_table_html, when
from coupbook.data import load


def row(case_id: str) -> pd.Series:
    cases = load("cases")
    return cases[cases["case_id"] == case_id].iloc[0]


def test_dates_read_like_a_reference_work():
    assert when(row("thailand-2006")) == "19 Sep 2006"
    assert when(row("wagner-2023")) == "23–24 Jun 2023"
    assert when(row("caesar-49bc")) == "49–45 BC"
    assert when(row("long-march-1934")) == "16 Oct 1934 – 1 Oct 1949"
    assert when(row("sudan-rsf-2023")) == "15 Apr 2023 – ongoing"


def test_every_case_is_a_row_oldest_first():
    html = case_table_html()
    cases = load("cases")
    positions = [html.index(f'id="case-{case_id}"') for case_id in cases.sort_values("start_year")["case_id"]]
    assert len(positions) == len(cases) and positions == sorted(positions)
    assert "Caesar 49 BC" in html and "not listed" in html


def test_text_is_escaped_not_markup():
    cases = load("cases").head(1).copy()
    cases.loc[cases.index[0], "name"] = "<script>alert(1)</script>"
    html = case_table_html(cases)
    assert "<script>" not in html and "&lt;script&gt;" in html
