"""What several test folders share: where the built editions are, and what to do when they are not.

``make test`` builds both editions first and sets ``COUPBOOK_REQUIRE_BUILD=1``, so a missing build
fails there.  Anywhere else (plain ``pytest`` in a fresh clone) tests that need the built book skip
with a message, and every other test still runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = {"student": ROOT / "_build" / "html", "instructor": ROOT / "_build" / "instructor" / "html"}
REQUIRE_BUILD = "COUPBOOK_REQUIRE_BUILD"


def built_site(kind: str = "student") -> Path:
    """The built HTML of an edition; skips the test (fails under ``make test``) when it is missing."""
    html = EDITIONS[kind]
    if not (html / "intro.html").exists():
        message = f"{html} is missing: build the book first (make editions)"
        if os.environ.get(REQUIRE_BUILD) == "1":
            pytest.fail(message)
        pytest.skip(message)
    return html


# --- quiz keys ---------------------------------------------------------------------------
# What a quiz's public question data must never carry: the key and everything that gives it away
# (the browser gets these only sealed, bookquiz.seal; the instructor edition unseals them).
SEALED_FIELDS = {"explanation", "source", "key", "misconception", "misconceptions", "why", "feedback", "hint", "hints"}
SEALED_FIELDS |= {"correct", "answer", "category", "order", "model_answer", "criteria"}
SEALED_FIELDS |= {"strong_example", "weak_example"}


def keys_in(value) -> set[str]:
    """Every dictionary key anywhere in a JSON-like value."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_in(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_in(v)}
    return set()


# --- live JupyterLab ----------------------------------------------------------------------
def run_cell_until(page, cell, shown, *, tries: int, wait_ms: int) -> None:
    """Shift+Enter in ``cell`` until the locator ``shown`` appears (``tries`` times, ``wait_ms``
    each): a keystroke sent while JupyterLab is still settling can be lost."""
    for _ in range(tries):
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        try:
            shown.wait_for(timeout=wait_ms)
            return
        except Exception:  # noqa: BLE001 - retry the keystroke
            continue
    shown.wait_for(timeout=10_000)
