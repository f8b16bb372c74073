"""Order: the learner moves events into time order (buttons, keyboard friendly).

Items are listed in the bank in the right order; the browser gets their texts in a fixed shuffle
that is never the answer, and sealed: their ids (in that same order) and the right order.  A
wrong order gets one neutral line (:data:`UNORDERED`) and the question's hint, never how many
items are in place: with three or four items a count solves the question in a few tries.  Two
tries (``tries``); then only "Show answer".  The browser's order.js says the same.
"""

from __future__ import annotations

import random
from typing import Any, Literal

from pydantic import Field, field_validator

from ..base import QuestionBase, Result, Slug, Strict, Text

# Items may be events or the steps of a procedure, so the feedback calls them items.
UNORDERED = "Not yet: at least one item is out of order — reread the sequence in the chapter."


class OrderItem(Strict):
    id: Slug
    text: Text


class Order(QuestionBase):
    description = "moves events into time order"
    tries = 2  # attempts that count; then only "Show answer" (the browser's tries: 2)
    type: Literal["order"]
    items: list[OrderItem] = Field(min_length=3, max_length=10)  # in the correct order
    # Item ids are sealed: authors name them after what they mean ("top", "outside").
    public = {**QuestionBase.public, "items": {"__all__": {"text"}}}

    @field_validator("items")
    @classmethod
    def _check(cls, items):
        if len({i.id for i in items}) != len(items):
            raise ValueError("item ids must be unique")
        return items

    def check(self, response: Any) -> Result:
        expected = [i.id for i in self.items]
        if not isinstance(response, list) or not all(isinstance(r, str) for r in response):
            raise TypeError("order responses are lists of item ids")
        if sorted(response) != sorted(expected):
            raise ValueError("order responses list every item id once")
        if response == expected:
            return Result(True)
        return Result(False, [UNORDERED])

    def key_lines(self) -> list[str]:
        return [f"{n}. {i.text}" for n, i in enumerate(self.items, start=1)]

    def right_response(self) -> list[str]:
        return [i.id for i in self.items]

    def wrong_responses(self) -> list[list[str]]:
        right = self.right_response()
        swaps = []
        for i in range(len(right) - 1):
            swapped = right[:]
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            swaps.append(swapped)
        return swaps

    def describe(self, response: Any) -> str:
        text = {i.id: i.text for i in self.items}
        return " → ".join(text.get(i, "?") for i in response)

    def display_order(self, rng: random.Random) -> list[str]:
        """A fixed shuffle of the items that never shows the answer itself."""
        ids = self.right_response()
        shuffled = ids[:]
        while shuffled == ids:
            rng.shuffle(shuffled)
        return shuffled

    def split(self, rng: random.Random, key_slot: int | None = None) -> tuple[dict, dict]:
        public, sealed = super().split(rng, key_slot)
        text = {i.id: i.text for i in self.items}
        shown = self.display_order(rng)
        # Both lists in the display order, so the browser merges them index by index.
        public["items"] = [{"text": text[item_id]} for item_id in shown]
        sealed["items"] = [{"id": item_id} for item_id in shown]
        sealed["order"] = self.right_response()
        return public, sealed
