"""Options shared by the single-choice and multiple-select types."""

from __future__ import annotations

import random
from typing import Any, ClassVar

from pydantic import field_validator

from ..base import QuestionBase, Slug, Strict, Text


class Option(Strict):
    id: Slug
    text: Text
    correct: bool = False
    misconception: Text | None = None  # required for wrong options: what choosing it reveals
    feedback: Text | None = None  # for a correct option: why it is right (required when several are)


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
    """A question whose learner picks among options (shuffled for display)."""

    exactly_one: ClassVar[bool]
    options: list[Option]
    # Option ids are sealed: authors name them after what they mean ("coup", "coup-speed").
    public: ClassVar[dict[str, Any]] = {**QuestionBase.public, "options": {"__all__": {"text"}}}

    @field_validator("options")
    @classmethod
    def _check(cls, options):
        check_options(options, exactly_one=cls.exactly_one)
        return options

    def option(self, option_id: Any) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def displayed(self, rng: random.Random, key_slot: int | None = None) -> ChoiceQuestion:
        options = list(self.options)
        rng.shuffle(options)
        if key_slot is not None:
            key = next(o for o in self.options if o.correct)
            options.remove(key)
            options.insert(key_slot % len(self.options), key)
        return self.model_copy(update={"options": options})

    def giveaway_texts(self) -> list[str]:
        return [o.text for o in self.options if o.correct]

    def option_texts(self) -> tuple[list[str], list[str]]:
        return [o.text for o in self.options if o.correct], [o.text for o in self.options if not o.correct]

    def describe(self, response: Any) -> str:
        chosen = response if isinstance(response, list) else [response]
        return "; ".join(o.text for o in self.options if o.id in chosen) or "(nothing)"
