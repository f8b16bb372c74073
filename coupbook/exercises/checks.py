"""Check a learner's answer to one of chapter 7's exercises and say clearly what is wrong.

``check("thai-gaps", gaps, data)`` compares ``gaps`` with the checker's own answer
(:mod:`.reference`) computed from the same ``data`` (:func:`.datasets.open_datasets`), and
returns a :class:`Result` that prints "Correct." or "Not yet." with a hint.  A hint says where to
look, never what the answer is.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import reference

WIDTH = 72


@dataclass(frozen=True)
class Result:
    exercise: str
    passed: bool
    message: str

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        head = "Correct." if self.passed else "Not yet."
        return textwrap.fill(f"{self.exercise}: {head} {self.message}", WIDTH)

    __repr__ = __str__


class NotYet(Exception):
    """Raised by a comparison with the hint to show."""


def _empty(answer) -> bool:
    return answer is None or answer is Ellipsis


def _whole_numbers(answer, what: str) -> list[int]:
    if isinstance(answer, (pd.DataFrame, str, bytes, dict)) or not isinstance(answer, Iterable):
        raise NotYet(f"{what} should be a list (or a pandas Series) of whole numbers.")
    values = pd.Series(list(answer), dtype="object").dropna()
    numbers = pd.to_numeric(values, errors="coerce")
    if numbers.isna().any():
        raise NotYet(f"{what} should hold numbers only.")
    if not np.allclose(numbers, numbers.round()):
        raise NotYet("Give whole years: subtract the years of the events (the year column), not their dates.")
    return numbers.round().astype(int).tolist()


def compare_gaps(answer, expected: list[int], *, events: str) -> str:
    gaps = _whole_numbers(answer, "Your answer")
    if any(g < 0 for g in gaps):
        raise NotYet("Some gaps are negative: sort the events by date before taking differences.")
    if len(gaps) != len(expected):
        raise NotYet(
            f"You have {len(gaps)} gaps. Between n events there are n - 1 gaps: keep only {events}, "
            "and drop the empty first value that .diff() leaves."
        )
    wrong = sum(g != e for g, e in zip(gaps, expected, strict=True))
    if wrong:
        raise NotYet(
            f"{wrong} of your gaps differ from the checker's. Are the events in date order, and only {events}?"
        )
    longest = max(expected)
    return f"{len(expected)} gaps; the longest is {longest} years."


def compare_table(answer, expected: pd.DataFrame) -> str:
    if not isinstance(answer, pd.DataFrame):
        raise NotYet("Your answer should be a DataFrame with one row per country.")
    table = answer.copy()
    if "country" in table.columns:
        table = table.set_index("country")
    missing = [c for c in expected.columns if c not in table.columns]
    if missing:
        raise NotYet(f"Your table needs the columns {', '.join(expected.columns)} (missing: {', '.join(missing)}).")
    if set(table.index) != set(expected.index):
        extra, lacking = set(table.index) - set(expected.index), set(expected.index) - set(table.index)
        parts = []
        if extra:
            parts.append(f"{len(extra)} row(s) for countries or years outside the exercise")
        if lacking:
            parts.append(f"{len(lacking)} of the six countries missing (check the spelling and the years)")
        raise NotYet("Your table has " + " and ".join(parts) + ".")
    for column in expected.columns:
        got = pd.to_numeric(table.loc[expected.index, column], errors="coerce")
        bad = [c for c in expected.index if got[c] != expected.loc[c, column]]
        if bad:
            hint = "count every attempt, failed ones too" if column == "attempts" else "add up the successful column"
            raise NotYet(f"The {column} of {bad[0]} {'and others ' if len(bad) > 1 else ''}differ: {hint}.")
    return f"{int(expected['attempts'].sum())} attempts, {int(expected['successes'].sum())} of them successful."


def _events(answer) -> set[tuple[str, str]]:
    if isinstance(answer, pd.DataFrame):
        if not {"country", "date"} <= set(answer.columns):
            raise NotYet("Your table needs a country column and a date column.")
        pairs = zip(answer["country"], answer["date"], strict=True)
    elif isinstance(answer, Iterable) and not isinstance(answer, (str, bytes)):
        pairs = list(answer)
        if not all(isinstance(p, (tuple, list)) and len(p) == 2 for p in pairs):
            raise NotYet("Give (country, date) pairs, or a DataFrame with country and date columns.")
    else:
        raise NotYet("Give a DataFrame with country and date columns, or a list of (country, date) pairs.")
    return {(str(c), pd.Timestamp(d).strftime("%Y-%m-%d")) for c, d in pairs}


def compare_events(answer, expected: set[tuple[str, str]], *, last_year: int) -> str:
    got = _events(answer)
    if any(int(d[:4]) > last_year for _, d in got):
        raise NotYet(f"The Cline file ends in {last_year}: leave out later events, which it cannot list yet.")
    extra, lacking = got - expected, expected - got
    if extra:
        days = reference.MATCH_DAYS
        raise NotYet(f"{len(extra)} of your events have a Cline event in the same country within {days} days.")
    if lacking:
        raise NotYet(
            f"{len(lacking)} unmatched event(s) missing: compare each date with every Cline date of its country."
        )
    return f"{len(expected)} event(s) have no counterpart in Cline."


def compare_by_row(answer, expected: pd.Series, *, what: str, table: str, example: Callable | None = None) -> str:
    if isinstance(answer, pd.DataFrame):
        raise NotYet(f"Give one column (a Series), not the whole table: {what}.")
    if not isinstance(answer, pd.Series):
        raise NotYet(f"Give a pandas Series with one value per row of {table}: {what}.")
    if not answer.index.equals(expected.index):
        raise NotYet(
            f"Your Series has {len(answer)} rows; the checker expects one per row of {table}, with the same "
            "index (do not reset or sort it)."
        )
    differ = answer.astype(expected.dtype) != expected
    if differ.any():
        where = f" (for example {example(differ.idxmax())})" if example else ""
        raise NotYet(f"{int(differ.sum())} rows differ{where}.")
    return f"all {len(expected)} rows agree."


def compare_rates(answer, expected: pd.Series) -> str:
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    try:
        got = pd.Series(answer, dtype="float64")
    except (TypeError, ValueError):
        raise NotYet(f"Give a Series or dict with the keys {', '.join(expected.index)}.") from None
    if set(got.index) != set(expected.index):
        gave = ", ".join(map(str, got.index))
        raise NotYet(f"Give one share for each of {', '.join(expected.index)} (you gave {gave}).")
    got = got[expected.index]
    if (got > 1).any():
        got = got / 100  # percentages
    if not np.allclose(got, expected, atol=0.0005):
        raise NotYet("Your shares differ: divide the coups followed by an onset by all coups of that outcome.")
    shown = ", ".join(f"{k} {v:.1%}" for k, v in expected.items())
    return f"{shown}."


def compare_ids(answer, expected: set[str]) -> str:
    if isinstance(answer, pd.DataFrame):
        if "coup_id" not in answer.columns:
            raise NotYet("Your table needs the coup_id column.")
        answer = answer["coup_id"]
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        raise NotYet("Give the coup_id values, as a list, a Series or a table with a coup_id column.")
    got = {str(a) for a in answer}
    if got != expected:
        more, fewer = len(got - expected), len(expected - got)
        raise NotYet(f"{more} of yours are not same-day matches and {fewer} are missing: compare codes and dates.")
    return f"{len(expected)} coups began an armed conflict on their first day."


def _cline_example(data):
    return lambda i: f"{data.cline.loc[i, 'country']} {data.cline.loc[i, 'year']}"


CHECKS: dict[str, Callable] = {
    "thai-gaps": lambda a, d: compare_gaps(
        a, reference.thai_gaps(d), events="Thailand's successful coups (successful is True)"
    ),
    "thai-gaps-cline": lambda a, d: compare_gaps(
        a, reference.thai_gaps_cline(d), events="Thailand's realized coups (event_type 'coup')"
    ),
    "sahel-summary": lambda a, d: compare_table(a, reference.sahel_summary(d)),
    "sahel-unmatched": lambda a, d: compare_events(
        a, reference.sahel_unmatched(d), last_year=int(d.cline["year"].max())
    ),
    "gw-codes": lambda a, d: compare_by_row(
        a, reference.gw_codes(d), what="UCDP's code for each event", table="cline", example=_cline_example(d)
    ),
    "coup-onsets": lambda a, d: compare_by_row(
        a,
        reference.coup_onsets(d),
        what="True where an onset followed",
        table="cline without its conspiracies",
        example=_cline_example(d),
    ),
    "onset-rates": lambda a, d: compare_rates(a, reference.onset_rates(d)),
    "onset-rates-pt": lambda a, d: compare_rates(a, reference.onset_rates_pt(d)),
    "same-day": lambda a, d: compare_ids(a, reference.same_day(d)),
}
NEEDS_FULL_PT = {"onset-rates-pt"}


def check(exercise: str, answer, data) -> Result:
    """Check ``answer`` to ``exercise`` against the checker's answer from ``data`` (a Datasets)."""
    if exercise not in CHECKS:
        raise KeyError(f"no exercise {exercise!r}; known: {', '.join(CHECKS)}")
    if _empty(answer):
        return Result(exercise, False, "Your answer is still empty: replace the ... with your code and run the cell.")
    if exercise in NEEDS_FULL_PT and not data.complete("pt"):
        return Result(
            exercise,
            False,
            "This part needs Powell & Thyne's whole file, and the data opened here are the book's extract. "
            "Download the file from the authors and open it with open_datasets(pt=...).",
        )
    try:
        return Result(exercise, True, CHECKS[exercise](answer, data))
    except NotYet as hint:
        return Result(exercise, False, str(hint))
