"""Exported answers: the JSON file a learner downloads and an instructor collects.

The same format comes from the static book's progress page (``storage.js``,
``exportDocument``) and from Python (:func:`export_answers`)::

    {"format": "bookquiz-answers", "version": 2, "namespace": "...",
     "learner": {"id": "<random id of the learner>", "name": "<optional alias>"},
     "exported_at": "2026-11-24T10:00:00Z",
     "banks": {"<bank>": {"<question>": {
         "attempts": [{"response": ..., "correct": true, "at": "2026-11-24T09:58:00Z"}],
         "revealed": false, "revealed_at": null}}}}

(see :mod:`bookquiz.record` for what an entry counts for).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .bank import Slug

FORMAT = "bookquiz-answers"
VERSION = 2


class AnswerFileError(ValueError):
    """An answer file that cannot be used; the message names the file and the problem."""

    def __init__(self, file: str, message: str):
        self.file, self.message = file, message
        super().__init__(f"{file}: {message}")


class Attempt(BaseModel):
    model_config = ConfigDict(extra="ignore")
    response: Any = None
    correct: bool | None = None
    at: datetime | None = None


class AnswerEntry(BaseModel):
    # Version 2 (attempts is a list); the version 1 fields are still read until class results
    # moves to version 2.
    model_config = ConfigDict(extra="ignore")
    attempts: list[Attempt] | Annotated[int, Field(ge=0)] = 0
    revealed: bool = False
    revealed_at: datetime | None = None
    response: Any = None  # version 1
    correct: bool | None = None  # version 1


class Learner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=100)
    name: str = Field(default="", max_length=200)


class AnswerFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["bookquiz-answers"]
    version: Literal[1, 2]
    namespace: str
    learner: Learner
    exported_at: datetime
    banks: dict[Slug, dict[Slug, AnswerEntry]]


def answer_document(namespace: str, learner_id: str, name: str, banks: dict[str, dict[str, Any]]) -> dict:
    """An export document (the format above) for already-collected answers."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "namespace": namespace,
        "learner": {"id": learner_id, "name": name},
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "banks": banks,
    }


def build_export(
    quizzes: Iterable, *, name: str = "", learner_id: str | None = None, namespace: str | None = None
) -> dict:
    """The export document for live quizzes (answers merged per bank)."""
    quizzes = list(quizzes)
    banks: dict[str, dict[str, Any]] = {}
    for quiz in quizzes:
        banks.setdefault(quiz.bank_id, {}).update(quiz.answers)
    namespace = namespace or (quizzes[0].namespace if quizzes else "bookquiz")
    return answer_document(namespace, learner_id or str(uuid.uuid4()), name, banks)


def export_answers(quizzes: Iterable, path: str | Path, **kwargs) -> Path:
    """Write the learner's answers in live quizzes to a JSON file and return its path."""
    path = Path(path)
    document = build_export(quizzes, **kwargs)
    AnswerFile.model_validate(document)  # never write a file the instructor cannot read
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def read_answer_file(path: str | Path) -> AnswerFile:
    """Read and validate one exported answer file; raise :class:`AnswerFileError` if unusable."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswerFileError(path.name, f"cannot be read ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise AnswerFileError(path.name, f"is not JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        return AnswerFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise AnswerFileError(path.name, f"field '{where}': {first['msg']}") from None
