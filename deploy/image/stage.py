"""Stage a repo2docker build folder for the students' image: the course at one commit, plus binder/.

    python deploy/image/stage.py _build/hub-image [--ref HEAD]

Writes ``<folder>`` = ``git archive <ref>`` of this repository and a ``binder/`` folder in it
(repo2docker reads ``binder/`` before the repository's own Binder files):

- ``binder/requirements.txt``: the course's pins (requirements.txt) followed by the students'
  hub additions (deploy/user-requirements.txt), both as of ``<ref>``;
- ``binder/runtime.txt``: Python 3.11;
- ``binder/postBuild``: installs the course's packages and coursehub from the course folder.

``make hub-image`` then runs ``jupyter-repo2docker --target-repo-dir /srv/course ... <folder>``.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def git_show(ref: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{ref}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def stage(folder: Path, ref: str = "HEAD") -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    binder = folder / "binder"
    binder.mkdir()
    requirements = git_show(ref, "requirements.txt") + "\n" + git_show(ref, "deploy/user-requirements.txt")
    (binder / "requirements.txt").write_text(requirements, encoding="utf-8")
    for name in ("runtime.txt", "postBuild"):
        (binder / name).write_text(git_show(ref, f"deploy/image/{name}"), encoding="utf-8")
    (binder / "postBuild").chmod(0o755)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--ref", default="HEAD", help="the commit to build (default HEAD; commit first)")
    args = parser.parse_args()
    print(stage(args.folder, args.ref))


if __name__ == "__main__":
    main()
