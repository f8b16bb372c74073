"""Build the book's editions from one notebook execution, with warnings as errors.

    python tools/build_book.py                        # student edition     -> _build/html
    python tools/build_book.py --edition instructor   # with answer keys    -> _build/instructor/html
    python tools/build_book.py --edition both         # both, one execution of the notebooks
    python tools/build_book.py --clean                # throw away cached notebook outputs first

The edition is the Sphinx setting ``coupbook_edition``, applied when pages are written
(coupbook/sphinxext/edition.py); the notebooks' outputs are the same for both editions.  Each
edition also has its own table of contents (tools/toc.py, written to ``<edition folder>/.toc.yml``):
the student edition's leaves out the pages _toc.yml names under ``meta: instructor_only`` (the
answer key, class results), so that edition neither builds nor links them, and any copy of them
left in its folder by an earlier build is deleted.  Both
share one jupyter-cache (``_build/.jupyter_cache``), so a notebook runs once for both, and each
edition has its own output and doctree folders, so one edition's pages can never be served from
the other's build.  Jupyter Book 1.x has no command-line flag for Sphinx settings, so this script
calls its ``build_sphinx`` (what ``jupyter-book build`` calls) with ``confoverrides``, keeping
``jupyter-book build -W -n --keep-going``: every warning is an error, and a failing notebook
fails the build (``nb_execution_raise_on_error`` in _config.yml).

Before Sphinx starts, the notebooks that the cache does not hold yet run side by side, one per
core (jupyter-cache's ``local-parallel`` executor, the engine of ``jcache project execute``);
Sphinx then finds every output in the cache.  A notebook that fails there is left to Sphinx,
which runs it again and fails the build with its error.

jupyter-cache re-runs a notebook only when its code cells change.  It cannot see the files the
notebooks import or read (the quiz widgets, the course package, the data and question banks), so
this script hashes those and starts from a clean cache and clean editions when they changed.
Sphinx cannot see changes in its own extension either: a change in coupbook/sphinxext/ makes an
edition re-read every page (from the cached outputs; no notebook runs).

After each edition, tools/offline_copy.py writes its service worker (``sw.js``: the whole book
kept for offline reading after one visit) and its download (``coups-and-rebellions.zip``).  Sphinx also skips
copying static files when no page is out of date, so a change in _assets/ or _vendor/ (our
CSS/JS, the vendored libraries) rewrites every page of an edition.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import time
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import yaml

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.offline_copy import write_service_worker, write_zip  # noqa: E402
from tools.toc import edition_toc, instructor_only, toc_notebooks  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("student", "instructor")
# Everything executed notebooks depend on besides their own code (the Sphinx extension is not).
NOTEBOOK_INPUTS = ["coupbook", "widgets/src", "data"]
EXTENSION = "coupbook/sphinxext"
# Copied into _static/ only when Sphinx writes pages.
STATIC_INPUTS = ["_assets", "_vendor"]
# Read by the quiz widgets in a live kernel; a build must not depend on it (see main()).
KERNEL_EDITION_ENV = "BOOKQUIZ_INSTRUCTOR"


@dataclass(frozen=True)
class Layout:
    """Where one build folder keeps the shared cache and each edition's folders."""

    build_dir: Path

    @property
    def cache(self) -> Path:
        return self.build_dir / ".jupyter_cache"

    @property
    def inputs_stamp(self) -> Path:
        return self.build_dir / ".notebook-inputs.sha256"

    def edition_dir(self, edition: str) -> Path:
        """The edition's folder: its html/, .doctrees/ and jupyter_execute/ (myst-nb's) live here."""
        return self.build_dir if edition == "student" else self.build_dir / edition

    def html(self, edition: str) -> Path:
        return self.edition_dir(edition) / "html"

    def doctrees(self, edition: str) -> Path:
        return self.edition_dir(edition) / ".doctrees"

    def toc(self, edition: str) -> Path:
        """The edition's table of contents (the student edition's lacks the instructor-only pages)."""
        return self.edition_dir(edition) / ".toc.yml"

    def render_stamp(self, edition: str, kind: str) -> Path:
        return self.edition_dir(edition) / f".{kind}-inputs.sha256"

    def clear(self) -> None:
        """Remove the cache and every edition's outputs (nothing else in the build folder)."""
        doomed = [self.cache, self.inputs_stamp, self.build_dir / "instructor"]
        stamps = (".static-inputs.sha256", ".extension-inputs.sha256", ".toc.yml")
        for name in ("html", ".doctrees", "jupyter_execute", *stamps):
            doomed.append(self.build_dir / name)
        for path in doomed:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()


def inputs_digest(source: Path, folders: list[str], leave_out: tuple[str, ...] = ()) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((source / folder).rglob("*")):
            if path.relative_to(source).as_posix().startswith(leave_out):
                continue
            if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc"):
                digest.update(path.relative_to(source).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def execute_notebooks(source: Path, layout: Layout, editions: list[str]) -> None:
    """Run the notebooks the cache lacks, in parallel, and cache their outputs (as myst-nb would)."""
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    config = source / "_config.yml"
    execute = (yaml.safe_load(config.read_text(encoding="utf-8")) if config.exists() else {}).get("execute", {})
    if execute.get("execute_notebooks", "auto") != "cache":
        return
    cache = get_cache(str(layout.cache))
    excluded = execute.get("exclude_patterns") or []
    notebooks = {n: None for edition in editions for n in toc_notebooks(source, edition)}  # ordered, no twice
    for notebook in notebooks:
        if not any(fnmatch(notebook.relative_to(source).as_posix(), pattern) for pattern in excluded):
            cache.add_nb_to_project(str(notebook))
    stale = [record.pk for record in cache.list_unexecuted()]
    if not stale:
        return
    started = time.perf_counter()
    executor = load_executor("temp-parallel" if execute.get("run_in_temp") else "local-parallel", cache)
    result = executor.run_and_cache(
        filter_pks=stale, timeout=execute.get("timeout", 30), allow_errors=execute.get("allow_errors", False)
    )
    failed = len(result.excepted) + len(result.errored)
    seconds = time.perf_counter() - started
    print(f"build_book: ran {len(stale)} notebooks in {seconds:.1f} s ({failed} failed; Sphinx re-runs those)")


def sphinx_build(source: Path, layout: Layout, edition: str, rewrite_all: bool, reread_all: bool) -> int:
    """``jupyter-book build <source> -W -n --keep-going`` for one edition, into its own folders."""
    from jupyter_book.sphinx import build_sphinx

    toc = layout.toc(edition)
    toc.parent.mkdir(parents=True, exist_ok=True)
    toc.write_text(yaml.safe_dump(edition_toc(source, edition), sort_keys=False, allow_unicode=True), encoding="utf-8")
    overrides = {
        "external_toc_path": toc.as_posix(),
        "latex_individualpages": False,  # what jupyter-book build passes for a book
        "nitpicky": True,  # -n
        "coupbook_edition": edition,
        "nb_execution_cache_path": str(layout.cache),
    }
    config = source / "_config.yml"
    result = build_sphinx(
        source,
        layout.html(edition),
        doctreedir=layout.doctrees(edition),
        noconfig=True,
        path_config=str(config) if config.exists() else None,
        confoverrides=overrides,
        builder="html",
        force_all=rewrite_all,
        freshenv=reread_all,
        warningiserror=True,  # -W
        keep_going=True,  # --keep-going
    )
    return result if isinstance(result, int) else 1


def drop_instructor_pages(source: Path, html: Path) -> None:
    """Delete instructor-only pages an earlier build may have left in the student edition's folder."""
    for docname in instructor_only(source):
        (html / f"{docname}.html").unlink(missing_ok=True)
        for source_copy in (html / "_sources").glob(f"{docname}.*"):  # answer_key.md, class_results.ipynb ...
            source_copy.unlink()


def build(source: Path, build_dir: Path, editions: list[str], clean: bool = False) -> int:
    layout = Layout(build_dir)
    digest = inputs_digest(source, NOTEBOOK_INPUTS, leave_out=(EXTENSION + "/",))
    stamp = layout.inputs_stamp
    if clean or not stamp.exists() or stamp.read_text().strip() != digest:
        reason = "--clean" if clean else "widgets/, coupbook/ or data/ changed (or first build)"
        print(f"build_book: starting from an empty notebook cache and empty editions ({reason})")
        layout.clear()
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(digest + "\n")  # what the (now empty) cache will hold outputs for
    started = time.perf_counter()
    execute_notebooks(source, layout, editions)
    render_digests = {"static": inputs_digest(source, STATIC_INPUTS), "extension": inputs_digest(source, [EXTENSION])}
    for edition in editions:
        changed = {
            kind
            for kind, value in render_digests.items()
            if not layout.render_stamp(edition, kind).exists()
            or layout.render_stamp(edition, kind).read_text().strip() != value
        }
        edition_started = time.perf_counter()
        status = sphinx_build(source, layout, edition, "static" in changed, "extension" in changed)
        seconds = time.perf_counter() - edition_started
        if status != 0:
            print(f"build_book: {edition} edition FAILED after {seconds:.1f} s (see above)", file=sys.stderr)
            return status
        for kind, value in render_digests.items():
            layout.render_stamp(edition, kind).write_text(value + "\n")
        html = layout.html(edition)
        if edition == "student":
            drop_instructor_pages(source, html)
        shown = html.relative_to(source) if html.is_relative_to(source) else html
        print(f"build_book: {edition} edition built in {seconds:.1f} s -> {shown}/index.html")
        offline_started = time.perf_counter()
        write_service_worker(html)
        size = write_zip(html)
        seconds = time.perf_counter() - offline_started
        print(f"build_book: {edition} edition's offline copy (sw.js, {size / 1e6:.1f} MB zip) in {seconds:.1f} s")
    print(f"build_book: {' and '.join(editions)} built in {time.perf_counter() - started:.1f} s in all")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edition", choices=[*EDITIONS, "both"], default="student")
    parser.add_argument("--instructor", action="store_true", help="the same as --edition instructor")
    parser.add_argument("--clean", action="store_true", help="discard cached notebook outputs first")
    parser.add_argument("--source", type=Path, default=ROOT, help="the book's folder (default: this project)")
    parser.add_argument("--build-dir", type=Path, help="build folder (default: <source>/_build)")
    args = parser.parse_args(argv)
    edition = "instructor" if args.instructor else args.edition
    editions = list(EDITIONS) if edition == "both" else [edition]
    source = args.source.resolve()
    build_dir = (args.build_dir or source / "_build").resolve()
    # The kernel-side quiz state must be the same for both editions: never let a live-use
    # setting in the caller's environment reach the notebooks' kernels.
    os.environ.pop(KERNEL_EDITION_ENV, None)
    os.chdir(source)
    return build(source, build_dir, editions, clean=args.clean)


if __name__ == "__main__":
    sys.exit(main())
