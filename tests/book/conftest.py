"""Fixtures for tests of the built book that drive headless Chromium (tools/browser.py)."""

from __future__ import annotations

import pytest

from tools.browser import launch


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            browser = launch(p)
        except RuntimeError as exc:
            pytest.fail(str(exc))
        yield browser
        browser.close()
