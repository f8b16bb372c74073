"""The book's quizzes: question banks in data/quizzes/, one per chapter, shown with bookquiz.

Notebooks call :func:`chapter_quiz` (a quiz) and :func:`progress_board` (the "My progress" page).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from bookquiz import Bank, ProgressBoard, Quiz, load_bank

from .bibliography import bib_keys
from .paths import QUIZ_DIR

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


def chapter_quiz(
    bank_id: str,
    question_ids: Iterable[str] | None = None,
    *,
    title: str | None = None,
    exclude: Iterable[str] = (),
) -> Quiz:
    """A quiz over a bank (or some of its questions); answer keys show in the instructor edition.

    ``exclude`` leaves out questions that the page already shows in a quiz of their own (the
    guided questions next to a model), so that no question appears twice on one page: two views
    of one question would each keep their own record of the learner's attempts.
    """
    chosen = bank(bank_id)
    skip = set(exclude)
    unknown = skip - {q.id for q in chosen.questions}
    if unknown:
        raise KeyError(f"bank {bank_id!r} has no question {', '.join(sorted(unknown))}")
    if skip:
        question_ids = [i for i in (question_ids or [q.id for q in chosen.questions]) if i not in skip]
    return Quiz(chosen, question_ids, namespace=NAMESPACE, title=title)


def page_url(docname: str, from_docname: str) -> str:
    """Relative URL of a book page (Sphinx docname) as seen from another page's HTML file."""
    depth = from_docname.count("/")
    return "../" * depth + f"{docname}.html"


def progress_board(from_docname: str = "pages/my_progress") -> ProgressBoard:
    banks = all_banks()
    urls = {b.bank: page_url(b.page, from_docname) for b in banks if b.page}
    return ProgressBoard(banks, urls, namespace=NAMESPACE)


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
