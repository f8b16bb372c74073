"""A notebook that raises must fail the build (tools/build_book.py, the book's own settings)."""

from __future__ import annotations

from tests.book.minibook import build, write_book


def test_failing_notebook_fails_the_build(tmp_path):
    write_book(tmp_path, {"intro": "# Intro\n", "broken": ["1 / 0"]})
    run = build(tmp_path, "student")
    output = run.stdout + run.stderr
    assert run.returncode != 0
    assert "ZeroDivisionError" in output
    assert "student edition FAILED" in output


def test_a_warning_fails_the_build(tmp_path):
    write_book(tmp_path, {"intro": "# Intro\n\nSee {doc}`missing-page`.\n"})
    run = build(tmp_path, "student")
    assert run.returncode != 0
    assert "missing-page" in run.stdout + run.stderr
