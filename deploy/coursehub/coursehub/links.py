"""nbgitpuller links: one click opens a chapter of the course in a student's hub server.

A link looks like ::

    https://hub.example.edu/hub/user-redirect/git-pull?repo=<course repo>&branch=main
        &targetpath=<folder>&urlpath=lab/tree/<folder>/chapters/04_wagner_mutiny.ipynb

The hub signs the student in (``user-redirect`` becomes ``/user/<name>/``), starts their server
if it is not running, and nbgitpuller clones the repository into ``~/<folder>`` the first time
or merges the course's new commits into it later (the student's own edits win where both
changed the same lines), then opens the notebook in JupyterLab.

Command line (``make hub-link`` calls it)::

    python -m coursehub.links --hub https://hub.example.edu --repo https://git.example.edu/course.git \
        --branch main --chapter 04
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

DEFAULT_BRANCH = "main"


class LinkError(ValueError):
    """A link that cannot be made; the message says what to fix."""


def repo_folder(repo: str) -> str:
    """The folder nbgitpuller makes in the student's home: the repository's last path part, no ``.git``."""
    name = urlsplit(repo).path.rstrip("/").rsplit("/", 1)[-1] if "://" in repo else repo.rstrip("/").rsplit("/", 1)[-1]
    name = name.removesuffix(".git")
    if not name or name in {".", ".."}:
        raise LinkError(f"cannot tell a folder name from the repository address {repo!r}")
    return name


def chapter_path(chapter: str, root: str | Path = ".") -> str:
    """The notebook of a chapter, relative to the course root: ``"04"`` -> ``chapters/04_wagner_mutiny.ipynb``.

    ``chapter`` is a chapter number (``4`` or ``04``), a notebook file name, or a path relative to the root.
    """
    root = Path(root)
    text = str(chapter).strip()
    if text.endswith(".ipynb") or "/" in text:
        candidates = [root / text, root / "chapters" / text]
    else:
        if not text.isdigit():
            raise LinkError(f"chapter {chapter!r}: give a number such as 04 or a notebook path")
        candidates = sorted((root / "chapters").glob(f"{int(text):02d}_*.ipynb"))
    found = [c for c in candidates if c.is_file()]
    if len(found) != 1:
        known = ", ".join(sorted(p.name for p in (root / "chapters").glob("*.ipynb"))) or "none"
        raise LinkError(f"chapter {chapter!r}: no single notebook matches in {root / 'chapters'} (chapters: {known})")
    return found[0].resolve().relative_to(root.resolve()).as_posix()


def nbgitpuller_link(
    hub: str,
    repo: str,
    path: str = "",
    *,
    branch: str = DEFAULT_BRANCH,
    targetpath: str | None = None,
) -> str:
    """A link that pulls ``repo`` (``branch``) into the student's server on ``hub`` and opens ``path`` in JupyterLab.

    ``path`` is relative to the repository root (a notebook or a folder; empty opens the folder).
    ``targetpath`` is the folder in the student's home (default: the repository's name).
    """
    hub = hub.strip().rstrip("/")
    parts = urlsplit(hub)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise LinkError(f"hub address {hub!r}: give the full address, e.g. https://hub.example.edu")
    if not repo.strip():
        raise LinkError("repository address is empty")
    folder = targetpath or repo_folder(repo)
    opened = "/".join(p for p in (folder, path.strip("/")) if p)
    query = {"repo": repo.strip(), "branch": branch, "targetpath": folder, "urlpath": f"lab/tree/{opened}"}
    return f"{hub}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote, safe='')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursehub.links", description=__doc__.split("\n\n")[0])
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", required=True, help="the course repository's clone address")
    parser.add_argument("--branch", default=DEFAULT_BRANCH, help="branch to pull (default: main)")
    parser.add_argument("--chapter", default="", help="chapter number (04) or notebook path; empty: the course folder")
    parser.add_argument("--root", default=".", help="a checkout of the course, to find the chapter's notebook")
    parser.add_argument("--targetpath", default=None, help="folder in the student's home (default: the repo's name)")
    args = parser.parse_args(argv)
    try:
        path = chapter_path(args.chapter, args.root) if args.chapter else ""
        print(nbgitpuller_link(args.hub, args.repo, path, branch=args.branch, targetpath=args.targetpath))
    except LinkError as exc:
        print(f"hub-link: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
