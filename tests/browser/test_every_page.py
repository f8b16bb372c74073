"""Open every page of the built book: nothing may fail, reach off-site, or stay undrawn."""

from __future__ import annotations

import pytest

from .conftest import settle, toc_pages, watch

PAGES = toc_pages()


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_offline(site, context, path):
    watched = watch(context)
    page = watched.page
    page.goto(site.url + path)
    settle(page)
    assert watched.problems == [], f"{path}: " + "\n".join(watched.problems)

    charts = page.locator(".coupbook-chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.locator(".main-svg").count() >= 1, f"{path}: chart {i} did not draw"
        # text_content, not inner_text: a chart may sit in a closed dropdown (predict, then reveal).
        caption = chart.locator("figcaption").text_content() or ""
        assert caption.strip(), f"{path}: chart {i} has no caption"
        assert "Source:" in caption, f"{path}: chart {i} has no source"
        alt = chart.locator(".coupbook-chart-alt p").text_content().strip()
        assert alt, f"{path}: chart {i} has no text alternative"

    for raw_math in page.locator(".math").all():
        assert raw_math.locator("mjx-container").count() >= 1, f"{path}: math not typeset"
