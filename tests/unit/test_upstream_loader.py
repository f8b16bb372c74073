"""The upstream loaders read a path, a file:// URL or an http:// URL, and reject wrong files clearly."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from coupbook import upstream
from coupbook.upstream import UpstreamFormatError, read_cline, read_powell_thyne, read_ucdp_acd

HAVE_UPSTREAM = upstream.DEFAULT_DIR.is_dir()

PT_SAMPLE = (
    "country\tccode\tccode_gw\tccode_polity\tyear\tmonth\tday\tcoup\tversion\r\n"
    '"Thailand"\t800\t\t\t2006\t9\t19\t2\t"V2023.09.08"\r\n'
    '"Russia"\t365\t\t364\t1991\t8\t21\t1\t"V2023.09.08"\r\n'
)


@pytest.fixture
def pt_sample(tmp_path) -> Path:
    path = tmp_path / "pt.txt"
    path.write_bytes(PT_SAMPLE.encode())
    return path


def test_sample_from_path_file_url_and_http(pt_sample, served):
    from_path = read_powell_thyne(pt_sample)
    assert from_path["country"].tolist() == ["Thailand", "Russia"]
    assert from_path["successful"].tolist() == [True, False]
    assert from_path["date"].iloc[0] == pd.Timestamp("2006-09-19")
    pd.testing.assert_frame_equal(read_powell_thyne(pt_sample.as_uri()), from_path)
    base = served(pt_sample.parent)
    pd.testing.assert_frame_equal(read_powell_thyne(f"{base}/pt.txt"), from_path)


def test_missing_file_and_bad_url(tmp_path, served):
    with pytest.raises(UpstreamFormatError, match="file not found"):
        read_powell_thyne(tmp_path / "absent.txt")
    base = served(tmp_path)
    with pytest.raises(UpstreamFormatError, match=r"/absent\.txt: could not download \(HTTP Error 404"):
        read_powell_thyne(f"{base}/absent.txt")
    with pytest.raises(UpstreamFormatError, match="unsupported URL scheme 'ftp'"):
        read_powell_thyne("ftp://example.org/pt.txt")


def test_wrong_separator_is_explained(tmp_path):
    path = tmp_path / "pt.csv"
    path.write_text(PT_SAMPLE.replace("\t", ","), encoding="utf-8")
    with pytest.raises(UpstreamFormatError) as info:
        read_powell_thyne(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not a Powell & Thyne (tab-separated) file: missing columns ['country'")
    assert "Powell & Thyne is tab-separated" in message


def test_bad_values_name_the_line(tmp_path):
    path = tmp_path / "pt.txt"
    path.write_text(PT_SAMPLE.replace("\t2\t", "\t3\t"), encoding="utf-8")
    with pytest.raises(UpstreamFormatError, match=r"line 2: column 'coup' must be 1 \(failed\) or 2 \(successful\)"):
        read_powell_thyne(path)
    path.write_text(PT_SAMPLE.replace("\t21\t", "\t32\t"), encoding="utf-8")
    with pytest.raises(UpstreamFormatError, match="line 3: year/month/day is not a valid date"):
        read_powell_thyne(path)
    path.write_text(PT_SAMPLE.split("\r\n")[0] + "\r\n", encoding="utf-8")
    with pytest.raises(UpstreamFormatError, match="has a header but no rows"):
        read_powell_thyne(path)


@pytest.fixture(scope="module")
def upstream_files():
    if not HAVE_UPSTREAM:
        pytest.skip("../shared/datasets not present")
    d = upstream.DEFAULT_DIR
    return {"pt": d / upstream.PT_FILE, "cline": d / upstream.CLINE_FILE, "ucdp": d / upstream.UCDP_FILE}


@pytest.mark.upstream
def test_full_files_from_paths(upstream_files):
    pt = read_powell_thyne(upstream_files["pt"])
    assert (len(pt), int(pt["successful"].sum())) == (491, 245)
    assert set(pt["version"]) == {"V2023.09.08"}
    cline = read_cline(upstream_files["cline"])
    assert len(cline) == 981
    assert cline["outcome"].value_counts().to_dict() == {"realized": 441, "attempted": 349, "conspiracy": 191}
    assert cline.loc[cline["coup_id"] == "80009192006", "flags"].item() == "military"
    assert cline["coup_id"].str.fullmatch(r"\d{11}(_\d)?").all()  # ids stay text: Kazakhstan 2022 has _1/_2
    assert cline.loc[cline["cowcode"] == 2, "coup_id"].str.startswith("002").all()  # leading zeros kept
    ucdp = read_ucdp_acd(upstream_files["ucdp"])
    assert (len(ucdp), ucdp["conflict_id"].nunique()) == (2568, 294)
    assert (ucdp["intensity_level"] == 2).sum() == 652


@pytest.mark.upstream
def test_full_files_from_file_and_http_urls(upstream_files, served):
    base = served(upstream.DEFAULT_DIR)
    for reader, key in [(read_powell_thyne, "pt"), (read_cline, "cline"), (read_ucdp_acd, "ucdp")]:
        expected = reader(upstream_files[key])
        pd.testing.assert_frame_equal(reader(upstream_files[key].as_uri()), expected)
        pd.testing.assert_frame_equal(reader(f"{base}/{upstream_files[key].name}"), expected)


@pytest.mark.upstream
def test_a_file_of_the_wrong_dataset_is_refused(upstream_files):
    with pytest.raises(UpstreamFormatError, match=r"not a Powell & Thyne \(tab-separated\) file: missing columns"):
        read_powell_thyne(upstream_files["cline"])
    with pytest.raises(UpstreamFormatError, match=r"not a Cline Center coup \(csv\) file: missing columns \['coup_id'"):
        read_cline(upstream_files["ucdp"])
    with pytest.raises(UpstreamFormatError, match="not a UCDP/PRIO Armed Conflict Dataset"):
        read_ucdp_acd(upstream_files["cline"])
