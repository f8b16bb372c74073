"""Single choice: the learner picks one option (one or more may be accepted, each saying why).

Two tries (``tries``); then only "Show answer" (single.js says the same).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import Result
from ._choice import ChoiceQuestion, Option


class SingleChoice(ChoiceQuestion):
    description = "picks one option"
    tries = 2  # attempts that count; then only "Show answer" (the browser's tries: 2)
    exactly_one = True
    type: Literal["single"]
    options: list[Option] = Field(min_length=2, max_length=8)

    def check(self, response: Any) -> Result:
        chosen = self.option(response)
        if chosen is None:
            return Result(False, ["Choose one option."])
        if not chosen.correct:
            return Result(False, [chosen.misconception])
        return Result(True, [], [chosen.feedback] if chosen.feedback else [])

    def key_lines(self) -> list[str]:
        return [o.text for o in self.options if o.correct]

    def right_response(self) -> str:
        return next(o.id for o in self.options if o.correct)

    def wrong_responses(self) -> list[str]:
        return [o.id for o in self.options if not o.correct]

    def leak_checks(self) -> list[tuple[str, str, str]]:
        keys = self.giveaway_texts()
        shown = [(f"options.{o.id}.misconception", o.misconception) for o in self.options if not o.correct]
        return super().leak_checks() + [(where, text, key) for where, text in shown for key in keys]
