"""The course tables as validated pandas DataFrames: ``from coupbook.data import load``.

Chapters call ``load("cases")`` and get a checked, typed table, so a bad edit to a CSV fails loudly
with file, row and field instead of drawing a wrong chart.  Parsing and validation run once per
process and file version (the result is cached and a copy handed out), so calling ``load`` in
every cell is cheap.  ``resource`` and ``citation`` give the source line to print under a chart.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .datapackage import DEFAULT_PACKAGE, DataValidationError, read_package, read_table
from .datapackage import resource as _resource

__all__ = ["DataValidationError", "citation", "load", "names", "resource", "source_line"]


def _package(package: Path | str | None) -> Path:
    return Path(package or DEFAULT_PACKAGE).resolve()


def names(package: Path | str | None = None) -> list[str]:
    """The resource names in the data package, in their listed order."""
    return [r["name"] for r in read_package(_package(package))["resources"]]


def resource(name: str, package: Path | str | None = None) -> dict:
    """The datapackage.json entry for ``name`` (title, description, sources, licences, schema)."""
    return _resource(name, _package(package))


def citation(name: str, package: Path | str | None = None) -> str:
    """How to cite the table, as written in its ``x-citation``."""
    res = resource(name, package)
    return res.get("x-citation") or res.get("title", name)


def source_line(name: str, package: Path | str | None = None) -> str:
    """A short 'Source: ...' line for under a chart: the source titles and the data file."""
    res = resource(name, package)
    titles = "; ".join(s["title"] for s in res.get("sources", []) if s.get("title"))
    return f"Source: {titles}. Data: data/{res['path']}."


@lru_cache(maxsize=32)
def _load_cached(name: str, package: str, stamp: tuple) -> pd.DataFrame:
    return read_table(name, package)


def load(name: str, package: Path | str | None = None) -> pd.DataFrame:
    """The validated table ``name`` (a resource name in data/datapackage.json) as a DataFrame.

    Raises KeyError for an unknown name and DataValidationError if the file breaks its schema.
    Column types: integers are nullable Int64, dates datetime64 (NaT when empty; BC dates are
    empty, use the *_year columns), the timeline's ``time`` keeps its +03:00 offset, and empty text
    cells are "".
    """
    pkg = _package(package)
    res = resource(name, pkg)
    csv_path = pkg.parent / res["path"]
    stamp = (os.stat(pkg).st_mtime_ns, os.stat(csv_path).st_mtime_ns if csv_path.exists() else 0)
    return _load_cached(name, str(pkg), stamp).copy()
