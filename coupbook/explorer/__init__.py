"""The data explorer: a widget where a learner types a country and a range of years and sees what
Powell & Thyne, the Cline Center and UCDP/PRIO list (the "Data explorer" page).

The front end is an ES module (``js/src``), bundled by esbuild at set-up into ``static/explorer.js``
(generated, git-ignored) and linted by Biome.  The data (:mod:`.payload`) travel in the widget's
state, so the static book needs no kernel and makes no request.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import anywidget
import traitlets

from .payload import payload

HERE = Path(__file__).parent
BUNDLE = HERE / "static" / "explorer.js"


class MissingBundle(ImportError):
    """The generated JavaScript bundle is not there (a fresh clone before ``make setup``)."""


@cache
def esm() -> str:
    if not BUNDLE.exists():
        raise MissingBundle(
            f"coupbook.explorer: the JavaScript bundle {BUNDLE} is missing. Run `make setup` in the project root "
            "(it runs `npm ci` and `npm run build`, which bundles coupbook/explorer/js/src with esbuild)."
        )
    return BUNDLE.read_text(encoding="utf-8")


class DataExplorer(anywidget.AnyWidget):
    """Country and year search over the shipped extracts (and the learner's own Powell & Thyne file)."""

    _esm = traitlets.Unicode().tag(sync=True)
    _css = traitlets.Unicode().tag(sync=True)
    data = traitlets.Dict().tag(sync=True)

    def __init__(self, data: dict | None = None):
        super().__init__(_esm=esm(), _css=(HERE / "explorer.css").read_text(encoding="utf-8"), data=data or payload())

    def __repr__(self) -> str:
        return f"DataExplorer(countries={len(self.data.get('countries', []))})"


def data_explorer() -> DataExplorer:
    return DataExplorer()


__all__ = ["DataExplorer", "MissingBundle", "data_explorer", "payload"]
