"""Charts fit their box on a phone (375 px) and on a desktop (1280 px): no text of a chart lies
outside the chart or overlaps other text of it (titles, tick labels, axis titles, legend,
annotations), compared by the bounding boxes of the drawn SVG text.  Screenshots of every
chart go to _build/screenshots/charts/ for a person to look at."""

from __future__ import annotations

import pytest

from .conftest import ROOT, settle, toc_pages, watch

pytestmark = pytest.mark.browser
CHART_PAGES = [p for p in toc_pages() if p.startswith("chapters/")]
CHECK = (ROOT / "tests" / "browser" / "chartfit.js").read_text(encoding="utf-8")
SHOTS = ROOT / "_build" / "screenshots" / "charts"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_stays_inside_and_apart(browser, site, path, width):
    viewport = {"width": width, "height": 900}
    context = browser.new_context(viewport=viewport, device_scale_factor=1, is_mobile=width < 600)
    try:
        page = watch(context).page
        page.goto(site.url + path)
        settle(page)
        charts = page.evaluate(CHECK)
        assert charts, f"{path}: no chart drawn"
        SHOTS.mkdir(parents=True, exist_ok=True)
        for chart in charts:
            shot = SHOTS / f"{width}-{chart['id']}-{path.split('/')[-1]}.png"
            page.locator(f"#{chart['id']}").screenshot(path=str(shot))
        problems = {c["id"]: c["problems"] for c in charts if c["problems"]}
        assert not problems, f"{path} at {width} px: {problems}"
        assert all(c["texts"] > 0 for c in charts), "a chart without text"
    finally:
        context.close()


FILLS = """(chart) => [...chart.querySelectorAll('svg text.gtitle, svg .xtick text, svg .legendtext')]
    .map((t) => getComputedStyle(t).fill)"""
# plotly draws a transparent background as a fill with fill-opacity 0.
BACKGROUND = "(chart) => getComputedStyle(chart.querySelector('svg.main-svg rect.bg')).fillOpacity"


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_charts_follow_a_live_theme_switch(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = watch(context).page
        page.goto(site.url + "chapters/04_wagner_mutiny.html")
        settle(page)
        chart = page.locator(".coupbook-chart-plot").first
        light = chart.evaluate(FILLS)
        assert light and max(luminance(c) for c in light) < 0.4, light
        page.locator(".theme-switch-button").first.click()  # the theme's own button, as a reader would
        if page.evaluate("document.documentElement.dataset.theme") != "dark":
            page.locator(".theme-switch-button").first.click()
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        for _ in range(50):  # the chart redraws when the theme changes
            dark = chart.evaluate(FILLS)
            if min(luminance(c) for c in dark) > 0.4:
                break
            page.wait_for_timeout(100)
        assert min(luminance(c) for c in dark) > 0.4, dark
        assert chart.evaluate(BACKGROUND) == "0", "the chart shows the page's dark background"
    finally:
        context.close()
