"""The book's quizzes: question banks in data/quizzes/, one per chapter, shown with bookquiz.

Notebooks call :func:`chapter_quiz` (a quiz) and :func:`progress_board` (the "My progress" page).
A chapter that shows its bank as more than one quiz (a practice quiz beside a model, dossiers)
names them in data/book_quizzes.yaml (:func:`quiz_parts`); My progress has one row per quiz.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import yaml

from bookquiz import Bank, ProgressBoard, Quiz, load_bank

from .bibliography import bib_keys
from .paths import DATA_DIR, QUIZ_DIR

BOOK_QUIZZES = DATA_DIR / "book_quizzes.yaml"

# localStorage namespace of this book's answers: keeps them apart from other books on one host.
NAMESPACE = "coups-and-rebellions"


@cache
def bank(bank_id: str) -> Bank:
    """A bank of data/quizzes; every ``cite`` key must be in references.bib (checked on loading)."""
    return load_bank(QUIZ_DIR / f"{bank_id}.yaml", known_citations=known_citations())


@cache
def known_citations() -> frozenset[str]:
    return frozenset(bib_keys())


def all_banks() -> list[Bank]:
    return [bank(path.stem) for path in sorted(QUIZ_DIR.glob("*.yaml"))]


@dataclass(frozen=True)
class QuizPart:
    """One quiz a chapter shows of its bank: its id in the bank, title, My progress label, questions."""

    bank: str
    part: str
    title: str  # above the quiz
    label: str  # its row in My progress
    practice: bool  # a practice quiz inside the chapter, besides the end-of-chapter quiz
    questions: list[str]
    rest: bool  # the chapter's own quiz: the questions no other part lists


REST = "rest"  # the part that gets every question no other part lists


@cache
def _book_quizzes() -> dict:
    return yaml.safe_load(BOOK_QUIZZES.read_text(encoding="utf-8")) or {}


def quiz_parts(bank_id: str) -> list[QuizPart]:
    """The quizzes a chapter shows of a bank, in page order (one quiz of every question if not split)."""
    chosen = bank(bank_id)
    every = [q.id for q in chosen.questions]
    where = f"{BOOK_QUIZZES.name}, bank {bank_id}"
    entries = _book_quizzes().get(bank_id) or [{"part": "chapter", "questions": REST}]
    listed = [i for e in entries if e.get("questions") != REST for i in e.get("questions") or []]
    unknown = sorted(set(listed) - set(every))
    if unknown:
        raise KeyError(f"{where}: bank {bank_id!r} has no question {', '.join(unknown)}")
    if len(set(listed)) != len(listed):
        raise ValueError(f"{where}: a question is listed in two quizzes")
    parts = []
    for entry in entries:
        ids = [i for i in every if i not in listed] if entry.get("questions") == REST else list(entry["questions"])
        title = entry.get("title") or chosen.title
        label, practice, rest = entry.get("label") or title, bool(entry.get("practice")), entry["questions"] == REST
        parts.append(QuizPart(bank_id, entry["part"], title, label, practice, ids, rest))
    if sorted(i for p in parts for i in p.questions) != sorted(every):
        raise ValueError(f"{where}: every question of the bank must be in exactly one quiz")
    return parts


def chapter_quiz(
    bank_id: str,
    question_ids: Iterable[str] | None = None,
    *,
    title: str | None = None,
    part: str | None = None,
) -> Quiz:
    """A quiz over a bank; answer keys show in the instructor edition.

    ``part`` names one of the quizzes of data/book_quizzes.yaml (``part="practice"``: the practice
    quiz beside a model).  Without ``part`` or ``question_ids``, the chapter's own quiz: the part
    whose questions are the rest (every question for a bank that is not split), so that no
    question appears in two quizzes: two views of one question would each keep their own record
    of the learner's attempts, and My progress counts each quiz on its own row.
    """
    parts = quiz_parts(bank_id)
    chosen = [p for p in parts if p.part == part] if part is not None else []
    if part is not None and not chosen:
        raise KeyError(f"{BOOK_QUIZZES.name} has no quiz {part!r} for bank {bank_id!r}")
    if part is None and question_ids is None:
        chosen = [p for p in parts if p.rest]
    if chosen:
        question_ids, title = chosen[0].questions, title or chosen[0].title
    return Quiz(bank(bank_id), question_ids, namespace=NAMESPACE, title=title)


def page_url(docname: str, from_docname: str) -> str:
    """Relative URL of a book page (Sphinx docname) as seen from another page's HTML file."""
    depth = from_docname.count("/")
    return "../" * depth + f"{docname}.html"


def progress_board(from_docname: str = "pages/my_progress") -> ProgressBoard:
    banks = all_banks()
    urls = {b.bank: page_url(b.page, from_docname) for b in banks if b.page}
    parts = {
        b.bank: [
            {
                "part": p.part,
                "label": p.label if p.label != b.title else "",
                "practice": p.practice,
                "questions": p.questions,
            }
            for p in quiz_parts(b.bank)
        ]
        for b in banks
    }
    return ProgressBoard(banks, urls, parts=parts, namespace=NAMESPACE)


def answer_key_html(banks: Iterable[Bank] | None = None) -> str:
    """The answer key of every bank as HTML tables (escaped), for the instructor edition."""
    from html import escape

    from bookquiz import answer_key

    parts = []
    for b in banks or all_banks():
        parts.append(f'<h3 id="key-{escape(b.bank)}">{escape(b.title)} <code>{escape(b.bank)}</code></h3>')
        parts.append('<table class="table answer-key"><thead><tr><th scope="col">Question</th>')
        parts.append('<th scope="col">Answer</th><th scope="col">Why</th></tr></thead><tbody>')
        for q in b.questions:
            key = "<br>".join(escape(line) for line in answer_key(q))
            parts.append(
                f"<tr><td>{escape(q.prompt)} <small>({escape(q.type)}, <code>{escape(q.id)}</code>)</small></td>"
                f"<td>{key}</td><td>{escape(q.explanation or '')} <small>Source: {escape(q.source)}</small></td></tr>"
            )
        parts.append("</tbody></table>")
    return "\n".join(parts)
