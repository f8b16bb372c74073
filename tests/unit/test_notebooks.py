"""Notebook and question-bank hygiene: stripped outputs, chapter template, quiz banks, citations."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from bookquiz import QUESTION_TYPES, load_bank
from coupbook.bibliography import bib_keys

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "pages").glob("*.ipynb"))
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
BANKS = sorted((ROOT / "data" / "quizzes").glob("*.yaml"))
CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def toc_files() -> set[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return {c["file"] for part in toc["parts"] for c in part["chapters"]} | {toc["root"]}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stripped_and_in_the_toc(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "commit notebooks without outputs"
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert path.relative_to(ROOT).with_suffix("").as_posix() in toc_files()


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_follows_the_template(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for part in ["Overview", "Prerequisites", "## Check your understanding", "## Discussion questions", "## Summary"]:
        assert part in text, f"{path.name} lacks {part!r}"
    assert "chapter_quiz(" in code, f"{path.name} has no quiz"
    assert "coupbook.figures" in code, f"{path.name} has no chart from coupbook.figures"
    assert CITE_ROLE.search(text), f"{path.name} cites nothing"


def test_every_chapter_has_its_bank():
    for path in CHAPTERS:
        number = path.name[:2]
        bank = load_bank(ROOT / "data" / "quizzes" / f"ch{number}.yaml")
        assert bank.page == f"chapters/{path.stem}"
        assert len(bank.questions) >= 3, f"ch{number} has fewer than 3 questions"


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_bank_questions_are_cited_with_known_keys(path):
    bank = load_bank(path)
    known = bib_keys()
    for question in bank.questions:
        assert question.cite, f"{path.name}: question {question.id} has no BibTeX citation"
        unknown = set(question.cite) - known
        assert not unknown, f"{path.name}: question {question.id} cites unknown keys {sorted(unknown)}"


def test_review_bank_uses_every_question_type():
    bank = load_bank(ROOT / "data" / "quizzes" / "ch09.yaml")
    assert {q.type for q in bank.questions} == set(QUESTION_TYPES)


def test_cited_keys_exist():
    known = bib_keys()
    sources = list(ROOT.glob("*.md")) + list((ROOT / "pages").rglob("*.md"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in sources}
    for nb_path in NOTEBOOKS:
        nb = nbformat.read(nb_path, as_version=4)
        texts[nb_path.name] = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    unknown = {
        name: sorted({k.strip() for m in CITE_ROLE.findall(t) for k in m.split(",")} - known)
        for name, t in texts.items()
    }
    assert {n: k for n, k in unknown.items() if k} == {}
