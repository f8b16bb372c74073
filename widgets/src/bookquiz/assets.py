"""The front end of the widgets: one ES module per widget, bundled from ``widgets/js/src`` by
esbuild at set-up (``make setup`` runs ``npm ci`` and ``npm run build``).

The bundles are generated files (git-ignored); without them bookquiz cannot draw a widget, so
importing it fails with a message that says how to make them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

STATIC = Path(__file__).parent / "static"
BUNDLES = {"quiz": "quiz.js", "progress": "progress.js", "cascade": "cascade.js"}


class MissingBundle(ImportError):
    """The generated JavaScript bundle is not there (a fresh clone before ``make setup``)."""


@cache
def esm(view: str) -> str:
    """The bundled ES module of a widget view: ``quiz``, ``progress`` or ``cascade``."""
    if view not in BUNDLES:
        raise ValueError(f"unknown view {view!r}")
    path = STATIC / BUNDLES[view]
    if not path.exists():
        raise MissingBundle(
            f"bookquiz: the JavaScript bundle {path} is missing. Run `make setup` in the project root "
            "(it runs `npm ci` and `npm run build`, which bundles widgets/js/src with esbuild)."
        )
    return path.read_text(encoding="utf-8")


@cache
def css(name: str = "quiz") -> str:
    """A stylesheet of the static folder: ``quiz`` (the cards and the theme's colours, used by
    every widget) or ``cascade`` (the cascade model's controls and charts)."""
    return (STATIC / f"{name}.css").read_text(encoding="utf-8")
