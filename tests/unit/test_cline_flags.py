"""Every Cline Center flag the course shows has a definition and real example events.

The flags reach learners through the data explorer (its flag table and its event list), the
flag counts and the case table; each of those must find a non-empty definition in
``data/cline_flags.csv``, and the schema must refuse a row without one.
"""

from __future__ import annotations

import re

import pytest

from coupbook import data
from coupbook.clineflags import QUOTED, definition_html, examples, flag_definitions_html
from coupbook.data.validate import DataValidationError, validate_resource
from coupbook.paths import ROOT
from tests.unit.test_data_validation import pkg  # noqa: F401  (the copied data package fixture)


def shown_flags() -> set[str]:
    """Every flag that a table the book shows can carry."""
    shown = set(data.load("cline_flag_counts")["flag"])
    for table, column in (("cline_events", "flags"), ("cases", "cline_flags")):
        for cell in data.load(table)[column]:
            shown.update(f for f in cell.split(";") if f)
    return shown


def test_every_shown_flag_has_a_definition_and_examples():
    flags = data.load("cline_flags").set_index("flag")
    missing = sorted(shown_flags() - set(flags.index))
    assert not missing, f"data/cline_flags.csv has no row for {missing}"
    for flag in shown_flags():
        assert flags.loc[flag, "definition"].strip(), f"data/cline_flags.csv: flag {flag!r} has no definition"
        assert flags.loc[flag, "examples"].strip(), f"data/cline_flags.csv: flag {flag!r} has no examples"


def test_every_example_is_an_event_with_that_flag():
    events = data.load("cline_events")
    events["day"] = events["date"].dt.strftime("%Y-%m-%d")
    for row in data.load("cline_flags").itertuples():
        for country, date in examples(row.examples):
            match = events[(events["country"] == country) & (events["day"] == date.strftime("%Y-%m-%d"))]
            where = f"data/cline_flags.csv, flag {row.flag!r}: example {country} {date.date()}"
            assert len(match) == 1, f"{where} is not an event of the Cline data"
            assert row.flag in match["flags"].item().split(";"), f"{where} does not carry the flag"


def test_counts_quoted_in_a_definition_match_the_data():
    counts = data.load("cline_flag_counts").set_index("flag")["events"]
    for row in data.load("cline_flags").itertuples():
        for _, total in re.findall(r"(\d+) of the (\d+) events with this flag", row.definition):
            assert int(total) == counts[row.flag], f"data/cline_flags.csv, flag {row.flag!r}: says {total} events"


def test_quoted_wording_is_marked_and_cited():
    for row in data.load("cline_flags").itertuples():
        if row.definition_from == "cline":
            assert QUOTED.search(row.definition), f"flag {row.flag!r} is marked cline but quotes nothing"
        if '"' in row.definition:
            assert row.definition_from == "cline", f"flag {row.flag!r} quotes wording, marked {row.definition_from}"
            assert set(row.cite.split(";")) - {"peyton2023cline", "cline2023codebook"}, (
                f"flag {row.flag!r} quotes wording without citing where it was read"
            )
        assert "cline2023codebook" in row.cite.split(";"), f"flag {row.flag!r} does not cite the codebook"


def test_the_table_shows_every_definition_escaped():
    html = flag_definitions_html()
    for row in data.load("cline_flags").itertuples():
        assert f"<code>{row.flag}</code>" in html
        for part in QUOTED.split(row.definition):
            assert part.replace('"', "&quot;").replace("'", "&#x27;") in html
    assert "<script" not in html


def test_only_the_quoted_clause_is_marked_as_the_cline_centers_wording():
    html = definition_html('Course text, then "the Center\'s words" and more course text.', "cline")
    assert html.startswith("<em>The course's reading, quoting the Cline Center.</em> Course text, then ")
    assert '<q class="cline-wording">the Center&#x27;s words</q> <small>(the Cline Center\'s wording)</small>' in html
    assert html.endswith(" and more course text.")
    assert "Cline Center's wording" not in definition_html("All the course's own words.", "course")
    with pytest.raises(ValueError, match="quotes no clause"):
        definition_html("No quotation here.", "cline")


def test_a_quoted_clause_is_escaped_too():
    html = definition_html('Before "<script>alert(1)</script>" after <b>.', "cline")
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;" in html


def test_the_explorer_page_shows_the_table():
    text = (ROOT / "pages" / "data_explorer.ipynb").read_text(encoding="utf-8")
    assert "flag_definitions_html()" in text
    assert "cline2023codebook" in text


@pytest.mark.parametrize("field", ["definition", "examples"])
def test_a_flag_without_a_definition_or_examples_is_refused(pkg, field):  # noqa: F811
    path = pkg.parent / "cline_flags.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    frame = data.load("cline_flags", package=pkg)
    frame.loc[frame["flag"] == "rebel", field] = ""
    frame[header].to_csv(path, index=False, lineterminator="\n")
    with pytest.raises(DataValidationError) as info:
        validate_resource("cline_flags", pkg)
    assert info.value.errors == [
        f"data/cline_flags.csv, row 3 (flag 'rebel'), field '{field}': required value is missing"
    ]
