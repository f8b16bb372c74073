"""Build the book with warnings as errors: the student edition, or the instructor edition.

    python tools/build_book.py               # student edition  -> _build/html
    python tools/build_book.py --instructor  # answer keys shown -> _build/instructor/_build/html
    python tools/build_book.py --clean       # throw away cached notebook outputs first

Notebook outputs are cached by jupyter-cache, which re-runs a notebook only when its code
cells change.  It cannot see the files the notebooks import or read (the quiz widgets, the
course package, the data and question banks), so this script hashes those and starts from a
clean build folder when they changed.  Sphinx also skips copying static files when no page is
out of date, so a change in _assets/ or _vendor/ (our CSS/JS, the vendored libraries) triggers a
full re-write (``--all``; cached notebook outputs are reused).  A failing notebook or any Sphinx warning fails the
build (``-W --keep-going``; ``nb_execution_raise_on_error`` in _config.yml).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Everything executed notebooks depend on besides their own code.
NOTEBOOK_INPUTS = ["coupbook", "widgets/src", "data"]
# Copied into _static/ only when Sphinx writes pages.
STATIC_INPUTS = ["_assets", "_vendor"]
INSTRUCTOR_ENV = "BOOKQUIZ_INSTRUCTOR"  # read by bookquiz.quiz.instructor_mode()


def build_dir(instructor: bool) -> Path:
    """Folder that jupyter-book's --path-output gets; the HTML is in its _build/html."""
    return ROOT / "_build" / "instructor" if instructor else ROOT


def inputs_digest(folders: list[str]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc"):
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def clear_outputs(build: Path, instructor: bool) -> None:
    """Remove cached outputs, doctrees and HTML so every notebook re-runs (keeps the nested
    instructor build when clearing the student one)."""
    target = build / "_build"
    if not target.exists():
        return
    for child in target.iterdir():
        if not instructor and child.name == "instructor":
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instructor", action="store_true", help="build the edition that shows answer keys")
    parser.add_argument("--clean", action="store_true", help="discard cached notebook outputs first")
    args = parser.parse_args()

    build = build_dir(args.instructor)
    stamp = build / "_build" / ".notebook-inputs.sha256"
    static_stamp = build / "_build" / ".static-inputs.sha256"
    digest, static_digest = inputs_digest(NOTEBOOK_INPUTS), inputs_digest(STATIC_INPUTS)
    if args.clean or not stamp.exists() or stamp.read_text().strip() != digest:
        reason = "--clean" if args.clean else "widgets/, coupbook/ or data/ changed (or first build)"
        print(f"build_book: starting from a clean build folder ({reason})")
        clear_outputs(build, args.instructor)
    rewrite_all = not static_stamp.exists() or static_stamp.read_text().strip() != static_digest

    env = dict(os.environ)
    env[INSTRUCTOR_ENV] = "1" if args.instructor else "0"
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "-W", "-n", "--keep-going"]
    if args.instructor:
        command += ["--path-output", str(build)]
    if rewrite_all:
        command.append("--all")
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        print(f"build_book: FAILED after {seconds:.1f} s (see the warnings above)", file=sys.stderr)
        return result.returncode
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n")
    static_stamp.write_text(static_digest + "\n")
    html = (build / "_build" / "html").relative_to(ROOT)
    edition = "instructor" if args.instructor else "student"
    print(f"build_book: {edition} edition built in {seconds:.1f} s -> open {html}/index.html (or: make serve)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
