"""Exported answers: the JSON file a learner downloads and an instructor collects.

Version 2, written by the static book's progress page (``storage.js``) and by
:func:`export_answers`::

    {"format": "bookquiz-answers", "version": 2, "namespace": "...",
     "learner": {"id": "<random id>", "name": "<optional alias>"},
     "exported_at": "2026-11-24T10:00:00Z",
     "banks": {"<bank>": {"<question>": {
         "attempts": [{"response": ..., "correct": true, "at": "2026-11-24T09:58:12Z"}],
         "revealed": false, "revealed_at": null}}}}

Every attempt is kept, in order.  Showing the answer locks the question, so no attempt comes after
``revealed_at``.  A response depends on the question type: single: an option id; multiple: a list
of option ids; truefalse: a boolean; classify: ``{item id: category id}``; order: a list of item
ids; numeric: a number; open: ``{"text": "...", "met": [criterion indices], "assessed": true}`` with
``correct`` null (self-assessed, never graded; ``assessed``, absent in older files, is set once
the learner submitted the self-assessment).  ``correct`` is what the browser showed; class results grade
every response again and never trust it.

Version 1 files (``{"response", "correct", "attempts": <count>, "revealed"}`` per question) are
converted when read (:func:`entry_from_v1`): the response becomes the last of ``attempts`` tries
and the earlier tries are kept with an unknown (null) response, so a version 1 first try is known
to be right only when there was one attempt.

Limits, so that no file can crash a report (a file over any limit is refused with an error that
names the file and the field): at most 1 MB (:data:`MAX_FILE_BYTES`, checked before reading);
:data:`MAX_ATTEMPTS` attempts per question; numbers finite and within ±1e12; ids as in the banks
(lower-case letters, digits, ``-`` and ``_``, at most 64 characters); lists and mappings of at most
50 ids; open answers of at most 10,000 characters; learner id 100 and name 200 characters; 100
banks of at most 500 questions.  Text is UTF-8 (with or without a byte-order mark) or UTF-16 with
a byte-order mark; anything else gets an error saying to save the file as UTF-8.
"""

from __future__ import annotations

import codecs
import json
import math
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from .bank import Slug

FORMAT = "bookquiz-answers"
VERSION = 2
MAX_FILE_BYTES = 1_000_000
MAX_ATTEMPTS = 200
MAX_NUMBER = 1e12
MAX_IDS = 50  # ids in one multiple, order or classify response
MAX_OPEN_TEXT = 10_000
MAX_CRITERIA = 20
MAX_DIGITS = 30  # longer integer literals are read as infinite, then refused with the field named
ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class AnswerFileError(ValueError):
    """An answer file that cannot be used; the message names the file and the problem."""

    def __init__(self, file: str, message: str):
        self.file, self.message = file, message
        super().__init__(f"{file}: {message}")


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(ID.match(value))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def check_response(value: Any) -> Any:
    """Accept only the shapes a question type produces, each bounded; raise ValueError otherwise."""
    if value is None or isinstance(value, bool):
        return value  # None: an unknown response (an earlier try of a version 1 entry)
    if isinstance(value, int | float):
        if not (isinstance(value, int) or math.isfinite(value)) or abs(value) > MAX_NUMBER:
            raise ValueError(f"a number must be finite and between -{MAX_NUMBER:g} and {MAX_NUMBER:g}")
        return value
    if isinstance(value, str):
        if not _is_id(value):
            raise ValueError(f"{_shown(value)} is not an option, item or category id")
        return value
    if isinstance(value, list):
        if len(value) > MAX_IDS or not all(_is_id(v) for v in value):
            raise ValueError(f"a list response holds at most {MAX_IDS} option or item ids")
        return value
    if isinstance(value, dict):
        if {"text", "met"} <= set(value) <= {"text", "met", "assessed"} and isinstance(value["met"], list):
            return _check_open(value)
        if len(value) > MAX_IDS or not all(_is_id(k) and _is_id(v) for k, v in value.items()):
            raise ValueError(f"a classify response maps at most {MAX_IDS} item ids to category ids")
        return value
    raise ValueError("a response must be an id, a list of ids, true or false, a number or a mapping")


def _check_open(value: dict) -> dict:
    text, met = value["text"], value["met"]
    if not isinstance(text, str) or len(text) > MAX_OPEN_TEXT:
        raise ValueError(f"an open answer's text is a string of at most {MAX_OPEN_TEXT} characters")
    if not all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < MAX_CRITERIA for i in met):
        raise ValueError(f"an open answer's met lists criterion numbers from 0 to {MAX_CRITERIA - 1}")
    if len(set(met)) != len(met):
        raise ValueError("an open answer's met lists each criterion once")
    if not isinstance(value.get("assessed", False), bool):
        raise ValueError("an open answer's assessed is true or false")
    return value


def _as_utc(moment: datetime) -> datetime:
    """Times without a zone are read as UTC, so that every time in a class compares."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


Response = Annotated[Any, AfterValidator(check_response)]
UtcTime = Annotated[datetime, AfterValidator(_as_utc)]


class Attempt(BaseModel):
    model_config = ConfigDict(extra="ignore")
    response: Response = None
    correct: bool | None = None  # as the browser graded it; never trusted
    at: UtcTime | None = None  # None when unknown (converted from version 1)


class AnswerEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")
    attempts: list[Attempt] = Field(default_factory=list, max_length=MAX_ATTEMPTS)
    revealed: bool = False
    revealed_at: UtcTime | None = None

    @property
    def response(self) -> Any:
        """The last response (None when there is none)."""
        return self.attempts[-1].response if self.attempts else None

    @property
    def correct(self) -> bool | None:
        """The browser's verdict on the last response (for display; class results regrade)."""
        return self.attempts[-1].correct if self.attempts else None


class Learner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=100)
    name: str = Field(default="", max_length=200)


class _Document(BaseModel):
    """What both versions share: everything but the entries."""

    model_config = ConfigDict(extra="forbid")
    format: Literal["bookquiz-answers"]
    namespace: str = Field(max_length=100)
    learner: Learner
    exported_at: UtcTime


class AnswerFile(_Document):
    version: Literal[2]
    banks: dict[Slug, Annotated[dict[Slug, AnswerEntry], Field(max_length=500)]] = Field(max_length=100)
    _read_version: int = PrivateAttr(default=VERSION)

    @property
    def read_version(self) -> int:
        """The version of the file as it was read (1 for a converted version 1 file)."""
        return self._read_version


class AnswerEntryV1(BaseModel):
    model_config = ConfigDict(extra="ignore")
    response: Response = None
    correct: bool | None = None
    attempts: int = Field(default=0, ge=0, le=MAX_ATTEMPTS)
    revealed: bool = False


class AnswerFileV1(_Document):
    version: Literal[1]
    banks: dict[Slug, Annotated[dict[Slug, AnswerEntryV1], Field(max_length=500)]] = Field(max_length=100)


def entry_from_v1(entry: dict) -> dict:
    """A version 1 entry as a version 2 entry: earlier tries have an unknown response and time."""
    response = entry.get("response")
    count = int(entry.get("attempts") or 0)
    last = [{"response": response, "correct": entry.get("correct"), "at": None}] if response is not None else []
    unknown = [{"response": None, "correct": None, "at": None}] * max(0, count - len(last))
    return {"attempts": unknown + last, "revealed": bool(entry.get("revealed")), "revealed_at": None}


def as_v2_entry(entry: dict) -> dict:
    """An entry of either version (the live widget's ``quiz.answers``) as a version 2 entry."""
    return dict(entry) if isinstance(entry.get("attempts"), list) else entry_from_v1(entry)


def answer_document(namespace: str, learner_id: str, name: str, banks: dict[str, dict[str, Any]]) -> dict:
    """An export document (version 2) for already-collected answers of either version."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "namespace": namespace,
        "learner": {"id": learner_id, "name": name},
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "banks": {b: {q: as_v2_entry(e) for q, e in entries.items()} for b, entries in banks.items()},
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
    parse_answer_document(document, path.name)  # never write a file the instructor cannot read
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# --- reading ------------------------------------------------------------------------------


class _NotJSON(ValueError):
    pass


def _reject_constant(name: str):
    raise _NotJSON(f"{name} is not allowed in JSON")


def _bounded_int(text: str) -> int | float:
    # Python refuses integers of more than 4300 digits with a bare ValueError; anything this long
    # is out of every range anyway, so it becomes infinite and the field check names it.
    if len(text.lstrip("-")) <= MAX_DIGITS:
        return int(text)
    return -math.inf if text.startswith("-") else math.inf


def _too_big(size: int) -> str:
    return f"is larger than the {MAX_FILE_BYTES / 1e6:g} MB limit ({size / 1e6:.1f} MB)"


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark."""
    advice = "save it as UTF-8"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise AnswerFileError(name, f"is UTF-32 text, which this book does not read; {advice}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise AnswerFileError(name, f"is not valid UTF-16 text (position {exc.start}); {advice}") from None
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data:
        guess = "it has zero bytes: UTF-16 without a byte-order mark?"
        raise AnswerFileError(name, f"is not UTF-8 text ({guess}); {advice}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at position {exc.start}"
        raise AnswerFileError(name, f"is not UTF-8 text ({where}); {advice}") from None


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "file"
    return f"field '{where}': {first['msg'].removeprefix('Value error, ')}"


def parse_answer_document(raw: Any, name: str) -> AnswerFile:
    """Validate a parsed document of either version; version 1 is converted to version 2."""
    if not isinstance(raw, dict):
        raise AnswerFileError(name, "is not an answer file (the JSON is not an object)")
    if raw.get("format") != FORMAT:
        raise AnswerFileError(name, f"field 'format': not a {FORMAT} file")
    version = raw.get("version")
    try:
        if version == 2:
            return AnswerFile.model_validate(raw)
        if version == 1:
            old = AnswerFileV1.model_validate(raw)
            converted = old.model_dump(mode="json")
            converted["version"] = VERSION
            converted["banks"] = {
                b: {q: entry_from_v1(e) for q, e in entries.items()} for b, entries in converted["banks"].items()
            }
            answers = AnswerFile.model_validate(converted)
            answers._read_version = 1
            return answers
    except ValidationError as exc:
        raise AnswerFileError(name, _first_error(exc)) from None
    raise AnswerFileError(name, f"field 'version': unsupported version {_shown(version)} (this book reads 1 and 2)")


def read_answer_bytes(data: bytes, name: str) -> AnswerFile:
    """Decode, parse and validate the bytes of one answer file; raise :class:`AnswerFileError`."""
    if len(data) > MAX_FILE_BYTES:
        raise AnswerFileError(name, _too_big(len(data)))
    text = decode_text(data, name)
    try:
        raw = json.loads(text, parse_int=_bounded_int, parse_constant=_reject_constant)
    except _NotJSON as exc:
        raise AnswerFileError(name, f"is not JSON ({exc})") from None
    except json.JSONDecodeError as exc:
        raise AnswerFileError(name, f"is not JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise AnswerFileError(name, "is not JSON this book reads (nested too deeply)") from None
    return parse_answer_document(raw, name)


def read_answer_file(path: str | Path) -> AnswerFile:
    """Read and validate one exported answer file; raise :class:`AnswerFileError` if unusable.

    The size is checked before anything is read, so a huge file costs no memory.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AnswerFileError(path.name, _too_big(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise AnswerFileError(path.name, f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    return read_answer_bytes(data, path.name)
