"""Set-up files stay true to each other: pins, the conda environment, CI and Binder hooks."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import write_environment  # noqa: E402


def test_every_requirement_is_pinned():
    pins = write_environment.pinned_requirements()
    assert len(pins) > 100
    loose = [p for p in pins if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+!\-]+", p)]
    assert loose == []
    assert "jupyter-book==1.0.4.post1" in pins


def test_environment_yml_has_the_same_pins():
    assert (ROOT / "environment.yml").read_text() == write_environment.render()
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_section == write_environment.pinned_requirements()


def test_npm_assets_are_pinned_exactly():
    deps = json.loads((ROOT / "package.json").read_text())["dependencies"]
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in deps.values()), deps
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for name, version in deps.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_ci_runs_the_readme_test_command_only():
    script = (ROOT / ".ci" / "run").read_text()
    commands = [line for line in script.splitlines() if line.strip() and not line.startswith("#")]
    assert commands[-1] == "exec make test"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme


def test_binder_hook_installs_the_project_packages():
    assert os.access(ROOT / "postBuild", os.X_OK)
    assert "-e ./widgets -e ." in (ROOT / "postBuild").read_text()


def test_no_static_folder_at_book_root():
    # Jupyter Book 1.x injects every .js/.css of a root _static/ folder into every page.
    assert not (ROOT / "_static").exists()
