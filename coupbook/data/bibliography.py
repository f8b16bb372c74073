"""The keys of the course bibliography, for the checks that every citation points at a real entry
(data rows, quiz questions, chapter text and chart notes all cite by BibTeX key)."""

from __future__ import annotations

import re
from pathlib import Path

from ..paths import ROOT

ENTRY_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.M)


def bib_keys(folder: Path | str = ROOT) -> set[str]:
    """Every entry key in the ``references*.bib`` files of ``folder`` (the project root by default)."""
    files = sorted(Path(folder).glob("references*.bib"))
    return set(ENTRY_KEY.findall("\n".join(f.read_text(encoding="utf-8") for f in files)))


def authors(keys: list[str], folder: Path | str = ROOT) -> list[str]:
    """Short author names of the entries ``keys``, each once, in order: 'TASS', 'Powell & Thyne'.

    Used for chart source lines that name the outlets or authors of a table's rows.
    """
    from pybtex.database import parse_string  # sphinxcontrib-bibtex's own BibTeX parser

    files = sorted(Path(folder).glob("references*.bib"))
    entries = parse_string("\n".join(f.read_text(encoding="utf-8") for f in files), "bibtex").entries
    names = []
    for key in keys:
        people = entries[key].persons.get("author", [])
        last = [" ".join(p.last_names).replace("{", "").replace("}", "") for p in people]
        names.append(" & ".join(last) if len(last) < 3 else f"{last[0]} et al.")
    return list(dict.fromkeys(n for n in names if n))
