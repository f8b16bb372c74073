"""The print path for handouts: tools/print_pdf.py turns a built chapter into a PDF."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT, built_site

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
