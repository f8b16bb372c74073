"""Classify: the learner puts each item in a category (for example coup, mutiny, rebellion).

After a wrong attempt nothing names a right category and nothing is counted: the learner sees
an item's misconception where the bank gives one for the category chosen ("“item”, placed
under Category: ..."), otherwise a plain "not yet".  Each item's ``why`` appears once the
answer is right or shown.  Two tries (``tries``); then only "Show answer".
"""

from __future__ import annotations

import random
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from ..base import QuestionBase, Result, Slug, Strict, Text

MISPLACED = "Not yet: at least one item is under the wrong category — reread each item against the definitions."
# After the notes, when some misplaced item has none: the learner must not think the notes are all.
NOT_ONLY = "Other items may be misplaced too: reread every item, not only those above."


def placed(item: str, category: str, misconception: str) -> str:
    """A misplaced item's feedback (the browser's classify.js says the same)."""
    return f"“{item}”, placed under {category}: {misconception}"


class Category(Strict):
    id: Slug
    label: Text


class ClassifyItem(Strict):
    id: Slug
    text: Text
    category: Slug
    case: Slug | None = None  # the course case this item names, when the category is its class
    why: Text  # why the item belongs to its category (shown once the answer is right or shown)
    misconceptions: dict[Slug, Text] = Field(default_factory=dict)  # per wrong category


class Classify(QuestionBase):
    description = "puts each item in a category"
    tries = 2  # attempts that count; then only "Show answer" (the browser's tries: 2)
    type: Literal["classify"]
    categories: list[Category] = Field(min_length=2, max_length=8)
    items: list[ClassifyItem] = Field(min_length=2, max_length=12)
    # Item and category ids are sealed: authors name them after what they mean.
    public = {**QuestionBase.public, "categories": {"__all__": {"label"}}, "items": {"__all__": {"text"}}}

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

    def labels(self) -> dict[str, str]:
        return {c.id: c.label for c in self.categories}

    def check(self, response: Any) -> Result:
        if not isinstance(response, dict):
            raise TypeError("classify responses map item ids to category ids")
        labels = self.labels()
        feedback, details, right = [], [], 0
        for item in self.items:
            chosen = response.get(item.id)
            if chosen == item.category:
                right += 1
                continue
            details.append(f"{item.text}: {labels[item.category]}. {item.why}")
            if isinstance(chosen, str) and chosen in item.misconceptions:
                feedback.append(placed(item.text, labels[chosen], item.misconceptions[chosen]))
        if right == len(self.items):
            return Result(True)
        if not feedback:
            return Result(False, [MISPLACED], details)
        return Result(False, feedback + ([NOT_ONLY] if len(feedback) < len(details) else []), details)

    def key_lines(self) -> list[str]:
        labels = self.labels()
        return [f"{i.text}: {labels[i.category]}" for i in self.items]

    def right_response(self) -> dict[str, str]:
        return {i.id: i.category for i in self.items}

    def wrong_responses(self) -> list[dict[str, str]]:
        right = self.right_response()
        return [
            {**right, item.id: category.id}
            for item in self.items
            for category in self.categories
            if category.id != item.category
        ]

    def describe(self, response: Any) -> str:
        labels = self.labels()
        return "; ".join(f"{i.text}: {labels.get(response.get(i.id), '?')}" for i in self.items)

    def displayed(self, rng: random.Random, key_slot: int | None = None) -> Classify:
        categories, items = list(self.categories), list(self.items)
        rng.shuffle(categories)
        rng.shuffle(items)
        return self.model_copy(update={"categories": categories, "items": items})

    def giveaway_texts(self) -> list[str]:
        return self.key_lines()

    def leak_checks(self) -> list[tuple[str, str, str]]:
        labels = self.labels()
        own = [
            (f"items.{item.id}.misconceptions.{category}", text, labels[item.category])
            for item in self.items
            for category, text in item.misconceptions.items()
        ]
        return super().leak_checks() + own
