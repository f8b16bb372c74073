"""Answer bookquiz questions through the page, the way a learner would."""

from __future__ import annotations

from typing import Any

from bookquiz import grade
from bookquiz.grading import right_response, wrong_responses

# right_response is re-exported for the tests that import it from here.
__all__ = ["answer", "fill", "right_response", "wrong_response"]


FIRST_ATTEMPT = "A first attempt at an answer, written before reading the model answer, in enough words to count."


def wrong_response(question) -> Any:
    return wrong_responses(question)[0]


def fill(section, question, response) -> None:
    """Put ``response`` into the question's inputs inside ``section`` (a Locator)."""
    if question.type in ("single", "multiple"):
        chosen = set(response) if question.type == "multiple" else {response}
        for option in question.options:
            box = section.get_by_label(option.text, exact=True)
            box.set_checked(option.id in chosen)
    elif question.type == "truefalse":
        section.get_by_label("True" if response else "False", exact=True).check()
    elif question.type == "classify":
        # Select by label: an option's value is its position, not the category id.
        labels = question.labels()
        for item in question.items:
            section.get_by_label(item.text, exact=True).select_option(label=labels[response[item.id]])
    elif question.type == "order":
        text = {i.id: i.text for i in question.items}
        for index, item_id in enumerate(response):
            while section.locator(".bookquiz-order-text").all_inner_texts().index(text[item_id]) > index:
                section.get_by_role("button", name=f"Move “{text[item_id]}” earlier").click()
    elif question.type == "open":
        # An open answer needs a real attempt (at least min_words words) before it is accepted.
        section.locator("textarea").fill(response["text"] or FIRST_ATTEMPT)
    else:
        section.locator("input[type=text]").fill(str(response))


def answer(section, question, response) -> str:
    """Fill, press Check and return the feedback text; asserts the verdict matches grading."""
    fill(section, question, response)
    section.locator(".bookquiz-check").click()
    feedback = section.locator(".bookquiz-feedback").inner_text()
    correct = grade(question, response).correct
    expected = {True: "Correct.", False: "Not quite.", None: "Model answer:"}[correct]
    assert expected in feedback, f"{question.id}: expected {expected!r}, got {feedback!r}"
    return feedback
