"""Where the project's files live, so notebooks work from any working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
QUIZ_DIR = DATA_DIR / "quizzes"
BIBLIOGRAPHY = ROOT / "references.bib"
