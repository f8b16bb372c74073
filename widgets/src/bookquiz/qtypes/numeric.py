"""Numeric: the learner types a number, graded with a tolerance.

A wrong number gets the bank's hint (all ``hints`` ranges carry one text, which the bank lint
checks, and a number outside every range gets that text too) or, without hints, one neutral line
(:func:`out_of_range`); never "too high" or "too low": a direction
would let a learner who knows nothing find the answer by halving the interval.  Two tries
(``tries``); then only "Show answer".  The browser's numeric.js says the same.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from ..base import QuestionBase, Result, Strict, Text, format_number


def out_of_range(value: float) -> str:
    return f"{format_number(value)} is not within the accepted range."


class NumericHint(Strict):
    min: float
    max: float
    text: Text  # the misconception an answer in [min, max] reveals


class Numeric(QuestionBase):
    description = "types a number (graded with a tolerance)"
    tries = 2  # attempts that count; then only "Show answer" (the browser's tries: 2)
    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(ge=0)
    unit: str = ""
    hints: list[NumericHint] = Field(default_factory=list)
    public = {**QuestionBase.public, "unit": True}

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

    def check(self, response: Any) -> Result:
        if isinstance(response, bool) or not isinstance(response, int | float):
            raise TypeError("numeric responses are numbers")
        value = float(response)
        if not math.isfinite(value):
            raise ValueError("not a finite number")
        if abs(value - self.answer) <= self.tolerance + 1e-9:
            return Result(True)
        for hint in self.hints:
            if hint.min <= value <= hint.max:
                return Result(False, [hint.text])
        # Outside every range: the same hint, so its presence never tells which side the answer is.
        return Result(False, [self.hints[0].text if self.hints else out_of_range(value)])

    def key_lines(self) -> list[str]:
        unit = f" {self.unit}" if self.unit else ""
        tol = f" (within {format_number(self.tolerance)})" if self.tolerance else ""
        return [f"{format_number(self.answer)}{unit}{tol}"]

    def right_response(self) -> float:
        return self.answer

    def wrong_responses(self) -> list[float]:
        near = [(h.min + h.max) / 2 for h in self.hints]
        return near + [self.answer + self.tolerance + 1, self.answer - self.tolerance - 1]

    def giveaway_texts(self) -> list[str]:
        return [format_number(self.answer)]

    def leak_checks(self) -> list[tuple[str, str, str]]:
        own = [(f"hints.{n}", h.text, key) for n, h in enumerate(self.hints) for key in self.giveaway_texts()]
        return super().leak_checks() + own

    def describe(self, response: Any) -> str:
        return format_number(response) if isinstance(response, int | float) and not isinstance(response, bool) else "?"
