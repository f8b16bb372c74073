"""A threshold model of defection, after Granovetter (1978) and Singh's coordination game (2014).

A population of ``units`` (say 100 military units) faces a challenger.  At the start a share of
them goes over at once (the challenger's own units, or those won over in advance).  Every other
unit has a *threshold*: the share of all units, in percent, that must already have gone over
before it goes over too.  These thresholds are set deterministically, with no random generator,
as evenly spaced quantiles of a normal or a uniform distribution whose centre and spread the
learner chooses, rounded to whole percentage points.  Then, round after round, every unit whose
threshold is at or below the share that had gone over by the end of the previous round goes
over.  An optional focal signal (a broadcast) lowers every threshold by a set number of points
from a given round on.

The JavaScript front end (``widgets/js/src/cascade/model.js``) runs the same model with the same
arithmetic, so the static book and Python agree round by round (``tests/unit/test_cascade_parity.py``):

- every learner setting is an integer (percent or percentage points), and the dynamics compare
  integers only;
- uniform thresholds are computed in integers; normal quantiles use only ``+ - * /`` (a Taylor
  series for the error function and bisection), which IEEE 754 doubles evaluate identically in
  Python and JavaScript; thresholds are rounded half up with ``floor(x + 0.5)`` in both.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from functools import cache

DISTRIBUTIONS = ("normal", "uniform")
# Learner settings: (lowest, highest) allowed value.  The front end's sliders use the same ranges.
LIMITS = {
    "units": (1, 1000),
    "centre": (0, 100),
    "spread": (0, 50),
    "initial": (0, 100),
    "signal_drop": (0, 50),
    "signal_round": (1, 20),
}
TWO_OVER_SQRT_PI = 1.1283791670955126  # 2 / sqrt(pi)
SQRT_HALF = 0.7071067811865476  # 1 / sqrt(2)


class SettingsError(ValueError):
    """A setting outside its range or of the wrong kind; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    """What the learner sets.  Percentages are whole numbers; ``spread`` is the standard deviation
    of a normal distribution or the half-width of a uniform one, in percentage points."""

    units: int = 100
    distribution: str = "normal"
    centre: int = 25
    spread: int = 10
    initial: int = 0
    signal: bool = False
    signal_drop: int = 10
    signal_round: int = 1

    def __post_init__(self) -> None:
        if self.distribution not in DISTRIBUTIONS:
            raise SettingsError(f"distribution must be one of {', '.join(DISTRIBUTIONS)}, not {self.distribution!r}")
        if not isinstance(self.signal, bool):
            raise SettingsError(f"signal must be True or False, not {self.signal!r}")
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingsError(f"{name} must be a whole number, not {value!r}")
            if not low <= value <= high:
                raise SettingsError(f"{name} must be between {low} and {high}, not {value}")

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Round:
    """One round: how many units went over in it, how many have in all, whether the broadcast
    was in force.  Round 0 is the start (the initial defectors)."""

    round: int
    new: int
    defected: int
    broadcast: bool

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Result:
    settings: Settings
    thresholds: tuple[int, ...]
    rounds: tuple[Round, ...] = field(default_factory=tuple)

    @property
    def defected(self) -> int:
        return self.rounds[-1].defected

    @property
    def tipped(self) -> bool:
        """More than half of the units went over."""
        return 2 * self.defected > self.settings.units

    @property
    def everyone(self) -> bool:
        return self.defected == self.settings.units

    @property
    def last_round(self) -> int:
        return self.rounds[-1].round

    @property
    def outcome(self) -> str:
        return "tipped" if self.tipped else "stalled"

    @property
    def broadcast_heard(self) -> bool:
        return any(r.broadcast for r in self.rounds)

    def as_dict(self) -> dict:
        """The result as the front end reports it (compared key by key in the parity test)."""
        return {
            "thresholds": list(self.thresholds),
            "rounds": [r.as_dict() for r in self.rounds],
            "defected": self.defected,
            "outcome": self.outcome,
            "summary": self.summary,
        }

    @property
    def summary(self) -> str:
        """The state in words, as the front end's live region says it."""
        return describe(self)


# --- thresholds ---------------------------------------------------------------------------------


def normal_cdf(z: float) -> float:
    """The standard normal distribution function, from the Taylor series of erf (|z| <= 6)."""
    x = z * SQRT_HALF
    x2 = x * x
    term = x
    total = x
    n = 0
    while n < 400:
        n += 1
        term = -term * x2 / n
        add = term / (2 * n + 1)
        total += add
        if abs(add) <= 1e-17 * abs(total):
            break
    return 0.5 + 0.5 * (TWO_OVER_SQRT_PI * total)


def normal_quantile(p: float) -> float:
    """The z with normal_cdf(z) = p, by bisection on [-6, 6] (60 halvings)."""
    low, high = -6.0, 6.0
    for _ in range(60):
        mid = (low + high) / 2
        if normal_cdf(mid) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def initial_count(settings: Settings) -> int:
    """Units that defect at the start: ``initial`` percent of them, rounded half up."""
    return (2 * settings.units * settings.initial + 100) // 200


@cache
def normal_scores(units: int) -> tuple[float, ...]:
    """Standard normal quantiles at the evenly spaced levels (2i + 1) / (2 * units)."""
    return tuple(normal_quantile((2 * i + 1) / (2 * units)) for i in range(units))


def thresholds(settings: Settings) -> tuple[int, ...]:
    """The thresholds of the units that do not go over at the start, in whole percent, lowest
    first; below 0 counts as 0."""
    n, c, s = settings.units - initial_count(settings), settings.centre, settings.spread
    if settings.distribution == "uniform":
        # c + s * ((2i + 1) / n - 1), rounded half up, in integers: floor((2cn + 2s(2i + 1 - n) + n) / 2n)
        raw = [(2 * c * n + 2 * s * (2 * i + 1 - n) + n) // (2 * n) for i in range(n)]
    else:
        raw = [math.floor(c + s * z + 0.5) for z in normal_scores(n)]
    return tuple(max(0, t) for t in raw)


# --- the cascade --------------------------------------------------------------------------------


def run(settings: Settings | None = None, **changes) -> Result:
    """Run the cascade to its end.

    A unit goes over in round r when ``100 * defected(r - 1) >= units * (threshold - drop)``,
    where ``drop`` is the broadcast's lowering when it is in force in round r.  The run stops at
    the first round in which nobody moves and no broadcast is still to come or just heard (that
    round is not listed), or when every unit has gone over.
    """
    settings = Settings(**{**(settings.as_dict() if settings else {}), **changes})
    limits = thresholds(settings)
    n = settings.units
    defected = initial_count(settings)
    gone = [False] * len(limits)  # the units still to decide, lowest threshold first
    rounds = [Round(0, defected, defected, False)]
    r = 0
    while defected < n:
        r += 1
        broadcast = settings.signal and r >= settings.signal_round
        drop = settings.signal_drop if broadcast else 0
        movers = [i for i, t in enumerate(limits) if not gone[i] and 100 * defected >= n * (t - drop)]
        pending = settings.signal and r < settings.signal_round
        if not movers and not pending and not (broadcast and r == settings.signal_round):
            break
        for i in movers:
            gone[i] = True
        defected += len(movers)
        rounds.append(Round(r, len(movers), defected, broadcast))
    return Result(settings, limits, tuple(rounds))


def smallest_initial_that_tips(settings: Settings | None = None, **changes) -> int | None:
    """The smallest initial share (whole percent) with which the cascade tips, or None."""
    base = Settings(**{**(settings.as_dict() if settings else {}), **changes})
    for initial in range(LIMITS["initial"][1] + 1):
        if run(base, initial=initial).tipped:
            return initial
    return None


def smallest_drop_that_tips(settings: Settings | None = None, **changes) -> int | None:
    """The smallest broadcast drop (points) with which the cascade tips, or None."""
    base = Settings(**{**(settings.as_dict() if settings else {}), **changes})
    for drop in range(LIMITS["signal_drop"][1] + 1):
        if run(base, signal=True, signal_drop=drop).tipped:
            return drop
    return None


# --- words --------------------------------------------------------------------------------------


def percent(count: int, units: int) -> int:
    """count / units in whole percent, rounded half up (the same integers in the front end)."""
    return (200 * count + units) // (2 * units)


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def describe(result: Result) -> str:
    """The state in words (``Result.summary``; the same words as the front end's ``summary``)."""
    s = result.settings
    n = s.units
    d = result.defected
    last = result.last_round
    start = result.rounds[0].new
    parts = []
    if result.everyone:
        when = "at the start" if last == 0 else f"by round {last}"
        parts.append(f"The cascade tips: all {n} units have defected {when}.")
    elif result.tipped:
        parts.append(
            f"The cascade tips: {d} of {n} units ({percent(d, n)}%) have defected when it stops after round {last}."
        )
    else:
        needed = n // 2 + 1
        parts.append(
            f"The cascade stalls: {d} of {n} units ({percent(d, n)}%) have defected when it stops "
            f"after round {last}; a majority needs {needed}."
        )
    parts.append(f"At the start {plural(start, 'unit', 'units')} ({percent(start, n)}%) defected.")
    if s.signal:
        if result.broadcast_heard:
            moved = sum(r.new for r in result.rounds if r.round == s.signal_round)
            parts.append(
                f"The broadcast in round {s.signal_round} lowered every threshold by "
                f"{plural(s.signal_drop, 'point', 'points')}; {plural(moved, 'unit', 'units')} went over in that round."
            )
        else:
            parts.append(f"Every unit had defected before the broadcast due in round {s.signal_round}.")
    return " ".join(parts)

