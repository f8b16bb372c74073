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
