"""Table checks that Frictionless does not have, named under a resource's ``x-checks``.

Each check gets the typed rows of one table (dicts of Python values, None for an empty cell; rows
with the wrong number of cells are left out as None), its configuration from datapackage.json and
a context (the package folder), and yields ``(row index, field, message)``.
"""

from __future__ import annotations

from collections.abc import Iterator

from .bibliography import bib_keys
from .criteria import contradiction

Problem = tuple[int, str, str]


def _rows(rows):
    return ((i, row) for i, row in enumerate(rows) if row is not None)


def end_not_before_start(rows, cfg, _ctx) -> Iterator[Problem]:
    for i, row in _rows(rows):
        start, end = row.get(cfg["start_date"]), row.get(cfg["end_date"])
        if start is not None and end is not None:
            if end < start:
                yield i, cfg["end_date"], f"end is before start ({end.isoformat()} < {start.isoformat()})"
            continue
        sy, ey = row.get(cfg.get("start_year", "")), row.get(cfg.get("end_year", ""))
        if sy is not None and ey is not None and ey < sy:
            yield i, cfg["end_year"], f"end is before start ({ey} < {sy})"


def year_matches_date(rows, cfg, _ctx) -> Iterator[Problem]:
    for i, row in _rows(rows):
        for year_field, date_field in cfg["pairs"]:
            year, date = row.get(year_field), row.get(date_field)
            if year is not None and date is not None and date.year != year:
                yield i, year_field, f"{year} does not match {date_field} {date.isoformat()}"


def duration_matches(rows, cfg, _ctx) -> Iterator[Problem]:
    """The duration rule (data/README.md): end minus start, 1 within a day, empty while ongoing."""
    for i, row in _rows(rows):
        start, end, days = row.get(cfg["start_date"]), row.get(cfg["end_date"]), row.get(cfg["duration"])
        ongoing = row.get(cfg["end_year"]) is None
        if ongoing and days is not None:
            yield i, cfg["duration"], f"{days} days, but the case has no end (ongoing): leave it empty"
        elif not ongoing and days is None:
            yield i, cfg["duration"], "missing: the case has an end, so it needs a duration"
        elif start is not None and end is not None and days is not None:
            expected = max(1, (end - start).days)
            if days != expected:
                yield i, cfg["duration"], f"{days} days, but {start} to {end} is {expected}"


def has_source(rows, cfg, _ctx) -> Iterator[Problem]:
    for i, row in _rows(rows):
        for name in cfg["fields"]:
            value = row.get(name)
            if value is not None and not str(value).strip():
                yield i, name, "every row needs a source: this cell is blank"


def cite_keys_exist(rows, cfg, ctx) -> Iterator[Problem]:
    # A package copied elsewhere (as the tests do) brings its bibliography; otherwise use the project's.
    keys = bib_keys(ctx["base"].parent) or bib_keys()
    for i, row in _rows(rows):
        for key in (row.get(cfg["field"]) or "").split(";"):
            if key and key not in keys:
                yield i, cfg["field"], f"unknown BibTeX key {key!r} (not in references*.bib)"


def sequence(rows, cfg, _ctx) -> Iterator[Problem]:
    for i, row in _rows(rows):
        if row.get(cfg["field"]) != i + 1:
            yield i, cfg["field"], f"expected {i + 1} (steps must run 1, 2, 3, ...), got {row.get(cfg['field'])}"


def ascending(rows, cfg, _ctx) -> Iterator[Problem]:
    field, before = cfg["field"], None
    for i, row in _rows(rows):
        now = row.get(field)
        comparable = before is not None and now is not None and _aware(before) == _aware(now)
        if comparable and now < before:
            yield i, field, f"out of order: {now.isoformat()} is earlier than the previous row ({before.isoformat()})"
        before = now if now is not None else before


def _aware(value) -> bool:
    return getattr(value, "tzinfo", None) is not None


def not_greater(rows, cfg, _ctx) -> Iterator[Problem]:
    for i, row in _rows(rows):
        small, big = row.get(cfg["field"]), row.get(cfg["than"])
        if small is not None and big is not None and small > big:
            yield i, cfg["field"], f"{small} is greater than {cfg['than']} ({big})"


def class_follows_criteria(rows, cfg, _ctx) -> Iterator[Problem]:
    """course_class must follow from position, target, illegal, overt and actor (criteria.py)."""
    needed = ("position", "target", "illegal", "overt", "actor", "course_class")
    for i, row in _rows(rows):
        if all(row.get(f) is not None for f in needed):
            problem = contradiction(row)
            if problem:
                yield i, cfg.get("field", "course_class"), problem


CHECKS = {
    "end-not-before-start": end_not_before_start,
    "year-matches-date": year_matches_date,
    "duration-matches": duration_matches,
    "has-source": has_source,
    "cite-keys-exist": cite_keys_exist,
    "sequence": sequence,
    "ascending": ascending,
    "not-greater": not_greater,
    "class-follows-criteria": class_follows_criteria,
}
