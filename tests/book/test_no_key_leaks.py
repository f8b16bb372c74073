"""The student edition keeps keys out of plain sight: no plain key field (``correct``, a numeric
``answer``, ``misconception`` ...) in any quiz's widget state, and no explanation, key text,
misconception, hint, why, accepted-answer feedback or model answer of any bank in any
student HTML page (the JSON in script elements decoded too) or in the site search index.

Option texts and classify item texts are shown to draw the questions, so a single- or
multiple-choice key's own text is not searched for; the key lines that pair an item with its
category and the order lines are.  Numeric answers are found by the field check (a number alone
also occurs in the chapters' text).
"""

from __future__ import annotations

import html
import json
import re

from coupbook.quizzes import all_banks
from tests.support import SEALED_FIELDS, built_site, keys_in
from tools.browser import book_pages

# The class results page's answer tables and charts are cells tagged instructor-only (dropped from
# the student edition), so no page is exempt.
INSTRUCTOR_ONLY: set[str] = set()
SCRIPT_JSON = re.compile(r'<script type="application/vnd\.jupyter\.widget-(?:state|view)\+json">(.*?)</script>', re.S)
MIN_LENGTH = 12  # shorter strings ("True", "Coup") also occur in ordinary text
SUB_LISTS = ("options", "items", "categories")


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def haystack(text: str) -> str:
    """A page as text: HTML entities decoded, JSON in script elements decoded too."""
    decoded = [s for block in SCRIPT_JSON.findall(text) for s in strings(json.loads(block))]
    return "\n".join([html.unescape(text), *decoded])


def secrets(question) -> list[str]:
    """The texts a student must not find before answering."""
    shown = {"prompt", "options", "items", "categories", "unit", "id", "type"}
    # A source is sealed too (see the field check) but also cited in the chapters' own text.
    sealed = question.model_dump(exclude=shown | {"source", "cite", "level", "concepts", "new_case", "case"})
    found = strings(sealed)
    for option in getattr(question, "options", []):
        found += [t for t in (option.misconception, option.feedback) if t]
    for item in getattr(question, "items", []):
        found += [getattr(item, "why", None) or "", *getattr(item, "misconceptions", {}).values()]
    if question.type in ("classify", "open"):
        found += question.key_lines()
    if question.type == "order":
        # The order of the items is the secret, not any one line: a chapter may well print "2.
        # Against whom?" while teaching the procedure that an order question then asks about.
        found.append("\n".join(question.key_lines()))
    return [s for s in found if len(s) >= MIN_LENGTH]


def quiz_states(text: str) -> list[dict]:
    models = []
    for block in SCRIPT_JSON.findall(text):
        data = json.loads(block)
        if isinstance(data, dict) and isinstance(data.get("state"), dict):
            models += [m.get("state", {}) for m in data["state"].values() if isinstance(m, dict)]
    return [m for m in models if "bank_id" in m or "catalog" in m]


def test_student_widget_state_holds_no_plain_key_field():
    site = built_site("student")
    offenders = []
    for page in book_pages(site):
        for model in quiz_states((site / page).read_text(encoding="utf-8")):
            plain = keys_in(model.get("questions", [])) | keys_in(model.get("catalog", []))
            if plain & SEALED_FIELDS:
                offenders.append(f"{page}: {sorted(plain & SEALED_FIELDS)}")
    assert offenders == []


def id_problems(spec: dict, question) -> list[str]:
    """Where the plain part of an embedded question could carry an option, item or category id.

    Each entry of its lists must be the bank's text or label alone, and its prompt the bank's
    prompt (an id may occur in those words by chance: an item about an `address`); no other plain
    value may hold an id as a whole word (a hyphen bounds a word: `q1-coup` holds `coup`)."""
    plain = {k: v for k, v in spec.items() if k not in ("id", "sealed")}
    problems = [] if plain.get("prompt") == question.prompt else ["prompt changed"]
    for field in SUB_LISTS:
        entries, own = plain.get(field, []), getattr(question, field, [])
        if any(set(entry) not in ({"text"}, {"label"}) for entry in entries):
            problems.append(f"{field}: a field besides text or label")
        words = sorted(str(value) for entry in entries for value in entry.values())
        if words != sorted(getattr(x, "text", None) or x.label for x in own):
            problems.append(f"{field}: not the bank's texts")
    rest = strings({k: v for k, v in plain.items() if k not in (*SUB_LISTS, "prompt")})
    ids = {x.id for field in SUB_LISTS for x in getattr(question, field, [])}
    problems += [f"{i} in {s!r}" for s in rest for i in sorted(ids) if re.search(rf"(?<!\w){re.escape(i)}(?!\w)", s)]
    return problems


def test_student_widget_state_holds_no_option_item_or_category_ids():
    """Authors name these ids after what they mean (`coup` for the key, `coup-speed` for a
    distractor; order items `top`, `outside`), so they are sealed: the plain part of every quiz
    question lists texts and labels only."""
    site = built_site("student")
    banks = {b.bank: b for b in all_banks()}
    offenders, seen = [], 0
    for page in book_pages(site):
        for model in quiz_states((site / page).read_text(encoding="utf-8")):
            bank = banks[model["bank_id"]] if "bank_id" in model else None
            for spec in model.get("questions", []):
                seen += 1
                problems = id_problems(spec, bank.question(spec["id"]))
                offenders += [f"{page}: {bank.bank}/{spec['id']}: {p}" for p in problems]
    assert seen > 50
    assert offenders == [], "\n".join(offenders[:30])


def test_student_pages_and_search_index_leak_no_key_text():
    site = built_site("student")
    pages = [p for p in book_pages(site) if p not in INSTRUCTOR_ONLY]
    texts = {p: haystack((site / p).read_text(encoding="utf-8")) for p in pages}
    texts["searchindex.js"] = (site / "searchindex.js").read_text(encoding="utf-8")
    assert len(texts) > 10
    leaks = []
    for bank in all_banks():
        for question in bank.questions:
            for secret in secrets(question):
                where = [page for page, text in texts.items() if secret in text]
                leaks += [f"{page}: {bank.bank}/{question.id}: {secret[:60]!r}" for page in where]
    assert leaks == [], "\n".join(leaks[:30])
