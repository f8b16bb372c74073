"""The front-end code of the widgets: ES modules concatenated into one anywidget ``_esm``.

anywidget loads ``_esm`` as a single module from a blob URL (in JupyterLab and in the static
book alike), so it cannot import sibling files.  The parts are kept as separate files, each
with one job and testable on its own (``grading.js`` is imported by the parity test), and are
joined here in dependency order.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

STATIC = Path(__file__).parent / "static"
SHARED_PARTS = ("storage.js", "grading.js", "quiz.js")


@cache
def esm(default_export: str) -> str:
    """The widget module whose default export is ``quizView`` or ``progressView``."""
    parts = list(SHARED_PARTS)
    if default_export == "progressView":
        parts.append("progress.js")
    elif default_export != "quizView":
        raise ValueError(f"unknown view {default_export!r}")
    source = "\n".join((STATIC / part).read_text(encoding="utf-8") for part in parts)
    return f"{source}\nexport default {default_export};\n"


@cache
def css() -> str:
    return (STATIC / "quiz.css").read_text(encoding="utf-8")
