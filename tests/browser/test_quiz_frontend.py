"""Every question type in the real widget front end, in Chromium, with a stand-in model.

These tests do not need the built book: they render bookquiz's ES module on a bare page
(harness.py).  tests/browser/test_book_quizzes.py repeats the essentials in the built book.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookquiz import ProgressBoard, Quiz, load_bank, read_answer_file

from .conftest import serve, watch
from .harness import write_page

pytestmark = pytest.mark.browser
BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
ALL_TYPES = load_bank(BANKS / "all_types.yaml")


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    folder = tmp_path_factory.mktemp("harness")
    write_page(folder, "quiz", Quiz(ALL_TYPES, namespace="test", instructor=False))
    write_page(folder, "instructor", Quiz(ALL_TYPES, namespace="test", instructor=True))
    write_page(folder, "hostile", Quiz(load_bank(BANKS / "hostile.yaml"), namespace="test"))
    write_page(folder, "progress", ProgressBoard([ALL_TYPES], {"fixture-all-types": "quiz.html"}, namespace="test"))
    server = serve(folder)
    yield server
    server.httpd.shutdown()


def open_page(context, harness, name):
    watched = watch(context)
    watched.page.goto(harness.url + f"{name}.html")
    watched.page.wait_for_function("window.harnessReady === true")
    return watched


def question(page, qtype):
    return page.locator(f".bookquiz-{qtype}")


def check(page, qtype):
    question(page, qtype).locator(".bookquiz-check").click()
    return question(page, qtype).locator(".bookquiz-feedback")


def answers(page) -> dict:
    return page.evaluate("window.model.values.answers")


def test_single_choice_wrong_retry_right(context, harness):
    w = open_page(context, harness, "quiz")
    page = w.page
    q = question(page, "single")
    q.get_by_label("Mass protest movements").check()
    feedback = check(page, "single")
    assert "Not quite." in feedback.inner_text()
    assert "perpetrators must be inside the state apparatus" in feedback.inner_text()
    assert "Explanation:" in feedback.inner_text() and "Source: Powell & Thyne (2011)" in feedback.inner_text()
    assert q.get_attribute("data-state") == "wrong"
    assert q.locator("input").first.is_disabled()  # locked until "Try again"
    q.locator(".bookquiz-retry").click()
    q.get_by_label("The military or other elites within the state apparatus").check()
    assert "Correct." in check(page, "single").inner_text()
    entry = answers(page)["single-q"]
    assert entry == {"response": "insiders", "correct": True, "attempts": 2, "revealed": False}
    assert page.evaluate("window.model.values.score") == 1
    assert page.evaluate("window.model.saves") >= 2  # synced towards Python on every change
    assert "Score: 1 of 6 correct" in page.locator(".bookquiz-score").inner_text()
    assert w.problems == []


def test_multiple_select_names_omissions(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "multiple")
    q.get_by_label("Illegal").check()
    q.get_by_label("At least 25 battle deaths").check()
    text = check(page, "multiple").inner_text()
    assert "UCDP's threshold" in text and "You left out: Overt" in text
    q.locator(".bookquiz-retry").click()
    q.get_by_label("At least 25 battle deaths").uncheck()
    q.get_by_label("Overt").check()
    assert "Correct." in check(page, "multiple").inner_text()
    assert answers(page)["multiple-q"]["response"] == ["illegal", "overt"]


def test_true_false(context, harness):
    page = open_page(context, harness, "quiz").page
    question(page, "truefalse").get_by_label("False").check()
    assert "The 7-day rule" in check(page, "truefalse").inner_text()
    assert answers(page)["truefalse-q"]["response"] is False


def test_classify(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "classify")
    q.get_by_label("Thailand 2014").select_option("coup")
    q.get_by_label("Wagner 2023").select_option("coup")
    text = check(page, "classify").inner_text()
    assert "Wagner 2023: not Coup. Prigozhin did not target the sitting executive." in text
    assert "Long March: not classified yet." in text
    q.locator(".bookquiz-retry").click()
    q.get_by_label("Wagner 2023").select_option("mutiny")
    q.get_by_label("Long March").select_option("rebellion")
    assert "Correct." in check(page, "classify").inner_text()


def test_order_with_keyboard_only(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "order")
    texts = q.locator(".bookquiz-order-text").all_inner_texts()
    target = ["Caesar crosses the Rubicon", "Battle of Pharsalus", "Caesar is assassinated"]
    assert texts != target
    # Move items with the keyboard: focus a button, press Enter; focus must follow the item.
    for wanted_index, text in enumerate(target):
        while q.locator(".bookquiz-order-text").all_inner_texts().index(text) > wanted_index:
            q.get_by_role("button", name=f"Move “{text}” earlier").focus()
            page.keyboard.press("Enter")
            focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
            assert focused == f"Move “{text}” earlier"
    assert q.locator(".bookquiz-order-text").all_inner_texts() == target
    assert "moved to position" in q.locator("[aria-live=polite]").first.inner_text()
    q.locator(".bookquiz-check").focus()
    page.keyboard.press("Enter")
    assert "Correct." in q.locator(".bookquiz-feedback").inner_text()


def test_numeric_hint_then_right(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "numeric")
    field = q.get_by_label("Your answer (years)")
    assert "Enter a number first." in check(page, "numeric").inner_text()
    field.fill("22")
    assert "armed struggle since 1927" in check(page, "numeric").inner_text()
    q.locator(".bookquiz-retry").click()
    field.fill("15")
    assert "Correct." in check(page, "numeric").inner_text()
    assert answers(page)["numeric-q"] == {"response": 15, "correct": True, "attempts": 2, "revealed": False}


def test_show_answer_counts_as_revealed(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "truefalse")
    q.locator(".bookquiz-reveal").click()
    text = q.locator(".bookquiz-feedback").inner_text()
    assert "Answer shown:" in text and "True" in text
    assert answers(page)["truefalse-q"]["revealed"] is True
    assert page.evaluate("window.model.values.score") == 0


def test_keyboard_only_single_choice(context, harness):
    page = open_page(context, harness, "quiz").page
    page.locator("body").focus()
    page.keyboard.press("Tab")  # first radio of question 1
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("ArrowDown")  # selects the second option
    page.keyboard.press("ArrowUp")  # back to the first (correct) one
    page.keyboard.press("Tab")  # the Check button
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    assert "Correct." in question(page, "single").locator(".bookquiz-feedback").inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Try again"  # focus not lost


def test_feedback_is_announced_and_not_by_colour_alone(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "single")
    assert q.locator(".bookquiz-feedback").get_attribute("role") == "status"
    assert q.locator(".bookquiz-feedback").get_attribute("aria-live") == "polite"
    assert q.locator("fieldset legend").inner_text().startswith("Question 1 of 6.")
    q.get_by_label("Mass protest movements").check()
    verdict = check(page, "single").locator(".bookquiz-verdict")
    assert verdict.inner_text().strip().endswith("Not quite.")  # a word, not just red


def test_answers_survive_reload(context, harness):
    page = open_page(context, harness, "quiz").page
    question(page, "numeric").get_by_label("Your answer (years)").fill("15")
    check(page, "numeric")
    page.reload()
    page.wait_for_function("window.harnessReady === true")
    q = question(page, "numeric")
    assert q.get_by_label("Your answer (years)").input_value() == "15"
    assert "Correct." in q.locator(".bookquiz-feedback").inner_text()
    assert answers(page)["numeric-q"]["correct"] is True  # restored answers reach the model too


def test_instructor_edition_shows_keys(context, harness):
    student = open_page(context, harness, "quiz").page
    assert student.locator(".bookquiz-instructor-key").count() == 0
    assert "Caesar crosses the Rubicon" not in student.locator(".bookquiz-order .bookquiz-feedback").inner_text()
    teacher = open_page(context, harness, "instructor").page
    assert teacher.locator(".bookquiz-instructor-key").count() == 6
    assert "1. Caesar crosses the Rubicon" in teacher.locator(".bookquiz-order .bookquiz-instructor-key").inner_text()


def test_markup_in_questions_is_text_and_never_runs(context, harness):
    w = open_page(context, harness, "hostile")
    page = w.page
    quiz = page.locator(".bookquiz")
    assert "<script>" in quiz.locator(".bookquiz-title").inner_text()
    assert "<img src=x onerror=\"window.__pwned='prompt'\">" in quiz.locator(".bookquiz-prompt").inner_text()
    page.get_by_label("<svg onload=\"window.__pwned='svg'\"></svg>").check()
    quiz.locator(".bookquiz-check").click()
    assert "<img src=x" in quiz.locator(".bookquiz-feedback").inner_text()
    quiz.locator(".bookquiz-reveal").click()
    page.wait_for_timeout(200)
    assert quiz.locator("img, script, svg, iframe, a").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert w.problems == []


def test_progress_summary_export_and_reset(context, harness, tmp_path):
    page = open_page(context, harness, "quiz").page
    question(page, "truefalse").get_by_label("True").check()
    check(page, "truefalse")
    question(page, "single").get_by_label("Mass protest movements").check()
    check(page, "single")

    progress = open_page(context, harness, "progress").page
    row = progress.locator("tr[data-bank='fixture-all-types']")
    assert row.locator("td").all_inner_texts() == ["2 of 6", "1", "0"]
    overall = progress.locator(".bookquiz-progress-overall").inner_text()
    assert "Overall: 1 of 6 questions correct, 2 answered." in overall
    assert row.locator("a").get_attribute("href") == "quiz.html"

    progress.get_by_label("Your name or alias for the export (optional):").fill("Ada")
    progress.get_by_label("Your name or alias for the export (optional):").press("Tab")
    with progress.expect_download() as download:
        progress.get_by_role("button", name="Download my answers (JSON)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "answers-Ada.json"
    exported = read_answer_file(saved)  # the Python reader accepts what the browser wrote
    assert exported.learner.name == "Ada" and exported.namespace == "test"
    assert exported.banks["fixture-all-types"]["truefalse-q"].correct is True
    assert json.loads(saved.read_text())["format"] == "bookquiz-answers"

    progress.get_by_role("button", name="Reset my progress").click()
    progress.get_by_role("button", name="Cancel").click()
    assert row.locator("td").first.inner_text() == "2 of 6"
    progress.get_by_role("button", name="Reset my progress").click()
    progress.get_by_role("button", name="Yes, delete all my answers").click()
    assert row.locator("td").first.inner_text() == "0 of 6"
    assert "Progress reset" in progress.locator(".bookquiz-progress-status").inner_text()
    page.reload()
    page.wait_for_function("window.harnessReady === true")
    assert question(page, "truefalse").locator(".bookquiz-feedback").inner_text() == ""
