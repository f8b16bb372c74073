"""Bank lint: what the schema accepts but gives the answer away.

- ``longest-key``: the key is clearly the longest option (every key at least 1.5 times as long
  as, and 15 characters longer than, the longest distractor);
- ``throwaway-distractor``: a distractor far shorter than the key (under a third of its length),
  which nobody would pick;
- ``leak``: a text shown after a wrong attempt (a misconception, a hint) contains the key's
  text (compared without case, punctuation or extra spaces; numbers as whole words);
- ``range-hints``: a numeric question whose range ``hints`` carry different texts, so that the
  feedback tells a learner which range a wrong value fell in (below or above the answer): the
  course gives no direction for numbers, so every wrong value gets one uniform hint;
- ``refrain``: a word 3-gram (after :func:`normalise`) that appears in the keys of three or more
  single or multiple-select questions of one bank but in none of their distractors, so that a
  learner can spot the keys by the course's slogan (for example "who acts against whom");
- ``echo``: a text shown after a wrong attempt (an option's misconception, the hint) shares a
  pair of content words with the key (:func:`content_pairs`) that neither the prompt nor any
  distractor has, so the note points at the key ("was it freely given?" beside the key "not
  freely given");
- ``verdict-leak`` (:func:`lint_course`, across banks): a question's prompt or option text states
  the label that another question asks the learner to give a case;
- ``lone-label`` (:func:`lint_course`): a single-choice question on a case (``case`` or
  ``new_case``) whose key opens with a label (from the vocabulary below) that no distractor opens
  with, so that knowing the label alone picks the key; a question asks for the label and the reason
  that decides it, and at least one distractor gives the same label with a reason that does not;
- ``id-names-key`` (:func:`lint_course`): such a question's id (public: the page and the learner's
  records carry it) contains a word of its key's label ("uprising-1973" for a popular uprising);
- ``label-balance`` (:func:`lint_course`): in such a question the key's name (its opening, before
  the first ``:``, as in "A coup attempt that became a civil war") opens more options than any
  other name (three "A coup:" options beside one "A mutiny:"), so that picking the most frequent
  name finds the key; another name must open as many options as the key's;
- ``course-refrain`` (:func:`lint_course`, across banks): a pair of content words in the keys of
  three or more single or multiple-select questions of the course, or a single content word (four
  letters or more: "seized", "openly") in the keys of four or more, that appears in fewer than
  half as many questions' distractors: a learner who reads every quiz learns which words mark keys.

The verdict-leak check is deliberately simple, so that it has no false positives on the course's
banks, and it misses what it cannot see:

- the verdicts it knows are those of classify items with a ``case`` (the label of the item's
  category) and of single-choice questions with a ``case`` or ``new_case`` whose key starts
  (before its first ``:`` or ``;``) with a phrase containing one of those category labels
  (the first one found, the longest where two start together: "A coup attempt that became a civil
  war" asserts "coup"; the labels are every category of a classify question that labels cases); keys that
  open with a reason ("Step 2: ...") are not verdicts;
- a case is recognised by its name words: every word of its slug (``sudan-rsf-2023``: "sudan",
  "rsf", "2023"), or, for a classify item, the place that opens the item's text together with the
  item's first year ("Moscow, 19–21 August 1991" gives "moscow", "1991"), in that order within
  eight words ("Myanmar's coup of 2021" names ``myanmar-2021``; "Myanmar 2021 and Sudan 2023"
  does not name ``sudan-2021``); a name without its year ("Wagner's march"), paraphrases
  ("the August putsch") and other spellings are missed;
- a text leaks when one sentence of it (up to ``.``, ``;``, ``?`` or ``!``) contains the case's
  name words and the label as whole words (or the label with a plural "s"), not as part of a
  longer label ("coup" is not found in "self-coup"); a sentence that
  names a case and a label without tying them together ("unlike Sudan 2023, this was no coup")
  is flagged too, which is why the check works sentence by sentence;
- it reads prompts, option texts, classify item texts and order item texts, never explanations
  or model answers (shown only once the answer is known), and never the text of the question
  that asks for the verdict.

The course's tests require no findings in ``data/quizzes`` beyond those they list as known.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .bank import Bank

LONGEST_RATIO, LONGEST_MARGIN = 1.5, 15
THROWAWAY_RATIO = 1 / 3
REFRAIN_N, REFRAIN_MIN_QUESTIONS = 3, 3
REFRAIN_WORD_QUESTIONS = 4  # a single word marks keys when it is in four keys (course-wide)
# Words too common to mark a key on their own; a "content pair" has neither.
_STOP = """a an the of and or to in on by for is it its as at be was were that this with from not no but
which who whom what their his her they he she them than then so if"""
STOPWORDS = frozenset(_STOP.split())
ARTICLES = ("a ", "an ", "the ")
SENTENCE_END = re.compile(r"(?<=[.;?!])\s+")
NAME_WINDOW = 8
YEAR = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True)
class Finding:
    bank: str
    question: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.bank}, question '{self.question}': {self.rule}: {self.message}"


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def contains(text: str, key: str) -> bool:
    key = normalise(key)
    return bool(key) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", normalise(text)) is not None


def _option_findings(bank: Bank, question) -> list[Finding]:
    texts = question.option_texts()
    if not texts or not texts[1]:
        return []
    keys, distractors = texts
    shortest_key, longest_distractor = min(map(len, keys)), max(map(len, distractors))
    found = []
    if shortest_key >= LONGEST_RATIO * longest_distractor and shortest_key - longest_distractor >= LONGEST_MARGIN:
        found.append(
            Finding(
                bank.bank,
                question.id,
                "longest-key",
                f"the key ({shortest_key} characters) is clearly longer than every distractor"
                f" (at most {longest_distractor})",
            )
        )
    for text in distractors:
        if len(text) < THROWAWAY_RATIO * shortest_key:
            found.append(
                Finding(
                    bank.bank,
                    question.id,
                    "throwaway-distractor",
                    f"distractor {text!r} ({len(text)} characters) is far shorter than the key ({shortest_key})",
                )
            )
    return found


def _range_hint_findings(bank: Bank, question) -> list[Finding]:
    texts = {normalise(h.text) for h in getattr(question, "hints", None) or []}
    if question.type != "numeric" or len(texts) < 2:
        return []
    return [
        Finding(
            bank.bank,
            question.id,
            "range-hints",
            f"range hints give a direction ({len(texts)} different texts): give every wrong value the same hint",
        )
    ]


def ngrams(text: str, n: int = REFRAIN_N) -> set[str]:
    words = normalise(text).split()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def content_pairs(text: str) -> set[str]:
    """Adjacent word pairs with no stopword and no number: the words that make a phrase distinctive."""
    return {g for g in ngrams(text, 2) if not any(w in STOPWORDS or w.isdigit() for w in g.split())}


def _gram_sets(question, grams=content_pairs) -> tuple[set[str], set[str]] | None:
    """``grams`` of a choice question's keys and of its distractors (None for other types)."""
    if question.type not in ("single", "multiple"):
        return None
    keys, distractors = question.option_texts()
    return set().union(*map(grams, keys)), set().union(*map(grams, distractors))


def _echo_findings(bank: Bank, question) -> list[Finding]:
    texts = _gram_sets(question)
    if texts is None:
        return []
    keyed, distracting = texts
    own = keyed - distracting - content_pairs(question.prompt)
    shown = [(f"options.{o.id}.misconception", o.misconception) for o in question.options if not o.correct]
    shown += [("hint", question.hint)]
    keys = question.option_texts()[0]
    found = []
    for where, text in shown:
        if not text or any(contains(text, key) for key in keys):
            continue  # nothing shown, or the whole key: the ``leak`` rule reports it
        echoed = sorted(content_pairs(text) & own)
        if echoed:
            found.append(Finding(bank.bank, question.id, "echo", f"{where} echoes the key's words {echoed}"))
    return found


def content_words(text: str) -> set[str]:
    """Words of four letters or more that are not stopwords or numbers ("seized", "openly")."""
    return {w for w in normalise(text).split() if len(w) > 3 and w not in STOPWORDS and not w.isdigit()}


def _course_refrain_findings(banks: list[Bank]) -> list[Finding]:
    """Content pairs in the keys of REFRAIN_MIN_QUESTIONS questions, and single content words in
    the keys of REFRAIN_WORD_QUESTIONS, that distractors use less than half as often."""
    return _course_refrain(banks, content_pairs, REFRAIN_MIN_QUESTIONS) + _course_refrain(
        banks, content_words, REFRAIN_WORD_QUESTIONS
    )


def _course_refrain(banks: list[Bank], grams, least: int) -> list[Finding]:
    keyed: dict[str, list[tuple[str, str]]] = {}
    distracting: dict[str, int] = {}
    for bank in banks:
        for question in bank.questions:
            texts = _gram_sets(question, grams)
            if texts is None:
                continue
            for pair in texts[0]:
                keyed.setdefault(pair, []).append((bank.bank, question.id))
            for pair in texts[1]:
                distracting[pair] = distracting.get(pair, 0) + 1
    found = []
    for pair, where in sorted(keyed.items()):
        if len(where) >= least and 2 * distracting.get(pair, 0) < len(where):
            others = ", ".join(f"{b} '{q}'" for b, q in where)
            found += [
                Finding(b, q, "course-refrain", f"{pair!r} is in the keys of {others}, and in the distractors of"
                        f" {distracting.get(pair, 0)} questions")
                for b, q in where
            ]  # fmt: skip
    return found


def _refrain_findings(bank: Bank) -> list[Finding]:
    keyed: dict[str, list[str]] = {}
    in_distractors: dict[str, set[str]] = {}
    for question in bank.questions:
        sets = _gram_sets(question, ngrams)
        if sets is None:
            continue
        key_grams, in_distractors[question.id] = sets
        for gram in key_grams:
            keyed.setdefault(gram, []).append(question.id)
    refrains: dict[str, list[str]] = {}
    for gram, ids in sorted(keyed.items()):
        if len(ids) >= REFRAIN_MIN_QUESTIONS and not any(gram in in_distractors[i] for i in ids):
            for i in ids:
                refrains.setdefault(i, []).append(
                    f"{gram!r} (also in the keys of {', '.join(j for j in ids if j != i)})"
                )
    return [
        Finding(bank.bank, i, "refrain", "the key shares with other keys, and with no distractor: " + "; ".join(grams))
        for i, grams in refrains.items()
    ]


def lint(bank: Bank) -> list[Finding]:
    """Every finding in a bank (an empty list when it is clean); see :func:`lint_course` for more."""
    found = []
    for question in bank.questions:
        found += _option_findings(bank, question)
        found += _range_hint_findings(bank, question)
        found += _echo_findings(bank, question)
        for where, shown, key in question.leak_checks():
            if contains(shown, key):
                found.append(Finding(bank.bank, question.id, "leak", f"{where} contains the key's text {key!r}"))
    return found + _refrain_findings(bank)


# --- verdicts stated across questions ------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    bank: str
    question: str
    names: tuple[tuple[str, ...], ...]  # each a set of words that together name the case
    label: str  # normalised


def _bare(label: str) -> str:
    label = normalise(label)
    for article in ARTICLES:
        if label.startswith(article):
            return label[len(article) :]
    return label


def _slug_words(slug: str) -> tuple[str, ...]:
    return tuple(slug.casefold().split("-"))


def _opening_name(text: str) -> tuple[str, ...] | None:
    place, year = re.split(r"[,:(]", text, maxsplit=1)[0], YEAR.search(text)
    words = normalise(place).split()
    return (*words, year.group(1)) if words and year and not YEAR.search(place) and len(words) <= 3 else None


def verdicts(banks: list[Bank]) -> tuple[list[Verdict], list[str]]:
    """(the verdicts the banks ask for, the label vocabulary: classify categories given to cases)."""
    found, labels = [], set()
    for bank in banks:
        for question in bank.questions:
            if question.type != "classify":
                continue
            names = question.labels()
            if any(item.case for item in question.items):  # a question that labels cases: all its labels
                labels.update(_bare(name) for name in names.values())
            for item in question.items:
                if item.case:
                    label = _bare(names[item.category])
                    labels.add(label)
                    opening = _opening_name(item.text)
                    ids = (_slug_words(item.case), opening) if opening else (_slug_words(item.case),)
                    found.append(Verdict(bank.bank, question.id, ids, label))
    vocabulary = sorted(labels, key=len, reverse=True)
    for bank in banks:
        for question in bank.questions:
            slugs = [s for s in (question.case, question.new_case) if s]
            if question.type != "single" or not slugs:
                continue
            for key in question.option_texts()[0]:
                label = opening_label(key, vocabulary)
                if label:
                    found.append(Verdict(bank.bank, question.id, tuple(map(_slug_words, slugs)), label))
    return found, vocabulary


def _opening(text: str) -> str:
    """The text before its first ``:`` or ``;``, normalised, without a leading article."""
    return _bare(re.split(r"[:;]", text, maxsplit=1)[0])


def opening_label(text: str, vocabulary: list[str]) -> str | None:
    """The label of ``vocabulary`` that comes first in the text's opening (before its first ``:`` or
    ``;``), the longest where two start together: the head of a compound name ("A coup grown out of a
    mutiny" asserts "coup"; "A self-coup" asserts "self coup", not "coup")."""
    opening = _opening(text)
    starts = {w: spans[0][0] for w in vocabulary if (spans := _own_spans(opening, w, vocabulary))}
    return min(starts, key=lambda w: (starts[w], -len(w)), default=None)


def _lone_label_findings(banks: list[Bank], vocabulary: list[str]) -> list[Finding]:
    """A label-and-reason question on a case whose key opens with a label no distractor opens with."""
    found = []
    for bank in banks:
        for question in bank.questions:
            if question.type != "single" or not (question.case or question.new_case):
                continue
            keys, distractors = question.option_texts()
            labelled = [(opening_label(d, vocabulary), _opening(d)) for d in distractors]
            others = Counter(label for label, _ in labelled if label)
            names = Counter(name for label, name in labelled if label)
            for key in keys:
                label = opening_label(key, vocabulary)
                if not label:
                    continue
                name = _opening(key)
                named = set(label.split()) & set(normalise(question.id).split())
                if named:
                    found.append(
                        Finding(
                            bank.bank,
                            question.id,
                            "id-names-key",
                            f"the question's id (shown in the page) contains {sorted(named)} from its key's label"
                            f" {label!r}: rename it after the case, not the answer",
                        )
                    )
                if not others[label]:
                    found.append(
                        Finding(
                            bank.bank,
                            question.id,
                            "lone-label",
                            f"only the key opens with the label {label!r}: give a distractor the same label"
                            " with a reason that does not decide it",
                        )
                    )
                elif max((n for other, n in names.items() if other != name), default=0) < names[name] + 1:
                    found.append(
                        Finding(
                            bank.bank,
                            question.id,
                            "label-balance",
                            f"the key's name {name!r} opens {names[name] + 1} options and no other name"
                            " opens as many: the name given most often picks the key; give another name as"
                            " many options",
                        )
                    )
    return found


def _own_spans(normalised: str, label: str, vocabulary: list[str]) -> list[tuple[int, int]]:
    """Where ``label`` occurs as whole words and not inside a longer label ("coup" in "self coup"),
    in the order of the text."""
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(label)}s?(?!\w)", normalised)]
    longer = [
        m.span()
        for other in vocabulary
        if len(other) > len(label) and label in other
        for m in re.finditer(rf"(?<!\w){re.escape(other)}s?(?!\w)", normalised)
    ]
    return [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in longer)]


def _has_label(normalised: str, label: str, vocabulary: list[str]) -> bool:
    """``label`` occurs as whole words and not inside a longer label ("coup" in "self coup")."""
    return bool(_own_spans(normalised, label, vocabulary))


def _names(words: list[str], name: tuple[str, ...]) -> bool:
    """The name's words occur in this order, all within a window of NAME_WINDOW words."""
    for start, word in enumerate(words):
        if word != name[0]:
            continue
        at = start
        for part in name[1:]:
            at = next((i for i in range(at + 1, start + NAME_WINDOW) if i < len(words) and words[i] == part), None)
            if at is None:
                break
        else:
            return True
    return False


def _shown_texts(question) -> list[tuple[str, str]]:
    """(where, text) a learner reads before answering: the prompt, options and items."""
    texts = [("prompt", question.prompt)]
    texts += [(f"options.{o.id}", o.text) for o in getattr(question, "options", None) or []]
    texts += [(f"items.{i.id}", i.text) for i in getattr(question, "items", None) or []]
    return texts


def lint_course(banks: list[Bank]) -> list[Finding]:
    """:func:`lint` on every bank, and the ``verdict-leak`` check across all of them."""
    found = [f for bank in banks for f in lint(bank)] + _course_refrain_findings(banks)
    asked, vocabulary = verdicts(banks)
    found += _lone_label_findings(banks, vocabulary)
    for bank in banks:
        for question in bank.questions:
            for where, text in _shown_texts(question):
                for sentence in SENTENCE_END.split(text):
                    plain = normalise(sentence)
                    words = plain.split()
                    for verdict in asked:
                        if (verdict.bank, verdict.question) == (bank.bank, question.id):
                            continue
                        name = next((n for n in verdict.names if _names(words, n)), None)
                        if name and _has_label(plain, verdict.label, vocabulary):
                            name = " ".join(name)
                            found.append(
                                Finding(
                                    bank.bank,
                                    question.id,
                                    "verdict-leak",
                                    f"{where} calls {name!r} {verdict.label!r}, the label that"
                                    f" {verdict.bank} question '{verdict.question}' asks for: {sentence!r}",
                                )
                            )
    return list(dict.fromkeys(found))
