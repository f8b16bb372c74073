"""True or false: the learner judges one statement.

One try (``tries = 1``): after a wrong answer the other option is plainly right, so a second try
would measure nothing; the browser then offers only "Show answer" (truefalse.js says the same).
"""

from __future__ import annotations

from typing import Any, Literal

from ..base import QuestionBase, Result, Text


class TrueFalse(QuestionBase):
    description = "picks True or False"
    tries = 1  # after a wrong answer the other one is the key, so only the first try counts
    type: Literal["truefalse"]
    answer: bool
    misconception: Text  # what answering the other way reveals

    def check(self, response: Any) -> Result:
        if not isinstance(response, bool):
            raise TypeError("true/false responses are booleans")
        return Result(True) if response == self.answer else Result(False, [self.misconception])

    def key_lines(self) -> list[str]:
        return ["True" if self.answer else "False"]

    def right_response(self) -> bool:
        return self.answer

    def wrong_responses(self) -> list[bool]:
        return [not self.answer]

    def describe(self, response: Any) -> str:
        return "True" if response is True else "False" if response is False else "(unreadable answer)"
