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
