"""Chapter 7's exercises on the event-level data: open the datasets, check an answer.

- :mod:`.datasets`: ``open_datasets()`` reads Powell & Thyne, the Cline Center and UCDP/PRIO from
  the learner's files (a folder, a path or a URL each), or falls back to the book's extracts.
- :mod:`.reference`: the checker's own answers, computed from the data opened.
- :mod:`.checks`: ``check(exercise, answer, data)`` says "Correct." or "Not yet." with a hint.

The checker is a small module rather than an autograder such as otter-grader: see data/README.md
("Chapter 7's exercises") for why.
"""

from __future__ import annotations

from .checks import CHECKS, Result, check
from .datasets import Datasets, open_datasets
from .reference import SAHEL

__all__ = ["CHECKS", "SAHEL", "Datasets", "Result", "check", "open_datasets"]
