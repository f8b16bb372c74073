"""Chapter 1 charts: the Cline Center flags and the Powell & Thyne definition checker."""

from __future__ import annotations

import pytest

from coupbook.figures import definitions


@pytest.fixture(scope="module")
def flags():
    return definitions.cline_flags()


@pytest.fixture(scope="module")
def checker():
    return definitions.definition_checker()


def notes(fig):
    return fig.layout.meta["coupbook"]


def test_flag_counts_match_the_cline_file(flags):
    bar = flags.data[0]
    counts = dict(zip(bar.y, bar.x, strict=True))
    by_flag = {label.rsplit("[", 1)[1].rstrip("]"): n for label, n in counts.items()}
    assert by_flag == {
        "military": 591,
        "dissident": 293,
        "palace": 131,
        "popular": 96,
        "resign": 85,
        "foreign": 76,
        "rebel": 62,
        "auto": 41,
        "counter": 20,
        "other": 16,
    }
    # the flags overlap: together they exceed the 981 events
    totals = definitions.cline_totals()
    assert sum(bar.x) > totals["events"] == 981
    assert (totals["realized"], totals["attempted"], totals["conspiracy"]) == (441, 349, 191)


def test_flag_bars_are_sorted_and_labelled(flags):
    bar = flags.data[0]
    assert list(bar.x) == sorted(bar.x), "largest bar must be at the top (last in a horizontal bar)"
    assert list(bar.text) == [str(n) for n in bar.x], "every bar carries its number as text"
    assert bar.orientation == "h"


def test_flag_chart_has_notes_with_the_numbers(flags):
    meta = notes(flags)
    assert meta["caption"] and meta["source"] and meta["alt"]
    from coupbook.data import resource

    assert resource("cline_flag_counts")["sources"][0]["version"] in meta["source"]
    for number in ("591", "293", "41", "16", "981"):
        assert number in meta["alt"]
    assert meta["alt"].index("591") < meta["alt"].index("16"), "alt lists flags from most to least"


def test_checker_marks_each_case(checker):
    heat = checker.data[0]
    rows = {label.split("<br>")[0]: list(z) for label, z in zip(heat.y, heat.z, strict=True)}
    assert rows["Thailand 2014"] == [1, 1, 1, 1]
    assert rows["Myanmar 2021"] == [1, 1, 1, 1]
    assert rows["USSR 1991"] == [1, 1, 1, 1]
    assert rows["Peru 1992"][3] == 0, "a self-coup does not target the sitting executive"
    assert rows["Wagner mutiny 2023"] == [1, 1, 0.5, 0]
    assert len(heat.x) == len(definitions.ELEMENTS) == 4


def test_checker_marks_follow_the_case_table(monkeypatch):
    import coupbook.figures.definitions as module

    real = module.load

    def fake(name):
        frame = real(name)
        if name == "cases":
            frame.loc[frame["case_id"] == "wagner-2023", "position"] = "insider"
        return frame

    monkeypatch.setattr(module, "load", fake)
    rows = {r["short"]: r["marks"] for r in definitions.checker_rows()}
    assert rows["Wagner mutiny 2023"] == [1, 1, 1, 0]


def test_checker_uses_symbols_not_only_colour(checker):
    heat = checker.data[0]
    for z_row, text_row in zip(heat.z, heat.text, strict=True):
        for value, text in zip(z_row, text_row, strict=True):
            assert text[0] == {1: "✓", 0: "✗", 0.5: "?"}[value]
    assert heat.texttemplate == "%{text}"
    assert heat.showscale is False


def test_checker_records_the_dataset_disagreement(checker):
    labels = " ".join(checker.data[0].y)
    assert "P&T: failed; Cline: realized" in labels
    meta = notes(checker)
    assert "Wagner mutiny 2023: illegal yes, overt yes, insiders of the state apparatus disputed" in meta["alt"]
    assert "course's coding" in meta["source"] and "data/definition_checker.csv" in meta["source"]
