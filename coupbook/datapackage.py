"""Read ``data/datapackage.json`` and validate the course tables against it.

Why a home-made validator: the course ships five small CSV files and must not add a dependency,
yet a typo in a date or a category silently breaks a chart.  This module implements the part of
Frictionless Table Schema the package uses (types string/integer/number/date/datetime/boolean;
constraints required/unique/enum/minimum/maximum/pattern; primaryKey; missingValues) plus a few
named table-level checks listed under a resource's ``x-checks``.  Every problem is reported with
the file, the row (1 = first data row), the row's key and the field, e.g.::

    data/cases.csv, row 7 (case_id 'wagner-2023'), field 'end_date': end is before start (2023-06-22 < 2023-06-23)
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .bibliography import bib_keys
from .paths import DATA_DIR

DEFAULT_PACKAGE = DATA_DIR / "datapackage.json"
_INTEGER = re.compile(r"^[+-]?\d+$")


class DataValidationError(ValueError):
    """A table does not match its schema; ``errors`` lists every problem, one line each."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        more = f"\n({len(self.errors)} problems)" if len(self.errors) > 1 else ""
        super().__init__("\n".join(self.errors) + more)


def _key(path: Path | str | None) -> tuple[str, int]:
    path = Path(path or DEFAULT_PACKAGE).resolve()
    return str(path), path.stat().st_mtime_ns


@lru_cache(maxsize=16)
def _read_descriptor(path: str, mtime: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def read_package(path: Path | str | None = None) -> dict:
    """The parsed datapackage.json (cached until the file changes). Do not mutate the result."""
    return _read_descriptor(*_key(path))


def resource(name: str, package: Path | str | None = None) -> dict:
    """The resource entry called ``name``; a KeyError lists the names that exist."""
    resources = read_package(package)["resources"]
    for res in resources:
        if res["name"] == name:
            return res
    names = ", ".join(r["name"] for r in resources)
    raise KeyError(f"no resource {name!r} in the data package; known: {names}")


# --- cell parsing -------------------------------------------------------------------------------


def _parse(value: str, type_: str):
    """Convert one non-empty cell; ValueError with a reader-friendly reason if it does not fit."""
    if type_ == "string":
        return value
    if type_ == "integer":
        if not _INTEGER.match(value):
            raise ValueError(f"not an integer: {value!r}")
        return int(value)
    if type_ == "number":
        try:
            return float(value)
        except ValueError:
            raise ValueError(f"not a number: {value!r}") from None
    if type_ == "date":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not a valid date (YYYY-MM-DD): {value!r}") from None
    if type_ == "datetime":
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not a valid datetime (ISO 8601): {value!r}") from None
        if parsed.tzinfo is None:
            raise ValueError(f"datetime has no UTC offset: {value!r}")
        return parsed
    if type_ == "boolean":
        if value.lower() in {"true", "1", "yes"}:
            return True
        if value.lower() in {"false", "0", "no"}:
            return False
        raise ValueError(f"not a boolean: {value!r}")
    raise ValueError(f"unsupported field type {type_!r} in the schema")


def _constraint_errors(value, raw: str, constraints: dict) -> list[str]:
    problems = []
    if "enum" in constraints and raw not in constraints["enum"]:
        allowed = ", ".join(constraints["enum"])
        problems.append(f"{raw!r} is not one of the allowed values ({allowed})")
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], raw):
        problems.append(f"{raw!r} does not match the pattern {constraints['pattern']}")
    if "minimum" in constraints and value < constraints["minimum"]:
        problems.append(f"{raw} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and value > constraints["maximum"]:
        problems.append(f"{raw} is above the maximum {constraints['maximum']}")
    return problems


# --- table-level checks ---------------------------------------------------------------------------
# Each check gets the parsed rows (dicts of Python values, None when empty) and its configuration,
# and yields (row index, field, message).  Names are what datapackage.json lists under x-checks.


def _end_not_before_start(rows, cfg, _ctx):
    for i, row in enumerate(rows):
        start, end = row.get(cfg["start_date"]), row.get(cfg["end_date"])
        if start is not None and end is not None:
            if end < start:
                yield i, cfg["end_date"], f"end is before start ({end.isoformat()} < {start.isoformat()})"
            continue
        sy, ey = row.get(cfg.get("start_year", "")), row.get(cfg.get("end_year", ""))
        if sy is not None and ey is not None and ey < sy:
            yield i, cfg["end_year"], f"end is before start ({ey} < {sy})"


def _year_matches_date(rows, cfg, _ctx):
    for i, row in enumerate(rows):
        for year_field, date_field in cfg["pairs"]:
            year, date = row.get(year_field), row.get(date_field)
            if year is not None and date is not None and date.year != year:
                yield i, year_field, f"{year} does not match {date_field} {date.isoformat()}"


def _duration_matches(rows, cfg, _ctx):
    for i, row in enumerate(rows):
        start, end, days = row.get(cfg["start_date"]), row.get(cfg["end_date"]), row.get(cfg["duration"])
        if start is not None and end is not None and days is not None:
            expected = max(1, (end - start).days)
            if days != expected:
                yield i, cfg["duration"], f"{days} days, but {start} to {end} is {expected}"


def _has_source(rows, cfg, _ctx):
    for i, row in enumerate(rows):
        for name in cfg["fields"]:
            value = row.get(name)
            if value is None or not str(value).strip():
                yield i, name, "every row needs a source: this cell is empty"


def _cite_keys_exist(rows, cfg, ctx):
    # A package copied elsewhere (as the tests do) brings its bibliography; otherwise use the project's.
    keys = bib_keys(ctx["base"].parent) or bib_keys()
    for i, row in enumerate(rows):
        for key in (row.get(cfg["field"]) or "").split(";"):
            if key and key not in keys:
                yield i, cfg["field"], f"unknown BibTeX key {key!r} (not in references*.bib)"


def _sequence(rows, cfg, _ctx):
    for i, row in enumerate(rows):
        if row.get(cfg["field"]) != i + 1:
            yield i, cfg["field"], f"expected {i + 1} (steps must run 1, 2, 3, ...), got {row.get(cfg['field'])}"


def _ascending(rows, cfg, _ctx):
    field = cfg["field"]
    for i in range(1, len(rows)):
        before, now = rows[i - 1].get(field), rows[i].get(field)
        if before is not None and now is not None and now < before:
            yield i, field, f"out of order: {now.isoformat()} is earlier than the previous row ({before.isoformat()})"


def _not_greater(rows, cfg, _ctx):
    for i, row in enumerate(rows):
        small, big = row.get(cfg["field"]), row.get(cfg["than"])
        if small is not None and big is not None and small > big:
            yield i, cfg["field"], f"{small} is greater than {cfg['than']} ({big})"


CHECKS = {
    "end-not-before-start": _end_not_before_start,
    "year-matches-date": _year_matches_date,
    "duration-matches": _duration_matches,
    "has-source": _has_source,
    "cite-keys-exist": _cite_keys_exist,
    "sequence": _sequence,
    "ascending": _ascending,
    "not-greater": _not_greater,
}


# --- validation ---------------------------------------------------------------------------------------


def _where(label: str, index: int, raw_row: dict, key: list[str]) -> str:
    ident = ", ".join(f"{k} {raw_row.get(k, '')!r}" for k in key)
    return f"{label}, row {index + 1}" + (f" ({ident})" if ident else "")


def validate_resource(name: str, package: Path | str | None = None) -> list[dict]:
    """Read and check one table; returns its rows as dicts of Python values (None for empty cells).

    Raises DataValidationError listing every problem found (header, cells, keys, table checks).
    """
    pkg_path = Path(package or DEFAULT_PACKAGE).resolve()
    res = resource(name, pkg_path)
    schema = res["schema"]
    fields = schema["fields"]
    missing = set(schema.get("missingValues", [""]))
    csv_path = pkg_path.parent / res["path"]
    label = f"{pkg_path.parent.name}/{res['path']}"
    key = schema.get("primaryKey", [])
    if isinstance(key, str):
        key = [key]
    if not csv_path.exists():
        raise DataValidationError([f"{label}: file not found ({csv_path})"])
    with csv_path.open(newline="", encoding=res.get("encoding", "utf-8")) as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        raw_rows = list(reader)
    expected = [f["name"] for f in fields]
    if header != expected:
        lost = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = f"missing {lost}" if lost else ""
        detail += ("; " if detail and extra else "") + (f"unexpected {extra}" if extra else "")
        raise DataValidationError([f"{label}, header: columns do not match the schema ({detail or 'wrong order'})"])

    errors: list[str] = []
    rows: list[dict] = []
    raw_dicts: list[dict] = []
    seen: dict[str, dict] = {f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")}
    seen_keys: dict[tuple, int] = {}
    for index, cells in enumerate(raw_rows):
        raw = dict(zip(expected, cells, strict=False))
        raw_dicts.append(raw)
        where = _where(label, index, raw, key)
        if len(cells) != len(expected):
            errors.append(f"{where}: has {len(cells)} cells, the schema has {len(expected)} fields")
            rows.append({})
            continue
        row = {}
        for field in fields:
            fname, text = field["name"], raw[field["name"]]
            constraints = field.get("constraints", {})
            if text in missing:
                row[fname] = None
                if constraints.get("required"):
                    errors.append(f"{where}, field '{fname}': required value is missing")
                continue
            try:
                value = _parse(text, field.get("type", "string"))
            except ValueError as exc:
                errors.append(f"{where}, field '{fname}': {exc}")
                row[fname] = None
                continue
            row[fname] = value
            errors.extend(f"{where}, field '{fname}': {p}" for p in _constraint_errors(value, text, constraints))
            if fname in seen:
                if text in seen[fname]:
                    errors.append(
                        f"{where}, field '{fname}': duplicate value {text!r} (also in row {seen[fname][text]})"
                    )
                else:
                    seen[fname][text] = index + 1
        if key and not (len(key) == 1 and key[0] in seen):  # a unique field already reports duplicates
            kv = tuple(raw[k] for k in key)
            if kv in seen_keys:
                fields_txt = "', '".join(key)
                errors.append(f"{where}, field '{fields_txt}': duplicate primary key (also in row {seen_keys[kv]})")
            else:
                seen_keys[kv] = index + 1
        rows.append(row)

    context = {"base": pkg_path.parent, "label": label}
    for cfg in res.get("x-checks", []):
        check = CHECKS.get(cfg["check"])
        if check is None:
            errors.append(f"{label}: unknown table check {cfg['check']!r} in datapackage.json")
            continue
        for index, fname, message in check([r for r in rows], cfg, context):
            errors.append(f"{_where(label, index, raw_dicts[index], key)}, field '{fname}': {message}")
    if errors:
        raise DataValidationError(errors)
    return rows


def to_frame(rows: list[dict], fields: list[dict]) -> pd.DataFrame:
    """Typed DataFrame: integers as nullable Int64, dates as datetime64 (NaT when empty),
    datetimes keep their UTC offset, empty strings stay "" so string methods always work."""
    columns = {}
    for field in fields:
        name, type_ = field["name"], field.get("type", "string")
        values = [row.get(name) for row in rows]
        if type_ == "integer":
            columns[name] = pd.array(values, dtype="Int64")
        elif type_ == "number":
            columns[name] = pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
        elif type_ == "date":
            columns[name] = pd.to_datetime(pd.Series([pd.NaT if v is None else v for v in values]))
        elif type_ == "datetime":
            columns[name] = pd.Series([pd.NaT if v is None else pd.Timestamp(v) for v in values])
        elif type_ == "boolean":
            columns[name] = pd.array(values, dtype="boolean")
        else:
            columns[name] = pd.Series(["" if v is None else v for v in values], dtype="object")
    return pd.DataFrame(columns)


def read_table(name: str, package: Path | str | None = None) -> pd.DataFrame:
    """Validate one table and return it as a typed DataFrame."""
    rows = validate_resource(name, package)
    return to_frame(rows, resource(name, package)["schema"]["fields"])


def validate_package(package: Path | str | None = None) -> None:
    """Validate every table; one DataValidationError with the problems of all tables."""
    errors = []
    for res in read_package(package)["resources"]:
        try:
            validate_resource(res["name"], package)
        except DataValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise DataValidationError(errors)
