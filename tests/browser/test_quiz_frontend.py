"""Every question type in the real widget front end, in Chromium, with a stand-in model.

These tests do not need the built book: they render bookquiz's ES module on a bare page
(harness.py).  tests/browser/test_book_quizzes.py repeats the essentials in the built book.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bookquiz import ProgressBoard, Quiz, load_bank
from bookquiz.bank import parse_bank

from .conftest import serve, watch
from .harness import write_page

pytestmark = pytest.mark.browser
BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
ALL_TYPES = load_bank(BANKS / "all_types.yaml")
SINGLE = ALL_TYPES.question("single-q")
CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")
OPEN_TEXT = "No: it aimed at the generals, not at Putin, so it was a mutiny against the military leadership."


def distinctive(bank):
    """``bank`` with every option, item and category id prefixed ``sid-``: an id found in the page
    is then a leak, never a word that happens to match an attribute (type="radio") or a text."""
    raw = bank.model_dump(exclude_none=True)
    raw["bank"] = "fixture-sealed-ids"
    for q in raw["questions"]:
        for entry in q.get("options", []) + q.get("categories", []):
            entry["id"] = f"sid-{entry['id']}"
        for item in q.get("items", []):
            item["id"] = f"sid-{item['id']}"
            if "category" in item:
                item["category"] = f"sid-{item['category']}"
            if "misconceptions" in item:
                item["misconceptions"] = {f"sid-{k}": v for k, v in item["misconceptions"].items()}
    return parse_bank(raw)


SEALED_IDS = distinctive(ALL_TYPES)
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    folder = tmp_path_factory.mktemp("harness")
    write_page(folder, "quiz", Quiz(ALL_TYPES, namespace="test", instructor=False))
    write_page(folder, "instructor", Quiz(ALL_TYPES, namespace="test", instructor=True))
    write_page(folder, "sealed", Quiz(SEALED_IDS, namespace="test", instructor=False))
    write_page(folder, "sealed-instructor", Quiz(SEALED_IDS, namespace="test", instructor=True))
    write_page(folder, "hostile", Quiz(load_bank(BANKS / "hostile.yaml"), namespace="test"))
    write_page(folder, "progress", ProgressBoard([ALL_TYPES], {"fixture-all-types": "quiz.html"}, namespace="test"))
    server = serve(folder)
    yield server
    server.stop()


def open_page(context, harness, name):
    watched = watch(context)
    watched.page.goto(harness.url + f"{name}.html")
    watched.page.wait_for_function("window.harnessReady === true")
    return watched


def question(page, qtype):
    return page.locator(f"section.bookquiz-{qtype}")


def check(page, qtype):
    question(page, qtype).locator(".bookquiz-check").click()
    return question(page, qtype).locator(".bookquiz-feedback")


def answers(page) -> dict:
    return page.evaluate("window.model.values.answers")


def responses(entry) -> list:
    return [a["response"] for a in entry["attempts"]]


def test_single_choice_wrong_attempt_teaches_without_the_answer(context, harness):
    w = open_page(context, harness, "quiz")
    page = w.page
    q = question(page, "single")
    q.get_by_label("Mass protest movements").check()
    text = check(page, "single").inner_text()
    assert "Not quite." in text
    assert "perpetrators must be inside the state apparatus" in text  # the misconception of the choice
    for hidden in ("Explanation", SINGLE.explanation, "Source:", "Answer shown"):
        assert hidden not in text, f"a wrong attempt showed {hidden!r}"
    assert q.get_attribute("data-state") == "wrong"
    assert "1 try left." in text  # the budget: two tries for a single choice
    assert q.locator("input").first.is_disabled()  # locked until "Try again"
    q.locator(".bookquiz-retry").click()
    assert q.locator(".bookquiz-budget").inner_text() == "1 try left."
    q.get_by_label("The military or other elites within the state apparatus").check()
    text = check(page, "single").inner_text()
    assert "Correct." in text and "Explanation:" in text and "Source: Powell & Thyne (2011)" in text
    assert q.locator(".bookquiz-reveal").is_hidden() and q.locator(".bookquiz-retry").is_hidden()
    entry = answers(page)["single-q"]
    assert responses(entry) == ["crowds", "insiders"]
    assert [a["correct"] for a in entry["attempts"]] == [False, True]
    assert all(a["at"].endswith("Z") for a in entry["attempts"])
    assert (entry["revealed"], entry["revealed_at"]) == (False, None)
    assert page.evaluate("[window.model.values.score, window.model.values.first_try_score]") == [1, 0]
    assert page.evaluate("window.model.saves") >= 2  # synced towards Python on every change
    score = page.locator(".bookquiz-score").inner_text()
    assert "First try: 0 of 6 right. Right eventually: 1 of 6. Answers shown: 0." in score
    assert "Reflections self-assessed: 0 of 1." in score and "saved in this browser" in score
    assert w.problems == []


def test_multiple_select_teaches_without_counts(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "multiple")
    q.get_by_label("Illegal").check()
    text = check(page, "multiple").inner_text()
    assert "Not yet: something right is still missing" in text
    assert "left out" not in text and "Overt" not in text and "Of your" not in text
    q.locator(".bookquiz-retry").click()
    q.get_by_label("At least 25 battle deaths").check()
    text = check(page, "multiple").inner_text()
    assert "That is UCDP's threshold for armed conflict." in text  # the misconception of the wrong tick
    assert "left out" not in text and "Overt" not in text and "Of your" not in text and "missing" not in text
    # Two tries spent: only "Show answer" is left.
    assert "No tries left: open the answer to see why." in text
    assert q.locator(".bookquiz-retry").is_hidden() and q.locator(".bookquiz-reveal").is_visible()
    q.locator(".bookquiz-reveal").click()
    text = q.locator(".bookquiz-feedback").inner_text()
    assert "Answer shown:" in text and "You left out: Overt" in text and "UCDP's threshold" in text
    assert q.locator(".bookquiz-retry").is_hidden() and q.locator(".bookquiz-reveal").is_hidden()
    assert q.locator("input").first.is_disabled()  # showing the answer locks the question
    entry = answers(page)["multiple-q"]
    assert entry["revealed"] is True and entry["revealed_at"].endswith("Z")
    assert page.evaluate("window.model.values.score") == 0


def test_true_false_allows_one_try(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "truefalse")
    assert q.locator(".bookquiz-budget").inner_text() == "You have 1 try at this question."
    q.get_by_label("False").check()
    text = check(page, "truefalse").inner_text()
    assert "The 7-day rule" in text and "No tries left: open the answer to see why." in text
    assert q.locator(".bookquiz-retry").is_hidden() and q.locator(".bookquiz-reveal").is_visible()
    assert q.locator(".bookquiz-budget").is_hidden()
    assert responses(answers(page)["truefalse-q"]) == [False]
    page.reload()  # the spent budget survives a reload
    page.wait_for_function("window.harnessReady === true")
    q = question(page, "truefalse")
    assert q.locator(".bookquiz-retry").is_hidden() and q.locator(".bookquiz-check").is_hidden()
    assert "No tries left" in q.locator(".bookquiz-feedback").inner_text()


def test_classify_gives_only_chosen_category_misconceptions(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "classify")
    q.get_by_label("Thailand 2014").select_option(label="Coup")
    assert "Choose a category for every item first." in check(page, "classify").inner_text()
    q.get_by_label("Wagner 2023").select_option(label="Coup")
    q.get_by_label("Long March").select_option(label="Coup")
    text = check(page, "classify").inner_text()
    assert "placed right" not in text and "of 3" not in text  # no counts
    assert "“Wagner 2023”, placed under Coup: Prigozhin did not target the sitting executive." in text
    assert "party army" not in text and "paramilitary revolt" not in text  # never an item's why
    q.locator(".bookquiz-retry").click()
    q.get_by_label("Wagner 2023").select_option(label="Mutiny")
    q.get_by_label("Long March").select_option(label="Rebellion")
    assert "Correct." in check(page, "classify").inner_text()


# Every attribute value (element ids, aria-*, data-*, value ...), form value and text of every
# element the quiz drew.
PLACES = """[...document.querySelectorAll('#root *')].flatMap((e) => [
  ...[...e.attributes].map((a) => `${a.name}="${a.value}"`),
  `(value) ${e.value ?? ""}`,
  [...e.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.data).join(" "),
])"""


def sub_ids(bank) -> list[str]:
    return [x.id for q in bank.questions for field in ("options", "items", "categories") for x in getattr(q, field, [])]


def ids_found(places: list[str], ids: list[str]) -> list[str]:
    """Each place that holds an id as a whole word (a hyphen bounds a word: q1-sid-coup holds it)."""
    return [f"{i}: {p}" for p in places for i in ids if re.search(rf"(?<!\w){re.escape(i)}(?!\w)", p)]


def stored_answers(page) -> dict:
    """The answers of the learner in this browser's localStorage (storage.js: one key per bank)."""
    return page.evaluate(
        """() => {
          const key = Object.keys(localStorage).find((k) => k.startsWith("bookquiz:v2:test:"));
          return key ? JSON.parse(localStorage.getItem(key)).answers : {};
        }"""
    )


def test_ids_found_finds_an_id_inside_a_longer_value():
    places = ['id="bookquiz-1-q1-sid-coup"', "Move sid-thai-2014 later", 'value="sid-coupe"']
    assert len(ids_found(places, ["sid-coup", "sid-thai-2014"])) == 2


@pytest.mark.parametrize("name", ["sealed", "sealed-instructor"])
def test_no_option_item_or_category_id_in_the_page(context, harness, name):
    """Option, item and category ids (named after what they mean) are never in the DOM or the
    embedded questions: not before an answer, nor after Check and Show answer, nor in the
    instructor edition."""
    w = open_page(context, harness, name)
    page = w.page
    ids = sub_ids(SEALED_IDS)
    assert len(ids) == 15 and all(i.startswith("sid-") for i in ids)
    if name == "sealed-instructor":
        assert page.locator(".bookquiz-instructor-key").count() == 7
    embedded = json.dumps(page.evaluate("window.model.values.questions.map(({sealed, ...shown}) => shown)"))
    assert ids_found([embedded], ids) == []
    assert ids_found(page.evaluate(PLACES), ids) == []
    question(page, "single").get_by_label("Mass protest movements").check()
    question(page, "multiple").get_by_label("Overt").check()
    c = question(page, "classify")
    for item in ("Thailand 2014", "Wagner 2023", "Long March"):
        c.get_by_label(item).select_option(label="Mutiny")
    for qtype in ("single", "multiple", "classify", "order"):
        assert "Not quite." in check(page, qtype).inner_text(), qtype
        question(page, qtype).locator(".bookquiz-reveal").click()
        assert question(page, qtype).get_attribute("data-state") == "revealed", qtype
    assert ids_found(page.evaluate(PLACES), ids) == []
    assert w.problems == []


def test_inputs_carry_positions_and_records_keep_the_banks_ids(context, harness):
    """Inputs carry positions; records keep the bank's ids and are drawn back onto the positions
    after a reload, and cleared by a reset."""
    page = open_page(context, harness, "quiz").page
    for qtype, count in (("single", 3), ("multiple", 3), ("truefalse", 2)):
        values = question(page, qtype).locator("input").evaluate_all("(xs) => xs.map((x) => x.value)")
        assert values == [str(n) for n in range(count)], qtype
    items = question(page, "order").locator("button[data-item]").evaluate_all("(xs) => xs.map((x) => x.dataset.item)")
    assert sorted(set(items)) == ["0", "1", "2"]
    selects = question(page, "classify").locator("select").first.locator("option")
    assert selects.evaluate_all("(xs) => xs.map((x) => x.value)") == ["", "0", "1", "2"]
    question(page, "single").get_by_label("Rebel armies from the countryside").check()
    check(page, "single")
    question(page, "multiple").get_by_label("Overt").check()
    check(page, "multiple")
    c = question(page, "classify")
    for item, label in (("Thailand 2014", "Coup"), ("Wagner 2023", "Mutiny"), ("Long March", "Coup")):
        c.get_by_label(item).select_option(label=label)
    check(page, "classify")
    ordering = question(page, "order")
    shuffled = ordering.locator(".bookquiz-order-text").all_inner_texts()
    ordering.get_by_role("button", name=f"Move “{shuffled[0]}” later").click()  # not the shuffle, so a restore shows
    moved = ordering.locator(".bookquiz-order-text").all_inner_texts()
    assert moved != shuffled
    ordering.locator(".bookquiz-check").click()
    stored = stored_answers(page)
    assert responses(stored["single-q"]) == ["rebels"]
    assert responses(stored["multiple-q"]) == [["overt"]]
    assert responses(stored["classify-q"]) == [{"thai-2014": "coup", "wagner-2023": "mutiny", "long-march": "coup"}]
    order = ALL_TYPES.question("order-q")
    assert sorted(responses(stored["order-q"])[0]) == sorted(i.id for i in order.items)
    assert {k: responses(v) for k, v in answers(page).items()} == {k: responses(v) for k, v in stored.items()}

    def drawn():
        """What the inputs show, by the text a learner reads: ticks, chosen categories, the order."""
        by_label = "(xs) => Object.fromEntries(xs.map((x) => [x.labels[0].textContent, %s]))"
        return {
            "single": question(page, "single").locator("input").evaluate_all(by_label % "x.checked"),
            "multiple": question(page, "multiple").locator("input").evaluate_all(by_label % "x.checked"),
            "classify": question(page, "classify")
            .locator("select")
            .evaluate_all(by_label % "x.selectedOptions[0].textContent"),
            "order": question(page, "order").locator(".bookquiz-order-text").all_inner_texts(),
        }

    single = {o.text: False for o in SINGLE.options}
    multiple = {o.text: False for o in ALL_TYPES.question("multiple-q").options}
    page.reload()  # the saved records are drawn back onto the positions
    page.wait_for_function("window.harnessReady === true")
    assert drawn() == {
        "single": single | {"Rebel armies from the countryside": True},
        "multiple": multiple | {"Overt": True},
        "classify": {"Thailand 2014": "Coup", "Wagner 2023": "Mutiny", "Long March": "Coup"},
        "order": moved,
    }
    page.evaluate("window.model.set('answers', {})")  # as quiz.reset() does from Python
    assert drawn() == {
        "single": single,
        "multiple": multiple,
        "classify": dict.fromkeys(("Thailand 2014", "Wagner 2023", "Long March"), "Choose a category…"),
        "order": shuffled,
    }


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


def test_numeric_hints_no_direction_and_only_numbers(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "numeric")
    field = q.get_by_label("Your answer (years)")
    assert "Enter a number first." in check(page, "numeric").inner_text()
    field.fill("15 years")
    assert "Type only the number" in check(page, "numeric").inner_text()  # not a try
    field.fill("22")
    text = check(page, "numeric").inner_text()
    assert "armed struggle since 1927" in text and "October 1934" not in text and "1 try left." in text
    q.locator(".bookquiz-retry").click()
    field.fill("16")
    text = check(page, "numeric").inner_text()
    # outside every hint range: the same hint as inside one, so no side of the answer is given away
    assert "armed struggle since 1927" in text and "not within the accepted range" not in text
    assert "high" not in text and "low" not in text
    assert "No tries left: open the answer to see why." in text
    assert q.locator(".bookquiz-retry").is_hidden()
    q.locator(".bookquiz-reveal").click()
    assert "Answer shown:" in q.locator(".bookquiz-feedback").inner_text()
    assert responses(answers(page)["numeric-q"]) == [22, 16]
    assert page.evaluate("window.model.values.score") == 0


def test_order_wrong_attempt_gets_no_count(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "order")
    text = check(page, "order").inner_text()  # the shuffled order as it arrives is never right
    assert "Not yet: at least one item is out of order" in text
    assert "right place" not in text and " of 3" not in text
    assert "1 try left." in text and q.locator(".bookquiz-retry").is_visible()


def test_show_answer_is_recorded_and_never_scores(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "truefalse")
    q.locator(".bookquiz-reveal").click()
    text = q.locator(".bookquiz-feedback").inner_text()
    assert "Answer shown:" in text and "True" in text and "Explanation:" in text
    assert answers(page)["truefalse-q"]["revealed"] is True
    assert page.evaluate("window.model.values.score") == 0
    assert q.locator(".bookquiz-check").is_hidden()
    assert "Answers shown: 1." in page.locator(".bookquiz-score").inner_text()


def test_open_answer_compare_checklist_and_examples(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "open")
    assert q.locator(".bookquiz-reveal").is_hidden()
    assert q.locator("details").count() == 0  # examples only after submitting
    assert "Write your answer first." in check(page, "open").inner_text()
    assert "Write at least 12 words first." in q.locator(".bookquiz-open-note").inner_text()
    q.get_by_label("Your answer").fill("x")
    text = check(page, "open").inner_text()
    assert "Write at least 12 words first. Your answer has 1 word so far." in text
    assert "Model answer:" not in text and "defence minister" not in text
    # A real attempt is saved, but the model answer stays locked until the graded questions had a try.
    assert "Answer the other questions of this quiz first" in q.locator(".bookquiz-lock-note").inner_text()
    q.get_by_label("Your answer").fill(OPEN_TEXT)
    q.get_by_role("button", name="Compare with the model answer").click()
    text = q.locator(".bookquiz-feedback").inner_text()
    assert "Your answer is saved." in text and "Answer the other questions of this quiz first" in text
    assert "Model answer:" not in text and "defence minister" not in text
    assert q.locator("details").count() == 0
    for qtype in ("single", "multiple", "truefalse", "classify", "order", "numeric"):
        question(page, qtype).locator(".bookquiz-reveal").click()
    text = q.locator(".bookquiz-feedback").inner_text()
    assert "Model answer:" in text and "defence minister" in text
    assert q.locator(".bookquiz-lock-note").is_hidden()
    assert q.locator("details").count() == 2
    q.get_by_label("Names the target (the military leadership, not the executive)").check()
    q.get_by_label("Draws the conclusion from a stated criterion").check()
    entry = answers(page)["open-q"]
    (attempt,) = entry["attempts"]
    assert attempt["response"] == {"text": OPEN_TEXT, "met": [1, 2]}
    assert attempt["correct"] is None
    # Ticking is not yet a self-assessment: it counts once submitted.
    assert "Reflections self-assessed: 0 of 1." in page.locator(".bookquiz-score").inner_text()
    q.get_by_role("button", name="Submit my self-assessment").click()
    assert "Self-assessment saved: 2 of 3 criteria met." in q.locator(".bookquiz-self-assessment").inner_text()
    assert answers(page)["open-q"]["attempts"][0]["response"] == {"text": OPEN_TEXT, "met": [1, 2], "assessed": True}
    score = page.locator(".bookquiz-score").inner_text()
    assert "Reflections self-assessed: 1 of 1." in score and "First try: 0 of 6" in score
    assert "Answers shown: 6." in score
    page.reload()
    page.wait_for_function("window.harnessReady === true")
    q = question(page, "open")
    assert q.get_by_label("Your answer").input_value() == OPEN_TEXT
    assert q.get_by_label("Draws the conclusion from a stated criterion").is_checked()


def test_keyboard_only_single_choice(context, harness):
    page = open_page(context, harness, "quiz").page
    page.locator("body").focus()
    page.keyboard.press("Tab")  # first radio of question 1
    assert page.evaluate("document.activeElement.type") == "radio"
    key_label = SINGLE.key_lines()[0]
    for _ in range(len(SINGLE.options)):  # arrow keys select; stop on the key
        label = page.evaluate("document.querySelector(`label[for='${document.activeElement.id}']`).textContent")
        if label == key_label:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # the Check button
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    assert "Correct." in question(page, "single").locator(".bookquiz-feedback").inner_text()
    assert page.evaluate("document.activeElement.classList.contains('bookquiz-feedback')")  # focus not lost


def test_feedback_is_announced_and_not_by_colour_alone(context, harness):
    page = open_page(context, harness, "quiz").page
    q = question(page, "single")
    assert q.locator(".bookquiz-feedback").get_attribute("role") == "status"
    assert q.locator(".bookquiz-feedback").get_attribute("aria-live") == "polite"
    assert q.locator("fieldset legend").first.inner_text().startswith("Question 1 of 7.")
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
    assert answers(page)["numeric-q"]["attempts"][0]["correct"] is True  # restored answers reach the model too


def test_no_key_in_the_page_until_asked(context, harness):
    page = open_page(context, harness, "quiz").page
    html = page.content()
    for q in ALL_TYPES.questions:
        assert (q.explanation or "§§") not in html and q.source not in html
    assert "perpetrators must be inside" not in html
    student = page.locator(".bookquiz-instructor-key").count()
    assert student == 0


def test_instructor_edition_shows_keys(context, harness):
    teacher = open_page(context, harness, "instructor").page
    assert teacher.locator(".bookquiz-instructor-key").count() == 7
    order_key = teacher.locator("section.bookquiz-order .bookquiz-instructor-key").inner_text()
    assert "1. Caesar crosses the Rubicon" in order_key
    assert SINGLE.explanation in teacher.locator("section.bookquiz-single .bookquiz-instructor-key").inner_text()


def test_question_sections_line_up(context, harness):
    """Classify and order questions are not indented further than the others."""
    page = open_page(context, harness, "quiz").page
    lefts = page.evaluate(
        "[...document.querySelectorAll('section.bookquiz-question legend')].map((l) => l.getBoundingClientRect().left)"
    )
    assert len(set(lefts)) == 1, lefts


def test_render_returns_a_cleanup_that_removes_listeners(context, harness):
    page = open_page(context, harness, "progress").page
    assert page.evaluate("typeof window.cleanup") == "function"
    page.evaluate("window.cleanup()")
    assert page.locator(".bookquiz").count() == 0
    quiz = open_page(context, harness, "quiz").page
    quiz.evaluate("window.cleanup()")
    assert quiz.evaluate("(window.model.handlers['change:answers'] || []).length") == 0


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


def test_blocked_storage_is_said_plainly(browser, harness):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    try:
        page = context.new_page()
        page.goto(harness.url + "quiz.html")
        page.wait_for_function("window.harnessReady === true")
        question(page, "truefalse").get_by_label("True").check()
        assert "Correct." in check(page, "truefalse").inner_text()  # the quiz still works
        score = page.locator(".bookquiz-score").inner_text()
        assert "not being saved" in score and "saved in this browser" not in score
        page.goto(harness.url + "progress.html")
        page.wait_for_function("window.harnessReady === true")
        assert "not being saved" in page.locator(".bookquiz-progress").inner_text()
    finally:
        context.close()


def export(progress, tmp_path) -> tuple[str, dict]:
    with progress.expect_download() as download:
        progress.get_by_role("button", name="Download my answers (JSON)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    return saved.name, json.loads(saved.read_text(encoding="utf-8"))


def test_progress_summary_export_and_reset(context, harness, tmp_path):
    page = open_page(context, harness, "quiz").page
    question(page, "single").get_by_label("Mass protest movements").check()
    check(page, "single")
    question(page, "single").locator(".bookquiz-retry").click()
    question(page, "single").get_by_label("The military or other elites within the state apparatus").check()
    check(page, "single")  # right at the second try, within the budget
    question(page, "truefalse").get_by_label("False").check()
    check(page, "truefalse")  # wrong, and true/false allows one try
    question(page, "numeric").locator(".bookquiz-reveal").click()

    progress = open_page(context, harness, "progress").page
    row = progress.locator("tr[data-bank='fixture-all-types']")
    assert row.locator("td").all_inner_texts() == ["2 of 6", "0", "1", "1", "0 of 1"]
    overall = progress.locator(".bookquiz-progress-overall").inner_text()
    assert "0 of 6 questions right at the first try, 1 right eventually, 2 answered, 1 answers shown" in overall
    assert row.locator("a").get_attribute("href") == "quiz.html"
    assert progress.locator(".bookquiz-progress").inner_text().count("Mass protest") == 0  # no question text

    name = progress.get_by_label("Your name or alias for the export (optional):")
    name.fill("王芳")
    name.press("Tab")
    file_name, document = export(progress, tmp_path)
    assert file_name == "answers-王芳.json"
    assert (document["format"], document["version"], document["namespace"]) == ("bookquiz-answers", 2, "test")
    assert document["learner"]["name"] == "王芳" and document["learner"]["id"]
    assert document["exported_at"].endswith("Z")
    entries = document["banks"]["fixture-all-types"]
    assert [a["correct"] for a in entries["single-q"]["attempts"]] == [False, True]
    assert [a["correct"] for a in entries["truefalse-q"]["attempts"]] == [False]
    assert set(entries["single-q"]) == {"attempts", "revealed", "revealed_at"}
    shown = entries["numeric-q"]
    assert (shown["attempts"], shown["revealed"], shown["revealed_at"].endswith("Z")) == ([], True, True)
    first_id = document["learner"]["id"]

    progress.get_by_role("button", name="Reset my progress").click()
    progress.get_by_role("button", name="Cancel").click()
    assert row.locator("td").first.inner_text() == "2 of 6"
    progress.get_by_role("button", name="Reset my progress").click()
    progress.get_by_role("button", name="Yes, delete all my answers").click()
    assert row.locator("td").first.inner_text() == "0 of 6"
    assert "Progress reset" in progress.locator(".bookquiz-progress-status").inner_text()
    assert name.input_value() == ""  # the name is forgotten ...
    assert first_id not in progress.locator(".bookquiz-learner-id").inner_text()  # ... and the id
    page.reload()
    page.wait_for_function("window.harnessReady === true")
    assert question(page, "truefalse").locator(".bookquiz-feedback").inner_text() == ""


def test_learners_sharing_a_browser_export_apart(context, harness, tmp_path):
    page = open_page(context, harness, "quiz").page
    question(page, "truefalse").get_by_label("True").check()
    check(page, "truefalse")
    progress = open_page(context, harness, "progress").page
    name = progress.get_by_label("Your name or alias for the export (optional):")
    name.fill("Ana")
    name.press("Tab")
    _, ana = export(progress, tmp_path)
    progress.get_by_role("button", name="I am a different learner").click()
    assert name.input_value() == ""
    name.fill("Ben")
    name.press("Tab")
    row = progress.locator("tr[data-bank='fixture-all-types']")
    assert row.locator("td").first.inner_text() == "0 of 6"
    _, ben = export(progress, tmp_path)
    assert ben["learner"]["id"] != ana["learner"]["id"] and ben["banks"] == {}
    assert "truefalse-q" in ana["banks"]["fixture-all-types"]
    progress.get_by_label("Answers of:").select_option(label="Ana")
    assert row.locator("td").first.inner_text() == "1 of 6"
    page.reload()
    page.wait_for_function("window.harnessReady === true")
    assert "Correct." in question(page, "truefalse").locator(".bookquiz-feedback").inner_text()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_cards_follow_the_theme_with_readable_text_and_clear_choices(context, harness, theme):
    page = open_page(context, harness, "quiz").page
    page.evaluate(f"document.documentElement.dataset.theme = {theme!r}")
    q = question(page, "single")
    q.get_by_label("Mass protest movements").check()
    check(page, "single")
    q.locator(".bookquiz-retry").click()
    colours = page.evaluate(CONTRAST_JS)
    assert (colours["card"] == "rgb(255, 255, 255)") == (theme == "light"), colours["card"]
    assert colours["worst"][0][0] >= 4.5, colours["worst"]
    assert colours["chosen"] != colours["other"]


def test_progress_headers_never_break_inside_a_word(browser, harness):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(harness.url + "progress.html")
        page.wait_for_function("window.harnessReady === true")
        broken = page.evaluate(
            """() => [...document.querySelectorAll('.bookquiz-progress-table thead th')].flatMap((th) => {
                 const text = th.firstChild; const words = []; let at = 0;
                 for (const word of text.textContent.split(' ')) {
                   const range = document.createRange(); range.setStart(text, at); range.setEnd(text, at + word.length);
                   if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) words.push(word);
                   at += word.length + 1;
                 }
                 return words; })"""
        )
        assert broken == []
    finally:
        context.close()
