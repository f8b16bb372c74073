"""Multiple select: the learner ticks every option that applies.

After a wrong attempt nothing is counted (counts of right and wrong choices let a learner
eliminate options): the learner sees the misconception of each wrong option ticked or, when
every ticked option is right, that something right is still missing.  What was left out appears
once the answer is right or shown.  Two tries (``tries``); then only "Show answer".  The
browser's multiple.js says the same.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import Result
from ._choice import ChoiceQuestion, Option

NO_CHOICE = "You chose no option."
MISSING = "Not yet: something right is still missing — reread the question and the options."


class MultipleSelect(ChoiceQuestion):
    description = "ticks all options that apply"
    tries = 2  # attempts that count; then only "Show answer" (the browser's tries: 2)
    exactly_one = False
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2, max_length=10)

    def check(self, response: Any) -> Result:
        if not isinstance(response, list) or not all(isinstance(r, str) for r in response):
            raise TypeError("multiple-select responses are lists of option ids")
        chosen = set(response)
        wrong = [o for o in self.options if o.id in chosen and not o.correct]
        right = [o for o in self.options if o.id in chosen and o.correct]
        missed = [o.text for o in self.options if o.correct and o.id not in chosen]
        details = [o.misconception for o in wrong] + [o.feedback for o in right if o.feedback]
        if missed:
            details.append("You left out: " + "; ".join(missed))
        if not chosen:
            return Result(False, [NO_CHOICE], details)
        if wrong:
            return Result(False, [o.misconception for o in wrong], details)
        if missed:
            return Result(False, [MISSING], details)
        return Result(True, [], details)

    def key_lines(self) -> list[str]:
        return [o.text for o in self.options if o.correct]

    def right_response(self) -> list[str]:
        return [o.id for o in self.options if o.correct]

    def wrong_responses(self) -> list[list[str]]:
        right = self.right_response()
        added = [right + [o.id] for o in self.options if not o.correct]
        dropped = [[r for r in right if r != o] for o in right]
        return added + [d for d in dropped if d]
