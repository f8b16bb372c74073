"""The data explorer on the built book: offline, keyboard only, a known event with its codings,
guidance outside the datasets' years, the learner's own Powell & Thyne file, 375 px and dark mode."""

from __future__ import annotations

import pytest

from coupbook import explorer
from coupbook.data import upstream

from .conftest import ROOT, serve, settle, watch
from .harness import write_page

pytestmark = pytest.mark.browser
PAGE = "pages/data_explorer.html"
SHOTS = ROOT / "_build" / "screenshots"
PT_FILE = upstream.DEFAULT_DIR / upstream.PT_FILE


def open_explorer(context, site):
    watched = watch(context)
    page = watched.page
    page.goto(site.url + PAGE)
    settle(page)
    page.wait_for_selector(".coupbook-explorer form", timeout=30_000)
    return watched, page


def search(page, country: str, first: int, last: int, *, keyboard: bool = True) -> str:
    """Fill the form by keyboard (Tab from the country field) and press Enter; return the status."""
    page.get_by_label("Country", exact=True).click()
    page.keyboard.press("Control+A")
    page.keyboard.type(country)
    for value in (first, last):
        page.keyboard.press("Tab")
        page.keyboard.press("Control+A")
        page.keyboard.type(str(value))
    if keyboard:
        page.keyboard.press("Enter")
    else:
        page.get_by_role("button", name="Show events").click()
    status = page.locator(".coupbook-explorer-status")
    page.wait_for_function("el => el.textContent.includes(',')", arg=status.element_handle(), timeout=10_000)
    return status.text_content()


def rows(page, caption_start: str) -> list[list[str]]:
    table = page.locator("table", has=page.locator("caption", has_text=caption_start))
    return [[c.strip() for c in r.locator("th, td").all_text_contents()] for r in table.locator("tbody tr").all()]


def test_thailand_2006_2014_shows_both_coups_with_their_codings(site, context):
    watched, page = open_explorer(context, site)
    status = search(page, "thailand", 2006, 2014)
    assert status.startswith("Thailand, 2006–2014: 2 Powell & Thyne events, 2 Cline Center events")
    assert page.locator(".coupbook-explorer-status").get_attribute("aria-live") == "polite"
    pt = rows(page, "Coup attempts listed by Powell & Thyne")
    assert pt == [["2006-09-19", "Thailand", "successful"], ["2014-05-22", "Thailand", "successful"]]
    cline = rows(page, "Coup events listed by the Cline Center")
    assert [r[:4] for r in cline] == [
        ["2006-09-19", "Thailand", "realized coup", "Military coup"],
        ["2014-05-22", "Thailand", "realized coup", "Military coup"],
    ]
    ucdp = rows(page, "Armed conflicts listed by UCDP/PRIO")
    assert any(r[0].startswith("423 (Thailand)") and "2006–2014 minor" in r[1] for r in ucdp), ucdp
    for table in page.locator(".coupbook-explorer table").all():
        assert table.locator("caption").count() == 1
        assert table.locator("thead th[scope=col]").count() >= 3
    assert watched.problems == []


def test_names_from_any_dataset_and_guidance_outside_the_years(site, context):
    watched, page = open_explorer(context, site)
    status = search(page, "Burma", 2021, 2021, keyboard=False)
    assert status.startswith("Myanmar, 2021: 1 Powell & Thyne event, 1 Cline Center event")
    assert any("NUG" in r[3] for r in rows(page, "Armed conflicts listed by UCDP/PRIO"))
    search(page, "Russia", 1900, 1940)
    notes = page.locator(".coupbook-explorer-notes").text_content()
    assert "No dataset here lists anything before 1945" in notes and "decision procedure" in notes
    search(page, "Russia", 2020, 2024)
    notes = page.locator(".coupbook-explorer-notes").text_content()
    assert "V2023.09.08 covers 1950 to August 2023" in notes and "UCDP/PRIO v22.1 covers 1946–2021" in notes
    assert page.locator(".coupbook-explorer-notes a").count() == 3
    search(page, "Bolivia", 1950, 1990)
    note = page.locator(".coupbook-explorer-section p").first.text_content()
    assert "Powell & Thyne list 23 coup attempts in this country" in note and "download" in note
    assert rows(page, "Coup attempts listed by Powell & Thyne") == []
    page.get_by_label("Country", exact=True).fill("Atlantis")
    page.keyboard.press("Enter")
    assert "No country called" in page.locator(".coupbook-explorer-status").text_content()
    assert watched.problems == []


@pytest.mark.upstream
@pytest.mark.skipif(not PT_FILE.is_file(), reason="the upstream Powell & Thyne file is not present")
def test_the_learners_own_powell_and_thyne_file_lists_every_event(site, context):
    watched, page = open_explorer(context, site)
    page.locator(".coupbook-explorer-file summary").click()
    page.get_by_label("Powell & Thyne file").set_input_files(str(PT_FILE))
    file_status = page.locator(".coupbook-explorer-file-status")
    file_status.filter(has_text="Read 491 events").wait_for(timeout=10_000)
    status = search(page, "Bolivia", 1950, 1990)
    assert "Bolivia, 1950–1990: 23 Powell & Thyne events" in status
    note = page.locator(".coupbook-explorer-section p").first.text_content()
    assert "From your copy of the file (V2023.09.08)" in note
    assert watched.problems == []


def test_usable_on_a_375px_phone_and_in_dark_mode(browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    try:
        watched, page = open_explorer(context, site)
        search(page, "Thailand", 1945, 2023)
        assert page.evaluate("document.documentElement.scrollWidth") <= 376
        box = page.locator(".coupbook-explorer").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 376
        assert page.get_by_role("button", name="Show events").bounding_box()["height"] >= 24
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "375px-data_explorer.png"), full_page=True)
        page.evaluate("document.documentElement.dataset.theme = 'dark'")
        colours = page.evaluate(
            """() => { const el = document.querySelector('.coupbook-explorer');
                       const s = getComputedStyle(el); return [s.color, s.backgroundColor]; }"""
        )
        assert colours == ["rgb(232, 232, 232)", "rgb(29, 33, 41)"]
        page.screenshot(path=str(SHOTS / "375px-data_explorer-dark.png"), full_page=True)
        assert watched.problems == []
    finally:
        context.close()


HOSTILE = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=1</script>'


def test_text_from_the_data_is_never_markup_and_links_must_be_http(context, tmp_path):
    data = explorer.payload()
    data["countries"].append({"label": HOSTILE, "gw": 998, "aliases": [HOSTILE]})
    data["clineEvents"].append([HOSTILE, 998, "2000-01-01", "coup", "military", "99801012000"])
    data["datasets"]["ucdp"]["download"] = "javascript:window.pwned=1"
    write_page(tmp_path, "explorer", explorer.DataExplorer(data))
    server = serve(tmp_path)
    try:
        watched = watch(context)
        page = watched.page
        page.goto(server.url + "explorer.html")
        page.wait_for_function("window.harnessReady === true")
        page.get_by_label("Country", exact=True).fill(HOSTILE)
        page.get_by_label("To year").fill("2030")
        page.keyboard.press("Enter")
        assert rows(page, "Coup events listed by the Cline Center")[0][1] == HOSTILE
        assert page.locator(".coupbook-explorer img, .coupbook-explorer script").count() == 0
        assert page.locator(".coupbook-explorer-notes a[href^='javascript']").count() == 0
        assert "javascript:window.pwned=1" in page.locator(".coupbook-explorer-notes").text_content()
        assert page.evaluate("window.pwned") is None
    finally:
        server.stop()
