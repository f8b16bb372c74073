"""Question banks: YAML files of questions, validated by a pydantic schema.

A bank is one YAML file (one per chapter)::

    bank: ch01                      # id, used as the storage key of learners' answers
    title: "Chapter 1: What is a coup?"
    page: chapters/01_what_is_a_coup   # where the quiz lives (for the progress page)
    questions:
      - id: pt-elements
        type: single                # single | multiple | truefalse | classify | order | numeric
        prompt: "..."
        options:
          - {id: a, text: "...", correct: true}
          - {id: b, text: "...", misconception: "what choosing this reveals"}
        explanation: "why the answer is right"
        source: "Powell & Thyne (2011), p. 252"   # shown to learners
        cite: [powell2011]                         # BibTeX keys (checked by the course's tests)
        level: apply              # remember | understand | apply | analyse | evaluate
        concepts: [position, target]   # what the question tests (course vocabulary)
        new_case: spain-1981      # set when the question is about a case the chapter does not analyse
        case: wagner-2023         # optional: the case (data/cases.csv) whose class the key asserts
        hint: "a nudge shown after a wrong attempt; never the answer"

A bad bank raises :class:`BankError` naming the file, the question and the field.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
LongText = Annotated[str, Field(min_length=1, max_length=6000)]
# Bloom's levels (revised taxonomy), lowest first.
LEVELS = ("remember", "understand", "apply", "analyse", "evaluate")
Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]


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


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    id: Slug
    text: Text
    correct: bool = False
    misconception: Text | None = None  # required for wrong options: what choosing it reveals
    feedback: Text | None = None  # for a correct option: why it is right (required when several are)


class QuestionBase(Strict):
    id: Slug
    prompt: Text
    explanation: Text
    source: Text
    cite: list[Slug] = Field(default_factory=list)
    level: Level | None = None
    concepts: list[Slug] = Field(default_factory=list)
    new_case: Slug | None = None  # a case the chapter does not analyse (a sourced vignette)
    case: Slug | None = None  # the course case (data/cases.csv) the question is about
    hint: Text | None = None  # shown after a wrong attempt; must not give the answer away


def check_options(options: list[Option], *, exactly_one: bool) -> None:
    ids = [o.id for o in options]
    if len(set(ids)) != len(ids):
        raise ValueError("option ids must be unique")
    n_correct = sum(o.correct for o in options)
    if n_correct < 1:
        raise ValueError("at least one option must be correct")
    if exactly_one and n_correct > 1:
        # A single-choice question may accept several defensible answers, each saying why.
        unexplained = [o.id for o in options if o.correct and not o.feedback]
        if unexplained:
            raise ValueError(f"several options are correct, so each needs feedback: {', '.join(unexplained)}")
    missing = [o.id for o in options if not o.correct and not o.misconception]
    if missing:
        raise ValueError(f"wrong options need a misconception: {', '.join(missing)}")


class ChoiceQuestion(QuestionBase):
    exactly_one: ClassVar[bool]
    options: list[Option]

    @field_validator("options")
    @classmethod
    def _check(cls, options):
        check_options(options, exactly_one=cls.exactly_one)
        return options


class SingleChoice(ChoiceQuestion):
    exactly_one = True
    type: Literal["single"]
    options: list[Option] = Field(min_length=2, max_length=8)


class MultipleSelect(ChoiceQuestion):
    exactly_one = False
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2, max_length=10)


class TrueFalse(QuestionBase):
    type: Literal["truefalse"]
    answer: bool
    misconception: Text  # what answering the other way reveals


class Category(Strict):
    id: Slug
    label: Text


class ClassifyItem(Strict):
    id: Slug
    text: Text
    category: Slug
    case: Slug | None = None  # the course case this item names, when the category is its class
    why: Text  # shown when the learner puts this item in the wrong category
    misconceptions: dict[Slug, Text] = Field(default_factory=dict)  # per wrong category


class Classify(QuestionBase):
    type: Literal["classify"]
    categories: list[Category] = Field(min_length=2, max_length=8)
    items: list[ClassifyItem] = Field(min_length=2, max_length=12)

    @field_validator("categories")
    @classmethod
    def _unique_categories(cls, categories):
        if len({c.id for c in categories}) != len(categories):
            raise ValueError("category ids must be unique")
        return categories

    @field_validator("items")
    @classmethod
    def _check_items(cls, items, info: ValidationInfo):
        if len({i.id for i in items}) != len(items):
            raise ValueError("item ids must be unique")
        known = {c.id for c in info.data.get("categories", [])}
        for item in items:
            if item.category not in known:
                raise ValueError(f"item {item.id!r} has unknown category {item.category!r}")
            stray = set(item.misconceptions) - known
            if stray:
                raise ValueError(f"item {item.id!r} has misconceptions for unknown categories {sorted(stray)}")
        return items


class OrderItem(Strict):
    id: Slug
    text: Text


class Order(QuestionBase):
    type: Literal["order"]
    items: list[OrderItem] = Field(min_length=3, max_length=10)  # in the correct order

    @field_validator("items")
    @classmethod
    def _check(cls, items):
        if len({i.id for i in items}) != len(items):
            raise ValueError("item ids must be unique")
        return items


class NumericHint(Strict):
    min: float
    max: float
    text: Text  # the misconception an answer in [min, max] reveals


class Numeric(QuestionBase):
    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(ge=0)
    unit: str = ""
    hints: list[NumericHint] = Field(default_factory=list)

    @field_validator("hints")
    @classmethod
    def _check(cls, hints, info: ValidationInfo):
        answer = info.data.get("answer")
        for hint in hints:
            if hint.min > hint.max:
                raise ValueError(f"hint range {hint.min}..{hint.max} is empty")
            if answer is not None and hint.min <= answer <= hint.max:
                raise ValueError(f"hint range {hint.min}..{hint.max} contains the answer")
        return hints


class OpenAnswer(QuestionBase):
    """Reasoning in the learner's own words, then self-assessment against a checklist (not graded)."""

    type: Literal["open"]
    explanation: Text | None = None
    model_answer: LongText
    criteria: list[Text] = Field(min_length=3, max_length=5)  # the checklist the learner ticks
    strong_example: LongText | None = None  # exemplar answers the learner may open afterwards
    weak_example: LongText | None = None


Question = Annotated[
    SingleChoice | MultipleSelect | TrueFalse | Classify | Order | Numeric | OpenAnswer,
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single", "multiple", "truefalse", "classify", "order", "numeric", "open")


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


def display_order(question: Order) -> list[str]:
    """A fixed shuffle of an order question's items that never shows the answer itself.

    Seeded by the question id so that every build and every test shows the same order.
    """
    ids = [item.id for item in question.items]
    seed = int.from_bytes(hashlib.sha256(question.id.encode()).digest()[:8], "big")
    rng = random.Random(seed)
    shuffled = ids[:]
    while shuffled == ids:
        rng.shuffle(shuffled)
    return shuffled


def _describe_location(raw: Any, loc: tuple) -> tuple[str | None, str | None]:
    """Turn a pydantic error location into (question label, field name)."""
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        index = loc[1]
        qid = None
        if isinstance(raw, dict) and isinstance(raw.get("questions"), list):
            entries = raw["questions"]
            if index < len(entries) and isinstance(entries[index], dict):
                qid = entries[index].get("id")
        label = f"'{qid}' (#{index + 1})" if qid else f"#{index + 1}"
        rest = [str(p) for p in loc[2:] if p not in QUESTION_TYPES]
        return label, ".".join(rest) or None
    return None, ".".join(str(p) for p in loc) or None


def parse_bank(raw: Any, file: str = "<bank>") -> Bank:
    """Validate already-parsed YAML/JSON data as a bank; raise :class:`BankError` if it is bad."""
    if not isinstance(raw, dict):
        raise BankError(file, None, None, "a bank must be a mapping with bank, title and questions")
    try:
        return Bank.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        question, field = _describe_location(raw, tuple(first["loc"]))
        message = first["msg"].removeprefix("Value error, ")
        raise BankError(file, question, field, message) from None


def load_bank(path: str | Path) -> Bank:
    """Read and validate a YAML question bank."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BankError(str(path), None, None, f"not valid YAML: {exc}") from None
    except OSError as exc:
        raise BankError(str(path), None, None, f"cannot be read: {exc.strerror}") from None
    return parse_bank(raw, str(path))
