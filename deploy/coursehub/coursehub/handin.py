"""Hand in quiz answers from a hub server to the class's hand-in folder, without e-mail.

In a live notebook on the hub, after the quiz::

    from coursehub.handin import hand_in
    hand_in()          # every quiz of this notebook -> <hand-in folder>/<hub user name>.json

The file is an ordinary answer file (``bookquiz.read_answer_file`` reads it; the class-results
notebook reads the folder).  One file per student: handing in from another chapter adds that
chapter's banks to the same file, and a question already in the file is replaced only by an
entry with at least as many attempts, so a later, emptier browser never erases earlier work.
The learner id is the hub user name, so the class-results notebook sees one learner per student.

The folder is ``$COURSE_HANDIN_DIR`` (the hub's configuration sets it for every server), else
``~/handin``.
"""

from __future__ import annotations

import gc
import getpass
import json
import os
import tempfile
from pathlib import Path

HANDIN_ENV = "COURSE_HANDIN_DIR"


class HandInError(RuntimeError):
    """Nothing could be handed in; the message says why and what to do."""


def handin_folder() -> Path:
    """Where answer files go: ``$COURSE_HANDIN_DIR``, else ``~/handin``."""
    return Path(os.environ.get(HANDIN_ENV) or Path.home() / "handin")


def hub_user() -> str:
    """The student's hub user name (``$JUPYTERHUB_USER``, set by the hub in every server and kernel)."""
    return os.environ.get("JUPYTERHUB_USER") or getpass.getuser()


def live_quizzes() -> list:
    """Every bookquiz ``Quiz`` alive in this kernel (the chapters display theirs without naming them)."""
    from bookquiz import Quiz

    return [obj for obj in gc.get_objects() if isinstance(obj, Quiz)]


def merge_banks(old: dict, new: dict) -> dict:
    """``new`` answers laid over ``old``, per bank and question; an entry with fewer attempts never wins."""
    merged = {bank: dict(entries) for bank, entries in old.items()}
    for bank, entries in new.items():
        target = merged.setdefault(bank, {})
        for question, entry in entries.items():
            previous = target.get(question)
            if previous is None or entry.get("attempts", 0) >= previous.get("attempts", 0):
                target[question] = entry
    return merged


def hand_in(*quizzes, folder: str | Path | None = None, user: str | None = None, name: str | None = None) -> Path:
    """Add the answers of ``quizzes`` (default: every quiz in this kernel) to the student's hand-in file."""
    from bookquiz import AnswerFileError, build_export, read_answer_file
    from bookquiz.answers import AnswerFile

    quizzes = list(quizzes) or live_quizzes()
    answered = [q for q in quizzes if q.answers]
    if not answered:
        raise HandInError("no quiz in this notebook has an answer yet: answer a question, then hand in again")
    namespaces = {q.namespace for q in answered}
    if len(namespaces) != 1:
        books = ", ".join(sorted(namespaces))
        raise HandInError(f"these quizzes belong to different books ({books}); hand in one at a time")
    user = user or hub_user()
    folder = Path(folder) if folder else handin_folder()
    if not folder.is_dir():
        raise HandInError(f"the hand-in folder {folder} does not exist: ask your instructor (see the hub guide)")
    path = folder / f"{user}.json"
    document = build_export(answered, name=name or user, learner_id=user)
    if path.exists():
        try:
            previous = read_answer_file(path)
        except AnswerFileError as exc:
            raise HandInError(f"{exc}; your earlier hand-in is kept: ask your instructor to look at it") from None
        if previous.namespace != document["namespace"]:
            raise HandInError(f"{path} holds answers of another book ({previous.namespace}); it is kept")
        old = json.loads(path.read_text(encoding="utf-8"))["banks"]
        document["banks"] = merge_banks(old, document["banks"])
    AnswerFile.model_validate(document)  # never write a file the instructor cannot read
    # Write beside the target and rename over it, so the instructor never reads half a file.
    handle, temporary = tempfile.mkstemp(prefix=f".{user}.", suffix=".tmp", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2, ensure_ascii=False)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)
    return path
