"""Chapter 7's exercise cells: every sample answer passes its check and every scaffold fails it,
with the upstream files and with the book's extracts alike (what a build without the files shows)."""

from __future__ import annotations

import nbformat
import pytest

import coupbook.exercises
from coupbook.data import upstream
from coupbook.paths import ROOT

CHAPTER = ROOT / "chapters" / "07_coups_in_data.ipynb"


def cells(tag: str) -> list[str]:
    nb = nbformat.read(CHAPTER, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and tag in c.metadata.get("tags", [])]


def setup_cell() -> str:
    nb = nbformat.read(CHAPTER, as_version=4)
    found = [c.source for c in nb.cells if c.cell_type == "code" and "open_datasets()" in c.source]
    assert len(found) == 1, "one set-up cell opens the datasets"
    return found[0]


def run(monkeypatch, sources: list[str]) -> list:
    results = []
    real = coupbook.exercises.check

    def recording(exercise, answer, data):
        results.append(real(exercise, answer, data))
        return results[-1]

    monkeypatch.setattr(coupbook.exercises, "check", recording)
    namespace: dict = {}
    for source in [setup_cell(), *sources]:
        exec(compile(source, str(CHAPTER), "exec"), namespace)  # noqa: S102 (the chapter's own cells)
    return results


@pytest.fixture(params=["upstream", "extracts"])
def where(request, monkeypatch, tmp_path):
    if request.param == "extracts":
        monkeypatch.setattr(upstream, "DEFAULT_DIR", tmp_path)
    elif not (upstream.DEFAULT_DIR / upstream.PT_FILE).is_file():
        pytest.skip("upstream files not present")
    return request.param


def test_every_sample_answer_passes_its_check(monkeypatch, where):
    results = run(monkeypatch, cells("exercise-solution"))
    assert [r for r in results if not r.passed] == []
    assert {r.exercise for r in results} == set(coupbook.exercises.CHECKS) - {"onset-rates-pt"}


def test_every_scaffold_fails_its_check_until_completed(monkeypatch, where):
    solutions, scaffolds = cells("exercise-solution"), cells("exercise-scaffold")
    assert len(scaffolds) == len(solutions) == 8
    for position, scaffold in enumerate(scaffolds):
        results = run(monkeypatch, [*solutions[:position], scaffold])
        assert not results[-1].passed, scaffold


def test_solutions_are_folded_in_the_static_book():
    nb = nbformat.read(CHAPTER, as_version=4)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "exercise-solution" in tags:
            assert {"hide-input", "hide-output"} <= set(tags)
            assert cell.source.startswith("# Sample answer")
