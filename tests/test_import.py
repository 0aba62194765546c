"""`qzdc import`: CSV in the encodings Excel writes, and .xlsx built with openpyxl.

The whole file is checked first: one bad row and nothing is written, and every
bad row is reported with its row number as the spreadsheet shows it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from qzdc.actuals.importer import read_import
from qzdc.errors import DataError
from qzdc.plan.loader import load_plan

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

TODAY = dt.date(2026, 11, 29)

CHINESE_CSV = """\
指标,期间,数值,来源,备注
地区生产总值,2024,81.2,区统计局快报,初步核算
高新技术企业,2025年9月,52,区科技局,
辖区淮远河及雍溪河水质,2025-Q3,Ⅲ类,区生态环境局,达标
"""
EXPECTED = [
    ("gdp", 2024, 81.2, "区统计局快报", "初步核算"),
    ("high_tech_enterprises", "2025-09", 52, "区科技局", None),
    ("water_quality", "2025-Q3", "III", "区生态环境局", "达标"),
]


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def recorded(path: Path = Path("actuals.yaml")) -> list[tuple]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["actuals"]
    return [(e["indicator"], e["period"], e["value"], e.get("source"), e.get("note")) for e in entries]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_each_encoding_excel_writes(cli, encoding):
    Path("data.csv").write_bytes(CHINESE_CSV.replace("\n", "\r\n").encode(encoding))
    result = cli("import", "data.csv", "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "已导入 3 个数据（新增 3，修订 0）：data.csv → actuals.yaml（大足区万古镇“强镇带村”试点实施方案（2023—2025年））"
    )
    assert recorded() == EXPECTED


def test_a_gbk_csv_keeps_its_chinese_text(cli):
    text = "指标,期间,数值,来源\n村（社区）集体经济年经营性收入,2024,415,镇农业服务中心（年报）\n"
    data = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the point of the test: this is not UTF-8
    Path("gbk.csv").write_bytes(data)
    assert cli("import", "gbk.csv").exit_code == 0
    assert recorded() == [("village_collective_income", 2024, 415, "镇农业服务中心（年报）", None)]


def test_english_headers_any_order_extra_columns_and_blank_rows(cli):
    Path("data.csv").write_text(
        "Value,unit,Indicator,Period\n7.1,%,gdp_growth,2024\n,,,\n63.8%,%,urbanisation_rate,2024\n", encoding="utf-8"
    )
    assert cli("import", "data.csv").exit_code == 0
    assert recorded() == [("gdp_growth", 2024, 7.1, None, None), ("urbanisation_rate", 2024, 63.8, None, None)]


def test_import_appends_to_what_is_there_and_revises(cli):
    assert cli("record", "gdp", "2024", "80.9").exit_code == 0
    Path("data.csv").write_text(CHINESE_CSV, encoding="utf-8")
    assert cli("import", "data.csv").exit_code == 0
    assert [r[:3] for r in recorded()] == [("gdp", 2024, 80.9)] + [r[:3] for r in EXPECTED]
    history = json.loads(cli("history", "gdp", "--format", "json").stdout)
    assert [(e["period"], e["value"], e["status"]) for e in history["entries"]] == [
        ("2023", 75.33, "baseline"),
        ("2024", 80.9, "revised"),
        ("2024", 81.2, "used"),
    ]


def test_every_bad_row_is_reported_and_nothing_is_written(cli):
    assert cli("record", "gdp", "2024", "80").exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    Path("bad.csv").write_text(
        "指标,期间,数值\n"
        "gdp,2024,81\n"  # row 2: fine
        "gpd,2024,81\n"  # row 3
        "urbanisation_rate,2024,120\n"  # row 4
        "gdp,2025-Q5,1\n"  # row 5
        "gdp,2026,1\n"  # row 6
        "high_tech_enterprises,2024,-3\n"  # row 7
        "gdp,2024,nan\n"  # row 8
        "gdp,2024,\n",  # row 9: no figure yet (a template's empty cell), skipped
        encoding="utf-8",
    )
    result = cli("import", "bad.csv")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "bad.csv:3:1: A3 指标: unknown indicator 'gpd' (did you mean gdp?)",
        "bad.csv:4:3: C4 数值: Urbanisation rate of the resident population is a share in %: 120 is outside 0–100",
        "bad.csv:5:2: B5 期间: '2025-Q5' is not a period: quarters run Q1–Q4",
        "bad.csv:6:2: B6 期间: 2026 is outside the plan, which runs from its 2022 baseline to 2025",
        "bad.csv:7:3: C7 数值: High-tech enterprises is a count of 家: -3 cannot be negative",
        "bad.csv:8:3: C8 数值: Gross regional product takes a finite number, not 'nan'",
        "qzdc: bad.csv: 6 bad cell(s) in 6 row(s); nothing was imported",
    ]
    assert Path("actuals.yaml").read_bytes() == before


def test_a_bad_import_creates_no_file(cli):
    Path("bad.csv").write_text("indicator,period,value\ngdp,2024,abc\n", encoding="utf-8")
    assert cli("import", "bad.csv").exit_code == 1
    assert not Path("actuals.yaml").exists()


def test_an_undecodable_csv_is_refused_by_name(cli):
    Path("utf16.csv").write_bytes("指标,期间,数值\n".encode("utf-16"))
    result = cli("import", "utf16.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("qzdc: error: utf16.csv: not a CSV text file")
    Path("latin.csv").write_bytes(b"indicator,period,value\n\xff\xfe\xff,2024,1\n")
    result = cli("import", "latin.csv")
    assert result.exit_code == 1
    assert "latin.csv: cannot read the text: it is neither UTF-8 nor GB18030/GBK" in result.stderr
    assert not Path("actuals.yaml").exists()


def test_missing_columns_are_named(cli):
    Path("data.csv").write_text("指标,数值\ngdp,81\n", encoding="utf-8")
    result = cli("import", "data.csv")
    assert result.exit_code == 1
    assert "data.csv: missing column(s) period (期间)" in result.stderr
    assert "the header row reads: 指标, 数值" in result.stderr
    Path("none.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = cli("import", "none.csv")
    assert result.exit_code == 1
    assert "missing column(s) indicator (指标), period (期间), value (数值)" in result.stderr


@pytest.mark.parametrize(
    ("text", "missing", "reads"),
    [
        ("指标,期间\ngdp,2024\n", "value (数值)", "指标, 期间"),
        ("期间,数值\n2024,81\n", "indicator (指标)", "期间, 数值"),
        ("indicator,来源\ngdp,快报\n", "period (期间), value (数值)", "indicator, 来源"),
        ("万古镇 2025 年数据\n序号,期间,数值,备注\n1,2024,81,\n", "indicator (指标)", "序号, 期间, 数值, 备注"),
    ],
    ids=["no value", "no indicator", "no period and value", "below a title row"],
)
def test_only_the_columns_that_are_missing_are_named(cli, text, missing, reads):
    """A header row with some of the columns is the header: the others are what is missing."""
    Path("m.csv").write_text(text, encoding="utf-8")
    result = cli("import", "m.csv")
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"qzdc: error: m.csv: missing column(s) {missing} (the header row reads: {reads};"), first


def test_the_sheet_closest_to_a_header_is_the_one_reported(cli):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表为万古镇 2025 年三季度数据"])
    data = book.create_sheet("数据")
    data.append(["指标", "期间", "来源"])
    data.append(["gdp", 2024, "快报"])
    book.save("part.xlsx")
    result = cli("import", "part.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("qzdc: error: part.xlsx: missing column(s) value (数值) on sheet '数据'")


def test_dry_run_shows_and_writes_nothing(cli):
    Path("data.csv").write_text(CHINESE_CSV, encoding="utf-8")
    result = cli("import", "data.csv", "--dry-run", "--lang", "zh")
    assert result.exit_code == 0
    assert "已检查 data.csv：3 个数据全部有效（新增 3，修订 0）；未写入（--dry-run）" in result.stderr
    # names, not ids
    assert "高新技术企业" in result.stdout and "2025-09" in result.stdout
    assert "high_tech_enterprises" not in result.stdout
    assert not Path("actuals.yaml").exists()


@pytest.mark.parametrize("how", ["option", "env"])
def test_dry_run_in_english(cli, how):
    Path("data.csv").write_text(CHINESE_CSV, encoding="utf-8")
    if how == "option":
        result = cli("import", "data.csv", "--dry-run", "--lang", "en")
    else:
        result = cli("import", "data.csv", "--dry-run", env={"QZDC_LANG": "en"})
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0]
    for word in ("Indicator", "Period", "Value", "Change", "Source"):
        assert word in result.stdout, word
    assert not any(word in result.stdout for word in ("编号", "指标", "期间", "数值", "单位", "来源", "备注")), header
    assert "Gross regional product" in result.stdout and "地区生产总值" not in result.stdout
    chinese = cli("import", "data.csv", "--dry-run", "--lang", "zh").stdout
    assert "指标" in chinese and "地区生产总值" in chinese


@pytest.mark.parametrize(("name", "code", "message"), [
    ("data.xls", 2, "cannot import .xls; use .csv or .xlsx (save it from Excel as .xlsx or CSV)"),
    ("missing.csv", 2, "missing.csv: no such file"),
])  # fmt: skip
def test_usage_errors(cli, name, code, message):
    if name.endswith(".xls"):
        Path(name).write_bytes(b"\xd0\xcf\x11\xe0")
    result = cli("import", name)
    assert result.exit_code == code
    assert message in result.stderr


def test_a_corrupt_xlsx_is_refused(cli):
    Path("broken.xlsx").write_bytes(b"not a zip file at all")
    result = cli("import", "broken.xlsx")
    assert result.exit_code == 1
    assert "cannot read broken.xlsx: not a readable .xlsx workbook" in result.stderr


# ── .xlsx ────────────────────────────────────────────────────────────────────


def build_workbook(path: Path) -> None:
    """A workbook as an analyst makes one: a notes sheet first, a title row, Excel's own types."""
    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes["A1"] = "本表为万古镇 2025 年三季度数据"
    data = book.create_sheet("数据")
    data.append(["万古镇指标数据（2025年三季度）"])  # a title row above the header
    data.append(["序号", "指标", "期间", "数值", "来源", "备注"])
    data.append([1, 1, 2024, 6.9, "区统计局", None])  # annex number as a number; the year as a number
    data.append([2, "gdp", "2025-Q3", 61.5, "区统计局季报", "快报"])
    data.append([3, "urbanisation_rate", 2024, 0.652, None, None])  # a cell formatted as a percentage
    data.cell(row=5, column=4).number_format = "0.0%"
    data.append([4, "new_jobs", dt.datetime(2025, 9, 1), 320.0, None, None])  # Excel turned 2025-09 into a date
    data.append([5, "national_high_tech_zone", 2025, dt.datetime(2025, 3, 18), "国务院批复", None])
    data.append([None, None, None, None, None, None])
    book.save(path)


def test_xlsx_import(cli):
    build_workbook(Path("q3.xlsx"))
    result = cli("import", "q3.xlsx")
    assert result.exit_code == 0, result.stderr
    assert recorded() == [
        ("gdp_growth", 2024, 6.9, "区统计局", None),
        ("gdp", "2025-Q3", 61.5, "区统计局季报", "快报"),
        ("urbanisation_rate", 2024, 65.2, None, None),
        ("new_jobs", "2025-09", 320, None, None),
        ("national_high_tech_zone", 2025, dt.date(2025, 3, 18), "国务院批复", None),
    ]


def test_xlsx_bad_rows_are_reported_with_sheet_rows(plan, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value"])
    sheet.append(["gdp", 2024, 81.0])
    sheet.append(["water_quality", 2024, 3])
    sheet.append(["gdp", dt.datetime(2024, 5, 17), 1])
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(DataError) as caught:
        read_import(tmp_path / "bad.xlsx", plan, today=TODAY)
    assert [(p.line, p.column, p.field, p.message) for p in caught.value.problems] == [
        (
            3,
            3,
            "Sheet!C3 value",
            "Water quality class of the Huaiyuan and Yongxi rivers takes a class (I, II, III, IV, V, 劣V), not 3",
        ),
        (4, 2, "Sheet!B4 period", "the date 2024-05-17 is not a period: write 2024, 2025-Q3 or 2025-09"),
    ]


def test_xlsx_missing_columns(cli):
    book = Workbook()
    book.active.append(["指标", "数值", "来源"])
    book.active.append(["gdp", 81, "快报"])
    book.save("cols.xlsx")
    result = cli("import", "cols.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("qzdc: error: cols.xlsx: missing column(s) period (期间) on sheet 'Sheet'")
    assert not Path("actuals.yaml").exists()


def test_an_empty_file_has_nothing_to_import(cli):
    Path("empty.csv").write_text("indicator,period,value\n", encoding="utf-8")
    result = cli("import", "empty.csv")
    assert result.exit_code == 1
    assert "empty.csv: no figures to import below the header" in result.stderr
