"""Multiple select: the learner ticks every option that applies.

After a wrong attempt the learner learns how many of the ticked options are right and how many
wrong, never which; the misconceptions and what was left out appear once the answer is right
or shown.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import Result, plural
from ._choice import ChoiceQuestion, Option


def tally(right: int, wrong: int, missed: int) -> str:
    """The learner's choices counted, never named (the browser's multiple.js says the same)."""
    chosen = right + wrong
    if chosen == 0:
        return "You chose no option."
    text = f"Of your {plural(chosen, 'choice')}, {right} {'is' if right == 1 else 'are'} right and {wrong} wrong."
    if missed:
        text += " At least one right option is not chosen yet."
    return text


class MultipleSelect(ChoiceQuestion):
    description = "ticks all options that apply"
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
        if wrong or missed:
            return Result(False, [tally(len(right), len(wrong), len(missed))], details)
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
