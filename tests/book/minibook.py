"""A small book with the project's own configuration and extensions, for build tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[2]
BUILD_BOOK = ROOT / "tools" / "build_book.py"


def write_book(folder: Path, pages: dict[str, str | list[str]], assets: bool = False) -> Path:
    """Write a book to ``folder``: ``pages`` maps a document name to Markdown text (a page) or to
    a list of code cells (a notebook); the first is the root.  _config.yml is the project's, less
    what needs the vendored assets, unless ``assets`` (then the project's _vendor/ and _assets/ are
    the book's static files, for tests that open it in a browser)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    if assets:
        settings = config["sphinx"]["config"]
        settings["html_static_path"] = [str(ROOT / folder) for folder in settings["html_static_path"]]
        settings["templates_path"] = [str(ROOT / folder) for folder in settings["templates_path"]]
        config["html"]["favicon"] = str(ROOT / config["html"]["favicon"])
    for key in () if assets else ("html_static_path", "html_css_files", "html_js_files", "templates_path"):
        config["sphinx"]["config"].pop(key)
    if not assets:
        config["html"].pop("favicon")
    config["bibtex_bibfiles"] = ["refs.bib"]
    (folder / "_config.yml").write_text(yaml.safe_dump(config))
    (folder / "refs.bib").write_text("")
    names = list(pages)
    toc = f"format: jb-book\nroot: {names[0]}\n"
    if names[1:]:
        toc += "chapters:\n" + "".join(f"  - file: {name}\n" for name in names[1:])
    (folder / "_toc.yml").write_text(toc)
    for name, content in pages.items():
        if isinstance(content, str):
            (folder / f"{name}.md").write_text(content)
        else:
            notebook = nbformat.v4.new_notebook()
            notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            notebook.cells = [nbformat.v4.new_markdown_cell(f"# {name}")]
            notebook.cells += [nbformat.v4.new_code_cell(code) for code in content]
            nbformat.write(notebook, folder / f"{name}.ipynb")
    return folder


def build(folder: Path, edition: str) -> subprocess.CompletedProcess:
    """Build ``folder`` the way ``make book`` builds the project (tools/build_book.py)."""
    command = [sys.executable, str(BUILD_BOOK), "--source", str(folder), "--edition", edition]
    return subprocess.run(command, capture_output=True, text=True)
