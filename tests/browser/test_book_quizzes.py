"""Every quiz in the built book, answered in Chromium with no kernel: wrong, retry, right,
reload; the instructor edition shows keys and the student edition does not."""

from __future__ import annotations

import re

import pytest

from coupbook.quizzes import all_banks

from .conftest import settle, watch
from .quizdriver import answer, right_response, wrong_response

pytestmark = pytest.mark.browser
BANKS = [b for b in all_banks() if b.page]


def open_quiz_page(context, server, bank):
    watched = watch(context)
    watched.page.goto(f"{server.url}{bank.page}.html")
    settle(watched.page)
    return watched


def section_for(page, question):
    """The <section> of one question, found by its prompt text."""
    prompt = page.locator(".bookquiz-prompt", has_text=question.prompt)
    return page.locator(".bookquiz-question").filter(has=prompt).first


@pytest.mark.parametrize("bank", BANKS, ids=[b.bank for b in BANKS])
def test_every_question_wrong_then_right_and_remembered(site, context, bank):
    watched = open_quiz_page(context, site, bank)
    page = watched.page
    assert page.locator(".bookquiz-instructor-key").count() == 0, "student edition shows keys"
    for question in bank.questions:
        section = section_for(page, question)
        feedback = answer(section, question, wrong_response(question))
        assert question.explanation.split()[0] in feedback
        section.locator(".bookquiz-retry").click()
        answer(section, question, right_response(question))
    for line in page.locator(".bookquiz-score").all_inner_texts():
        got, of = re.search(r"Score: (\d+) of (\d+) correct", line).groups()
        assert got == of, line

    page.reload()
    settle(page)
    for question in bank.questions:
        assert "Correct." in section_for(page, question).locator(".bookquiz-feedback").inner_text()
    assert watched.problems == [], "\n".join(watched.problems)


@pytest.mark.parametrize("bank", BANKS[:1], ids=[b.bank for b in BANKS[:1]])
def test_keyboard_only_in_the_book(site, context, bank):
    page = open_quiz_page(context, site, bank).page
    first = page.locator(".bookquiz-question").first
    first.locator("input, select, button").first.focus()
    start = page.evaluate("document.activeElement.outerHTML")
    for _ in range(40):  # Tab until the Check button of the first question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Check answer":
            break
    else:
        pytest.fail(f"Tab never reached 'Check answer' from {start}")
    page.keyboard.press("Enter")
    feedback = first.locator(".bookquiz-feedback").inner_text()
    assert feedback.strip(), "pressing Enter on Check gave no feedback"


def test_instructor_edition_shows_every_key(instructor_site, context):
    for bank in BANKS:
        page = open_quiz_page(context, instructor_site, bank).page
        keys = page.locator(".bookquiz-instructor-key")
        assert keys.count() >= len(bank.questions), bank.bank
        assert "Answer key" in keys.first.inner_text()
