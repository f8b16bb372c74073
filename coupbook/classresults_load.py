"""Loading a class's answer files: a folder (searched recursively) or a zip of submissions.

An instructor may put learners' files in a folder (sub-folders and any letter case of ``.json``
are fine) or use the zip that a learning platform's "download all submissions" gives:

- **Canvas** puts every file in one folder of the zip and renames it
  ``lastfirst_[LATE_]<user id>_<attachment id>_<original name>`` (a resubmitted file gets a number
  before its extension).
- **Moodle** (assignment, "Download all submissions") puts each participant's files in a folder
  ``<Full Name>_<participant id>_assignsubmission_file/`` (or, with "Download submissions in
  folders" off, prefixes the file name with it); online text comes as ``onlinetext.html``.

The platform's id and name are kept with each file (:class:`Identity`), for the gradebook.  Every
file that is not used is listed with its reason: not a ``.json`` file, too large, unreadable,
malformed, from another book, a copy of another file, or superseded by a later export of the same
learner.  Learners are told apart by the id in their file (never by name), and of several files of
one learner the one exported last is used.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bookquiz import AnswerFile, AnswerFileError
from bookquiz.answers import MAX_FILE_BYTES, read_answer_bytes

from .quizzes import NAMESPACE

MAX_ZIP_MEMBERS = 5000
NOT_ANSWERS = "not a .json or .zip file"
TOO_BIG = f"is larger than the {MAX_FILE_BYTES / 1e6:g} MB limit"
CANVAS = re.compile(r"^(?P<name>[^_/]+)_(?:LATE_)?(?P<user>\d+)_(?P<attachment>\d+)_(?P<original>.+)$")
MOODLE = re.compile(r"^(?P<name>.+?)_(?P<user>\d+)_+assignsubmission_file(?:_|$)")


@dataclass(frozen=True)
class Identity:
    """Who a learning platform says submitted a file (from the names in its zip)."""

    platform: str  # "canvas" or "moodle"
    user: str  # Canvas user id, or Moodle participant id (per assignment, not the user id)
    name: str  # Canvas's "lastfirst", or Moodle's full name


def platform_identity(path: str) -> Identity | None:
    """The Canvas or Moodle identity in a file's path inside a submissions zip, if there is one."""
    parts = path.split("/")
    for part in parts:
        if match := MOODLE.match(part):
            return Identity("moodle", match["user"], match["name"])
    if match := CANVAS.match(parts[-1]):
        return Identity("canvas", match["user"], match["name"])
    return None


@dataclass
class ClassAnswers:
    """The answer files used (one per learner) and every other file with the reason it was skipped."""

    files: dict[str, AnswerFile] = field(default_factory=dict)  # file -> contents
    skipped: dict[str, str] = field(default_factory=dict)  # file -> reason
    identities: dict[str, Identity] = field(default_factory=dict)  # file -> platform identity
    learners: dict[str, str] = field(default_factory=dict)  # file -> learner key (the id in the file)

    def report(self) -> str:
        learners = len(set(self.learners.values()))
        lines = [f"{learners} learners: {len(self.files)} answer files used, {len(self.skipped)} skipped."]
        lines += [f"  skipped {name}: {reason}" for name, reason in sorted(self.skipped.items())]
        return "\n".join(lines)


@dataclass
class _Candidate:
    name: str  # as reported: path in the folder, or zip name/path in the zip
    path: str  # path used to find a platform identity
    data: bytes = b""
    reason: str = ""  # why it cannot be used, if known before parsing


def _macos_metadata(path: str) -> bool:
    parts = path.split("/")
    return "__MACOSX" in parts or parts[-1].startswith("._")


def _classify(path: str) -> str:
    """'json', 'zip', or the reason the file is not an answer file."""
    lower = path.lower()
    if _macos_metadata(path):
        return "macOS metadata, not an answer file"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(".zip"):
        return "zip"
    return NOT_ANSWERS


def _zip_candidates(archive_path: Path, label: str) -> Iterator[_Candidate]:
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield _Candidate(label, label, reason=f"is not a readable zip ({exc})")
        return
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            yield _Candidate(label, label, reason=f"holds more than {MAX_ZIP_MEMBERS} files")
            return
        for info in members:
            name = f"{label}/{info.filename}"
            kind = _classify(info.filename)
            if kind == "zip":
                yield _Candidate(name, info.filename, reason="a zip inside a zip: unzip it and add its files")
            elif kind != "json":
                yield _Candidate(name, info.filename, reason=kind)
            elif info.file_size > MAX_FILE_BYTES:
                yield _Candidate(name, info.filename, reason=f"{TOO_BIG} ({info.file_size / 1e6:.1f} MB)")
            else:
                try:
                    with archive.open(info) as member:
                        data = member.read(MAX_FILE_BYTES + 1)  # never more, whatever the header says
                except (RuntimeError, NotImplementedError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                    yield _Candidate(name, info.filename, reason=f"cannot be read from the zip ({exc})")
                    continue
                yield _Candidate(name, info.filename, data)


def _file_candidate(path: Path, name: str) -> _Candidate:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _Candidate(name, name, reason=f"{TOO_BIG} ({size / 1e6:.1f} MB)")
        with path.open("rb") as handle:
            return _Candidate(name, name, handle.read(MAX_FILE_BYTES + 1))
    except OSError as exc:
        return _Candidate(name, name, reason=f"cannot be read ({exc.strerror or exc.__class__.__name__})")


def _candidates(source: Path) -> Iterator[_Candidate]:
    if source.is_file():
        kind = _classify(source.name)
        if kind == "zip":
            yield from _zip_candidates(source, source.name)
        elif kind == "json":
            yield _file_candidate(source, source.name)
        else:
            yield _Candidate(source.name, source.name, reason=kind)
        return
    found = []
    for folder, subfolders, names in os.walk(source):
        subfolders.sort()
        found += [Path(folder, n) for n in names]
    for path in sorted(found, key=lambda p: p.relative_to(source).as_posix()):
        name = path.relative_to(source).as_posix()
        kind = _classify(name)
        if kind == "zip":
            yield from _zip_candidates(path, name)
        elif kind == "json":
            yield _file_candidate(path, name)
        else:
            yield _Candidate(name, name, reason=kind)


def _superseded(answers: AnswerFile, kept: str, newest: AnswerFile) -> str:
    when = f"{newest.exported_at:%Y-%m-%d %H:%M} UTC, this one {answers.exported_at:%Y-%m-%d %H:%M} UTC"
    reason = f"superseded by {kept} (the same learner's later export: {when})"
    if answers.learner.name != newest.learner.name:
        reason += (
            f"; it has another name ({answers.learner.name!r}, kept {newest.learner.name!r}): if two learners"
            " shared one browser, each must export under their own id"
        )
    return reason


def load_class(source: str | Path, namespace: str = NAMESPACE) -> ClassAnswers:
    """Read a folder (recursively, with any zips in it) or a zip; keep each learner's latest file."""
    source = Path(source).expanduser()
    if not source.exists():
        raise FileNotFoundError(f"{source} does not exist: set ANSWERS to the folder or zip of answer files")
    result = ClassAnswers()
    first_with_content: dict[str, str] = {}
    usable: list[tuple[str, AnswerFile, Identity | None]] = []
    for candidate in _candidates(source):
        if candidate.reason:
            result.skipped[candidate.name] = candidate.reason
            continue
        digest = hashlib.sha256(candidate.data).hexdigest()
        if digest in first_with_content:
            result.skipped[candidate.name] = f"duplicate: same content as {first_with_content[digest]}"
            continue
        first_with_content[digest] = candidate.name
        try:
            answers = read_answer_bytes(candidate.data, candidate.name)
        except AnswerFileError as exc:
            result.skipped[candidate.name] = exc.message
            continue
        if answers.namespace != namespace:
            result.skipped[candidate.name] = f"answers for another book (namespace {answers.namespace!r})"
            continue
        usable.append((candidate.name, answers, platform_identity(candidate.path)))

    by_id: dict[str, list[tuple[str, AnswerFile, Identity | None]]] = defaultdict(list)
    for item in usable:
        by_id[item[1].learner.id].append(item)
    learners: dict[str, list[tuple[str, AnswerFile, Identity | None]]] = defaultdict(list)
    for learner_id, group in by_id.items():
        # One id submitted by several platform users means a shared browser: they are different learners.
        users = {(i.platform, i.user) for _, _, i in group if i}
        for item in group:
            identity = item[2]
            split = len(users) > 1 and identity is not None
            learners[f"{learner_id}@{identity.platform}:{identity.user}" if split else learner_id].append(item)
    kept: dict[str, tuple[str, AnswerFile, Identity | None]] = {}
    for key, group in learners.items():
        group.sort(key=lambda item: (item[1].exported_at, item[0]))
        kept[key] = newest = group[-1]
        for name, answers, _ in group[:-1]:
            result.skipped[name] = _superseded(answers, newest[0], newest[1])
    for key, (name, answers, identity) in sorted(kept.items(), key=lambda item: item[1][0]):
        result.files[name] = answers
        result.learners[name] = key
        if identity:
            result.identities[name] = identity
    return result
