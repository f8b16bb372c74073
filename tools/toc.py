"""The book's documents as its table of contents (_toc.yml) lists them; no build needed.

Some pages exist only in the instructor edition (the answer key, class results): _toc.yml names
them under ``meta: instructor_only``, and :func:`edition_toc` leaves them out of the student
edition's table of contents, so that edition neither builds nor links them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("student", "instructor")


def read_toc(root: Path = ROOT) -> dict:
    return yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))


def instructor_only(root: Path = ROOT) -> list[str]:
    """The documents built only in the instructor edition (``meta: instructor_only`` in _toc.yml)."""
    return list((read_toc(root).get("meta") or {}).get("instructor_only") or [])


def edition_toc(root: Path = ROOT, edition: str = "instructor") -> dict:
    """The table of contents of an edition: the student edition's lacks the instructor-only pages."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {', '.join(EDITIONS)}, not {edition!r}")
    toc = read_toc(root)
    if edition == "instructor":
        return toc
    dropped = set(instructor_only(root))
    if toc["root"] in dropped:
        raise ValueError("_toc.yml: the root page cannot be instructor-only")

    def keep(entries):
        kept = []
        for entry in entries or []:
            if entry.get("file") in dropped:
                continue
            entry = dict(entry)
            for key in ("chapters", "sections"):
                if key in entry:
                    entry[key] = keep(entry[key])
                    if not entry[key]:
                        del entry[key]
            kept.append(entry)
        return kept

    if "parts" in toc:
        parts = [{**part, "chapters": keep(part.get("chapters"))} for part in toc["parts"]]
        toc["parts"] = [part for part in parts if part["chapters"]]
    if "chapters" in toc:
        toc["chapters"] = keep(toc["chapters"])
    return toc


def toc_files(root: Path = ROOT, edition: str = "instructor") -> list[str]:
    """Every document in an edition's table of contents, without suffix (``chapters/01_what_is_a_coup``).

    The default, the instructor edition, is every document of _toc.yml.
    """
    toc = edition_toc(root, edition)
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("chapters"))
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def toc_notebooks(root: Path = ROOT, edition: str = "instructor") -> list[Path]:
    """The .ipynb files among them (the documents a build executes)."""
    return [root / f"{name}.ipynb" for name in toc_files(root, edition) if (root / f"{name}.ipynb").is_file()]
