"""bookquiz: quiz widgets that grade in the browser.

The same quiz works live in JupyterLab (answers sync to ``quiz.answers`` / ``quiz.score``), in
a static Jupyter Book with no kernel (grading and storage happen in the page), and in tests.

>>> from bookquiz import load_bank, Quiz
>>> quiz = Quiz(load_bank("ch01.yaml"))       # doctest: +SKIP
>>> quiz                                        # doctest: +SKIP
"""

from .answers import AnswerFile, AnswerFileError, answer_document, build_export, export_answers, read_answer_file
from .bank import Bank, BankError, load_bank, parse_bank
from .grading import Result, answer_key, first_try_score, grade, score
from .lint import Finding, lint
from .progress import ProgressBoard
from .qtypes import QUESTION_TYPES, REGISTRY
from .quiz import INSTRUCTOR_ENV, Quiz, instructor_mode

__all__ = [
    "INSTRUCTOR_ENV",
    "QUESTION_TYPES",
    "REGISTRY",
    "AnswerFile",
    "AnswerFileError",
    "Bank",
    "BankError",
    "Finding",
    "ProgressBoard",
    "Quiz",
    "Result",
    "answer_document",
    "answer_key",
    "build_export",
    "export_answers",
    "first_try_score",
    "grade",
    "instructor_mode",
    "lint",
    "load_bank",
    "parse_bank",
    "read_answer_file",
    "score",
]
