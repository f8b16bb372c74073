"""Every quiz in the built book, answered in Chromium with no kernel: every question wrong
first, then right at the second try (a true/false question allows one try, so its answer is shown
instead); a wrong attempt never shows the explanation or the source; the first try is recorded,
scored (0 when everything was wrong first) and exported from My progress; answers survive a
reload; the instructor edition shows keys and the student edition does not."""

from __future__ import annotations

import json
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


def score_lines(page) -> list[tuple[int, int, int, int]]:
    """(first try, right eventually, shown, graded) of every quiz on the page."""
    found = []
    for line in page.locator(".bookquiz-score").all_inner_texts():
        pattern = r"First try: (\d+) of (\d+) right\. Right eventually: (\d+) of \d+\. Answers shown: (\d+)\."
        match = re.search(pattern, line)
        if match:
            found.append((int(match[1]), int(match[3]), int(match[4]), int(match[2])))
    return found


def export(page, server, tmp_path) -> dict:
    page.goto(f"{server.url}pages/my_progress.html")
    settle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    return json.loads(saved.read_text(encoding="utf-8"))


@pytest.mark.parametrize("bank", BANKS, ids=[b.bank for b in BANKS])
def test_every_question_wrong_first_then_right(site, context, bank, tmp_path):
    watched = open_quiz_page(context, site, bank)
    page = watched.page
    assert page.locator(".bookquiz-instructor-key").count() == 0, "student edition shows keys"
    # Graded questions first: an open question's model answer opens only once every graded
    # question of its quiz has had a try.
    for question in sorted(bank.questions, key=lambda q: not q.graded):
        section = section_for(page, question)
        if not question.graded:
            assert section.locator("details").count() == 0, "examples before the learner wrote anything"
            answer(section, question, right_response(question))
            continue
        wrong = wrong_response(question)
        feedback = answer(section, question, wrong)
        for hidden in (question.explanation, f"Source: {question.source}", "Explanation:"):
            assert hidden not in feedback, f"{question.id}: a wrong attempt showed {hidden!r}"
        result = question.grade(wrong)
        # Details come once right or shown; a multi-select's wrong-tick misconception is in both.
        for line in (line for line in result.details if line not in result.feedback):
            assert line not in feedback, f"{question.id}: a wrong attempt showed {line!r}"
        if question.tries == 1:  # true/false: the one try is spent, only "Show answer" is left
            assert "No tries left: open the answer to see why." in feedback, question.id
            assert section.locator(".bookquiz-retry").is_hidden(), f"{question.id}: Try again after the budget"
            section.locator(".bookquiz-reveal").click()
            assert question.explanation in section.locator(".bookquiz-feedback").inner_text()
            continue
        assert "1 try left." in feedback, question.id
        section.locator(".bookquiz-retry").click()
        feedback = answer(section, question, right_response(question))
        assert question.explanation in feedback
        assert section.locator(".bookquiz-reveal").is_hidden(), "Show answer offered after a right answer"
    lines = score_lines(page)
    assert lines, "no score line"
    for first_try, eventually, shown, graded in lines:
        # Right at the second try counts; a true/false question wrong at its one try was shown.
        assert (first_try, eventually + shown) == (0, graded), lines

    page.reload()
    settle(page)
    for question in bank.questions:
        expected = "Model answer:" if not question.graded else "Answer shown:" if question.tries == 1 else "Correct."
        assert expected in section_for(page, question).locator(".bookquiz-feedback").inner_text()
    assert score_lines(page) == lines

    document = export(page, site, tmp_path)
    assert (document["format"], document["version"]) == ("bookquiz-answers", 2)
    entries = document["banks"][bank.bank]
    for question in bank.questions:
        attempts = entries[question.id]["attempts"]
        if question.graded:
            expected = [False] if question.tries == 1 else [False, True]
            assert [a["correct"] for a in attempts] == expected, question.id
            assert entries[question.id]["revealed"] is (question.tries == 1), question.id
            first, wrong = attempts[0]["response"], json.loads(json.dumps(wrong_response(question)))
            if question.type == "multiple":  # ticked options are listed in display order
                first, wrong = sorted(first), sorted(wrong)
            assert first == wrong, question.id
        else:
            assert attempts[0]["correct"] is None
    overall = page.locator(".bookquiz-progress-overall").inner_text()
    assert re.search(r"Overall: 0 of \d+ questions right at the first try", overall), overall
    assert watched.problems == [], "\n".join(watched.problems)


@pytest.mark.parametrize("bank", BANKS[:1], ids=[b.bank for b in BANKS[:1]])
def test_keyboard_only_in_the_book(site, context, bank):
    page = open_quiz_page(context, site, bank).page
    first = page.locator(".bookquiz-question").first
    first.locator("input, select, button, textarea").first.focus()
    start = page.evaluate("document.activeElement.outerHTML")
    for _ in range(40):  # Tab until the Check button of the first question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('bookquiz-check')"):
            break
    else:
        pytest.fail(f"Tab never reached the Check button from {start}")
    page.keyboard.press("Enter")
    feedback = first.locator(".bookquiz-feedback").inner_text()
    assert feedback.strip(), "pressing Enter on Check gave no feedback"


def test_instructor_edition_shows_every_key(instructor_site, context):
    for bank in BANKS:
        page = open_quiz_page(context, instructor_site, bank).page
        keys = page.locator(".bookquiz-instructor-key")
        assert keys.count() >= len(bank.questions), bank.bank
        assert "Answer key" in keys.first.inner_text()
