"""`qzdc report -o 进展报告.docx`: the Word report, read back with python-docx and opened by LibreOffice.

The figures are those of `qzdc status` on tests/fixtures/mini (worked by hand in
tests/test_status.py); the layout is GB/T 9704's (docs: documents.md).
LibreOffice's part skips where `soffice` is missing, except under
QZDC_REQUIRE_LIBREOFFICE=1 (.ci/run), where it fails instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import edit
from test_report import MINI, status_json

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("QZDC_REQUIRE_LIBREOFFICE") == "1"

# Text that would break the document if it were written as XML instead of as text.
BREAKS_XML = "</w:t></w:r></w:p><w:p><w:r><w:t>企业数"
FORMULA = '=HYPERLINK("http://x","覆盖率")'


def word_report(cli, tmp_path: Path, *args: str, plan: str | None = MINI, name: str = "进展报告.docx"):
    out = tmp_path / name
    run = cli("report", *(["--plan", plan] if plan else []), "-o", str(out), *args)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "" and run.stderr in (f"已写入 {out}\n", f"wrote {out}\n")
    return docx.Document(str(out)), out


def table_text(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


MINI_TABLE = [
    [
        "序号",
        "指标",
        "单位",
        "基期值(2022年)",
        "2023年实际",
        "2024年实际",
        "目标值(2024年)",
        "进度",
        "序时进度",
        "状态",
        "责任单位",
    ],
    ["经济发展"] * 11,  # the category, in one cell across the row
    ["1", "企业数", "家", "100", "115", "—", "144", "34.1%", "50.0%", "存在风险", "区经信委"],
    ["2", "产值年均增速", "%", "5", "6", "—", "8", "36.1%", "50.0%", "进度滞后", "—"],
    ["", "新增项目（力争）", "个", "—", "60", "—", "100", "60.0%", "50.0%", "进度正常", "区经信委"],
    ["生活富裕"] * 11,
    ["3", "覆盖率", "%", "40", "44", "—", "46", "66.7%", "50.0%", "进度正常", "—"],
    ["", "收入倍差", "", "2", "2.1", "—", "1.8以内", "-50.0%", "50.0%", "背离目标", "—"],
    ["", "创建示范镇", "", "—", "—", "—", "完成", "—", "—", "暂无数据", "—"],
]


def test_docx_progress_table(cli, tmp_path):
    """A real Word table: the header row repeats on every page, rows never split, cells hold the status figures."""
    document, _ = word_report(cli, tmp_path)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table_text(table) == MINI_TABLE
    rows = table._tbl.findall(qn("w:tr"))
    assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert all(r.find(qn("w:trPr")).find(qn("w:tblHeader")) is None for r in rows[1:])
    assert all(r.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for r in rows)
    # progress: 15/44 = 34.09 %, (1.06 − 1)/(1.08² − 1) = 36.06 %, 60/100, 4/6 = 66.67 %, (2.1 − 2)/(1.8 − 2) = −50 %;
    # 序时进度: a 2023 figure in a 2022 → 2024 period, (2023 − 2022)/(2024 − 2022) = 50 %;
    # 责任单位: task 1 (培育企业), led by 区经信委, carries 企业数 and 新增项目
    figures = {t["name"]: t for t in status_json(cli)["targets"]}
    for line in MINI_TABLE[2:]:
        if line[0] in ("经济发展", "生活富裕"):
            continue
        target = figures[line[1].removesuffix("（力争）")]
        progress = target["progress_pct"]
        assert line[7] == ("—" if progress is None else f"{progress:.1f}%")
    # the status cell carries the status colours
    status_cell = table.rows[2].cells[9]._tc
    assert status_cell.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "FEF08A"


def test_docx_text_and_summary(cli, tmp_path):
    document, _ = word_report(cli, tmp_path)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[:4] == [
        ("qzdc Title", "小镇试点方案（测试）"),
        ("qzdc Title", "指标目标进展报告"),
        ("qzdc Facts", ""),
        ("qzdc Facts", "文号：测试〔2024〕1号"),
    ]
    assert ("qzdc Facts", "数据截至：2023年") in paragraphs
    texts = [text for _, text in paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == ["一、要点", "二、总体情况", "三、指标完成情况表"]
    # the 要点 (exact wording: tests/test_report_points.py), then the counts
    start = texts.index("一、要点")
    assert texts[start + 1 : start + 6] == [
        "3项目标落后于进度：",
        "1. 收入倍差：2023年2.1，年均增加0.1，2024年需减少0.3。",
        "2. 产值年均增速：2023年6%，2024年需10.04%。",
        "3. 企业数：2023年115家，年均增长15%，2024年需增长25.22%。",
        "数据截至2023年；1项目标（共6项）尚无基期以后的数据。",
    ]
    assert "本报告共6项目标：进度正常2项、存在风险1项、进度滞后1项、背离目标1项、暂无数据1项。" in texts
    assert "经济发展3项：进度正常1项、存在风险1项、进度滞后1项。" in texts
    # the notes under the table: what the statuses mean, the method in words, the plan
    assert any(t.startswith("注：已实现：目标已达到；进度正常：速度比 R ≥ 0.95") for t in texts)
    assert any(t.startswith("计算方法：将目前实际达到的年均进度") for t in texts)
    assert texts[-1] == "依据：《小镇试点方案（测试）》（测试〔2024〕1号）。"


def test_docx_page_fonts_and_numbers(cli, tmp_path):
    """GB/T 9704: A4, margins 37/35/28/26 mm, 仿宋/黑体/小标宋 with fallbacks, — 1 — at the foot."""
    document, out = word_report(cli, tmp_path)
    portrait, landscape = document.sections

    def mm(*lengths) -> tuple[float, ...]:
        return tuple(round(int(length) / 36000, 1) for length in lengths)  # EMU; Word stores twentieths of a point

    assert mm(portrait.page_width, portrait.page_height) == (210, 297)
    assert mm(portrait.top_margin, portrait.bottom_margin, portrait.left_margin, portrait.right_margin) == (
        37,
        35,
        28,
        26,
    )
    # the table's pages: the same 156 × 225 mm text block, turned
    assert mm(landscape.page_width, landscape.page_height) == (297, 210)
    assert mm(landscape.page_width - landscape.left_margin - landscape.right_margin) == (225,)
    assert mm(landscape.page_height - landscape.top_margin - landscape.bottom_margin) == (156,)

    def east_asian(style_name: str) -> str:
        return document.styles[style_name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    styles = document.styles
    assert east_asian("Normal") == "仿宋_GB2312" and styles["Normal"].font.size == Pt(16)  # 3号
    assert styles["Normal"].paragraph_format.line_spacing == Pt(28.95)  # 22 lines in 225 mm
    assert east_asian("qzdc Title") == "方正小标宋简体" and styles["qzdc Title"].font.size == Pt(22)  # 2号
    assert east_asian("Heading 1") == "黑体" and styles["Heading 1"].font.size == Pt(16)
    assert east_asian("qzdc Table") == "仿宋_GB2312" and styles["qzdc Table"].font.size == Pt(12)  # 小4号
    assert east_asian("Footer") == "宋体" and styles["Footer"].font.size == Pt(14)  # 4号
    # no theme font slipping in ahead of the named family
    fonts = styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert qn("w:eastAsiaTheme") not in fonts.attrib and fonts.get(qn("w:ascii")) == "仿宋_GB2312"
    with zipfile.ZipFile(out) as z:
        font_table = z.read("word/fontTable.xml").decode("utf-8")
    for family, alternative in (("仿宋_GB2312", "仿宋"), ("方正小标宋简体", "华文中宋"), ("黑体", "SimHei")):
        assert re.search(
            rf'<w:font w:name="{family}"><w:altName w:val="{alternative}"/><w:charset w:val="86"/>', font_table
        )

    # page numbers: — PAGE — on odd pages at the right, even pages at the left
    assert document.settings.odd_and_even_pages_header_footer
    for footer, alignment in ((portrait.footer, "right"), (portrait.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.text == "— 1 —"
        assert str(paragraph.alignment).lower().startswith(alignment)
        instructions = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
        assert instructions == [" PAGE "]


def test_docx_plan_text_is_text(cli, tmp_path, mini_copy):
    """A name that would close a <w:t> and one that looks like a formula come back as the same characters."""
    edit(mini_copy / "indicators.yaml", "name: 企业数", f'name: "{BREAKS_XML}"')
    edit(mini_copy / "indicators.yaml", "name: 覆盖率", f"name: '{FORMULA}'")
    document, out = word_report(cli, tmp_path, plan=str(mini_copy))
    names = [row[1] for row in table_text(document.tables[0])]
    assert BREAKS_XML in names and FORMULA in names
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "&lt;/w:t&gt;&lt;/w:r&gt;&lt;/w:p&gt;&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;企业数" in body
    assert "<w:fldSimple" not in body and body.count("<w:instrText") == 0  # no field but the footers' page numbers
    # the 要点 carry the name as text too
    assert any(p.text.startswith(f"3. {BREAKS_XML}：2023年115家") for p in document.paragraphs)


def test_docx_drops_what_xml_cannot_hold():
    from qzdc.report.docx import clean

    assert clean("企业\x00数\x1b[31m\ufffe") == "企业数[31m"


def test_docx_in_english_with_filters(cli, tmp_path):
    document, _ = word_report(cli, tmp_path, "--lang", "en", "--pilot")
    rows = table_text(document.tables[0])
    assert rows[0][:5] == ["No.", "Indicator", "Unit", "Baseline(2022)", "2023 actual"]
    assert [r[1] for r in rows[1:]] == ["Economy", "Firms", "Prosperity", "Coverage"]
    texts = [p.text for p in document.paragraphs]
    assert "1. Key points" in texts and "Scope: municipal pilot indicators only" in texts
    # Chinese only where the plan itself writes it: its document number and its units
    assert "1. Firms: 115 家 in 2023, growing 15% a year; 2024 needs growth of 25.22%." in texts
    chinese = [t for t in texts if re.search(r"[\u4e00-\u9fff]", t.replace("测试〔2024〕1号", "").replace("家", ""))]
    assert chinese == []


def test_docx_needs_a_file(cli):
    run = cli("report", "--plan", MINI, "--format", "docx")
    assert run.exit_code == 2
    assert "-o 文件名.docx" in run.stderr and run.stdout == ""


# ── LibreOffice ──────────────────────────────────────────────────────────────


def libreoffice(source: Path, target: str, tmp_path: Path) -> Path:
    """Convert `source` with LibreOffice (its own profile: no clash with a running one); return the result."""
    if SOFFICE is None:
        if REQUIRED:
            pytest.fail("QZDC_REQUIRE_LIBREOFFICE=1 but LibreOffice (soffice) is missing")
        pytest.skip("LibreOffice (soffice) is not installed")
    outdir = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    results = list(outdir.glob(f"{source.stem}.*"))
    assert results, f"LibreOffice wrote nothing converting {source.name} to {target}"
    return results[0]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_libreoffice_opens_and_prints_the_builtin_plans_report(cli, tmp_path):
    _, out = word_report(cli, tmp_path, plan=None)
    pdf = libreoffice(out, "pdf", tmp_path).read_bytes()
    assert pdf.startswith(b"%PDF")
    # the summary on portrait pages, then the 40-row table on landscape ones (7 measured, docs/reports.md)
    assert 3 <= pdf_pages(pdf) <= 7, pdf_pages(pdf)
    artifacts = Path(__file__).parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "report-docx.pdf").write_bytes(pdf)


def test_libreoffice_reads_plan_text_as_text(cli, tmp_path, mini_copy):
    edit(mini_copy / "indicators.yaml", "name: 企业数", f'name: "{BREAKS_XML}"')
    edit(mini_copy / "indicators.yaml", "name: 覆盖率", f"name: '{FORMULA}'")
    _, out = word_report(cli, tmp_path, plan=str(mini_copy), name="hostile.docx")
    text = libreoffice(out, "txt:Text (encoded):UTF8", tmp_path).read_text(encoding="utf-8-sig")
    assert BREAKS_XML in text and FORMULA in text
    assert "小镇试点方案（测试）" in text


def _least_em(text: str) -> float:
    """A lower bound of the width of unbroken text in ems of the table's type: a Chinese character one
    em, a per cent sign 0.9, a figure 0.55 (仿宋's are 0.5, a Latin substitute's 0.64), the rest 0.3."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.9 if c == "%" else 0.55 if c.isalnum() else 0.3 for c in text)


def test_docx_columns_fit_their_figures_and_status_words(cli, tmp_path):
    """User test 1, finding 18: 进度 wrapped 65.6 / %, 状态 进度正 / 常. Each figure (split only at its
    spaces: 75.33 (2023)) and each status word fits its column in 小4号 (12 pt) type with the cell's
    1 mm side margins; the whole table stays in the 225 mm text block; a period keeps its hyphen unbroken."""
    for args in (("gdp_growth", "2024", "7.8"), ("exports", "2024", "6800"), ("exports", "2025-Q3", "5400")):
        assert cli("record", *args).exit_code == 0
    document, _ = word_report(cli, tmp_path, plan=None)
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    em_mm = 12 * 25.4 / 72
    words = {"进度正常", "存在风险", "进度滞后", "暂无数据", "已实现", "背离目标", "待完成", "监测"}
    widths = [cell.width.mm for cell in table.rows[0].cells]
    assert sum(widths) <= 225.5
    numeric = {header.index(h) for h in header if h.startswith(("基期值", "20", "本年最新", "目标值", "进度", "序时"))}
    checked = 0
    for row in table.rows[1:]:
        cells = row.cells
        if len({id(c._tc) for c in cells}) == 1:
            continue  # a category's row
        for i, cell in enumerate(cells):
            # a figure, not a target in words (不劣于III类, 完成), which wraps
            pieces = cell.text.split() if i in numeric and any(c.isdigit() for c in cell.text) else []
            if i == header.index("进度") and (held := re.match(r"\d+/\d+[年期]", cell.text)):
                pieces = [held.group(0)]  # how often a target to hold held, 1/1年达标: the count is the figure
            if i == header.index("状态"):
                pieces = [w for w in words if cell.text.startswith(w)]
                assert pieces, cell.text
            for piece in pieces:
                assert _least_em(piece) * em_mm + 2 <= cell.width.mm, (header[i], piece, cell.width.mm)
                checked += 1
    assert checked > 100
    ytd = table.rows[0].cells[header.index("本年最新")]
    assert ytd is not None
    body = document.element.body.xml
    assert "<w:noBreakHyphen/>" in body  # 5400 (2025-Q3): Word's non-breaking hyphen
    assert any("(2025-Q3)" in c.text for row in table.rows for c in row.cells)  # read back as a hyphen


def test_docx_progress_table_marks_an_inferred_year(cli, tmp_path):
    """100 (2023*) in `qzdc status` (a year the document does not state): 100* under 2023年实际 in Word, and
    status's line explaining * just under the table, before the other notes; none for the mini plan."""
    document, _ = word_report(cli, tmp_path, plan=None)
    rows = table_text(document.tables[-1])
    column = rows[0].index("2023年实际")
    (row,) = [r for r in rows if r[0] == "22"]
    assert row[column] == "100*"
    assert [r[column] for r in rows if r[0] == "1"] == [
        "7.5"
    ]  # row 1 (地区生产总值年均增速) 2023: a year the plan states
    texts = [p.text for p in document.paragraphs]
    note = texts.index("* 年份为推定：原文未写明该数据的年份")
    assert texts[note + 1].startswith("注：")
    english, _ = word_report(cli, tmp_path, "--lang", "en", plan=None, name="en.docx")
    assert "* year inferred: the document does not state it" in [p.text for p in english.paragraphs]
    mini, _ = word_report(cli, tmp_path, name="mini.docx")
    assert not any("*" in p.text for p in mini.paragraphs)
