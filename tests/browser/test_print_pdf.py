"""The print path for handouts: tools/print_pdf.py turns a built chapter into a PDF."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT, built_site, settle

pytestmark = pytest.mark.browser


def test_print_a_chapter_to_pdf(tmp_path):
    site = built_site("student")
    chapter = "chapters/04_wagner_mutiny.html"
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "print_pdf.py"), "--site", str(site), "--out", str(tmp_path)]
        + ["--pages", chapter],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    pdf = tmp_path / "04_wagner_mutiny.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 2, f"expected a multi-page chapter, got {pages} page(s)"
    assert len(data) > 30_000


# tools/print_pdf.py prints on A4 with 16 mm side and 18 mm top and bottom margins: at 96 CSS px to
# the inch, the printable area is 178 mm x 261 mm.
MM = 96 / 25.4
A4_CONTENT_WIDTH, A4_CONTENT_HEIGHT = round(178 * MM), round(261 * MM)


def test_the_decision_procedures_steps_fit_one_printed_page(browser, site):
    """The page promises the six steps on one A4 page (the flowchart follows on the next)."""
    context = browser.new_context(viewport={"width": A4_CONTENT_WIDTH, "height": A4_CONTENT_HEIGHT})
    page = context.new_page()
    page.goto(site.url + "pages/decision_procedure.html")
    settle(page)
    page.emulate_media(media="print")
    top, bottom = page.evaluate(
        """() => {
          const title = document.querySelector("h1").getBoundingClientRect();
          const steps = document.querySelector("#six-steps-in-this-order").getBoundingClientRect();
          return [title.top, steps.bottom];
        }"""
    )
    context.close()
    height = bottom - top
    assert height <= A4_CONTENT_HEIGHT, f"title and steps take {height:.0f} px in print, over {A4_CONTENT_HEIGHT}"
