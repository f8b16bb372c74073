"""Fixtures for tests of the built book that drive headless Chromium: the browser tests' own."""

from __future__ import annotations

from tests.browser.conftest import browser  # noqa: F401 - a fixture, shared with tests/browser
