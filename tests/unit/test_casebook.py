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
    assert when(row("ccp-1927")) == "1 Aug 1927 – 1 Oct 1949"
    assert when(row("myanmar-resistance-2021")) == "5 May 2021 – ongoing"
    assert when(row("sudan-rsf-2023")) == "15 Apr 2023 – ongoing"


def test_every_case_is_a_row_oldest_first():
    html = case_table_html()
    cases = load("cases")
    positions = [html.index(f'id="case-{case_id}"') for case_id in cases.sort_values("start_year")["case_id"]]
    assert len(positions) == len(cases) and positions == sorted(positions)
    assert "Caesar 49 BC" in html and "not listed" in html


def test_the_table_shows_the_criteria_and_what_each_case_became():
    html = case_table_html()
    for header in ("Who acted (position, rank)", "From where (origin)", "Target", "Class", "Became; result"):
        assert f'<th scope="col">{header}</th>' in html
    assert "became civil war; result: social revolution" in html  # ccp-1927
    assert "hybrid" in html and "provinces: The front in occupied Ukraine" in html
    assert "<strong>Contested:</strong>" in html
    assert "hand-picked" in html
    assert "fact sheet" not in html


def test_hover_text_is_escaped():
    from coupbook.casebook import case_hover
    from coupbook.charts import class_styles

    case = row("wagner-2023").copy()
    case["name"] = "<img src=x onerror=alert(1)>"
    hover = case_hover(case, class_styles())
    assert "<img" not in hover and "&lt;img" in hover


def test_text_is_escaped_not_markup():
    cases = load("cases").head(1).copy()
    cases.loc[cases.index[0], "name"] = "<script>alert(1)</script>"
    html = case_table_html(cases)
    assert "<script>" not in html and "&lt;script&gt;" in html
