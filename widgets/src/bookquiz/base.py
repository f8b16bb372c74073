"""What every question type shares: field types, the common fields, the grading result and the
contract a question type fulfils.

A question type is one module in :mod:`bookquiz.qtypes` holding one pydantic model that
subclasses :class:`QuestionBase`.  The model is the type's schema; its methods are the type's
rules (grade, answer key lines, a right and typical wrong responses for tests, how a response
reads in words), and class attributes say what the type is (``description``), how many attempts
count (``tries``) and which fields the browser may show before the learner answers
(``public``).  Everything else is sealed (see :mod:`bookquiz.seal`).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
LongText = Annotated[str, Field(min_length=1, max_length=6000)]
# Bloom's levels (revised taxonomy), lowest first.
LEVELS = ("remember", "understand", "apply", "analyse", "evaluate")
Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]

UNREADABLE = "This answer could not be read."
# Fields the browser never needs: they describe the question for authors and instructors.
AUTHORING_FIELDS = {"cite", "level", "concepts", "new_case", "case"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Result:
    """A graded response.

    ``correct`` is True or False, or None for self-assessed (open) answers.  ``feedback`` is
    shown after every attempt and never states the answer; ``details`` (what was left out,
    why, the feedback of an accepted answer) only once the answer is right or shown.
    """

    correct: bool | None
    feedback: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


def format_number(value: float) -> str:
    """Numbers as the front end prints them (``String(Number(x))``): no trailing '.0'."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


class QuestionBase(Strict):
    """The fields and the contract of every question type."""

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

    # One line for README tables and authors: what the learner does.
    description: ClassVar[str] = ""
    # Graded right or wrong (False: self-assessed, reported apart from scores).
    graded: ClassVar[bool] = True
    # The try budget: how many attempts count towards "right eventually" (bookquiz.record); once
    # they are spent the browser offers only "Show answer".  Every graded type sets it, to the
    # same number as its browser twin's `tries`; None (no budget) is for self-assessed types.
    tries: ClassVar[int | None] = None
    # The fields the browser may show before an answer (a pydantic include spec); the rest is sealed.
    public: ClassVar[dict[str, Any]] = {"id": True, "type": True, "prompt": True}

    # --- the rules each type implements -------------------------------------------------
    def check(self, response: Any) -> Result:
        """Grade a response; raise TypeError/ValueError/KeyError if it cannot be read."""
        raise NotImplementedError

    def self_assessed(self, response: Any) -> bool:
        """For self-assessed types (open answers): the response is a finished self-assessment."""
        return False

    def key_lines(self) -> list[str]:
        """The answer as lines of plain text ('Show answer', instructor edition, answer key page)."""
        raise NotImplementedError

    def right_response(self) -> Any:
        """A response that grades as right (tests, demos, simulated classes)."""
        raise NotImplementedError

    def wrong_responses(self) -> list[Any]:
        """Typical wrong responses, most tempting first."""
        raise NotImplementedError

    def describe(self, response: Any) -> str:
        """A response in words (class results)."""
        return json.dumps(response, ensure_ascii=False)

    def displayed(self, rng: random.Random, key_slot: int | None = None) -> QuestionBase:
        """The question as shown: options in their display order (see :mod:`bookquiz.layout`)."""
        return self

    def leak_checks(self) -> list[tuple[str, str, str]]:
        """(where, text shown after a wrong attempt, key text it must not contain), for the lint."""
        return [("hint", self.hint, key) for key in self.giveaway_texts() if self.hint]

    def giveaway_texts(self) -> list[str]:
        """Texts that state the answer (for the lint)."""
        return []

    def option_texts(self) -> tuple[list[str], list[str]] | None:
        """(key texts, distractor texts) of a question with options, for the lint; else None."""
        return None

    # --- shared behaviour ---------------------------------------------------------------
    def grade(self, response: Any) -> Result:
        """Grade one response; an unusable response is simply wrong, never an exception."""
        try:
            result = self.check(response)
        except (TypeError, ValueError, KeyError, AttributeError):
            return Result(False, [UNREADABLE])
        if result.correct is False and self.hint:
            return Result(False, [*result.feedback, self.hint], result.details)
        return result

    def split(self, rng: random.Random, key_slot: int | None = None) -> tuple[dict, dict]:
        """(public, sealed) dicts for the browser: what draws the question, and everything else.

        Lists (options, items, categories) are in display order in both, so the browser merges
        them index by index.  ``public`` holds exactly what each type's ``public`` includes, so
        that include is the rule every type must follow: of those list entries, only texts and
        labels, never ids (authors name ids after what they mean, so a plain id could give the
        answer away).  tests/unit/test_quiz_widget.py checks every bank against it.
        """
        shown = self.displayed(rng, key_slot)
        public = shown.model_dump(mode="json", include=self.public)
        sealed = shown.model_dump(
            mode="json", exclude={**dict.fromkeys(AUTHORING_FIELDS, True), **self.public}, exclude_none=True
        )
        sealed["key"] = self.key_lines()
        return public, sealed
