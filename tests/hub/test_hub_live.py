"""A class on a real JupyterHub (127.0.0.1): the deployed configuration, a local spawner.

One story, in order, because each step needs the one before:

1. alice clicks the chapter's class link (nbgitpuller), signs in for the first time, her server
   starts and the course is pulled from the course repository; she answers a quiz question in
   the browser, and the hub's API reads ``quiz.score`` in her kernel; she hands in.
2. bob does the same in his own browser and sees none of it: not in his quiz, his kernel, his
   files, and his token cannot open alice's server.
3. The course changes upstream while alice has edited the chapter: her next click on the link
   keeps her edits and brings the course's, and her answers (kernel, browser, hand-in) survive.
4. On a shared computer, alice logs out and carol signs in in the same browser: the logout has
   cleared alice's answers from the browser, so carol's quiz and kernel start empty.
5. The instructor reads the hand-in folder with the class-results code.
"""

from __future__ import annotations

import json
import time

import nbformat
import pytest
import yaml

from tests.browser.conftest import watch
from tests.support import run_cell_until

from .localhub import BRANCH, git

pytestmark = pytest.mark.browser

CHAPTER = "chapters/01_what_is_a_coup.ipynb"  # its quiz cell runs on its own (no earlier cell needed)
BANK = "ch01"
NOTEBOOK = f"course/{CHAPTER}"  # in each student's home: nbgitpuller's target folder is "course"
PASSWORDS = {"alice": "alice-pass-1", "bob": "bob-pass-22", "carol": "carol-pass-333"}
STORAGE_KEYS = "Object.keys(localStorage).filter((k) => k.startsWith('bookquiz'))"
QUIZ_STATE = (
    "import json\nfrom coursehub.handin import live_quizzes\n"
    "print(json.dumps([{'bank': q.bank_id, 'score': q.score, 'answers': q.answers} for q in live_quizzes()]))"
)


def link(hub, repo: str) -> str:
    from coursehub.links import nbgitpuller_link

    return nbgitpuller_link(hub.url, repo, CHAPTER, branch=BRANCH, targetpath="course")


def first_single_question(upstream_path) -> tuple[str, str, str]:
    """(id, prompt, correct option text) of the bank's first single-choice question."""
    bank = yaml.safe_load((upstream_path / "data" / "quizzes" / f"{BANK}.yaml").read_text(encoding="utf-8"))
    question = next(q for q in bank["questions"] if q["type"] == "single")
    right = next(o["text"] for o in question["options"] if o.get("correct"))
    return question["id"], question["prompt"], right


def sign_in_through_link(page, hub, repo: str, user: str) -> None:
    """Follow the class link as a student who is not signed in: sign in, wait for the chapter."""
    page.goto(link(hub, repo))
    page.wait_for_selector("input[name=username]", timeout=60_000)
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORDS[user])
    page.keyboard.press("Enter")
    # Sign-in, implicit spawn, nbgitpuller's page, then JupyterLab with the notebook.
    page.wait_for_url(f"**/user/{user}/lab/tree/{NOTEBOOK}", timeout=240_000)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=120_000)


def run_quiz_cell(page):
    """Run the chapter's quiz cell (Shift+Enter in it) and return the quiz's locator."""
    cell = page.locator(".jp-Cell", has_text="chapter_quiz(").last
    quiz = page.locator(".bookquiz").first
    run_cell_until(page, cell, quiz, tries=4, wait_ms=30_000)
    return quiz


def quiz_state(hub, user: str, *, token: str | None = None) -> list[dict]:
    kernel = hub.kernel_of(user, NOTEBOOK, token=token)
    return json.loads(hub.run(user, kernel, QUIZ_STATE, token=token).strip().splitlines()[-1])


def wait_for_score(hub, user: str, at_least: int, timeout: float = 30) -> list[dict]:
    """The widget syncs to the kernel asynchronously: poll until the kernel has the answer."""
    deadline = time.monotonic() + timeout
    while True:
        state = quiz_state(hub, user)
        if any(q["bank"] == BANK and q["score"] >= at_least for q in state) or time.monotonic() > deadline:
            return state
        time.sleep(1)


@pytest.fixture(scope="module")
def story():
    """What one step leaves for the next."""
    return {}


def test_1_alice_opens_the_chapter_answers_and_hands_in(hub, upstream, browser, story):
    repo, upstream_path = upstream
    qid, prompt, right = first_single_question(upstream_path)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = watch(context)
    page = watched.page
    sign_in_through_link(page, hub, repo, "alice")
    assert (hub.homes / "alice" / NOTEBOOK).is_file(), "nbgitpuller did not pull the course into alice's home"

    quiz = run_quiz_cell(page)
    question = quiz.locator("section.bookquiz-question", has_text=prompt)
    question.get_by_label(right, exact=True).check()
    question.locator(".bookquiz-check").click()
    assert "Correct." in question.locator(".bookquiz-feedback").inner_text()

    state = wait_for_score(hub, "alice", 1)
    banked = next(q for q in state if q["bank"] == BANK)
    assert banked["score"] >= 1 and banked["answers"][qid]["attempts"][0]["correct"] is True, state

    # The hand-in, as a student's cell would run it.
    kernel = hub.kernel_of("alice", NOTEBOOK)
    written = hub.run("alice", kernel, "from coursehub.handin import hand_in\nprint(hand_in())").strip()
    assert written == str(hub.handin / "alice.json")
    document = json.loads((hub.handin / "alice.json").read_text(encoding="utf-8"))
    assert document["learner"] == {"id": "alice", "name": "alice"}
    assert document["banks"][BANK][qid]["attempts"][0]["correct"] is True
    assert page.evaluate(STORAGE_KEYS), "the quiz did not save alice's answer in the browser"
    assert watched.external_requests == []
    story.update(alice=context, qid=qid, prompt=prompt, right=right, handed_in=(hub.handin / "alice.json").read_bytes())
    page.close()


def test_2_bob_sees_none_of_alice(hub, upstream, browser, story):
    repo, _ = upstream
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = watch(context).page
    try:
        sign_in_through_link(page, hub, repo, "bob")
        quiz = run_quiz_cell(page)
        question = quiz.locator("section.bookquiz-question", has_text=story["prompt"])
        assert question.locator(".bookquiz-feedback").inner_text().strip() == ""
        assert not question.get_by_label(story["right"], exact=True).is_checked()
        state = quiz_state(hub, "bob")
        assert state and all(q["answers"] == {} and q["score"] == 0 for q in state), state
        # Keys are scoped to the hub user (bookquiz:v2:<book>@<user>:...): bob's browser holds
        # no answers yet and nothing of alice's.
        keys = page.evaluate(STORAGE_KEYS)
        assert not [k for k in keys if k.startswith("bookquiz:") or "@alice" in k], keys
        assert not any("alice" in str(p) for p in (hub.homes / "bob").rglob("*"))
        # bob's own token opens his server, not alice's.
        token = hub.user_token("bob")
        assert hub.server("bob", "GET", "/api/status", token=token).status_code == 200
        assert hub.server("alice", "GET", "/api/status", token=token, allow_redirects=False).status_code == 403
    finally:
        context.close()


def test_3_a_course_update_keeps_alices_edits_and_answers(hub, upstream, story):
    repo, upstream_path = upstream
    home = hub.homes / "alice" / "course"
    # alice edits the chapter's first cell and keeps notes in a file of her own ...
    mine = nbformat.read(home / CHAPTER, as_version=4)
    mine.cells[0].source = "Alice's note: read the timeline twice.\n\n" + mine.cells[0].source
    nbformat.write(mine, home / CHAPTER)
    (home / "chapters" / "notes.md").write_text("alice's notes\n", encoding="utf-8")
    # ... while the course changes the chapter's last cell and adds a file of the same name.
    theirs = nbformat.read(upstream_path / CHAPTER, as_version=4)
    theirs.cells[-1].source += "\n\nCourse update: one more reading."
    nbformat.write(theirs, upstream_path / CHAPTER)
    (upstream_path / "chapters" / "notes.md").write_text("the course's notes\n", encoding="utf-8")
    git("add", "-A", cwd=upstream_path)
    git("commit", "--quiet", "-m", "Course update", cwd=upstream_path)

    hub.pull("alice", repo)  # what her next click on the link does before opening the chapter

    merged = nbformat.read(home / CHAPTER, as_version=4)
    nbformat.validate(merged)
    assert merged.cells[0].source.startswith("Alice's note"), "alice's edit was lost"
    assert merged.cells[-1].source.endswith("Course update: one more reading."), "the course's change did not arrive"
    assert (home / "chapters" / "notes.md").read_text(encoding="utf-8") == "the course's notes\n"
    renamed = [p for p in (home / "chapters").glob("notes__*.md")]
    assert len(renamed) == 1 and renamed[0].read_text(encoding="utf-8") == "alice's notes\n"
    # Her answers: still in her kernel, in her browser, and in the hand-in folder.
    banked = next(q for q in quiz_state(hub, "alice") if q["bank"] == BANK)
    assert banked["answers"][story["qid"]]["attempts"][0]["correct"] is True
    assert (hub.handin / "alice.json").read_bytes() == story["handed_in"]
    page = story["alice"].new_page()
    page.goto(f"{hub.url}/hub/home")
    keys = page.evaluate(STORAGE_KEYS)
    assert any(k.startswith("bookquiz:v2:coups-and-rebellions@alice:") and k.endswith(f":{BANK}") for k in keys), keys
    page.close()


def test_4_on_a_shared_computer_the_next_student_starts_empty(hub, upstream, story):
    repo, _ = upstream
    context = story["alice"]  # the same browser profile: a lab computer
    page = context.new_page()
    try:
        page.goto(f"{hub.url}/hub/logout")
        page.wait_for_selector("input[name=username]", timeout=30_000)
        assert page.evaluate(STORAGE_KEYS) == [], "the logout left alice's answers in the browser"
        sign_in_through_link(page, hub, repo, "carol")
        quiz = run_quiz_cell(page)
        question = quiz.locator("section.bookquiz-question", has_text=story["prompt"])
        assert question.locator(".bookquiz-feedback").inner_text().strip() == ""
        state = quiz_state(hub, "carol")
        assert state and all(q["answers"] == {} for q in state), state
    finally:
        context.close()


def test_5_the_instructor_reads_the_hand_in_folder(hub, story):
    from coupbook import classresults

    assert hub.handin.stat().st_mode & 0o7777 == 0o1733
    answers = classresults.load_class(hub.handin)
    assert list(answers.files) == ["alice.json"], answers.report()
    assert answers.files["alice.json"].learner.id == "alice"
