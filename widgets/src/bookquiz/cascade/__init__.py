"""The defection-cascade model (a threshold model after Granovetter 1978 and Singh 2014) and its
widget.  :mod:`.model` is plain Python (the same model as the front end's
``widgets/js/src/cascade/model.js``); :class:`Cascade` is the anywidget."""

from .model import DISTRIBUTIONS, LIMITS, Result, Round, Settings, SettingsError, describe, run
from .widget import Cascade

__all__ = ["DISTRIBUTIONS", "LIMITS", "Cascade", "Result", "Round", "Settings", "SettingsError", "describe", "run"]
