"""Session-wide checks and fixtures for the whole test suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools.browser import launch

TESTS = Path(__file__).resolve().parent
CHECK_COLLECTED = "COUPBOOK_CHECK_COLLECTED"


def pytest_collection_finish(session):
    """Under ``make test`` (COUPBOOK_CHECK_COLLECTED=1), every tests/**/test_*.py must give tests.

    pytest silently skips some folders (``build`` among them) and a module that fails to import
    or parametrizes over nothing gives no tests; either way a test file would never run.
    """
    if os.environ.get(CHECK_COLLECTED) != "1":
        return
    expected = {p.resolve() for p in TESTS.rglob("test_*.py")}
    collected = {Path(str(item.path)).resolve() for item in session.items}
    missing = sorted(str(p.relative_to(TESTS.parent)) for p in expected - collected)
    if missing:
        pytest.exit("these test files gave no tests: " + ", ".join(missing), returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every test that drives one (tests/browser, tests/book)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            browser = launch(p)
        except RuntimeError as exc:
            pytest.fail(str(exc))
        yield browser
        browser.close()
