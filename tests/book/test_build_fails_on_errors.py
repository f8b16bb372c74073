"""A notebook that raises must fail the build (with the book's own execution settings)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_failing_notebook_fails_the_build(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    # Keep the execution and warning settings under test; drop what needs the vendored assets.
    config["sphinx"]["config"].pop("html_static_path")
    config["sphinx"]["config"].pop("html_css_files")
    config["sphinx"]["config"].pop("templates_path")
    config["html"].pop("favicon")
    config["bibtex_bibfiles"] = ["refs.bib"]
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config))
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: broken\n")
    (tmp_path / "intro.md").write_text("# Intro\n")
    (tmp_path / "refs.bib").write_text("")
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [nbformat.v4.new_markdown_cell("# Broken"), nbformat.v4.new_code_cell("1 / 0")]
    nbformat.write(notebook, tmp_path / "broken.ipynb")

    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    run = subprocess.run(
        [jupyter_book, "build", str(tmp_path), "-W", "-n", "--keep-going"], capture_output=True, text=True
    )
    output = run.stdout + run.stderr
    assert run.returncode != 0
    assert "ZeroDivisionError" in output
    shutil.rmtree(tmp_path / "_build", ignore_errors=True)
