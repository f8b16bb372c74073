"""The course data: loading, validation, derivation and provenance, in one place.

Chapters call ``load("cases")`` and get a checked, typed table, so a bad edit to a CSV fails
loudly with file, row and field instead of drawing a wrong chart.  Parsing and validation run once
per process and file version (the result is cached and a copy handed out), so calling ``load`` in
every cell is cheap.

Modules, one job each:

- :mod:`.package`: the descriptor ``data/datapackage.json``; provenance and chart source lines.
- :mod:`.validate`: Frictionless validation with errors that name file, row and field.
- :mod:`.checks`: the table checks Frictionless lacks (``x-checks`` in the descriptor).
- :mod:`.criteria`: which classes a case's coding allows (the course's defining criteria).
- :mod:`.derive`: rebuilds the derived tables from the upstream datasets (``make data``).
- :mod:`.upstream`: reads the upstream coup and conflict datasets from a path or URL.
- :mod:`.bibliography`: the keys of references.bib, for citation checks.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from .package import citation, names, package_path, read_package, resource, source_line
from .validate import DataValidationError, read_table, validate_package

__all__ = [
    "DataValidationError",
    "citation",
    "load",
    "names",
    "resource",
    "source_line",
    "validate_package",
]


@lru_cache(maxsize=64)
def _load_cached(name: str, package: str, stamp: tuple) -> pd.DataFrame:
    return read_table(name, package)


def load(name: str, package: Path | str | None = None) -> pd.DataFrame:
    """The validated table ``name`` (a resource name in data/datapackage.json) as a DataFrame.

    Raises KeyError for an unknown name and DataValidationError if the file breaks its schema.
    Column types: integers are nullable Int64, dates datetime64 (NaT when empty; BC dates are
    empty, use the *_year columns), the timeline's ``time`` keeps its +03:00 offset, and empty text
    cells are "".
    """
    pkg = package_path(package)
    resource(name, pkg)  # KeyError with the known names
    files = [pkg] + [pkg.parent / r["path"] for r in read_package(pkg)["resources"]]
    stamp = tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files)
    return _load_cached(name, str(pkg), stamp).copy()
