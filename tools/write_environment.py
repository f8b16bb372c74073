"""Write environment.yml (conda/Binder) with exactly the pins of requirements.txt.

conda channels are not reachable where this project is built, so the pinned packages are
installed by pip inside the conda environment; only Python and pip come from conda-forge.
Run by ``make lock``; tests/unit/test_environment_file.py checks the two files agree.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON_VERSION = "3.11"


def pinned_requirements() -> list[str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def render() -> str:
    pins = "\n".join(f"      - {pin}" for pin in pinned_requirements())
    return (
        "# Generated from requirements.txt by tools/write_environment.py (make lock); do not edit.\n"
        "# For conda users and Binder (repo2docker): Python from conda-forge, the pinned packages\n"
        "# from PyPI.  postBuild then installs the project's own packages (widgets/ and coupbook).\n"
        "name: coups-and-rebellions\n"
        "channels:\n"
        "  - conda-forge\n"
        "dependencies:\n"
        f"  - python={PYTHON_VERSION}\n"
        "  - pip\n"
        "  - pip:\n"
        f"{pins}\n"
    )


def main() -> None:
    (ROOT / "environment.yml").write_text(render())
    print(f"wrote environment.yml with {len(pinned_requirements())} pinned packages")


if __name__ == "__main__":
    main()
