"""Open the three datasets for chapter 7's exercises: the learner's copies, or the book's extracts.

``open_datasets()`` reads each upstream file with the course's loaders
(:mod:`coupbook.data.upstream`) from, in this order: the path or URL given for that dataset, the
folder (path or URL) given for all three, or the upstream folder a maintainer configures
(``upstream.DEFAULT_DIR``, set with the ``COUPBOOK_UPSTREAM`` environment variable).  A file that
was named but cannot be read is an error with a clear message.  Only when nothing was named and
no copy is there does it fall back to the extracts the book ships (``data/derived/``): every Cline
event and UCDP conflict-year, but only some of Powell & Thyne's events
(``data/pt_extract_scope.csv``), which the exercises are built to need.  The frames have the
upstream column names either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..data import load, resource, upstream
from ..data.derive import cline_version

FILES = {"pt": upstream.PT_FILE, "cline": upstream.CLINE_FILE, "ucdp": upstream.UCDP_FILE}
TITLES = {"pt": "Powell & Thyne", "cline": "Cline Center", "ucdp": "UCDP/PRIO"}
READERS = {"pt": upstream.read_powell_thyne, "cline": upstream.read_cline, "ucdp": upstream.read_ucdp_acd}
EXTRACTS = {"pt": "pt_events_extract", "cline": "cline_events", "ucdp": "ucdp_conflict_years"}
CLINE_KINDS = {"coup": "realized", "attempted": "attempted", "conspiracy": "conspiracy"}


@dataclass
class Datasets:
    """The three tables and where each came from (``origin``: a file name, or the extract)."""

    pt: pd.DataFrame
    cline: pd.DataFrame
    ucdp: pd.DataFrame
    origin: dict[str, str] = field(default_factory=dict)

    def complete(self, name: str) -> bool:
        """True when ``name`` ("pt", "cline" or "ucdp") is the whole upstream file, not the extract."""
        return not self.origin[name].startswith("the book's extract")

    def summary(self) -> pd.DataFrame:
        rows = []
        for name in FILES:
            frame = getattr(self, name)
            rows.append(
                {
                    "dataset": TITLES[name],
                    "read from": self.origin[name],
                    "rows": len(frame),
                    "years": f"{frame['year'].min()}–{frame['year'].max()}",
                }
            )
        return pd.DataFrame(rows).set_index("dataset")

    def __repr__(self) -> str:
        return self.summary().to_string()

    def _repr_html_(self) -> str:
        return self.summary().to_html()


def _join(folder: str | Path, name: str) -> str:
    text = str(folder)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        return text.rstrip("/") + "/" + name
    return str(Path(text).expanduser() / name)


def _label(name: str, source: str, frame: pd.DataFrame) -> str:
    base = re.split(r"[/\\]", source.rstrip("/"))[-1]
    if name == "pt":
        version = ";".join(sorted(frame["version"].astype(str).unique()))
    elif name == "cline":
        version = "v" + cline_version(base)
    else:
        version = "v" + ";".join(sorted(frame["version"].astype(str).unique()))
    return f"{base} ({version})"


def _extract_label(name: str) -> str:
    res = resource(EXTRACTS[name])
    version = res["sources"][0]["version"]
    return f"the book's extract data/{res['path']} ({version})"


def pt_from_extract() -> pd.DataFrame:
    frame = load("pt_events_extract").astype({"ccode": "int64", "coup": "int64"})
    frame["year"], frame["month"], frame["day"] = (frame["date"].dt.year, frame["date"].dt.month, frame["date"].dt.day)
    frame["successful"] = frame["coup"] == 2
    return frame[["country", "ccode", "year", "month", "day", "coup", "version", "date", "successful"]]


def cline_from_extract() -> pd.DataFrame:
    frame = load("cline_events").astype({"cowcode": "int64"})
    frame["year"], frame["month"], frame["day"] = (frame["date"].dt.year, frame["date"].dt.month, frame["date"].dt.day)
    for flag in upstream.CLINE_FLAGS:
        frame[flag] = frame["flags"].str.split(";").apply(lambda names, f=flag: int(f in names))
    frame["outcome"] = frame["event_type"].map(CLINE_KINDS)
    columns = ["coup_id", "cowcode", "country", "year", "month", "day", "event_type", *upstream.CLINE_FLAGS]
    return frame[columns + ["outcome", "date", "flags"]]


def ucdp_from_extract() -> pd.DataFrame:
    frame = load("ucdp_conflict_years")
    integers = ["conflict_id", "year", "incompatibility", "type_of_conflict", "intensity_level"]
    frame = frame.astype(dict.fromkeys(integers, "int64"))
    frame["start_date2"] = frame["start_date2"].dt.strftime("%Y-%m-%d")
    frame["territory_name"] = frame["territory_name"].replace("", float("nan"))
    frame["version"] = resource("ucdp_conflict_years")["sources"][0]["version"].lstrip("v")
    return frame


FROM_EXTRACT = {"pt": pt_from_extract, "cline": cline_from_extract, "ucdp": ucdp_from_extract}


def open_datasets(
    folder: str | Path | None = None,
    *,
    pt: str | Path | None = None,
    cline: str | Path | None = None,
    ucdp: str | Path | None = None,
) -> Datasets:
    """The three datasets for the exercises (see the module docstring for where each comes from).

    ``folder`` holds the three files under their usual names (``powell_thyne_coups_final.txt``,
    ``cline_center_coup_data_v2.1.2.csv``, ``ucdp-prio-acd-221.csv``); ``pt``, ``cline`` and
    ``ucdp`` name one file each, as a path or a ``file://``, ``http://`` or ``https://`` URL.
    """
    named = {"pt": pt, "cline": cline, "ucdp": ucdp}
    frames, origin = {}, {}
    for name, filename in FILES.items():
        source = named[name] or (_join(folder, filename) if folder is not None else None)
        if source is None and (upstream.DEFAULT_DIR / filename).is_file():
            source = str(upstream.DEFAULT_DIR / filename)
        if source is None:
            frames[name], origin[name] = FROM_EXTRACT[name](), _extract_label(name)
        else:
            frames[name] = READERS[name](source)
            origin[name] = _label(name, str(source), frames[name])
    return Datasets(frames["pt"], frames["cline"], frames["ucdp"], origin)
