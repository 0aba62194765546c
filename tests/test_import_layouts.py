"""`qzdc import` reads the layouts analysts have: their own wide tables and the statistics bureau's sheets.

Each layout is written as CSV (UTF-8, UTF-8 with a BOM, GBK) and as .xlsx, and
each must give exactly the same entries. Values are checked against what the
sheet says, converted by hand where a unit differs (615000 万元 = 61.5 亿元).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

ENCODINGS = ["utf-8", "utf-8-sig", "gbk"]


def recorded(path: Path = Path("actuals.yaml")) -> list[tuple]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["actuals"]
    return [(e["indicator"], e["period"], e["value"], e.get("source"), e.get("note")) for e in entries]


def write_csv(path: Path, rows: list[list[object]], encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([["" if v is None else v for v in row] for row in rows])
    path.write_bytes(buffer.getvalue().encode(encoding))


def write_xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = (), title: str = "数据") -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for span in merges:
        sheet.merge_cells(span)
    book.save(path)


FORMATS = [*ENCODINGS, "xlsx"]


def make(name: str, rows: list[list[object]], fmt: str, merges: tuple[str, ...] = ()) -> str:
    if fmt == "xlsx":
        write_xlsx(Path(f"{name}.xlsx"), rows, merges)
        return f"{name}.xlsx"
    write_csv(Path(f"{name}.csv"), rows, fmt)
    return f"{name}.csv"


# ── the analyst's own wide table ─────────────────────────────────────────────

WIDE = [
    ["万古镇主要指标完成情况表"],  # a title row
    ["序号", "指标名称", "单位", "基期值", "2023年实际", "2024年实际", "2025年1-9月", "目标值"],
    ["一、经济发展", None, None, None, None, None, None, None],  # a category heading: no figure
    [1, "地区生产总值年均增速", "%", "—", 7.5, 6.9, 6.2, 7.5],
    [2, "高新技术企业", "家", 34, 45, 52, 58, 67],
    [3, "出口总额", "万美元", 6090, "—", "6,512", 5400, 7500],  # no 2023 figure; a thousands separator
    [None, None, None, None, None, None, None, None],  # a blank row
    ["合计", None, None, None, 57.5, 58.9, 5464.2, None],  # a total row: skipped, figures and all
]
# 2023's 7.5 for gdp_growth is the plan's own figure: not written again.
WIDE_EXPECTED = [
    ("gdp_growth", 2024, 6.9, None, None),
    ("gdp_growth", "2025-09", 6.2, None, None),
    ("high_tech_enterprises", 2023, 45, None, None),
    ("high_tech_enterprises", 2024, 52, None, None),
    ("high_tech_enterprises", "2025-09", 58, None, None),
    ("exports", 2024, 6512, None, None),
    ("exports", "2025-09", 5400, None, None),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_wide_layout(cli, fmt):
    name = make("wide", WIDE, fmt)
    result = cli("import", name)
    assert result.exit_code == 0, result.stderr
    assert recorded() == WIDE_EXPECTED
    # a guessed layout says how it was read, also when it is imported at once
    assert "宽表：每行一个指标，每列一个期间" in result.stderr
    assert "期间列：2023年实际 → 2023、2024年实际 → 2024、2025年1-9月 → 2025-09" in result.stderr
    assert "已导入 7 个数据（新增 7，修订 0，与原有相同未写入 1）" in result.stderr  # 2023 7.5 is the plan's own


def test_dry_run_says_how_a_guessed_layout_was_read(cli):
    write_xlsx(Path("wide.xlsx"), WIDE)
    result = cli("import", "wide.xlsx", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "读取方式：",
        "  工作表“数据”，表头在第 2 行，跳过上方 1 行标题",
        "  宽表：每行一个指标，每列一个期间",
        "  读取的列：指标 ← 指标名称、单位 ← 单位",
        "  期间列：2023年实际 → 2023、2024年实际 → 2024、2025年1-9月 → 2025-09",
        "  未读取的列：序号、基期值、目标值",
        "  跳过：1 行空行、1 行合计行、1 行无数据",
        "已检查 wide.xlsx：8 个数据全部有效（新增 7，修订 0，与原有相同未写入 1）；未写入（--dry-run）",
    ]
    assert not Path("actuals.yaml").exists()
    english = cli("import", "wide.xlsx", "--dry-run", "--lang", "en").stderr.splitlines()
    assert english[:3] == [
        "how the file was read:",
        "  sheet '数据', header at row 2, 1 title row(s) above it skipped",
        "  wide: one row per indicator, one column per period",
    ]


# ── the statistics bureau's sheets ───────────────────────────────────────────

BUREAU = [
    ["万古镇主要经济指标"],
    ["指标名称", "计量单位", "时间", "本期数", "同比增长(%)", "数据来源"],
    # 615000 万元 = 615000 × 10⁴ / 10⁸ 亿元 = 61.5 亿元
    ["1.地区生产总值", "万元", "2025年1-9月", 615000, 6.2, "区统计局"],
    ["其中：规模以上工业总产值", "亿元", "2025年1-9月", "70.15", 12.1, "区统计局"],
    ["社会消费品零售总额", "亿元", "2025年1—9月", 23.4, 5.5, "区商务委"],
    ["注：本表为快报数。"],  # a footnote: no figure
]
BUREAU_EXPECTED = [
    ("gdp", "2025-09", 61.5, "区统计局", None),
    ("industrial_output", "2025-09", 70.15, "区统计局", None),
    ("retail_sales", "2025-09", 23.4, "区商务委", None),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_bureaus_headers_and_units(cli, fmt):
    name = make("bureau", BUREAU, fmt)
    result = cli("import", name)
    assert result.exit_code == 0, result.stderr
    assert recorded() == BUREAU_EXPECTED
    assert "读取的列：指标 ← 指标名称、单位 ← 计量单位、期间 ← 时间、数值 ← 本期数、来源 ← 数据来源" in result.stderr


def test_a_converted_value_is_shown_with_what_was_written(cli):
    write_xlsx(Path("bureau.xlsx"), BUREAU)
    result = cli("import", "bureau.xlsx", "--dry-run")
    assert result.exit_code == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "地区生产总值" in line)
    assert "61.5（615000万元）" in row and "亿元" in row


BUREAU_TITLE_PERIOD = [
    ["2025年1-9月万古镇主要经济指标"],
    ["指标名称", "单位", "本月", "本年累计", "同比增长(%)"],
    ["地区生产总值", "亿元", 7.1, 61.5, 6.2],
    ["出口总额", "万美元", 610, 5400, 3.1],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_period_from_the_title_of_a_sheet_without_a_period_column(cli, fmt):
    name = make("title", BUREAU_TITLE_PERIOD, fmt)
    result = cli("import", name)
    assert result.exit_code == 0, result.stderr
    # 本年累计 (year to date) is read, not 本月 (the month alone)
    assert recorded() == [("gdp", "2025-09", 61.5, None, None), ("exports", "2025-09", 5400, None, None)]
    assert "期间 2025-09 取自“2025年1-9月万古镇主要经济指标”" in result.stderr
    assert "未读取的列：本月、同比增长(%)" in result.stderr


# ── two-row headers, merged cells ────────────────────────────────────────────

TWO_ROWS = [
    ["指标名称", "单位", "2024年", "2025年", None],
    [None, None, None, "1-6月", "1-9月"],
    ["地区生产总值", "亿元", 81.3, 40.2, 61.5],
    ["高新技术企业", "家", 52, 55, 58],
]
TWO_ROWS_EXPECTED = [
    ("gdp", 2024, 81.3, None, None),
    ("gdp", "2025-06", 40.2, None, None),
    ("gdp", "2025-09", 61.5, None, None),
    ("high_tech_enterprises", 2024, 52, None, None),
    ("high_tech_enterprises", "2025-06", 55, None, None),
    ("high_tech_enterprises", "2025-09", 58, None, None),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_two_row_header_with_merged_cells(cli, fmt):
    # In the workbook the year is merged over its months and the other headers over both rows;
    # a CSV holds each merged text in its first cell only.
    name = make("merged", TWO_ROWS, fmt, merges=("A1:A2", "B1:B2", "C1:C2", "D1:E1"))
    result = cli("import", name)
    assert result.exit_code == 0, result.stderr
    assert recorded() == TWO_ROWS_EXPECTED
    assert "表头在第 1–2 行（两行合并读取）" in result.stderr
    assert "期间列：2024年 → 2024、2025年1-6月 → 2025-06、2025年1-9月 → 2025-09" in result.stderr


# ── periods without a year ───────────────────────────────────────────────────

YEARLESS = [["指标名称", "单位", "1-6月", "前三季度"], ["地区生产总值", "亿元", 40.2, 61.5]]


def test_the_year_of_yearless_columns_comes_from_the_title(cli):
    write_csv(Path("t.csv"), [["万古镇2025年主要指标"], *YEARLESS], "utf-8")
    result = cli("import", "t.csv")
    assert result.exit_code == 0, result.stderr
    assert recorded() == [("gdp", "2025-06", 40.2, None, None), ("gdp", "2025-Q3", 61.5, None, None)]
    assert "未写年份的期间按 2025 年（取自标题）" in result.stderr


def test_the_year_of_yearless_columns_comes_from_the_option(cli):
    write_csv(Path("t.csv"), YEARLESS, "utf-8")
    result = cli("import", "t.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("qzdc：错误：t.csv：列 '1-6月' 没有年份（请用 --year 2025 指定")
    result = cli("import", "t.csv", "--lang", "en")
    assert result.stderr.startswith("qzdc: error: t.csv: the column '1-6月' has no year (give it with --year 2025")
    assert not Path("actuals.yaml").exists()
    result = cli("import", "t.csv", "--year", "2025")
    assert result.exit_code == 0, result.stderr
    assert recorded() == [("gdp", "2025-06", 40.2, None, None), ("gdp", "2025-Q3", 61.5, None, None)]
    assert "未写年份的期间按 2025 年（取自--year）" in result.stderr


@pytest.mark.usefixtures("english")  # the message word for word
def test_the_year_of_yearless_cells_in_a_period_column(cli):
    write_csv(Path("t.csv"), [["指标", "期间", "数值"], ["gdp", "1-9月", 61.5], ["gdp", "上半年", 40.2]], "utf-8")
    refused = cli("import", "t.csv")
    assert refused.exit_code == 1
    assert "t.csv:2:2: B2 期间: '1-9月' has no year" in refused.stderr
    assert cli("import", "t.csv", "--year", "2025").exit_code == 0
    assert recorded() == [("gdp", "2025-09", 61.5, None, None), ("gdp", "2025-H1", 40.2, None, None)]


# ── all or nothing ───────────────────────────────────────────────────────────

BAD_WIDE = [
    ["指标名称", "单位", "2024年", "2025年1-9月"],
    ["地区生产总值", "亿元", 81.3, "61.5万美元"],  # D2: another unit
    ["高新技术企业", "家", -3, 58],  # C3: a negative count
    ["常住人口城镇化率", "%", 65.2, 120],  # D4: a share above 100
    ["不存在的指标", "个", 1, 2],  # A5: no such indicator
    ["出口总额", "万美元", 6512, 5400],  # fine
    ["镇域当年新增就业人数", "人", 320, "320.5"],  # D7: not a whole number of people
]


@pytest.mark.usefixtures("english")  # the message word for word
@pytest.mark.parametrize("fmt", ["utf-8", "xlsx"])
def test_every_bad_cell_is_listed_and_nothing_is_written(cli, fmt):
    assert cli("record", "gdp", "2024", "80").exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    name = make("bad", BAD_WIDE, fmt)
    result = cli("import", name)
    assert result.exit_code == 1
    assert result.stdout == ""
    where = "数据!" if fmt == "xlsx" else ""
    file = name
    assert result.stderr.splitlines() == [
        f"{file}:2:4: {where}D2 2025年1-9月: '61.5万美元' is in 万美元, but Gross regional product is in 亿元 (write the figure in 亿元)",
        f"{file}:3:3: {where}C3 2024年: High-tech enterprises is a count of 家: -3 cannot be negative",
        f"{file}:4:4: {where}D4 2025年1-9月: Urbanisation rate of the resident population is a share in %: 120 is outside 0–100",
        f"{file}:5:1: {where}A5 指标名称: unknown indicator '不存在的指标' "
        "(see `qzdc indicators` for ids, annex numbers and names)",
        f"{file}:7:4: {where}D7 2025年1-9月: New jobs in the town in the year is a count of 人: 320.5 is not a whole number",
        f"qzdc: {file}: 5 bad cell(s) in 5 row(s)"
        + (" on sheet '数据'" if fmt == "xlsx" else "")
        + "; nothing was imported",
    ]
    assert Path("actuals.yaml").read_bytes() == before


@pytest.mark.usefixtures("english")  # the message word for word
def test_a_figure_given_twice_in_one_file_is_refused(cli):
    write_csv(Path("twice.csv"), [["指标名称", "2025-Q3", "2025年1-9月"], ["地区生产总值", 61.5, 61.6]], "utf-8")
    result = cli("import", "twice.csv")
    assert result.exit_code == 1
    assert "twice.csv:2:3: C2 2025年1-9月: Gross regional product 2025-09 is given twice: also at B2" in result.stderr
    assert not Path("actuals.yaml").exists()


def test_other_sheets_with_figures_are_named_and_sheet_picks_one(cli):
    book = Workbook()
    first = book.active
    first.title = "1-6月"
    first.append(["指标", "期间", "数值"])
    first.append(["gdp", "2025-06", 40.2])
    second = book.create_sheet("1-9月")
    second.append(["指标", "期间", "数值"])
    second.append(["gdp", "2025-09", 61.5])
    book.save("two.xlsx")
    result = cli("import", "two.xlsx", "--dry-run")
    assert "其他有数据的工作表未读取：1-9月（可用 --sheet 指定）" in result.stderr
    assert cli("import", "two.xlsx", "--sheet", "1-9月").exit_code == 0
    assert recorded() == [("gdp", "2025-09", 61.5, None, None)]
    missing = cli("import", "two.xlsx", "--sheet", "三季度")
    assert missing.exit_code == 2
    assert "two.xlsx 中没有工作表 '三季度'（其中的工作表有：1-6月、1-9月）" in missing.stderr


# ── what a dry run shows ─────────────────────────────────────────────────────


def test_dry_run_shows_revisions_and_names(cli):
    assert cli("record", "tech_smes", "2024", "150").exit_code == 0
    write_csv(
        Path("r.csv"),
        [
            ["指标", "期间", "数值"],
            ["tech_smes", "2024", 148],  # revises the 150 recorded
            ["gdp_growth", "2023", 7.6],  # replaces the plan's own 7.5
            ["gdp", "2024", 81.3],  # new
            ["high_tech_enterprises", "2024", "52"],
        ],
        "utf-8",
    )
    assert cli("record", "high_tech_enterprises", "2024", "52").exit_code == 0
    result = cli("import", "r.csv", "--dry-run")
    assert result.exit_code == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[3:] if line.strip()}
    assert "修订 150 -> 148" in rows["科技型企业"]  # a terminal table draws → as ->
    assert "取代方案数 7.5 -> 7.6" in rows["地区生产总值年均增速"]
    assert "新增" in rows["地区生产总值"]
    assert "与已有数据相同，不写入" in rows["高新技术企业"]
    assert "tech_smes" not in result.stdout  # names, not ids
    assert "已检查 r.csv：4 个数据全部有效（新增 1，修订 2，与原有相同未写入 1）；未写入（--dry-run）" in result.stderr
    english = cli("import", "r.csv", "--dry-run", "--lang", "en").stdout
    assert "revises 150 -> 148" in english and "replaces the plan's 7.5 -> 7.6" in english
