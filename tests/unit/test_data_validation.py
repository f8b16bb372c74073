"""Bad data files give one clear error each, naming the file, the row and the field.

Each test copies the data package into a temporary folder, breaks one thing (a cell, the encoding,
a row's length), and checks the message.  Validation runs on Frictionless (coupbook.data.validate).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from coupbook import data
from coupbook.data.package import read_package
from coupbook.data.validate import DataValidationError, validate_package, validate_resource
from coupbook.paths import DATA_DIR, ROOT


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    """A private copy of data/ (without the quiz banks) and the bibliography beside it."""
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


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    with path.open("w", newline="", encoding=encoding) as handle:
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


def where(pkg: Path, key: str) -> str:
    """'data/cases.csv, row N (case_id 'key')' for a case."""
    rows = _rows(pkg.parent / "cases.csv")
    number = next(i for i, row in enumerate(rows[1:], start=1) if row[0] == key)
    return f"data/cases.csv, row {number} (case_id {key!r})"


def test_the_untouched_copy_is_valid(pkg):
    validate_package(pkg)
    assert len(data.load("cases", package=pkg)) == len(data.load("cases"))


# --- files: encoding, byte-order mark, cells per row ------------------------------------------------


def test_a_latin1_file_is_named_and_said_not_to_be_utf8(pkg):
    path = pkg.parent / "cases.csv"
    rows = _rows(path)
    rows[3][1] = "Côte d'Ivoire 1999"
    _write(path, rows, encoding="cp1252")  # what Excel on Windows writes for "CSV"
    (error,) = errors_of("cases", pkg)
    assert error.startswith("data/cases.csv: the file is not UTF-8 (line 4: byte 0xf4")
    assert "Save it again as 'CSV UTF-8'" in error


def test_a_byte_order_mark_is_accepted(pkg):
    path = pkg.parent / "cases.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    frame = data.load("cases", package=pkg)
    assert list(frame.columns)[0] == "case_id"
    assert len(frame) == len(data.load("cases"))


def test_a_short_row_gives_one_error_and_no_follow_on_errors(pkg):
    path = pkg.parent / "wagner_timeline.csv"
    rows = _rows(path)
    rows[3] = rows[3][:4]
    _write(path, rows)
    assert errors_of("wagner_timeline", pkg) == [
        "data/wagner_timeline.csv, row 3 (step '3'): has 4 cells, the schema has 11 fields"
    ]


def test_an_extra_cell_gives_one_error_and_no_follow_on_errors(pkg):
    path = pkg.parent / "cases.csv"
    rows = _rows(path)
    rows[5].append("stray")
    _write(path, rows)
    (error,) = errors_of("cases", pkg)
    assert (
        error == f"data/cases.csv, row 5 (case_id {rows[5][0]!r}): has {len(rows[0]) + 1} cells, "
        f"the schema has {len(rows[0])} fields"
    )


def test_header_must_match_schema(pkg):
    path = pkg.parent / "derived" / "country_counts.csv"
    _write(path, [row[:-1] for row in _rows(path)])
    assert errors_of("country_counts", pkg) == [
        "data/derived/country_counts.csv, header: columns do not match the schema (missing ['conspiracies'])"
    ]


def test_a_missing_file_is_named(pkg):
    (pkg.parent / "classes.csv").unlink()
    (error,) = errors_of("classes", pkg)
    assert error.startswith("data/classes.csv: file not found")


# --- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["20230623", "2023-6-23", "23/06/2023", "2023-06-31"])
def test_dates_must_be_strict_yyyy_mm_dd(pkg, bad):
    set_cell(pkg, "cases.csv", "wagner-2023", "start_date", bad)
    errors = errors_of("cases", pkg)
    assert f"{where(pkg, 'wagner-2023')}, field 'start_date': not a valid date (YYYY-MM-DD): {bad!r}" in errors


def test_end_before_start(pkg):
    set_cell(pkg, "cases.csv", "wagner-2023", "end_date", "2023-06-22")
    assert f"{where(pkg, 'wagner-2023')}, field 'end_date': end is before start (2023-06-22 < 2023-06-23)" in errors_of(
        "cases", pkg
    )


def test_end_year_before_start_year_for_bc_dates(pkg):
    set_cell(pkg, "cases.csv", "caesar-49bc", "end_year", "-50")
    assert f"{where(pkg, 'caesar-49bc')}, field 'end_year': end is before start (-50 < -49)" in errors_of("cases", pkg)


def test_year_must_match_date(pkg):
    set_cell(pkg, "cases.csv", "myanmar-1962", "start_year", "1963")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'myanmar-1962')}, field 'start_year': 1963 does not match start_date 1962-03-02"
    ]


def test_timeline_out_of_order_and_missing_offset(pkg):
    set_cell(pkg, "wagner_timeline.csv", "6", "time", "2023-06-24T01:00:00+03:00")
    assert errors_of("wagner_timeline", pkg) == [
        "data/wagner_timeline.csv, row 6 (step '6'), field 'time': out of order: "
        "2023-06-24T01:00:00+03:00 is earlier than the previous row (2023-06-24T07:30:00+03:00)"
    ]
    set_cell(pkg, "wagner_timeline.csv", "6", "time", "2023-06-24T10:00:00")
    (error,) = errors_of("wagner_timeline", pkg)
    assert error == (
        "data/wagner_timeline.csv, row 6 (step '6'), field 'time': datetime has no UTC offset (write e.g. +03:00): "
        "'2023-06-24T10:00:00'"
    )


# --- the duration rule --------------------------------------------------------------------------------


def test_bad_integer_and_inconsistent_duration(pkg):
    set_cell(pkg, "cases.csv", "russia-1993", "duration_days", "two weeks")
    assert f"{where(pkg, 'russia-1993')}, field 'duration_days': not an integer: 'two weeks'" in errors_of("cases", pkg)
    set_cell(pkg, "cases.csv", "russia-1993", "duration_days", "30")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'russia-1993')}, field 'duration_days': 30 days, but 1993-09-21 to 1993-10-04 is 13"
    ]


def test_an_ongoing_case_has_no_duration(pkg):
    set_cell(pkg, "cases.csv", "sudan-rsf-2023", "duration_days", "400")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'sudan-rsf-2023')}, field 'duration_days': 400 days, but the case has no end (ongoing): "
        "leave it empty"
    ]


def test_an_ended_case_needs_a_duration(pkg):
    set_cell(pkg, "cases.csv", "thailand-2006", "duration_days", "")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'thailand-2006')}, field 'duration_days': missing: the case has an end, so it needs a duration"
    ]


# --- vocabularies ---------------------------------------------------------------------------------------


def test_unknown_category(pkg):
    set_cell(pkg, "cases.csv", "thailand-2014", "actor", "mercenaries")
    (error,) = errors_of("cases", pkg)
    assert error.startswith(
        f"{where(pkg, 'thailand-2014')}, field 'actor': 'mercenaries' is not one of the allowed values"
    )
    assert "(military, civilian-elite" in error


def test_an_unknown_country_is_refused(pkg):
    set_cell(pkg, "cases.csv", "thailand-2014", "country", "Atlantis")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'thailand-2014')}, field 'country': 'Atlantis' is not in data/countries.csv (column 'name')"
    ]


def test_a_country_must_match_its_code(pkg):
    set_cell(pkg, "cases.csv", "thailand-2014", "cow_code", "365")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'thailand-2014')}, field 'cow_code': 365 does not match 'Thailand': data/countries.csv gives "
        "cow_code 800"
    ]


def test_an_addition_without_a_code_is_accepted_only_without_a_code(pkg):
    set_cell(pkg, "cases.csv", "caesar-49bc", "cow_code", "325")
    (error,) = errors_of("cases", pkg)
    assert (
        error == f"{where(pkg, 'caesar-49bc')}, field 'cow_code': 325 does not match 'Roman Republic': "
        "data/countries.csv gives cow_code none"
    )


def test_an_unknown_class_is_refused(pkg):
    set_cell(pkg, "cases.csv", "thailand-1973", "course_class", "revolution")
    errors = errors_of("cases", pkg)
    assert (
        f"{where(pkg, 'thailand-1973')}, field 'course_class': 'revolution' is not in data/classes.csv (column 'id')"
        in errors
    )


def test_a_class_that_contradicts_the_criteria_is_refused(pkg):
    set_cell(pkg, "cases.csv", "wagner-2023", "course_class", "coup")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'wagner-2023')}, field 'course_class': course_class 'coup' contradicts the criteria: "
        "position hybrid + target military-leadership => mutiny"
    ]


def test_pattern_on_flags(pkg):
    set_cell(pkg, "cases.csv", "myanmar-1958", "cline_flags", "military,resign")
    (error,) = errors_of("cases", pkg)
    assert error.startswith(
        f"{where(pkg, 'myanmar-1958')}, field 'cline_flags': 'military,resign' does not match the pattern"
    )


# --- sources and keys -------------------------------------------------------------------------------------


def test_missing_source(pkg):
    set_cell(pkg, "cases.csv", "peru-1992", "source", "")
    assert errors_of("cases", pkg) == [f"{where(pkg, 'peru-1992')}, field 'source': required value is missing"]
    set_cell(pkg, "cases.csv", "peru-1992", "source", "   ")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'peru-1992')}, field 'source': every row needs a source: this cell is blank"
    ]


def test_unknown_bibtex_key(pkg):
    set_cell(pkg, "cases.csv", "ussr-1991", "cite", "singh2014;nosuchkey2099")
    assert errors_of("cases", pkg) == [
        f"{where(pkg, 'ussr-1991')}, field 'cite': unknown BibTeX key 'nosuchkey2099' (not in references*.bib)"
    ]


def test_every_table_with_a_cite_column_checks_its_keys():
    for res in read_package()["resources"]:
        fields = [f["name"] for f in res["schema"]["fields"]]
        if "cite" in fields:
            assert {"check": "cite-keys-exist", "field": "cite"} in res.get("x-checks", []), res["name"]


def test_duplicate_id(pkg):
    first = int(where(pkg, "thailand-2006").split("row ")[1].split(" ")[0])
    set_cell(pkg, "cases.csv", "thailand-2014", "case_id", "thailand-2006")
    rows = _rows(pkg.parent / "cases.csv")
    row = [i for i, r in enumerate(rows[1:], start=1) if r[0] == "thailand-2006"][-1]
    assert errors_of("cases", pkg) == [
        f"data/cases.csv, row {row} (case_id 'thailand-2006'), field 'case_id': duplicate value 'thailand-2006' "
        f"(also in row {first})"
    ]


def test_timeline_unknown_precision_and_negative_distance(pkg):
    set_cell(pkg, "wagner_timeline.csv", "5", "time_precision", "roughly")
    set_cell(pkg, "wagner_timeline.csv", "5", "distance_to_moscow_km", "-3")
    errors = errors_of("wagner_timeline", pkg)
    prefix = "data/wagner_timeline.csv, row 5 (step '5'), field "
    assert any(e.startswith(prefix + "'time_precision': 'roughly' is not one of") for e in errors)
    assert prefix + "'distance_to_moscow_km': -3 is below the minimum 0" in errors


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


def test_every_problem_is_reported_and_load_refuses_bad_data(pkg):
    set_cell(pkg, "cases.csv", "thailand-1932", "violence", "none")
    set_cell(pkg, "cases.csv", "myanmar-1988", "outcome", "won")
    assert len(errors_of("cases", pkg)) == 2
    with pytest.raises(DataValidationError, match=r"\(2 problems\)"):
        data.load("cases", package=pkg)
    with pytest.raises(DataValidationError, match="field 'violence'"):
        validate_package(pkg)


def test_a_broken_descriptor_is_named(pkg):
    pkg.write_text(pkg.read_text(encoding="utf-8").replace('"name": "phase"', '"name": "step"', 1), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"^data/datapackage.json: cannot be read"):
        validate_resource("cases", pkg)
