"""The data package descriptor, ``data/datapackage.json``: its resources and their provenance.

Every chart's source line comes from here (:func:`source_line`): the upstream datasets a table is
built from, each with its version and coverage, are written once, in the ``sources`` of the
resources, and nowhere in code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..paths import DATA_DIR

DEFAULT_PACKAGE = DATA_DIR / "datapackage.json"


def package_path(package: Path | str | None = None) -> Path:
    return Path(package or DEFAULT_PACKAGE).resolve()


@lru_cache(maxsize=16)
def _read_descriptor(path: str, mtime: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def read_package(package: Path | str | None = None) -> dict:
    """The parsed datapackage.json (cached until the file changes). Do not mutate the result."""
    path = package_path(package)
    return _read_descriptor(str(path), path.stat().st_mtime_ns)


def names(package: Path | str | None = None) -> list[str]:
    """The resource names in the data package, in their listed order."""
    return [r["name"] for r in read_package(package)["resources"]]


def resource(name: str, package: Path | str | None = None) -> dict:
    """The resource entry called ``name``; a KeyError lists the names that exist."""
    resources = read_package(package)["resources"]
    for res in resources:
        if res["name"] == name:
            return res
    raise KeyError(f"no resource {name!r} in the data package; known: {', '.join(r['name'] for r in resources)}")


def citation(name: str, package: Path | str | None = None) -> str:
    """How to cite the table, as written in its ``x-citation``."""
    res = resource(name, package)
    return res.get("x-citation") or res.get("title", name)


def provenance(name: str, package: Path | str | None = None) -> list[dict]:
    """The sources of a table: title, and for upstream datasets their ``version`` and ``coverage``."""
    return list(resource(name, package).get("sources", []))


def describe_source(source: dict) -> str:
    """'<title>, <version> (<coverage>)' from a source entry of datapackage.json."""
    text = source["title"]
    if source.get("version"):
        text += f", {source['version']}"
    if source.get("coverage"):
        text += f" ({source['coverage']})"
    return text


def source_line(*tables: str, package: Path | str | None = None, note: str = "") -> str:
    """A 'Source: ...' line for under a chart built from ``tables`` (resource names).

    Lists each distinct dataset once, with version and coverage, then the course's data files and
    ``note`` (e.g. the sources of a table's rows, or how the chart treats BC dates).  A source marked
    ``x-omit`` ("the sources cited in each row", "this course") is left out: the data file names it.
    """
    if not tables:
        raise ValueError("source_line needs at least one table name")
    seen: list[str] = []
    for name in tables:
        for source in provenance(name, package):
            if source.get("x-omit"):
                continue
            text = describe_source(source)
            if text not in seen:
                seen.append(text)
    files = ", ".join(f"data/{resource(name, package)['path']}" for name in tables)
    parts = ["; ".join(seen) + "." if seen else "", note.strip(), f"Data: {files}."]
    return "Source: " + " ".join(p for p in parts if p)
