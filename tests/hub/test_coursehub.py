"""coursehub without a hub: class links, the hand-in file, the deploy files' pins."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from bookquiz import Quiz, load_bank, read_answer_file
from coupbook.quizzes import NAMESPACE, chapter_quiz

from .localhub import DEPLOY, ROOT

sys.path.insert(0, str(DEPLOY / "coursehub"))
from coursehub import handin, links  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "banks" / "all_types.yaml"


# --- links ---------------------------------------------------------------------------------
def test_link_opens_the_chapter_in_jupyterlab():
    url = links.nbgitpuller_link(
        "https://hub.example.edu/", "https://git.example.edu/course/coups-and-rebellions.git", "chapters/04_x.ipynb"
    )
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {
        "repo": "https://git.example.edu/course/coups-and-rebellions.git",
        "branch": "main",
        "targetpath": "coups-and-rebellions",
        "urlpath": "lab/tree/coups-and-rebellions/chapters/04_x.ipynb",
    }


def test_chapter_numbers_find_their_notebook():
    assert links.chapter_path("04", ROOT) == "chapters/04_wagner_mutiny.ipynb"
    assert links.chapter_path("4", ROOT) == "chapters/04_wagner_mutiny.ipynb"
    assert links.chapter_path("chapters/04_wagner_mutiny.ipynb", ROOT) == "chapters/04_wagner_mutiny.ipynb"
    with pytest.raises(links.LinkError, match="no single notebook"):
        links.chapter_path("99", ROOT)
    with pytest.raises(links.LinkError, match="give a number"):
        links.chapter_path("wagner", ROOT)


@pytest.mark.parametrize("hub", ["hub.example.edu", "ftp://hub.example.edu", ""])
def test_a_hub_address_without_scheme_is_refused(hub):
    with pytest.raises(links.LinkError, match="full address"):
        links.nbgitpuller_link(hub, "https://git.example.edu/c.git")


def test_make_hub_link_prints_the_link():
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "hub-link", "CHAPTER=04", "HUB=https://hub.example.edu",
         "REPO=https://git.example.edu/course.git", "BRANCH=spring"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("https://hub.example.edu/hub/user-redirect/git-pull?")
    assert "branch=spring" in line and "chapters%2F04_wagner_mutiny.ipynb" in line


def test_make_hub_link_explains_a_bad_chapter():
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "hub-link", "CHAPTER=42", "REPO=https://git.example.edu/c.git"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0 and "chapter '42'" in result.stderr


# --- hand-in -------------------------------------------------------------------------------
def answered(quiz: Quiz, question_id: str, attempts: int = 1) -> Quiz:
    quiz.answers = {**quiz.answers, question_id: {"response": "x", "correct": False, "attempts": attempts}}
    return quiz


def test_hand_in_writes_one_readable_file_per_student(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "ada")
    monkeypatch.setenv(handin.HANDIN_ENV, str(tmp_path))
    quiz = answered(chapter_quiz("ch04"), chapter_quiz("ch04").questions[0]["id"])
    path = handin.hand_in(quiz)
    assert path == tmp_path / "ada.json"
    document = read_answer_file(path)
    assert document.namespace == NAMESPACE and document.learner.id == "ada"
    assert list(document.banks) == ["ch04"]
    assert [p.name for p in tmp_path.iterdir()] == ["ada.json"]  # no temporary file left behind


def test_hand_in_from_another_chapter_adds_to_the_same_file(tmp_path):
    first = answered(chapter_quiz("ch04"), chapter_quiz("ch04").questions[0]["id"])
    second = answered(chapter_quiz("ch01"), chapter_quiz("ch01").questions[0]["id"])
    handin.hand_in(first, folder=tmp_path, user="ada")
    handin.hand_in(second, folder=tmp_path, user="ada")
    assert set(read_answer_file(tmp_path / "ada.json").banks) == {"ch01", "ch04"}


def test_a_later_emptier_browser_never_erases_earlier_tries():
    old = {"ch04": {"q1": {"attempts": 3, "correct": True}, "q2": {"attempts": 1}}}
    new = {"ch04": {"q1": {"attempts": 1, "correct": False}, "q2": {"attempts": 2}}, "ch01": {"q": {"attempts": 1}}}
    merged = handin.merge_banks(old, new)
    assert merged["ch04"]["q1"] == {"attempts": 3, "correct": True}
    assert merged["ch04"]["q2"] == {"attempts": 2}
    assert merged["ch01"] == {"q": {"attempts": 1}}


def test_hand_in_refuses_clearly(tmp_path):
    quiz = Quiz(load_bank(FIXTURE))
    with pytest.raises(handin.HandInError, match="no quiz .* has an answer"):
        handin.hand_in(quiz, folder=tmp_path, user="ada")
    with pytest.raises(handin.HandInError, match="does not exist"):
        handin.hand_in(answered(quiz, "single-q"), folder=tmp_path / "missing", user="ada")
    (tmp_path / "ada.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(handin.HandInError, match="earlier hand-in is kept"):
        handin.hand_in(quiz, folder=tmp_path, user="ada")
    assert (tmp_path / "ada.json").read_text(encoding="utf-8") == "{not json"


def test_live_quizzes_finds_quizzes_nobody_named():
    chapter_quiz("ch02")  # displayed by a chapter, never assigned to a variable
    kept = chapter_quiz("ch03")
    assert any(q is kept for q in handin.live_quizzes())


# --- the deploy files ----------------------------------------------------------------------
def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)$", line.strip())
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_every_hub_requirement_is_pinned_and_students_run_the_hubs_release():
    hub, user, course = (
        pins(DEPLOY / "requirements.txt"),
        pins(DEPLOY / "user-requirements.txt"),
        pins(ROOT / "requirements.txt"),
    )
    for name in ("jupyterhub", "jupyterhub-firstuseauthenticator", "oauthenticator", "jupyterhub-ltiauthenticator",
                 "jupyterhub-systemdspawner", "jupyterhub-idle-culler"):  # fmt: skip
        assert name in hub, f"{name} is not pinned in deploy/requirements.txt"
    assert user["jupyterhub"] == hub["jupyterhub"], "students' jupyterhub-singleuser must match the hub (make hub-lock)"
    assert "nbgitpuller" in user
    clashes = {n: (v, course[n]) for n, v in user.items() if n in course and course[n] != v}
    assert clashes == {}, f"deploy/user-requirements.txt disagrees with requirements.txt: {clashes} (make hub-lock)"


def test_the_proxy_is_pinned_from_npm():
    package = json.loads((DEPLOY / "package.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    lock = json.loads((DEPLOY / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == version


def test_kubernetes_values_request_what_the_guide_says():
    values = yaml.safe_load((DEPLOY / "kubernetes" / "values.yaml").read_text(encoding="utf-8"))
    single = values["singleuser"]
    assert single["memory"]["guarantee"] and single["memory"]["limit"]
    assert single["cpu"]["guarantee"] and single["cpu"]["limit"]
    assert single["image"]["name"] and single["image"]["tag"]
    assert single["defaultUrl"] == "/lab"
    guide = (ROOT / "pages" / "hub_guide.md").read_text(encoding="utf-8")
    for figure in (single["memory"]["guarantee"], single["memory"]["limit"]):
        assert str(figure) in guide, f"the guide does not explain the memory figure {figure}"


def test_the_image_folder_is_the_course_at_a_commit_with_binder_files(tmp_path):
    sys.path.insert(0, str(DEPLOY / "image"))
    import stage

    folder = stage.stage(tmp_path / "image", "HEAD")
    binder = folder / "binder"
    assert (folder / "chapters" / "04_wagner_mutiny.ipynb").is_file() and (folder / "data").is_dir()
    assert (binder / "runtime.txt").read_text().strip() == "python-3.11"
    requirements = pins(binder / "requirements.txt")
    assert requirements["jupyterlab"] == pins(ROOT / "requirements.txt")["jupyterlab"]
    assert requirements["jupyterhub"] == pins(DEPLOY / "user-requirements.txt")["jupyterhub"]
    assert "nbgitpuller" in requirements
    assert (binder / "postBuild").stat().st_mode & 0o111
