"""Accessibility of the built book: axe-core on every page in the light and the dark theme, 200%
zoom and a 375 px screen.

axe-core comes from the npm registry (pinned in package.json, installed by ``npm ci``) and is
injected into each page by playwright; a serious or critical violation fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, settle, toc_pages, watch

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = toc_pages()
SHOTS = ROOT / "_build" / "screenshots"


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make setup does)")
    # Evaluated through the DevTools protocol: an added <script> element would be refused by the
    # page's Content-Security-Policy (coupbook/sphinxext/csp.py).
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
            }));
        }""",
        WCAG_TAGS,
    )


# What pydata-sphinx-theme reads at start-up: the reader chose the dark theme on an earlier visit.
DARK = 'localStorage.setItem("mode", "dark"); localStorage.setItem("theme", "dark");'


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_axe_violations(site, context, path, theme):
    if theme == "dark":
        context.add_init_script(DARK)
    page = watch(context).page
    page.goto(site.url + path)
    settle(page)
    assert page.evaluate("document.documentElement.dataset.theme") == theme
    serious = [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(f"{v['impact']} {v['id']}: {v['help']} at {v['targets']}" for v in serious)


def overflowing(page) -> list[str]:
    """Elements in the article wider than the viewport (horizontal scrolling of the page)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const out = [];
            for (const el of document.querySelectorAll("article *")) {
                const box = el.getBoundingClientRect();
                const scrolls = el.closest("pre, .highlight, table, .js-plotly-plot, mjx-container");
                if (box.width > 0 && box.right > width + 1 && !scrolls) {
                    out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(box.right)}`);
                }
            }
            return out.slice(0, 5);
        }"""
    )


CHAPTER_PAGES = [p for p in PAGES if p.startswith("chapters/")] + ["pages/my_progress.html"]


@pytest.mark.parametrize("path", CHAPTER_PAGES)
def test_usable_on_a_375px_phone(browser, site, path):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    try:
        page = watch(context).page
        page.goto(site.url + path)
        settle(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 376, overflowing(page)
        for quiz in page.locator(".bookquiz").all():
            box = quiz.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 376, f"quiz overflows: {box}"
        for button in page.locator(".bookquiz button:visible").all():
            assert button.bounding_box()["height"] >= 24, "touch target under 24 px (WCAG 2.5.8)"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"375px-{Path(path).stem}.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("path", CHAPTER_PAGES[:3] + ["pages/my_progress.html"])
def test_usable_at_200_percent_zoom(browser, site, path):
    # 200% zoom on a 1280 px window lays the page out like a 640 px window at double size.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    try:
        page = watch(context).page
        page.goto(site.url + path)
        settle(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 641, overflowing(page)
        for button in page.locator(".bookquiz button:visible").all()[:3]:
            button.scroll_into_view_if_needed()
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 641, f"button off screen at 200%: {box}"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"zoom200-{Path(path).stem}.png"))
    finally:
        context.close()
