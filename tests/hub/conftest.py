"""Fixtures for the hub tests: a real JupyterHub on 127.0.0.1 and the course repository it pulls.

The hub needs ``make hub-setup`` (the hub's and the students' environments, the proxy).  Without
them the live tests skip with a message, except under ``make test`` / ``make hub-test``
(``COUPBOOK_REQUIRE_HUB=1``), where they fail.
"""

from __future__ import annotations

import os
import sys

import pytest

from .localhub import ROOT, LocalHub, course_upstream, missing_components

# coursehub (deploy/coursehub) is installed in the hub's and the students' environments, not in
# the course's own .venv that runs the tests.
sys.path.insert(0, str(ROOT / "deploy" / "coursehub"))

REQUIRE_HUB = "COUPBOOK_REQUIRE_HUB"


def require_hub() -> None:
    missing = missing_components()
    if missing:
        message = "the hub is not installed (run make hub-setup): missing " + ", ".join(missing)
        if os.environ.get(REQUIRE_HUB) == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def upstream(tmp_path_factory):
    """The course repository that class links point at: (file:// URL, path of its working copy)."""
    return course_upstream(tmp_path_factory.mktemp("upstream"))


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    require_hub()
    hub = LocalHub(tmp_path_factory.mktemp("hub"))
    try:
        hub.start()
    except RuntimeError as exc:
        hub.stop()
        pytest.fail(str(exc))
    yield hub
    hub.stop()
    assert hub.still_running() == [], "processes the hub test started are still running"
