"""Question banks: YAML files of questions, validated by a pydantic schema.

A bank is one YAML file (one per chapter)::

    bank: ch01                      # id, used as the storage key of learners' answers
    title: "Chapter 1: What is a coup?"
    page: chapters/01_what_is_a_coup   # where the quiz lives (for the progress page)
    questions:
      - id: pt-elements
        type: single                # one of bookquiz.qtypes.QUESTION_TYPES
        prompt: "..."
        options:
          - {id: a, text: "...", correct: true}
          - {id: b, text: "...", misconception: "what choosing this reveals"}
        explanation: "why the answer is right"
        source: "Powell & Thyne (2011), p. 252"   # shown to learners
        cite: [powell2011]                         # BibTeX keys (checked at load time when given)
        level: apply              # remember | understand | apply | analyse | evaluate
        concepts: [position, target]   # what the question tests (course vocabulary)
        new_case: spain-1981      # set when the question is about a case the chapter does not analyse
        case: wagner-2023         # optional: the case (data/cases.csv) whose class the key asserts
        hint: "a nudge shown after a wrong attempt; never the answer"

Each type's own fields are in its module in :mod:`bookquiz.qtypes`.  A bad bank raises
:class:`BankError` naming the file and the question and field (or the line, for YAML errors).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Annotated, Any, Union

import yaml
from pydantic import Field, ValidationError, model_validator

from .base import LEVELS, Slug, Strict, Text
from .qtypes import QUESTION_TYPES, REGISTRY

__all__ = ["LEVELS", "QUESTION_TYPES", "Bank", "BankError", "Question", "load_bank", "parse_bank"]

Question = Annotated[Union[tuple(REGISTRY.values())], Field(discriminator="type")]  # noqa: UP007


class BankError(ValueError):
    """A question bank that does not match the schema; the message names file, question, field."""

    def __init__(self, file: str, question: str | None, field: str | None, message: str):
        self.file, self.question, self.field, self.message = file, question, field, message
        where = [file]
        if question:
            where.append(f"question {question}")
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {message}")


class Bank(Strict):
    bank: Slug
    title: Text
    page: str = ""  # the book page (docname) that shows this bank's quiz
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self):
        ids = [q.id for q in self.questions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"question ids must be unique; repeated: {', '.join(dupes)}")
        return self

    def question(self, question_id: str):
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(f"bank {self.bank!r} has no question {question_id!r}")


def _describe_location(raw: Any, loc: tuple) -> tuple[str | None, str | None]:
    """Turn a pydantic error location into (question label, field name)."""
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        index = loc[1]
        qid = None
        if isinstance(raw, dict) and isinstance(raw.get("questions"), list):
            entries = raw["questions"]
            if index < len(entries) and isinstance(entries[index], dict):
                qid = entries[index].get("id")
        rest = [str(p) for p in loc[2:] if p not in QUESTION_TYPES]
        return _label(qid, index), ".".join(rest) or None
    return None, ".".join(str(p) for p in loc) or None


def _label(question_id: str | None, index: int) -> str:
    return f"'{question_id}' (#{index + 1})" if question_id else f"#{index + 1}"


def check_citations(bank: Bank, known: Collection[str], file: str) -> None:
    """Every ``cite`` key must be in the bibliography."""
    for index, question in enumerate(bank.questions):
        unknown = [key for key in question.cite if key not in known]
        if unknown:
            keys = ", ".join(repr(k) for k in unknown)
            raise BankError(
                file, _label(question.id, index), "cite", f"unknown citation key {keys} (not in the bibliography)"
            )


def parse_bank(raw: Any, file: str = "<bank>", *, known_citations: Collection[str] | None = None) -> Bank:
    """Validate already-parsed YAML/JSON data as a bank; raise :class:`BankError` if it is bad.

    With ``known_citations`` (the bibliography's keys) every ``cite`` key must be one of them.
    """
    if not isinstance(raw, dict):
        raise BankError(file, None, None, "a bank must be a mapping with bank, title and questions")
    try:
        bank = Bank.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        question, field = _describe_location(raw, tuple(first["loc"]))
        message = first["msg"].removeprefix("Value error, ")
        raise BankError(file, question, field, message) from None
    if known_citations is not None:
        check_citations(bank, known_citations, file)
    return bank


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: Any, line: int, first_line: int):
        super().__init__(f"line {line}: key {key!r} appears twice in one mapping (first on line {first_line})")


class UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key repeated in one mapping is an error, not 'last wins'."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                try:
                    if key in seen:
                        raise DuplicateKey(key, line, seen[key])
                    seen[key] = line
                except TypeError:  # an unhashable key: SafeLoader reports it below
                    continue
        return super().construct_mapping(node, deep)


def load_bank(path: str | Path, *, known_citations: Collection[str] | None = None) -> Bank:
    """Read and validate a YAML question bank (see :func:`parse_bank` for ``known_citations``)."""
    path = Path(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=UniqueKeyLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise BankError(str(path), None, None, f"not valid YAML: {exc}") from None
    except UnicodeDecodeError:
        raise BankError(str(path), None, None, "cannot be read: not UTF-8 text") from None
    except OSError as exc:
        raise BankError(str(path), None, None, f"cannot be read: {exc.strerror}") from None
    return parse_bank(raw, str(path), known_citations=known_citations)
