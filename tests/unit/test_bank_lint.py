"""Bank lint: keys that are clearly the longest option, throwaway distractors, feedback shown
after a wrong attempt that contains the key, keys that share a refrain no distractor has, and
prompts or options that state the label another question asks for."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from bookquiz import lint, parse_bank
from bookquiz.lint import lint_course

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "banks"
COURSE = sorted((ROOT / "data" / "quizzes").glob("*.yaml"))


@pytest.fixture
def raw() -> dict:
    """The fixture bank with distractors as long as the key (the shared fixture's are short)."""
    data = yaml.safe_load((FIXTURES / "all_types.yaml").read_text())
    data["questions"][0]["options"][1]["text"] = "Mass protest movements filling the streets of the capital"
    data["questions"][0]["options"][2]["text"] = "Rebel armies advancing on the capital from the countryside"
    # the shared fixture's note repeats the key's "state apparatus" (an echo): point to the step instead
    data["questions"][0]["options"][1]["misconception"] = "Uprisings are excluded: ask where the perpetrators stand."
    for hint in data["questions"][5]["hints"]:  # one uniform hint for every wrong value (no direction)
        hint["text"] = "Count the years again from the start of the Long March."
    return data


def set_numeric_hints(data: dict, text: str) -> None:
    for hint in data["questions"][5]["hints"]:
        hint["text"] = text


def rules(raw: dict) -> list[str]:
    return [f.rule for f in lint(parse_bank(raw, "x.yaml"))]


def test_a_clean_bank_has_no_findings(raw):
    assert rules(raw) == []


def test_a_key_that_is_clearly_the_longest(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][0]["text"] = (
        "The military or other elites within the state apparatus, acting overtly and illegally against the executive"
    )
    assert "longest-key" in rules(data)


def test_a_throwaway_distractor(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][1]["text"] = "Crowds"
    assert rules(data) == ["throwaway-distractor"]


def test_a_misconception_or_hint_that_contains_the_key(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][1]["misconception"] = (
        "No: the answer is the military or other elites within the state apparatus."
    )
    set_numeric_hints(data, "Count again: 15 is the answer.")
    data["questions"][3]["items"][1]["misconceptions"]["coup"] = "It was a mutiny."
    found = [(f.question, f.rule, f.message.split(" contains")[0]) for f in lint(parse_bank(data, "x.yaml"))]
    assert found == [
        ("single-q", "leak", "options.crowds.misconception"),
        ("classify-q", "leak", "items.wagner-2023.misconceptions.coup"),
        ("numeric-q", "leak", "hints.0"),
        ("numeric-q", "leak", "hints.1"),
    ]
    data["questions"][1]["hint"] = "Think of Overt acts."
    assert ("multiple-q", "leak") in [(f.question, f.rule) for f in lint(parse_bank(data, "x.yaml"))]


def test_numbers_match_as_whole_words(raw):
    data = copy.deepcopy(raw)
    set_numeric_hints(data, "About 150 years is far too many.")
    assert rules(data) == []


def test_numeric_range_hints_that_differ_give_a_direction(raw):
    data = copy.deepcopy(raw)
    data["questions"][5]["hints"][0]["text"] = "About 22 years is the armed struggle since 1927, not since 1934."
    data["questions"][5]["hints"][1]["text"] = "The Long March itself lasted about a year; the question asks to 1949."
    found = lint(parse_bank(data, "x.yaml"))
    assert [(f.question, f.rule) for f in found] == [("numeric-q", "range-hints")]
    assert "range hints give a direction" in found[0].message


def test_numeric_range_hints_with_one_text_are_not_flagged(raw):
    data = copy.deepcopy(raw)
    set_numeric_hints(data, "Not that one: count the years again.")
    assert rules(data) == []


def single(qid: str, key: str, *distractors: str, **fields) -> dict:
    options = [{"id": "k", "text": key, "correct": True}]
    options += [{"id": f"d{n}", "text": text, "misconception": "m"} for n, text in enumerate(distractors)]
    return {"id": qid, "type": "single", "prompt": "p", "explanation": "e", "source": "s", "options": options, **fields}


def refrain_bank(third_distractor: str) -> dict:
    return {
        "bank": "r",
        "title": "t",
        "questions": [
            single("q1", "A coup: it shows who acts against whom", "A mutiny: soldiers defied the commanders"),
            single("q2", "Insiders, which settles who acts against whom", "Outsiders, which settles the class"),
            single("q3", "Position first, then who acts against whom", third_distractor),
        ],
    }


def test_a_refrain_that_only_keys_share():
    found = lint(parse_bank(refrain_bank("Origin first, then the speed of the event"), "r.yaml"))
    assert [(f.question, f.rule) for f in found] == [("q1", "refrain"), ("q2", "refrain"), ("q3", "refrain")]
    assert "'who acts against'" in found[0].message and "q2, q3" in found[0].message


def test_a_refrain_that_a_distractor_also_has_is_not_flagged():
    assert lint(parse_bank(refrain_bank("Origin first, then who acts against whom"), "r.yaml")) == []


def verdict_banks(prompt: str, option: str = "An unrelated option text here") -> list:
    asking = {
        "bank": "a",
        "title": "t",
        "questions": [
            {"id": "sort", "type": "classify", "prompt": "Label each case.", "explanation": "e", "source": "s",
             "categories": [{"id": "coup", "label": "Coup"}, {"id": "self-coup", "label": "Self-coup"},
                            {"id": "mutiny", "label": "Mutiny"}],
             "items": [{"id": "w", "case": "wagner-2023", "category": "mutiny", "why": "w",
                        "text": "Russia, 23–24 June 2023: Wagner marches on Moscow."},
                       {"id": "u", "case": "ussr-1991", "category": "coup", "why": "w",
                        "text": "Moscow, 19–21 August 1991: the president is put under house arrest."}]},
            single("sudan", "A coup attempt that became a civil war: it failed", "A rebellion that became a war",
                   new_case="sudan-2023", case="sudan-rsf-2023"),
            single("reason", "Step 2: the target", "Step 1: the position", new_case="sudan-2021"),
        ],
    }  # fmt: skip
    other = {"bank": "b", "title": "t", "questions": [single("other", "A right answer", option, prompt=prompt)]}
    return [parse_bank(asking, "a.yaml"), parse_bank(other, "b.yaml")]


def leaks(prompt: str, option: str = "An unrelated option text here") -> list[tuple[str, str]]:
    return [
        (f.question, f.message.split(" calls ")[0])
        for f in lint_course(verdict_banks(prompt, option))
        if f.rule == "verdict-leak"
    ]


def test_a_prompt_that_states_another_questions_verdict():
    assert leaks("The course calls Wagner's march of 2023 a mutiny. What makes the difference?") == [
        ("other", "prompt")
    ]
    assert leaks("Why did the Moscow putsch of August 1991 fail as a coup?") == [("other", "prompt")]
    assert leaks("Sudan 2023 was a coup attempt; why?") == [("other", "prompt")]
    assert leaks("p", option="Sudan's RSF in 2023: a failed coup") == [("other", "options.d0")]


def test_facts_without_the_label_and_labels_without_the_case_are_not_leaks():
    assert leaks("Wagner marched from the front in June 2023 demanding the defence minister's removal.") == []
    assert leaks("Sudan 2023 and Moscow 1991: which step separates them?") == []
    assert leaks("Was Wagner's march of 2023 a self-coup?") == []  # not 'coup' inside 'self-coup'
    assert leaks("In 1991 Moscow saw a coup.") == []  # a limit: name words count only in the order of the name
    assert leaks("Sudan, 2021: step 2 decides.") == []  # a key that opens with a reason is no verdict
    # the question that asks for a verdict may state its own case's facts and labels
    assert [f for f in lint_course(verdict_banks("p")) if f.rule == "verdict-leak"] == []


def flagged(rule: str, *distractors: str, qid: str = "sudan") -> list[str]:
    """The questions ``rule`` flags once the verdict banks' Sudan question has these distractors."""
    banks = verdict_banks("p")
    assert banks[0].questions[1].id == "sudan"
    raw = single(qid, "A coup attempt that became a civil war: it failed", *distractors, new_case="sudan-2023")
    banks[0].questions[1] = parse_bank({"bank": "a", "title": "t", "questions": [raw]}, "a.yaml").questions[0]
    return [f.question for f in lint_course(banks) if f.rule == rule]


def lone_labels(*distractors: str) -> list[str]:
    return flagged("lone-label", *distractors)


def test_a_key_whose_label_no_distractor_gives():
    assert lone_labels("A rebellion: its men held no post", "A mutiny: it aimed at the generals") == ["sudan"]
    # a distractor with the same label and another reason: the label alone no longer picks the key
    assert lone_labels("A coup: it began in the capital", "A mutiny: it aimed at the generals") == []
    # a label must open the distractor: one named in its reason does not count
    assert lone_labels("A rebellion: no coup at all", "A mutiny: it aimed at the generals") == ["sudan"]
    # a key that opens with a reason, not a label, is not checked
    assert "reason" not in [f.question for f in lint_course(verdict_banks("p")) if f.rule == "lone-label"]


def balance(*distractors: str) -> list[str]:
    return flagged("label-balance", *distractors)


def test_a_key_whose_name_is_the_most_frequent():
    # two options open with the key's name, one with another: the most frequent name picks the key
    assert balance("A coup attempt that became a civil war: it began far away", "A mutiny: against generals") == [
        "sudan"
    ]
    # two and two: the name no longer picks the key
    assert balance(
        "A coup attempt that became a civil war: it began far away",
        "A mutiny: it aimed at the generals",
        "A mutiny: it was over in a day",
    ) == []
    # names are whole openings: "A coup attempt" is another name than the key's
    assert balance(
        "A coup attempt that became a civil war: it began far away",
        "A coup attempt: it was illegal",
        "A coup attempt: it was open",
    ) == []


# Known findings tolerated while a bank is being rewritten (none now).
# A finding not listed fails the test, and so does a listed one that is gone: delete it then.
KNOWN: set[tuple[str, str, str]] = set()


@pytest.mark.skipif(not COURSE, reason="no banks in data/quizzes")
def test_course_banks_have_no_new_lint_findings():
    from coupbook.quizzes import all_banks

    findings = lint_course(all_banks())
    new = [str(f) for f in findings if (f.bank, f.question, f.rule) not in KNOWN]
    assert new == [], "bank lint findings:\n" + "\n".join(new)
    gone = KNOWN - {(f.bank, f.question, f.rule) for f in findings}
    assert not gone, f"fixed findings still listed in KNOWN (delete them): {sorted(gone)}"


def echo_bank(misconception: str, hint: str | None = None) -> dict:
    question = single(
        "q1",
        "A coup: the resignation was not freely given",
        "An uprising: crowds forced the ruler out",
        "A mutiny: soldiers defied their commanders",
        prompt="Zimbabwe, November 2017: the army detained the president, who later resigned.",
    )
    question["options"][1]["misconception"] = misconception
    if hint:
        question["hint"] = hint
    return {"bank": "e", "title": "t", "questions": [question]}


def test_a_note_that_echoes_the_keys_distinctive_words_is_flagged():
    found = lint(parse_bank(echo_bank("Step 3 asks whether the resignation was freely given."), "e.yaml"))
    assert [(f.question, f.rule) for f in found] == [("q1", "echo")]
    assert "freely given" in found[0].message and "options.d0.misconception" in found[0].message
    hinted = lint(parse_bank(echo_bank("Who moved first?", hint="Was it freely given?"), "e.yaml"))
    assert [(f.rule, "hint" in f.message) for f in hinted] == [("echo", True)]


def test_a_note_that_shares_only_the_prompts_or_a_distractors_words_is_not_flagged():
    # "the president" is in the prompt; "soldiers defied" is in a distractor: neither points to the key
    assert lint(parse_bank(echo_bank("Ask what the president did; soldiers defied nobody."), "e.yaml")) == []


def course_refrain_banks(distractor: str, second: str = "A mutiny: the guards refused") -> list:
    def bank(name: str, key: str, other: str) -> dict:
        question = single(f"{name}q", key, other, "A rebellion: it began far away")
        return {"bank": name, "title": "t", "questions": [question]}

    return [
        parse_bank(bank("b1", "A coup: the handover was not freely given", distractor), "b1.yaml"),
        parse_bank(bank("b2", "A coup: his resignation, not freely given, ended it", second), "b2.yaml"),
        parse_bank(bank("b3", "A coup, as the exit was not freely given", "An uprising: crowds massed"), "b3.yaml"),
    ]


def test_a_course_wide_refrain_in_keys_of_several_banks_is_flagged():
    banks = course_refrain_banks("An uprising: the army stood aside")
    found = [f for f in lint_course(banks) if f.rule == "course-refrain"]
    assert sorted(f.bank for f in found) == ["b1", "b2", "b3"]
    assert "freely given" in found[0].message


def test_a_course_wide_phrase_that_distractors_use_too_is_not_flagged():
    # in the keys of three questions and the distractors of two: no longer a cue (half as often or more)
    banks = course_refrain_banks("An uprising: the exit was freely given", "A mutiny: a pay deal freely given")
    assert [f for f in lint_course(banks) if f.rule == "course-refrain"] == []
    once = course_refrain_banks("An uprising: the exit was freely given")  # one distractor is not enough
    assert len([f for f in lint_course(once) if f.rule == "course-refrain"]) == 3


def test_a_compound_name_asserts_its_head_label():
    from bookquiz.lint import opening_label

    vocabulary = ["popular uprising", "self coup", "mutiny", "coup"]
    assert opening_label("A coup grown out of a barracks mutiny: the sergeants", vocabulary) == "coup"
    assert opening_label("A mutiny that became a coup: it began over pay", vocabulary) == "mutiny"
    assert opening_label("A self-coup: the president closed congress", vocabulary) == "self coup"
    assert opening_label("Step 2: the target", vocabulary) is None


def test_a_single_word_in_four_keys_and_no_distractor_is_a_course_refrain():
    def bank(name: str, n: int, distractor: str) -> object:
        questions = [single(f"q{i}", f"A coup: the troops seized the {i}th palace", distractor) for i in range(n)]
        return parse_bank({"bank": name, "title": "t", "questions": questions}, f"{name}.yaml")

    def refrains(found) -> set[str]:
        return {f.message.split("'")[1] for f in found if f.rule == "course-refrain"}

    assert "seized" in refrains(lint_course([bank("a", 2, "A mutiny: they held the base"), bank("b", 2, "x y z")]))
    # three keys are not yet a refrain for one word (they are for a pair)
    assert "seized" not in refrains(lint_course([bank("a", 3, "A mutiny: they held the base")]))
    # distractors that use the word as often as half the keys do: no cue
    assert "seized" not in refrains(lint_course([bank("a", 4, "A mutiny: they seized the base")]))


def test_a_question_id_that_names_its_key():
    distractors = ("A mutiny: x", "A mutiny: y", "A coup attempt that became a civil war: z")
    assert flagged("id-names-key", *distractors, qid="coup-sudan") == ["coup-sudan"]
    assert flagged("id-names-key", *distractors, qid="sudan-2023-label") == []
