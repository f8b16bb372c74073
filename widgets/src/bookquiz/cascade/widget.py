"""The Cascade widget: the defection-cascade model in the browser, its settings and results
synced to Python.

The front end (``widgets/js/src/cascade.js``) runs the model itself, so the widget works in a
static book with no kernel.  Live, every move of a control sets the settings and the results
here; setting a setting in Python (``cascade.centre = 30``) re-runs the Python model and moves
the controls.  Both run the same model (:mod:`bookquiz.cascade.model`), so the results agree.
"""

from __future__ import annotations

import anywidget
import traitlets

from .. import assets
from .model import DISTRIBUTIONS, LIMITS, Result, Settings, run

SETTINGS = tuple(Settings.__dataclass_fields__)


def _bounded(name: str, default: int) -> traitlets.Int:
    low, high = LIMITS[name]
    return traitlets.Int(default, min=low, max=high).tag(sync=True)


class Cascade(anywidget.AnyWidget):
    """A threshold model of defection the learner can play with.

    >>> cascade = Cascade(centre=30, spread=10, initial=10)
    >>> cascade.outcome, cascade.defected
    ('tipped', 100)
    """

    _esm = assets.esm("cascade")
    _css = assets.css() + "\n" + assets.css("cascade")

    title = traitlets.Unicode("").tag(sync=True)
    units = _bounded("units", Settings.units)
    distribution = traitlets.Enum(DISTRIBUTIONS, Settings.distribution).tag(sync=True)
    centre = _bounded("centre", Settings.centre)
    spread = _bounded("spread", Settings.spread)
    initial = _bounded("initial", Settings.initial)
    signal = traitlets.Bool(Settings.signal).tag(sync=True)
    signal_drop = _bounded("signal_drop", Settings.signal_drop)
    signal_round = _bounded("signal_round", Settings.signal_round)

    # Results: written by whichever side ran the model last (the same model on both sides).
    thresholds = traitlets.List(traitlets.Int()).tag(sync=True)
    rounds = traitlets.List(traitlets.Dict()).tag(sync=True)
    defected = traitlets.Int(0).tag(sync=True)
    outcome = traitlets.Unicode("").tag(sync=True)
    summary = traitlets.Unicode("").tag(sync=True)

    def __init__(self, *, title: str = "", **settings) -> None:
        unknown = set(settings) - set(SETTINGS)
        if unknown:
            raise TypeError(f"Cascade() got unknown settings: {', '.join(sorted(unknown))}")
        Settings(**settings)  # a clear error for a bad setting
        super().__init__(title=title, **settings)
        self._rerun()

    @property
    def settings(self) -> Settings:
        return Settings(**{name: getattr(self, name) for name in SETTINGS})

    @property
    def result(self) -> Result:
        return run(self.settings)

    @traitlets.observe(*SETTINGS)
    def _on_setting(self, change) -> None:
        self._rerun()

    def _rerun(self) -> None:
        result = self.result.as_dict()
        with self.hold_sync():
            for name in ("thresholds", "rounds", "defected", "outcome", "summary"):
                setattr(self, name, result[name])

    def __repr__(self) -> str:
        return f"Cascade({self.summary})"
