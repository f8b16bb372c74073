"""Validate the course tables against ``data/datapackage.json`` with Frictionless, and say clearly
what is wrong.

Frictionless reads each CSV and checks types, constraints (required, unique, enum, minimum,
maximum, pattern), primary keys and foreign keys (a case's country and code must be a pair in
``countries.csv``).  This module turns its findings into one line per problem that names the file,
the row (1 = first data row), the row's key and the field, e.g.::

    data/cases.csv, row 18 (case_id 'wagner-2023'), field 'end_date': end is before start (2023-06-22 < 2023-06-23)

and adds what Frictionless lacks: a readable message for a file that is not UTF-8 (a byte-order
mark is fine: Excel's "CSV UTF-8" writes one), one error for a row with a missing or extra cell
(and no follow-on errors for it), strict ``YYYY-MM-DD`` dates and datetimes with a UTC offset,
and the table checks of :mod:`coupbook.data.checks` listed under a resource's ``x-checks``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from frictionless import FrictionlessException, Package

from .checks import CHECKS
from .package import package_path, read_package, resource

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
POSITION = re.compile(r"position \"?(\d+)\"?")
CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"$', re.S)
TYPE_HINTS = {
    "integer": "not an integer",
    "number": "not a number",
    "date": "not a valid date (YYYY-MM-DD)",
    "datetime": "not a valid datetime (ISO 8601 with a UTC offset, e.g. 2023-06-24T10:00:00+03:00)",
    "boolean": "not a boolean",
}


class DataValidationError(ValueError):
    """A table does not match its schema; ``errors`` lists every problem, one line each."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        more = f"\n({len(self.errors)} problems)" if len(self.errors) > 1 else ""
        super().__init__("\n".join(self.errors) + more)


def _utf8_problem(path: Path, label: str) -> str | None:
    """A message if the file is not UTF-8 (with or without a byte-order mark), else None."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return (
            f"{label}: the file is not UTF-8 (line {line}: byte 0x{raw[exc.start]:02x} cannot be read as UTF-8; "
            "a spreadsheet probably saved it as Latin-1 or Windows-1252). Save it again as 'CSV UTF-8'."
        )
    return None


def _where(label: str, number: int, cells: list[str], header: list[str], key: list[str]) -> str:
    values = dict(zip(header, cells, strict=False))
    ident = ", ".join(f"{k} {values.get(k, '')!r}" for k in key)
    return f"{label}, row {number}" + (f" ({ident})" if ident else "")


def _cell_message(error, raw: str, field: dict) -> str:
    """One Frictionless cell error as a sentence."""
    if error.type == "type-error":
        return f"{TYPE_HINTS.get(field.get('type', 'string'), 'not valid')}: {raw!r}"
    match = CONSTRAINT.search(error.note)
    name = match.group(1) if match else ""
    constraints = field.get("constraints", {})
    if name == "required":
        return "required value is missing"
    if name == "enum":
        return f"{raw!r} is not one of the allowed values ({', '.join(map(str, constraints['enum']))})"
    if name == "pattern":
        return f"{raw!r} does not match the pattern {constraints['pattern']}"
    if name == "minimum":
        return f"{raw} is below the minimum {constraints['minimum']}"
    if name == "maximum":
        return f"{raw} is above the maximum {constraints['maximum']}"
    return f"{raw!r}: {error.note}"


class _Lookups:
    """The rows of referenced tables, for messages about foreign keys (read once per validation)."""

    def __init__(self, package: Package):
        self.package, self.cache = package, {}

    def values(self, name: str, fields: list[str]) -> list[tuple]:
        if name not in self.cache:
            self.cache[name] = self.package.get_resource(name).read_rows()
        return [tuple(row[f] for f in fields) for row in self.cache[name]]


def _foreign_key_message(fk: dict, row, lookups: _Lookups, pkg_desc: dict) -> tuple[str, str]:
    fields, ref = fk["fields"], fk["reference"]
    fields = [fields] if isinstance(fields, str) else fields
    ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
    target = next(r for r in pkg_desc["resources"] if r["name"] == ref["resource"])
    where = f"data/{target['path']}"
    values = [row[f] for f in fields]
    table = lookups.values(ref["resource"], ref_fields)
    first = [v for v in table if v[0] == values[0]]
    if not first:
        return fields[0], f"{values[0]!r} is not in {where} (column {ref_fields[0]!r})"
    if len(fields) == 1:
        return fields[0], f"{values[0]!r} is not in {where}"
    known = ", ".join("none" if v[1] is None else str(v[1]) for v in first)
    shown = "empty" if values[1] is None else values[1]
    return fields[1], f"{shown} does not match {values[0]!r}: {where} gives {ref_fields[1]} {known}"


def _row_messages(row, fields, pkg_desc, res_desc, lookups) -> list[tuple[str | None, str]]:
    """(field, message) for each problem Frictionless found in one row."""
    schema = res_desc["schema"]
    by_name = {f["name"]: f for f in fields}
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    single_unique_key = len(key) == 1 and by_name[key[0]].get("constraints", {}).get("unique")
    out = []
    for error in row.errors:
        if error.type in {"type-error", "constraint-error"}:
            raw = error.cell
            out.append((error.field_name, _cell_message(error, raw, by_name[error.field_name])))
        elif error.type == "unique-error":
            raw = error.cell
            other = int(POSITION.search(error.note).group(1)) - 1
            out.append((error.field_name, f"duplicate value {raw!r} (also in row {other})"))
        elif error.type == "primary-key":
            if not single_unique_key:
                other = int(POSITION.search(error.note).group(1)) - 1
                out.append(("', '".join(key), f"duplicate primary key (also in row {other})"))
        elif error.type == "foreign-key":
            for fk in schema.get("foreignKeys", []):
                fk_fields = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
                if ", ".join(fk_fields) in error.note:
                    out.append(_foreign_key_message(fk, row, lookups, pkg_desc))
        else:
            out.append((getattr(error, "field_name", None), error.note or error.title))
    return out


def _strict_text(row, fields) -> list[tuple[str, str]]:
    """What Frictionless accepts but the course does not: 2023-6-3 as a date, a datetime without offset."""
    out = []
    for position, field in enumerate(fields):
        raw, value = row.cells[position], row[field["name"]]
        if value is None or raw == "":
            continue
        if field.get("type") == "date" and not DATE.match(raw):
            out.append((field["name"], f"{TYPE_HINTS['date']}: {raw!r}"))
        if field.get("type") == "datetime" and not OFFSET.search(raw):
            out.append((field["name"], f"datetime has no UTC offset (write e.g. +03:00): {raw!r}"))
    return out


def _read(name: str, pkg: Path) -> tuple[list[dict | None], list[str]]:
    """Typed rows (None for a row with the wrong number of cells) and every problem found."""
    pkg_desc = read_package(pkg)
    res_desc = resource(name, pkg)
    fields = res_desc["schema"]["fields"]
    expected = [f["name"] for f in fields]
    key = res_desc["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    label = f"{pkg.parent.name}/{res_desc['path']}"
    path = pkg.parent / res_desc["path"]
    if not path.is_file():
        raise DataValidationError([f"{label}: file not found ({path})"])
    problem = _utf8_problem(path, label)
    if problem:
        raise DataValidationError([problem])
    errors: list[str] = []
    rows: list[dict | None] = []
    raw_rows: list[list[str]] = []
    try:
        package = Package(str(pkg))
        lookups = _Lookups(package)
        with package.get_resource(name) as table:
            header = list(table.header.labels)
            if header != expected:
                lost = [c for c in expected if c not in header]
                extra = [c for c in header if c not in expected]
                detail = "; ".join(
                    filter(None, [f"missing {lost}" if lost else "", f"unexpected {extra}" if extra else ""])
                )
                raise DataValidationError(
                    [f"{label}, header: columns do not match the schema ({detail or 'wrong order'})"]
                )
            for row in table.row_stream:
                number = row.row_number - 1
                cells = [str(c) if c is not None else "" for c in row.cells]
                raw_rows.append(cells)
                where = _where(label, number, cells, expected, key)
                if any(e.type in {"missing-cell", "extra-cell"} for e in row.errors):
                    errors.append(f"{where}: has {len(cells)} cells, the schema has {len(expected)} fields")
                    rows.append(None)
                    continue
                found = _row_messages(row, fields, pkg_desc, res_desc, lookups) + _strict_text(row, fields)
                errors.extend(f"{where}, field '{f}': {m}" if f else f"{where}: {m}" for f, m in found)
                rows.append(row.to_dict())
    except FrictionlessException as exc:
        where = f"{pkg.parent.name}/{pkg.name}" if exc.error.type == "package-error" else label
        raise DataValidationError([f"{where}: cannot be read ({exc.error.note or exc.error.message})"]) from None
    context = {"base": pkg.parent, "label": label}
    for cfg in res_desc.get("x-checks", []):
        check = CHECKS.get(cfg["check"])
        if check is None:
            errors.append(f"{label}: unknown table check {cfg['check']!r} in datapackage.json")
            continue
        for index, field, message in check(rows, cfg, context):
            errors.append(f"{_where(label, index + 1, raw_rows[index], expected, key)}, field '{field}': {message}")
    return rows, errors


def validate_resource(name: str, package: Path | str | None = None) -> list[dict]:
    """Read and check one table; returns its rows as dicts of Python values (None for empty cells).

    Raises DataValidationError listing every problem found.
    """
    rows, errors = _read(name, package_path(package))
    if errors:
        raise DataValidationError(errors)
    return rows


def to_frame(rows: list[dict], fields: list[dict]) -> pd.DataFrame:
    """Typed DataFrame: integers as nullable Int64, numbers float, dates datetime64 (NaT when empty),
    datetimes keep their UTC offset, empty strings stay "" so string methods always work."""
    columns = {}
    for field in fields:
        name, type_ = field["name"], field.get("type", "string")
        values = [row.get(name) for row in rows]
        if type_ == "integer":
            columns[name] = pd.array(values, dtype="Int64")
        elif type_ == "number":
            columns[name] = pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
        elif type_ == "date":
            columns[name] = pd.to_datetime(pd.Series([pd.NaT if v is None else v for v in values], dtype="object"))
        elif type_ == "datetime":
            columns[name] = pd.Series([pd.NaT if v is None else pd.Timestamp(v) for v in values])
        elif type_ == "boolean":
            columns[name] = pd.array(values, dtype="boolean")
        else:
            columns[name] = pd.Series(["" if v is None else v for v in values], dtype="object")
    return pd.DataFrame(columns)


def read_table(name: str, package: Path | str | None = None) -> pd.DataFrame:
    """Validate one table and return it as a typed DataFrame."""
    return to_frame(validate_resource(name, package), resource(name, package)["schema"]["fields"])


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
