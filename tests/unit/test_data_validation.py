"""Malformed rows give a clear error naming the file, the row and the field.

Each test copies the data package into a temporary folder, breaks one cell, and checks the message.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from coupbook import data
from coupbook.datapackage import DataValidationError, read_package, validate_package, validate_resource
from coupbook.paths import DATA_DIR, ROOT


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    """A private copy of data/ (without the quiz banks) and the bibliographies beside it."""
    target = tmp_path / "data"
    (target / "derived").mkdir(parents=True)
    shutil.copy(DATA_DIR / "datapackage.json", target)
    for res in read_package()["resources"]:
        shutil.copy(DATA_DIR / res["path"], target / res["path"])
    for bib in ROOT.glob("references*.bib"):
        shutil.copy(bib, tmp_path)
    return target / "datapackage.json"


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(pkg: Path, file: str, key: str, field: str, value: str) -> int:
    """Set one cell of the row whose first column is ``key``; returns its data-row number (1-based)."""
    path = pkg.parent / file
    rows = _rows(path)
    col = rows[0].index(field)
    for number, row in enumerate(rows[1:], start=1):
        if row[0] == key:
            row[col] = value
            _write(path, rows)
            return number
    raise AssertionError(f"no row {key!r} in {file}")


def errors_of(name: str, pkg: Path) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        validate_resource(name, pkg)
    assert str(info.value).startswith(info.value.errors[0])
    return info.value.errors


def test_the_untouched_copy_is_valid(pkg):
    validate_package(pkg)
    assert len(data.load("cases", package=pkg)) == len(data.load("cases"))


def test_end_before_start(pkg):
    row = set_cell(pkg, "cases.csv", "wagner-2023", "end_date", "2023-06-22")
    expected = (
        f"data/cases.csv, row {row} (case_id 'wagner-2023'), field 'end_date': "
        "end is before start (2023-06-22 < 2023-06-23)"
    )
    assert expected in errors_of("cases", pkg)


def test_end_year_before_start_year_for_bc_dates(pkg):
    row = set_cell(pkg, "cases.csv", "caesar-49bc", "end_year", "-50")
    expected = f"data/cases.csv, row {row} (case_id 'caesar-49bc'), field 'end_year': end is before start (-50 < -49)"
    assert expected in errors_of("cases", pkg)


def test_bad_date(pkg):
    row = set_cell(pkg, "cases.csv", "thailand-2006", "start_date", "2006-09-31")
    where = f"data/cases.csv, row {row} (case_id 'thailand-2006'), field 'start_date': "
    assert where + "not a valid date (YYYY-MM-DD): '2006-09-31'" in errors_of("cases", pkg)


def test_unknown_category(pkg):
    row = set_cell(pkg, "cases.csv", "thailand-2014", "actor", "mercenaries")
    errors = errors_of("cases", pkg)
    assert len(errors) == 1
    assert errors[0].startswith(f"data/cases.csv, row {row} (case_id 'thailand-2014'), field 'actor': 'mercenaries'")
    assert "is not one of the allowed values (military, civilian-elite" in errors[0]


def test_missing_source(pkg):
    row = set_cell(pkg, "cases.csv", "peru-1992", "source", "")
    errors = errors_of("cases", pkg)
    where = f"data/cases.csv, row {row} (case_id 'peru-1992'), field 'source': "
    assert where + "required value is missing" in errors
    assert where + "every row needs a source: this cell is empty" in errors


def test_unknown_bibtex_key(pkg):
    row = set_cell(pkg, "cases.csv", "ussr-1991", "cite", "wiki1991putsch;nosuchkey2099")
    expected = (
        f"data/cases.csv, row {row} (case_id 'ussr-1991'), field 'cite': "
        "unknown BibTeX key 'nosuchkey2099' (not in references*.bib)"
    )
    assert errors_of("cases", pkg) == [expected]


def test_duplicate_id(pkg):
    first = set_cell(pkg, "cases.csv", "thailand-2006", "notes", "unchanged")  # find its row number
    row = set_cell(pkg, "cases.csv", "thailand-2014", "case_id", "thailand-2006")
    expected = (
        f"data/cases.csv, row {row} (case_id 'thailand-2006'), field 'case_id': "
        f"duplicate value 'thailand-2006' (also in row {first})"
    )
    assert errors_of("cases", pkg) == [expected]


def test_bad_integer_and_inconsistent_duration(pkg):
    row = set_cell(pkg, "cases.csv", "russia-1993", "duration_days", "two weeks")
    assert f"data/cases.csv, row {row} (case_id 'russia-1993'), field 'duration_days': not an integer: 'two weeks'" in (
        errors_of("cases", pkg)
    )
    set_cell(pkg, "cases.csv", "russia-1993", "duration_days", "30")
    assert errors_of("cases", pkg) == [
        f"data/cases.csv, row {row} (case_id 'russia-1993'), field 'duration_days': "
        "30 days, but 1993-09-21 to 1993-10-04 is 13"
    ]


def test_year_must_match_date(pkg):
    row = set_cell(pkg, "cases.csv", "myanmar-1962", "start_year", "1963")
    assert errors_of("cases", pkg) == [
        f"data/cases.csv, row {row} (case_id 'myanmar-1962'), field 'start_year': "
        "1963 does not match start_date 1962-03-02"
    ]


def test_pattern_on_flags(pkg):
    row = set_cell(pkg, "cases.csv", "myanmar-1958", "cline_flags", "military,resign")
    (error,) = errors_of("cases", pkg)
    assert error.startswith(
        f"data/cases.csv, row {row} (case_id 'myanmar-1958'), field 'cline_flags': 'military,resign'"
    )
    assert "does not match the pattern" in error


def test_timeline_out_of_order_and_missing_offset(pkg):
    set_cell(pkg, "wagner_timeline.csv", "6", "time", "2023-06-24T01:00:00+03:00")
    errors = errors_of("wagner_timeline", pkg)
    assert errors == [
        "data/wagner_timeline.csv, row 6 (step '6'), field 'time': out of order: "
        "2023-06-24T01:00:00+03:00 is earlier than the previous row (2023-06-24T07:30:00+03:00)"
    ]
    set_cell(pkg, "wagner_timeline.csv", "6", "time", "2023-06-24T10:00:00")
    errors = errors_of("wagner_timeline", pkg)
    assert "data/wagner_timeline.csv, row 6 (step '6'), field 'time': datetime has no UTC offset: " in errors[0]


def test_timeline_unknown_precision_and_negative_distance(pkg):
    set_cell(pkg, "wagner_timeline.csv", "5", "time_precision", "roughly")
    set_cell(pkg, "wagner_timeline.csv", "5", "distance_to_moscow_km", "-3")
    errors = errors_of("wagner_timeline", pkg)
    where = "data/wagner_timeline.csv, row 5 (step '5'), field "
    assert any(e.startswith(where + "'time_precision': 'roughly' is not one of") for e in errors)
    assert where + "'distance_to_moscow_km': -3 is below the minimum 0" in errors


def test_derived_table_checks(pkg):
    path = pkg.parent / "derived" / "pt_coups_by_year_region.csv"
    rows = _rows(path)
    rows[1][3] = "5"  # 1950, Americas: successes 5 > attempts 2
    rows.append(list(rows[2]))  # duplicate (1950, Europe)
    _write(path, rows)
    errors = errors_of("pt_coups_by_year_region", pkg)
    assert (
        "data/derived/pt_coups_by_year_region.csv, row 1 (year '1950', region 'Americas'), field 'successes': "
        "5 is greater than attempts (2)" in errors
    )
    dup = len(rows) - 1
    assert (
        f"data/derived/pt_coups_by_year_region.csv, row {dup} (year '1950', region 'Europe'), "
        "field 'year', 'region': duplicate primary key (also in row 2)" in errors
    )


def test_header_must_match_schema(pkg):
    path = pkg.parent / "derived" / "country_counts.csv"
    rows = [row[:-1] for row in _rows(path)]
    _write(path, rows)
    assert errors_of("country_counts", pkg) == [
        "data/derived/country_counts.csv, header: columns do not match the schema (missing ['conspiracies'])"
    ]


def test_short_row(pkg):
    path = pkg.parent / "wagner_timeline.csv"
    rows = _rows(path)
    rows[3] = rows[3][:4]
    _write(path, rows)
    assert "data/wagner_timeline.csv, row 3 (step '3'): has 4 cells, the schema has 10 fields" in errors_of(
        "wagner_timeline", pkg
    )


def test_every_problem_is_reported_and_load_refuses_bad_data(pkg):
    set_cell(pkg, "cases.csv", "thailand-1932", "violence", "none")
    set_cell(pkg, "cases.csv", "myanmar-1988", "outcome", "won")
    errors = errors_of("cases", pkg)
    assert len(errors) == 2
    with pytest.raises(DataValidationError, match=r"\(2 problems\)"):
        data.load("cases", package=pkg)
    with pytest.raises(DataValidationError, match="field 'violence'"):
        validate_package(pkg)
