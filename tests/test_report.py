"""`qzdc report`: Markdown, the self-contained HTML page and the Excel workbook.

The figures are those of `qzdc status` on tests/fixtures/mini (worked by hand in
tests/test_status.py); these tests check that each report carries them, that
plan text stays text (HTML escaping, no formulas in Excel), and that nothing is
written when the input is wrong. tests/test_report_browser.py opens the HTML
in a real browser.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import edit

MINI = str(Path(__file__).parent / "fixtures" / "mini")
SRC = Path(__file__).parent.parent / "src" / "qzdc"

# Hostile plan text: must show as these very characters, never act.
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src="x" onerror="alert(2)">'


def make_hostile_plan(directory: Path) -> Path:
    """A copy of the mini plan with markup in a name, a unit, a category, a department and the title."""
    shutil.copytree(MINI, directory)
    edit(directory / "indicators.yaml", "name: 企业数", f'name: "{SCRIPT}企业数"')
    edit(directory / "indicators.yaml", "name_en: Firms", f'name_en: "{SCRIPT}Firms"')
    edit(directory / "indicators.yaml", "unit: 家", 'unit: "家</svg><script>alert(3)</script>"')
    edit(directory / "plan.yaml", "title: 小镇试点方案（测试）", f"title: '{IMG}小镇试点方案'")
    edit(directory / "plan.yaml", "name: 经济发展", 'name: "经济<b>发展</b>"')
    edit(directory / "tasks.yaml", "lead: [区经信委]", 'lead: ["<i>区经信委</i>"]')
    return directory


@pytest.fixture
def hostile_mini(tmp_path: Path) -> Path:
    return make_hostile_plan(tmp_path / "hostile")


def status_json(cli, *args: str) -> dict:
    run = cli("status", "--plan", MINI, "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


# ── Markdown ─────────────────────────────────────────────────────────────────


def test_markdown_report_mini(cli):
    run = cli("report", "--plan", MINI)
    assert run.exit_code == 0, run.stderr
    md = run.stdout
    today = dt.date.today().isoformat()
    assert md.startswith("# 小镇试点方案（测试）\n\n**指标目标进展报告**\n\n")
    for line in (
        "- 文号：测试〔2024〕1号",
        "- 实施期：2023–2024",
        "- 基期：2022",
        "- 数据截至：2023年",
        "- 范围：全部目标",
        f"- 生成日期：{today}",
        "## 汇总",
        "| 状态 | 数量 |",
        "| 已实现 | 0 |",
        "| 进度正常 | 2 |",
        "| 存在风险 | 1 |",
        "| 进度滞后 | 1 |",
        "| 背离目标 | 1 |",
        "| 暂无数据 | 1 |",
        "| 合计 | 6 |",
        "| 一级指标 | 进度正常 | 存在风险 | 进度滞后 | 背离目标 | 暂无数据 | 合计 |",
        "| 经济发展 | 1 | 1 | 1 | 0 | 0 | 3 |",
        "| 生活富裕 | 1 | 0 | 0 | 1 | 1 | 3 |",
        "| 合计 | 2 | 1 | 1 | 1 | 1 | 6 |",
        "## 各目标进展",
        "| 1 | 企业数 | 家 | 100 | 115 (2023) | — | 144 | 120 | 25.22% | +29 | 34% | 50% | 否 | 区经信委 | 存在风险 |",
        "| 3 | 覆盖率 | % | 40 | 44 (2023) | — | 46 | 43 | +2个百分点 | +2个百分点 | 67% | 50% | 是 | — | 进度正常 |",
    ):
        assert line in md.splitlines(), line


def test_markdown_status_table_is_the_status_commands(cli):
    """Every row of `qzdc status --format markdown` appears, unchanged, in the report."""
    status = cli("status", "--plan", MINI, "--format", "markdown")
    report = cli("report", "--plan", MINI, "--format", "markdown")
    rows = [line for line in status.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) >= 6
    for row in rows:
        assert row in report.stdout.splitlines(), row


def test_markdown_report_in_english(cli):
    run = cli("report", "--plan", MINI, "--lang", "en")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "# Small test plan"
    for line in (
        "- Document no.: 测试〔2024〕1号",
        "- Data as of: 2023",
        "- Scope: all targets",
        "| Status | Count |",
        "| on track | 2 |",
        "| Economy | 1 | 1 | 1 | 0 | 0 | 3 |",
        "| 1 | Firms | firms | 100 | 115 (2023) | — | 144 | 120 | 25.22% | +29 | 34% | 50% | no | 区经信委 | at risk |",
    ):
        assert line in lines, line
    assert "企业数" not in run.stdout


@pytest.mark.parametrize(
    ("args", "ids", "scope"),
    [
        (["--status", "at_risk"], ["firms"], "状态：存在风险"),
        (["--category", "prosperity"], ["coverage", "income_ratio", "model_town"], "一级指标：生活富裕"),
        (["--category", "经济发展", "--pilot"], ["firms"], "一级指标：经济发展；仅市级试点指标"),
    ],
)
def test_filters_apply_to_every_part(cli, args, ids, scope):
    run = cli("report", "--plan", MINI, *args)
    assert run.exit_code == 0, run.stderr
    assert f"- 范围：{scope}" in run.stdout
    rows = [line for line in run.stdout.splitlines() if re.match(r"\| \d* \| ", line)]
    names = {"firms": "企业数", "coverage": "覆盖率", "income_ratio": "收入倍差", "model_town": "创建示范镇"}
    assert len(rows) == len(ids)
    for target in ids:
        assert any(f"| {names[target]} |" in row for row in rows)
    assert f"| 合计 | {len(ids)} |" in run.stdout


@pytest.mark.parametrize("name", ["report.md", "report.html", "report.xlsx"])
def test_a_filter_that_keeps_nothing(cli, tmp_path, name):
    out = tmp_path / name
    run = cli("report", "--plan", MINI, "--status", "achieved", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    if name == "report.xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(out)
        assert wb["计算明细"].max_row == 1 and wb["计算明细"].auto_filter.ref == "A1:Z2"
        assert wb["完成情况表"].max_row == 3  # the title, the facts and the header
        return
    text = out.read_text(encoding="utf-8")
    assert "| 合计 | 0 |" in text or '<th class="num">0</th>' in text
    assert text.count("没有符合筛选条件的目标。") == (1 if name == "report.md" else 2)
    assert '<tr class="status-row"' not in text and "<svg" not in text


def test_markdown_to_a_file(cli, tmp_path):
    out = tmp_path / "report.md"
    run = cli("report", "--plan", MINI, "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert f"已写入 {out}" in run.stderr
    assert out.read_text(encoding="utf-8") == cli("report", "--plan", MINI).stdout


def test_markdown_keeps_markup_out(cli, hostile_mini):
    run = cli("report", "--plan", str(hostile_mini))
    assert run.exit_code == 0, run.stderr
    assert "<script" not in run.stdout and "<img" not in run.stdout and "<b>" not in run.stdout
    assert "&lt;script>alert(1)&lt;/script>企业数" in run.stdout
    # "<" and ">" that open no tag stay as the plan writes them
    assert "1.8以内" in run.stdout


# ── what is written, and when nothing is ─────────────────────────────────────


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--status", "bogus"], 2, "bogus"),
        (["--category", "nowhere"], 2, "没有一级指标 'nowhere'"),
        (["--as-of", "2031"], 2, "不在方案期内"),
        (["--as-of", "2024-Q5"], 2, "--as-of"),
        (["--format", "csv"], 2, "csv"),
        (["--plan", "/nonexistent/plan"], 2, "--plan"),
    ],
)
@pytest.mark.parametrize("name", ["report.html", "report.xlsx", "report.docx", "report.md"])
def test_nothing_is_written_on_bad_input(cli, tmp_path, args, code, message, name):
    out = tmp_path / name
    full = ["report", "--plan", MINI, "-o", str(out), *args]
    run = cli(*full)
    assert run.exit_code == code, (run.stdout, run.stderr)
    assert message in run.stderr
    assert not out.exists()
    assert list(tmp_path.glob(f".{name}*")) == []  # no temporary file left behind


@pytest.mark.parametrize("name", ["report.html", "report.xlsx", "report.docx", "report.md"])
def test_nothing_is_written_from_a_broken_plan(cli, tmp_path, mini_copy, name):
    edit(mini_copy / "plan.yaml", "target_year: 2024", "target_year: soon")
    out = tmp_path / name
    run = cli("report", "--plan", str(mini_copy), "-o", str(out))
    assert run.exit_code == 1
    assert "plan.yaml:" in run.stderr and "target_year" in run.stderr
    assert not out.exists()


@pytest.mark.parametrize("name", ["report.txt", "report.json", "report"])
def test_unknown_extension_is_a_usage_error(cli, tmp_path, name):
    out = tmp_path / name
    run = cli("report", "--plan", MINI, "-o", str(out))
    assert run.exit_code == 2
    assert ".html、.xlsx、.docx 或 .md" in run.stderr
    assert not out.exists()


def test_workbook_needs_a_file(cli):
    run = cli("report", "--plan", MINI, "--format", "xlsx")
    assert run.exit_code == 2
    assert "-o 文件名.xlsx" in run.stderr
    assert run.stdout == ""


def test_format_option_wins_over_the_extension(cli, tmp_path):
    out = tmp_path / "report.html"
    run = cli("report", "--plan", MINI, "--format", "markdown", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("# 小镇试点方案（测试）")


def test_html_to_stdout(cli):
    run = cli("report", "--plan", MINI, "--format", "html")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("<!DOCTYPE html>")
    assert run.stdout.rstrip().endswith("</html>")


# ── HTML ─────────────────────────────────────────────────────────────────────


def html_report(cli, tmp_path, *args: str, plan: str = MINI) -> str:
    out = tmp_path / "report.html"
    run = cli("report", "--plan", plan, "-o", str(out), *args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr in (f"已写入 {out}\n", f"wrote {out}\n")
    return out.read_text(encoding="utf-8")


def test_html_report_mini(cli, tmp_path):
    html = html_report(cli, tmp_path)
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert '<meta charset="utf-8">' in html
    for text in ("小镇试点方案（测试）", "测试〔2024〕1号", "指标目标进展报告", "数据截至", "按状态", "按一级指标"):
        assert text in html, text
    statuses = [t["status"] for t in status_json(cli)["targets"]]
    assert re.findall(r'<tr class="status-row" data-target="[^"]+" data-status="([a-z_]+)"', html) == statuses
    # one chart per target with a path: every one but the milestone
    charts = re.findall(r'<figure class="chart s-[a-z_]+" id="chart-([a-z_]+)"', html)
    assert charts == ["firms", "output_growth", "projects", "coverage", "income_ratio"]
    assert html.count('<svg class="chart-svg"') == 5
    # the status table's figures are those of `qzdc status`
    assert re.search(r"<td>企业数</td>|<a href=\"#chart-firms\">企业数</a>", html)
    assert '<td class="c-required num" data-label="尚需/年">25.22%</td>' in html
    assert '<td class="c-status status s-at_risk" data-label="状态">存在风险</td>' in html


def test_html_is_self_contained(cli, tmp_path):
    html = html_report(cli, tmp_path)
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert "@import" not in html and "@font-face" not in html
    # every reference points inside the page
    for attr, value in re.findall(r'\b(href|src|xlink:href|action|srcset|poster)="([^"]*)"', html):
        assert value.startswith("#") or value.startswith("data:"), (attr, value)
    for value in re.findall(r"url\(([^)]*)\)", html):
        assert value.strip("'\" ").startswith(("#", "data:")), value
    assert "default-src 'none'" in html
    # no XML prolog or DTD pulled in with the charts
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html and "w3.org/Graphics" not in html


def test_html_chart_text_is_text_in_the_pages_fonts(cli, tmp_path):
    html = html_report(cli, tmp_path)
    svgs = re.findall(r'<svg class="chart-svg".*?</svg>', html, re.DOTALL)
    assert len(svgs) == 5
    for svg in svgs:
        assert 'class="chart-svg" role="img"' in svg
        assert "<text" in svg and "<path" in svg
        assert re.search(r"<text[^>]*>2023</text>", svg)  # the year ticks as text, not outlines
        assert re.search(r"font-family: 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC'", svg)
        assert "<image" not in svg  # vector, not a picture
    assert '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"' in html  # the page's own font stack
    # one key for every chart, in the page's text: the lines and marks the charts draw
    key = html.split('<p class="chart-key">')[1].split("</p>")[0]
    for word in ("路径要求", "实际", "年内累计", "年内累计数应达的值", "目标", "纵轴未从零开始"):
        assert f"{word}</span>" in key, word


def test_html_ids_are_unique(cli, tmp_path):
    html = html_report(cli, tmp_path, plan=MINI)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for ref in re.findall(r'href="#([^"]+)"', html):
        assert ref in ids, ref


def test_html_print_rules(cli, tmp_path):
    html = html_report(cli, tmp_path)
    style = html.split("<style>")[1].split("</style>")[0]
    assert "@media print" in style and "@page" in style
    printing = style.split("@media print")[1]
    for rule in (
        "section { break-before: page; }",
        "thead { display: table-header-group; }",
        "tr { break-inside: avoid; }",
        "break-inside: avoid",
    ):
        assert rule in printing, rule


def test_html_in_english(cli, tmp_path):
    html = html_report(cli, tmp_path, "--lang", "en")
    assert '<html lang="en">' in html
    for text in ("Small test plan", "Progress report on the plan&#x27;s targets", "required path", "Firms", "at risk"):
        assert text in html, text
    assert "企业数" not in html


def test_html_filters(cli, tmp_path):
    html = html_report(cli, tmp_path, "--pilot")
    assert re.findall(r'data-target="([a-z_]+)" data-status', html) == ["firms", "coverage"]
    assert html.count('<figure class="chart') == 2
    assert "仅市级试点指标" in html


def test_html_escapes_plan_text(cli, tmp_path, hostile_mini):
    html = html_report(cli, tmp_path, plan=str(hostile_mini))
    assert "<script" not in html.lower()
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;企业数" in html
    assert "&lt;img src=&quot;x&quot; onerror=&quot;alert(2)&quot;&gt;小镇试点方案" in html
    assert "经济&lt;b&gt;发展&lt;/b&gt;" in html
    # the unit reaches the chart's own text: escaped there too, the <svg> not closed early
    svgs = re.findall(r'<svg class="chart-svg".*?</svg>', html, re.DOTALL)
    assert len(svgs) == 5
    assert any("家&lt;/svg&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in svg for svg in svgs)


def test_html_shows_year_to_date_figures_as_points(cli, tmp_path, mini_copy):
    """A year-to-date figure is a point against what is due by then (the engine's figure), not the year's path.

    企业数 100 → 144 over 2022–2024 on a geometric path: by 2024-Q3 (t = 2023.75) 100 · 1.2^1.75 = 137.58 is due.
    新增项目 100 over 2023–2024: 60 in 2023 and 25 in 2024-H1 run to 85. The year needs 100 − 60 = 40, half of it,
    20, due by 2024-H1: the chart marks it on the running sum, at 60 + 20 = 80, labelled as this year's due, as the
    table's 应达 is (20（当期）).
    """
    for args in (("firms", "2024-Q3", "130"), ("projects", "2024-H1", "25")):
        # a copy: the figures are recorded beside the plan
        run = cli("record", *args, "--plan", str(mini_copy))
        assert run.exit_code == 0, run.stderr
    html = html_report(cli, tmp_path, plan=str(mini_copy))
    # Most figures end in 2023; two targets' go further, and the as-of line says which.
    assert "数据截至</dt><dd>2023年（新增项目（力争）至2024年1—6月；企业数至2024年1—9月）</dd>" in html
    firms = html.split('id="chart-firms"')[1].split("</figure>")[0]
    assert "2024-Q3: 130" in firms and "应达 137.58" in firms
    projects = html.split('id="chart-projects"')[1].split("</figure>")[0]
    assert "2024-H1: 85" in projects and "当期应达 20" in projects


def test_html_is_deterministic():
    from qzdc.engine.verdict import STATUSES  # noqa: F401 - the engine loads before the report
    from qzdc.plan.loader import load_plan
    from qzdc.report.data import ReportInput
    from qzdc.report.html import report_html
    from qzdc.views.status import build_status

    plan = load_plan(MINI)
    observed = list(plan.observations)
    data = ReportInput(build_status(plan, observed), observed, generated=dt.date(2025, 1, 2))
    assert report_html(data) == report_html(data)


def test_html_summary_first_then_table_then_charts(cli, tmp_path):
    html = html_report(cli, tmp_path)
    order = [
        html.index(marker) for marker in ('id="summary"', 'id="key-points"', 'id="targets"', 'id="charts"', "<footer>")
    ]
    assert order == sorted(order)
    points = html.split('<div class="key-points">')[1].split("</div>")[0]
    assert "<li>企业数：2023年115家，年均增长15%，2024年需增长25.22%。</li>" in points
    # the footer names the plan and the method in words, not a path in a repository
    footer = html.split("<footer>")[1]
    assert "<p>依据：《小镇试点方案（测试）》（测试〔2024〕1号）。</p>" in footer
    assert "计算方法：将目前实际达到的年均进度" in footer and "欧盟统计局" in footer
    assert "docs/" not in footer and "methodology.md" not in footer
    # printed, each page's foot names the plan too: escaped for CSS, so nothing in a title can close the style
    assert '@bottom-left { content: "小镇试点方案（测试） · 指标目标进展报告"' in html


def test_css_string_cannot_be_closed():
    from qzdc.report.html import css_string

    text = css_string('方案"</style><script>alert(1)</script>\\')
    assert text.startswith('"方案\\000022\\00003c') and text.endswith('"')
    inner = text[1:-1]
    assert '"' not in inner and "<" not in inner and ">" not in inner and "\n" not in inner


@pytest.mark.parametrize("fmt", ["html", "md", "docx", "xlsx"])
def test_summary_alone(cli, tmp_path, fmt):
    """--summary writes the summary page alone: key points and counts, no table, no charts."""
    out = tmp_path / f"summary.{fmt}"
    run = cli("report", "--plan", MINI, "--summary", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames == ["摘要"]
        values = [c.value for c in wb["摘要"]["A"]]
        assert "要点" in values and "3项目标落后于进度：" in values
        return
    if fmt == "docx":
        import docx

        document = docx.Document(str(out))
        assert document.tables == [] and len(document.sections) == 1
        assert "3项目标落后于进度：" in [p.text for p in document.paragraphs]
        return
    text = out.read_text(encoding="utf-8")
    assert "3项目标落后于进度：" in text
    assert "企业数：2023年115家" in text
    assert "| 1 | 企业数 |" not in text and '<tr class="status-row"' not in text and "<svg class" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx", "docx"])
def test_owner_filter_in_every_format(cli, tmp_path, fmt):
    """--owner 区经信委: task 1 (培育企业), which it leads, carries 企业数 and 新增项目 — those two, in every format."""
    out = tmp_path / f"owner.{fmt}"
    run = cli("report", "--plan", MINI, "--owner", "区经信委", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    if fmt == "xlsx":
        import openpyxl

        ws = openpyxl.load_workbook(out)["完成情况表"]
        names = [ws.cell(row=r, column=2).value for r in range(4, ws.max_row + 1)]
        assert [n for n in names if n] == ["企业数", "新增项目（力争）"]
        assert "范围：责任单位：区经信委" in ws["A2"].value
    elif fmt == "docx":
        import docx

        rows = [[c.text for c in row.cells] for row in docx.Document(str(out)).tables[0].rows]
        assert [r[1] for r in rows[2:]] == ["企业数", "新增项目（力争）"]
    else:
        text = out.read_text(encoding="utf-8")
        assert "责任单位：区经信委" in text
        if fmt == "html":
            assert re.findall(r'<tr class="status-row" data-target="([a-z_]+)"', text) == ["firms", "projects"]
        else:
            assert "| 1 | 企业数 |" in text and "覆盖率" not in text


def test_markdown_key_points_and_footer(cli):
    run = cli("report", "--plan", MINI)
    lines = run.stdout.splitlines()
    start = lines.index("## 要点")
    assert lines[start + 2 : start + 7] == [
        "- 3项目标落后于进度：",
        "  1. 收入倍差：2023年2.1，年均增加0.1，2024年需减少0.3。",
        "  2. 产值年均增速：2023年6%，2024年需10.04%。",
        "  3. 企业数：2023年115家，年均增长15%，2024年需增长25.22%。",
        "- 数据截至2023年；1项目标（共6项）尚无基期以后的数据。",
    ]
    assert lines[-3:] == [
        "依据：《小镇试点方案（测试）》（测试〔2024〕1号）。",
        "",
        lines[-1],
    ] and lines[-1].startswith("计算方法：")


# ── chart series ─────────────────────────────────────────────────────────────


def chart_for(target_id: str, extra: list[dict] | None = None):
    from qzdc.plan.loader import load_plan
    from qzdc.plan.models import Observation
    from qzdc.report.data import ReportInput, chart_data
    from qzdc.views.status import build_status

    plan = load_plan(MINI)
    observed = [*plan.observations, *(Observation(origin="actuals", **o) for o in extra or [])]
    data = ReportInput(build_status(plan, observed), observed)
    row = next(r for r in data.status.rows if r.target.id == target_id)
    return chart_data(row, observed, data)


def test_chart_series_level_geometric():
    chart = chart_for("firms", [{"indicator": "firms", "period": "2024-Q3", "value": 130}])
    assert [(y, round(v, 6)) for y, v in chart.required] == [(2022, 100.0), (2023, 120.0), (2024, 144.0)]
    assert [(p.x, p.value, p.label) for p in chart.actual] == [(2022.0, 100.0, "2022"), (2023.0, 115.0, "2023")]
    assert [(p.x, p.value, p.label) for p in chart.year_to_date] == [(2023.75, 130.0, "2024-Q3")]
    assert chart.target == (2024, 144.0)
    assert chart.target_label == "目标 144 家"
    assert not chart.zero_based


def test_chart_series_cumulative_runs_from_zero():
    chart = chart_for("projects", [{"indicator": "projects", "period": "2024-H1", "value": 25}])
    assert chart.required == [(2022, 0.0), (2023, 50.0), (2024, 100.0)]
    assert [(p.x, p.value) for p in chart.actual] == [(2022.0, 0.0), (2023.0, 60.0)]
    assert [(p.x, p.value) for p in chart.year_to_date] == [(2023.5, 85.0)]
    assert chart.zero_based


def test_chart_series_average_growth_and_decrease():
    growth = chart_for("output_growth")
    assert growth.required == [(2023, 8.0), (2024, 8.0)]
    assert [(p.x, p.value) for p in growth.actual] == [(2023.0, 6.0)]
    assert growth.target_label == "目标 8%"
    ratio = chart_for("income_ratio")
    assert [(y, round(v, 9)) for y, v in ratio.required] == [(2022, 2.0), (2023, 1.9), (2024, 1.8)]
    assert ratio.target_label == "目标 1.8以内"


def test_a_later_annual_figure_supersedes_year_to_date_points():
    chart = chart_for(
        "firms",
        [
            {"indicator": "firms", "period": "2024-Q3", "value": 130},
            {"indicator": "firms", "period": "2024", "value": 140},
        ],
    )
    assert chart.year_to_date == []
    assert [(p.x, p.value) for p in chart.actual][-1] == (2024.0, 140.0)


def test_a_year_to_date_point_has_what_is_due_by_then():
    """The engine's figures: 企业数 100 · 1.2^1.75 = 137.58 due by 2024-Q3 (t = 2023.75) on the geometric path;
    产值年均增速 6 % in 2023, 2024 needs 1.08²/1.06 − 1 = 10.04 %, against which 2024-Q3's 7 % is judged."""
    firms = chart_for("firms", [{"indicator": "firms", "period": "2024-Q3", "value": 130}])
    due = firms.ytd_required
    assert (due.x, round(due.value, 2), due.label) == (2023.75, 137.58, "应达 137.58")
    growth = chart_for("output_growth", [{"indicator": "output_growth", "period": "2024-Q3", "value": 7}])
    assert round(growth.ytd_required.value, 2) == 10.04 and growth.ytd_required.x == 2023.75
    # whole years only: nothing to mark
    assert chart_for("firms").ytd_required is None


def test_a_target_without_figures_is_not_observed():
    from qzdc.plan.loader import load_plan
    from qzdc.report.data import ReportInput, charts
    from qzdc.views.status import build_status

    plan = load_plan(None)
    data = ReportInput(build_status(plan, list(plan.observations)), list(plan.observations))
    observed = {c.target_id: c.observed for _, c in charts(data)}
    assert observed["high_tech_enterprises"] is False  # 34 in 2022, nothing since
    assert observed["gdp_growth"] is True  # 7.5 % in 2023, from the plan's own text


def test_milestones_have_no_chart():
    assert chart_for("model_town") is None


def axis_of(required, actual, target, **extra):
    from qzdc.report.charts import y_axis
    from qzdc.report.data import ChartData, ChartPoint

    points = [ChartPoint(float(x), float(v), str(x)) for x, v in actual]
    chart = ChartData("t", "t", "%", "on_track", required, points, [], target, "", False, "", **extra)
    return y_axis(chart)


def test_axes_are_honest():
    # a share held at 100 %: from zero, never 99–101.5 %
    assert axis_of([(2022, 100), (2025, 100)], [(2022, 100), (2023, 100)], (2025, 100)) == (
        0.0,
        pytest.approx(112),
        False,
    )
    # 34 → 67 firms: the values spread over half their size: from zero
    bottom, top, cut = axis_of([(2022, 34), (2025, 67)], [(2022, 34), (2024, 45)], (2025, 67))
    assert (bottom, cut) == (0.0, False) and top == pytest.approx(67 * 1.12)
    # 63.8 → 68.23 %: within a fifth of their size, an axis from zero would flatten them: cut, and marked
    bottom, top, cut = axis_of([(2022, 63.8), (2025, 68.23)], [(2022, 63.8), (2024, 65.1)], (2025, 68.23))
    assert cut and 60 < bottom < 63.8 and 68.23 < top < 70
    # a growth rate that fell below zero: the axis spans zero
    bottom, top, cut = axis_of([(2023, 5), (2025, 5)], [(2023, -2.5), (2024, 3)], (2025, 5))
    assert bottom < -2.5 and top > 5 and not cut


def test_a_held_share_of_the_builtin_plan_is_charted_from_zero():
    from qzdc.plan.loader import load_plan
    from qzdc.report.charts import y_axis
    from qzdc.report.data import ReportInput, charts
    from qzdc.views.status import build_status

    plan = load_plan(None)
    data = ReportInput(build_status(plan, list(plan.observations)), list(plan.observations))
    held = [c for _, c in charts(data) if c.observed and c.target[1] == 100 and c.unit == "%"]
    assert held
    for chart in held:
        assert y_axis(chart)[0] == 0.0 and not y_axis(chart)[2]


# ── Excel ────────────────────────────────────────────────────────────────────


def xlsx_report(cli, tmp_path, *args: str, plan: str | None = MINI):
    import openpyxl

    out = tmp_path / "report.xlsx"
    run = cli("report", *(["--plan", plan] if plan else []), "-o", str(out), *args)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    return openpyxl.load_workbook(out), out


def header_index(ws) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1]}


def test_xlsx_progress_sheet_comes_first(cli, tmp_path):
    """The printable 完成情况表: the offices' own columns, figures as numbers in their own precision."""
    wb, _ = xlsx_report(cli, tmp_path)
    assert wb.sheetnames == ["完成情况表", "摘要", "计算明细", "任务政策改革"]
    ws = wb.worksheets[0]
    assert ws["A1"].value == "小镇试点方案（测试） · 指标完成情况表"
    assert "数据截至：2023" in ws["A2"].value and "文号：测试〔2024〕1号" in ws["A2"].value
    header = [c.value for c in ws[3]]
    assert header == [
        "序号", "指标", "单位", "基期值\n(2022年)", "2023年实际", "2024年实际", "目标值\n(2024年)", "进度", "序时进度",
        "状态", "责任单位",
    ]  # fmt: skip

    def row(r: int) -> list:
        return [c.value for c in ws[r]]

    def formats(r: int) -> list:
        return [c.number_format if isinstance(c.value, int | float) else None for c in ws[r]]

    # category rows, then the targets in the status table's order
    assert row(4)[0] == "经济发展" and row(4)[1:] == [None] * 10
    # 企业数: 100 → 115 of 144, progress (115 − 100)/(144 − 100) = 15/44
    assert row(5)[:7] == [1, "企业数", "家", 100, 115, None, 144]
    assert row(5)[7] == pytest.approx(15 / 44) and row(5)[9] == "存在风险"
    # 序时进度: a 2023 figure in the 2022 → 2024 period, (2023 − 2022)/(2024 − 2022)
    assert row(5)[8] == pytest.approx(0.5)
    assert formats(5) == ["0", None, None, "0", "0", None, "0", "0.0%", "0.0%", None, None]
    # 责任单位: task 1 (培育企业), led by 区经信委, carries 企业数 and 新增项目; nothing carries 产值年均增速
    assert row(5)[10] == "区经信委" and row(7)[10] == "区经信委" and row(6)[10] is None
    assert ws.cell(row=5, column=10).fill.fgColor.rgb.endswith("FEF08A")
    # 产值年均增速: 6 % in 2023 against 8 % a year; progress (1.06 − 1)/(1.08² − 1) = 0.06/0.1664
    assert row(6)[:7] == [2, "产值年均增速", "%", 5, 6, None, 8]
    assert row(6)[7] == pytest.approx(0.06 / 0.1664)
    # 新增项目 is aspirational and in no annex row: no 序号, no baseline; 60 of 100 so far
    assert row(7)[:7] == [None, "新增项目（力争）", "个", None, 60, None, 100]
    assert row(7)[7] == pytest.approx(0.6)
    assert row(8)[0] == "生活富裕"
    # 收入倍差 2.0 → 2.1, target 1.8以内: the comparator is printed, the value stays a number;
    # progress (2.1 − 2.0)/(1.8 − 2.0) = −50 %
    assert row(10)[:7] == [None, "收入倍差", None, 2, 2.1, None, 1.8]
    assert formats(10)[3:7] == ["0", "0.0", None, '0.0"以内"']  # 1.8以内, as the status table writes it
    assert row(10)[7] == pytest.approx(-0.5)
    # a milestone: a tick for its target, no figures
    assert row(11)[:7] == [None, "创建示范镇", None, None, None, None, "完成"] and row(11)[9] == "暂无数据"
    assert row(11)[8] is None  # no figure, no time gone by to compare with
    assert ws.max_row == 11

    # print setup: A4 landscape, one page wide, the header row on every page
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert ws.print_area == "'完成情况表'!$A$1:$K$11"
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref == "A3:K11"


def test_xlsx_every_sheet_prints(cli, tmp_path):
    wb, _ = xlsx_report(cli, tmp_path)
    title_rows = {"完成情况表": "$3:$3", "摘要": None, "计算明细": "$1:$1", "任务政策改革": "$1:$1"}
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9  # A4, ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows == title_rows[ws.title], ws.title
        from openpyxl.utils import get_column_letter

        assert ws.print_area == f"'{ws.title}'!$A$1:${get_column_letter(ws.max_column)}${ws.max_row}", ws.title
        assert "&P" in ws.oddFooter.center.text, ws.title


def test_xlsx_progress_sheet_year_to_date_and_stale(cli, tmp_path):
    """A year-to-date figure gets the 本年最新 column with its period; a status resting on an old figure says so."""
    for args in (("exports", "2025-09", "5400"), ("high_tech_enterprises", "2024", "45")):
        assert cli("record", *args).exit_code == 0
    wb, _ = xlsx_report(cli, tmp_path, plan=None)
    ws = wb["完成情况表"]
    header = [c.value for c in ws[3]]
    assert header[4:11] == [
        "2023年实际",
        "2024年实际",
        "2025年实际",
        "本年最新",
        "目标值\n(2025年)",
        "进度",
        "序时进度",
    ]
    rows = {ws.cell(row=r, column=2).value: r for r in range(4, ws.max_row + 1)}

    def cell(name: str, column: str):
        return ws.cell(row=rows[name], column=header.index(column) + 1)

    exports = cell("出口总额", "本年最新")
    assert exports.value == 5400 and exports.number_format == '0" (2025-09)"'
    # 序时进度 of a figure to September 2025 in a 2022 → 2025 period: (2024.75 − 2022)/3
    assert cell("出口总额", "序时进度").value == pytest.approx(2.75 / 3)
    assert cell("高新技术企业", "2024年实际").value == 45 and cell("高新技术企业", "本年最新").value is None
    # as of 2025-09, a 2023 figure is older than the year before: stale
    assert cell("地区生产总值年均增速", "状态").value == "进度正常（据2023年旧数据）"  # qzdc status's words
    assert cell("高新技术企业", "状态").value == "进度滞后"  # R = 15.05 % / 25.37 % = 0.59


def test_xlsx_figures_keep_their_precision(cli, tmp_path):
    """3.8 stays 3.8, 3.79 stays 3.79, 63.8 → 68.23 keep one and two places (the built-in plan's Annex 1)."""
    wb, _ = xlsx_report(cli, tmp_path, plan=None)
    ws = wb["完成情况表"]
    rows = {ws.cell(row=r, column=2).value: r for r in range(4, ws.max_row + 1)}

    def shown(name: str, column: int) -> tuple:
        cell = ws.cell(row=rows[name], column=column)
        return cell.value, cell.number_format

    baseline, target = 4, 8
    assert shown("地区生产总值年均增速", baseline) == (3.8, "0.0")
    assert shown("地区生产总值年均增速", target) == (7.5, "0.0")
    assert shown("镇区常住人口", baseline) == (3.79, "0.00") and shown("镇区常住人口", target) == (4.01, "0.00")
    assert shown("常住人口城镇化率", baseline) == (63.8, "0.0")
    assert shown("常住人口城镇化率", target) == (68.23, "0.00")
    assert shown("出口总额", baseline) == (6090, "0")
    # a baseline from another year than the plan's says so, and stays a number
    assert shown("地区生产总值（力争）", baseline) == (75.33, '0.00" (2023)"')
    assert shown("地区生产总值（力争）", target) == (100, '"超过"0')  # 超过100: the plan's 突破百亿元, > 100


def test_xlsx_details_sheet(cli, tmp_path):
    """The diagnostic columns (ids, method, pace ratio, what is still required) on their own sheet."""
    wb, _ = xlsx_report(cli, tmp_path)
    ws = wb["计算明细"]
    col = header_index(ws)
    assert list(col) == [
        "序号", "指标", "目标编号", "状态", "最新期间", "最新值", "当期", "数据陈旧", "当前应达", "尚需年增速",
        "尚需年增量", "至目标年共需", "差距", "年内应达", "本年尚需", "序时进度", "是否达到序时进度", "速度比 R",
        "按实际速度预计", "按增速目标预计", "最终", "牵头单位", "配合单位", "方法", "说明", "出处",
    ]  # fmt: skip
    assert ws.max_row == 1 + 6
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:Z7"
    ids = [ws.cell(row=r, column=col["目标编号"]).value for r in range(2, 8)]
    assert ids == [t["id"] for t in status_json(cli)["targets"]]

    firms = ids.index("firms") + 2

    def cell(name: str, row: int = firms):
        return ws.cell(row=row, column=col[name])

    assert cell("序号").value == 1 and cell("序号").number_format == "0"
    assert cell("指标").value == "企业数" and cell("指标").data_type == "s"
    assert cell("最新期间").value == "2023" and cell("最新期间").data_type == "s"
    assert cell("最新值").value == 115
    assert cell("当前应达").value == pytest.approx(120.0) and cell("当前应达").number_format == "0.00"
    required = cell("尚需年增速")
    assert isinstance(required.value, float) and required.number_format == "0.00%"
    assert required.value == pytest.approx(0.252173913043)
    assert cell("速度比 R").value == pytest.approx(0.75) and cell("速度比 R").number_format == "0.00"
    assert cell("按实际速度预计").value == pytest.approx(132.25)
    # The progress table's figures (mini plan, as of 2023): 144/115 − 1 in all, 144 − 115 = 29 short,
    # (2023 − 2022)/2 = 50 % of the time gone with 34 % of the way: behind; task 1 led by 区经信委.
    assert cell("至目标年共需").value == pytest.approx(0.252173913043) and cell("至目标年共需").number_format == "0.00%"
    assert cell("差距").value == pytest.approx(29)
    assert cell("序时进度").value == pytest.approx(0.5) and cell("序时进度").number_format == "0.0%"
    assert cell("是否达到序时进度").value == "否"
    assert (cell("牵头单位").value, cell("配合单位").value) == ("区经信委", "区财政局")
    projects = ids.index("projects") + 2
    assert cell("最新值", projects).value == 60 and cell("当期", projects).value == 60  # a running total of one year
    status = cell("状态")
    assert status.value == "存在风险"
    assert status.fill.fgColor.rgb.endswith("FEF08A")

    coverage = ids.index("coverage") + 2
    change = cell("尚需年增量", coverage)
    assert change.value == pytest.approx(2.0) and change.number_format == "0.00"
    assert cell("尚需年增速", coverage).value is None
    growth = ids.index("output_growth") + 2
    assert cell("按实际速度预计", growth).value == pytest.approx(0.06)
    assert cell("按实际速度预计", growth).number_format == "0.00%"
    # every figure column holds numbers, never numbers written as text
    for name in ("最新值", "当前应达", "尚需年增速", "尚需年增量", "速度比 R"):
        for r in range(2, 8):
            value = ws.cell(row=r, column=col[name]).value
            assert value is None or isinstance(value, int | float), (name, r, value)


def test_xlsx_summary_sheet(cli, tmp_path):
    wb, _ = xlsx_report(cli, tmp_path)
    ws = wb["摘要"]
    assert ws["A1"].value == "小镇试点方案（测试）"
    assert ws["A2"].value == "指标目标进展报告"
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    assert ws.cell(row=rows["文号"], column=2).value == "测试〔2024〕1号"
    assert ws.cell(row=rows["数据截至"], column=2).value == "2023年"
    generated = ws.cell(row=rows["生成日期"], column=2)
    assert generated.value.date() == dt.date.today() and generated.number_format == "yyyy-mm-dd"
    counts = {}
    for r in range(rows["按状态"] + 2, rows["按状态"] + 9):
        counts[ws.cell(row=r, column=1).value] = ws.cell(row=r, column=2).value
    assert counts == {
        "已实现": 0,
        "进度正常": 2,
        "存在风险": 1,
        "进度滞后": 1,
        "背离目标": 1,
        "待完成": 0,
        "暂无数据": 1,
    }
    header = rows["按一级指标"] + 1
    assert [c.value for c in ws[header]][:7] == [
        "一级指标",
        "进度正常",
        "存在风险",
        "进度滞后",
        "背离目标",
        "暂无数据",
        "合计",
    ]
    economy = [c.value for c in ws[header + 1]][:7]
    assert economy == ["经济发展", 1, 1, 1, 0, 0, 3]


def test_xlsx_tasks_policies_reforms(cli, tmp_path):
    wb, _ = xlsx_report(cli, tmp_path)
    ws = wb["任务政策改革"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:G4"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=1, values_only=False)]
    assert rows[0] == ["类别", "序号", "任务组", "内容", "牵头单位", "配合单位", "目标"]
    assert rows[1] == ["任务", 1, "1. 工业", "培育企业", "区经信委", "区财政局", "企业数、新增项目"]
    assert rows[2][:5] == ["重大政策", 1, None, "支持企业发展。", "区经信委、区财政局"]
    assert rows[3][:5] == ["重大改革", 1, None, "深化改革。", "区财政局"]


def test_xlsx_in_english_with_filters(cli, tmp_path):
    wb, _ = xlsx_report(cli, tmp_path, "--lang", "en", "--status", "on_track")
    assert wb.sheetnames == ["Progress", "Summary", "Details", "Tasks policies reforms"]
    assert [c.value for c in wb["Progress"][3]][:5] == ["No.", "Indicator", "Unit", "Baseline\n(2022)", "2023 actual"]
    ws = wb["Details"]
    col = header_index(ws)
    assert ws.max_row == 3
    assert [ws.cell(row=r, column=col["Indicator"]).value for r in (2, 3)] == [
        "New projects (aspirational)",
        "Coverage",
    ]
    assert {ws.cell(row=r, column=col["Status"]).value for r in (2, 3)} == {"on track"}


def test_xlsx_formula_looking_text_stays_text(cli, tmp_path, plan_copy):
    """A name beginning with =, +, - or @ is the plan's text, never a formula."""
    edit(plan_copy / "indicators.yaml", "name: 地区生产总值年均增速", 'name: "=HYPERLINK(\\"http://x\\",\\"GDP\\")"')
    edit(plan_copy / "tasks.yaml", "lead: [", 'lead: ["+区发展改革委", ', count=1)
    edit(plan_copy / "plan.yaml", "name: 经济发展", 'name: "@经济发展"')
    wb, out = xlsx_report(cli, tmp_path, plan=str(plan_copy))
    ws = wb["计算明细"]
    col = header_index(ws)
    names = {
        ws.cell(row=r, column=col["指标"]).value: ws.cell(row=r, column=col["指标"]) for r in range(2, ws.max_row + 1)
    }
    cell = names['=HYPERLINK("http://x","GDP")']
    assert cell.data_type == "s"
    assert cell.quotePrefix  # Excel keeps it text even when someone edits the cell
    progress = wb["完成情况表"]
    categories = {progress.cell(row=r, column=1).value for r in range(4, progress.max_row + 1)}
    assert "@经济发展" in categories
    assert progress.cell(row=4, column=1).data_type == "s" and progress.cell(row=4, column=1).quotePrefix
    leads = [c.value for c in wb["任务政策改革"]["E"]]
    assert any(str(v).startswith("+区发展改革委") for v in leads)
    # and in the file itself: not one formula in any sheet
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 4
        for name in sheets:
            assert "<f>" not in z.read(name).decode("utf-8"), name


def test_xlsx_is_written_atomically_and_replaces(cli, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "report.xlsx"
    out.write_bytes(b"old")
    run = cli("report", "--plan", MINI, "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert zipfile.is_zipfile(io.BytesIO(out.read_bytes()))
    assert [p.name for p in folder.iterdir()] == ["report.xlsx"]


# ── the built-in plan ────────────────────────────────────────────────────────


def test_builtin_plan_reports(cli, tmp_path):
    from qzdc.plan.loader import load_plan
    from qzdc.report.data import ReportInput, charts
    from qzdc.views.status import build_status

    plan = load_plan(None)
    data = ReportInput(build_status(plan, list(plan.observations)), list(plan.observations))
    chartable = [chart for _, chart in charts(data)]
    assert len(chartable) >= 25
    # drawn: the targets with a figure after the baseline; the others are one compact table
    expected_charts = [chart.target_id for chart in chartable if chart.observed]
    without_data = [chart.target_id for chart in chartable if not chart.observed]
    assert len(expected_charts) >= 4 and len(without_data) >= 20

    out = tmp_path / "plan.html"
    run = cli("report", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert "大足府办发〔2024〕41号" in html and "2024-06-05" in html
    assert len(re.findall(r'<tr class="status-row"', html)) == len(plan.targets)
    assert re.findall(r'<figure class="chart s-[a-z_]+" id="chart-([a-z0-9_]+)"', html) == expected_charts
    assert re.findall(r'<tr class="no-data-row" data-target="([a-z0-9_]+)"', html) == without_data
    assert html.count('<svg class="chart-svg"') == len(expected_charts)  # no empty frame drawn

    wb, _ = xlsx_report(cli, tmp_path, plan=None)
    assert wb["计算明细"].max_row == 1 + len(plan.targets)
    categories = len({plan.indicator(t.indicator).category for t in plan.targets})
    # and under the table the line saying what * (an inferred year, 100*) means
    assert wb["完成情况表"].max_row == 3 + categories + len(plan.targets) + 1
    lists = wb["任务政策改革"]
    assert lists.max_row == 1 + len(plan.tasks) + len(plan.policies) + len(plan.reforms)


# ── layers and start-up ──────────────────────────────────────────────────────


# tests/test_layers.py checks that no report module imports rich or typer.


def test_status_and_markdown_reports_never_load_the_chart_library():
    """matplotlib, openpyxl and python-docx cost start-up time: only the HTML, Excel and Word reports load them."""
    script = f"""
import sys
from typer.testing import CliRunner
import qzdc.cli.commands
from qzdc.cli.app import app
for args in (["status", "--plan", {MINI!r}], ["report", "--plan", {MINI!r}], ["report", "--help"]):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
loaded = sorted(m for m in ("matplotlib", "numpy", "openpyxl", "docx", "lxml") if m in sys.modules)
print(",".join(loaded) or "none")
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "none"


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_target_to_hold_reads_how_often_it_held_in_the_progress_table(cli, tmp_path, suffix):
    """镇域生活垃圾无害化处理率 held at 100 % in 2023 and missed in 2024 (98): 进度 is 1 of 2 years held, as
    `qzdc status` says it, not 50.0 % (half-way to a target it has met before)."""
    actuals = tmp_path / "actuals.yaml"
    for year, value in (("2023", "100"), ("2024", "98")):
        assert cli("record", "waste_safe_disposal", year, value, "--actuals", str(actuals)).exit_code == 0
    status = json.loads(cli("status", "--actuals", str(actuals), "--format", "json").stdout)
    row = next(t for t in status["targets"] if t["id"] == "waste_safe_disposal")
    assert row["held"] == {"periods": 1, "of": 2}
    out = tmp_path / f"r.{suffix}"
    assert cli("report", "--actuals", str(actuals), "-o", str(out)).exit_code == 0
    if suffix == "xlsx":
        import openpyxl

        ws = openpyxl.load_workbook(out)["完成情况表"]
        header = [c.value for c in ws[3]]
        line = next(r for r in ws.iter_rows(values_only=True) if r[1] == row["name"])
        assert line[header.index("进度")] == "1/2年达标"
    else:
        import docx

        table = docx.Document(str(out)).tables[0]
        header = [c.text for c in table.rows[0].cells]
        line = next(r for r in table.rows if r.cells[1].text == row["name"])
        assert line.cells[header.index("进度")].text == "1/2年达标"


@pytest.mark.parametrize(
    ("lang", "word", "note"), [("zh", "进度正常", "（据2023年旧数据）"), ("en", "on track", "(stale: 2023 figure)")]
)
def test_html_status_word_and_stale_note_in_either_language(cli, tmp_path, lang, word, note):
    """The note on a stale status comes from qzdc.i18n; the HTML still splits it from the status word."""
    assert cli("record", "exports", "2025-09", "5400").exit_code == 0  # as of 2025-09, a 2023 figure is stale
    out = tmp_path / "r.html"
    assert cli("report", "--lang", lang, "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert f'<span class="status-word">{word}</span><span class="status-note">{note}</span>' in html


@pytest.mark.parametrize(
    ("lang", "sheet", "column", "line"),
    [
        ("zh", "完成情况表", "2023年实际", "* 年份为推定：原文未写明该数据的年份"),
        ("en", "Progress", "2023 actual", "* year inferred: the document does not state it"),
    ],
)
def test_xlsx_progress_sheet_marks_an_inferred_year(cli, tmp_path, lang, sheet, column, line):
    """The built-in plan reads 年经营性收入20万元以上村占比 100 % as 2023's (data/observations.yaml: inferred):
    `qzdc status` prints 100 (2023*); the 完成情况表 puts 100* under 2023 and the status's line under the table."""
    wb, _ = xlsx_report(cli, tmp_path, "--lang", lang, plan=None)
    ws = wb[sheet]
    header = [c.value for c in ws[3]]
    rows = {ws.cell(row=r, column=1).value: r for r in range(4, ws.max_row + 1)}
    marked = ws.cell(row=rows[22], column=header.index(column) + 1)
    assert (marked.value, marked.number_format) == (100, '0"*"')  # still a number Excel can sum
    plain = ws.cell(row=rows[1], column=header.index(column) + 1)  # row 1, 2023: a year the plan states
    assert "*" not in plain.number_format
    assert ws.cell(row=ws.max_row, column=1).value == line
    assert ws.print_area.endswith(f"${ws.max_row}")  # the line prints with the table
    # the mini plan's figures all state their year: no mark, no line
    mini, _ = xlsx_report(cli, tmp_path, "--lang", lang)
    assert not any("*" in str(c.value) for r in mini[sheet].iter_rows() for c in r)


# The actuals of user test 1 (FINDINGS-usertest-1.md), in the plan's units.
USER_TEST_ACTUALS = [
    ("gdp", "2024", 81.2), ("gdp_growth", "2024", 7.8), ("high_tech_enterprises", "2024", 50),
    ("industrial_output_growth", "2024", 19.1), ("retail_sales_growth", "2024", 5.0),
    ("retail_sales_growth", "2025-09", 6.5), ("exports", "2024", 6800), ("exports", "2025-Q3", 5400),
    ("gdp", "2025-09", 61.6), ("industrial_output", "2024", 88.4), ("industrial_output", "2025-Q3", 70.5),
    ("industrial_output_growth", "2025-H1", 19.1), ("new_investment_projects", "2023", 40),
    ("new_investment_projects", "2024", 45), ("new_investment_projects", "2025-Q3", 38),
    ("urbanisation_rate", "2024", 65.1), ("resident_population", "2024", 3.95),
    ("urban_rural_income_ratio", "2024", 1.80), ("rd_intensity", "2024", 2.95),
]  # fmt: skip


def test_chart_labels_never_cover_each_other():
    """User test 1, finding 18: in 社会消费品零售总额年均增速's chart (2024 5.0, 2025年1-9月 6.5) the labels
    应达 7.14 and 2025-09: 6.5 crowded each other and one hid the 2024 figure's label (5). Every chart of the
    built-in plan with the user test's actuals: no two labels' boxes meet, and every label is whole in the picture."""
    import warnings

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from qzdc.plan.loader import load_plan
    from qzdc.plan.models import Observation
    from qzdc.report.charts import _rc, draw
    from qzdc.report.data import ReportInput, charts
    from qzdc.views.status import build_status

    plan = load_plan(None)
    extra = [Observation(origin="actuals", indicator=i, period=p, value=v) for i, p, v in USER_TEST_ACTUALS]
    observed = [*plan.observations, *extra]
    data = ReportInput(build_status(plan, observed), observed)
    drawn = 0
    for _, chart in charts(data):
        with matplotlib.rc_context(_rc("t")), warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # glyphs matplotlib lacks: the browser draws the text
            fig = draw(chart)
            renderer = FigureCanvasAgg(fig).get_renderer()
            fig.draw_without_rendering()
            texts = fig.axes[0].texts
            boxes = [t.get_window_extent(renderer) for t in texts]
        for i, a in enumerate(boxes):
            assert fig.bbox.x0 <= a.x0 and a.x1 <= fig.bbox.x1 and fig.bbox.y0 <= a.y0 and a.y1 <= fig.bbox.y1
            for j in range(i):
                assert not a.overlaps(boxes[j]), (chart.target_id, texts[i].get_text(), texts[j].get_text())
        drawn += len(texts) > 1
    retail = next(c for _, c in charts(data) if c.target_id == "retail_sales_growth")
    assert (retail.ytd_required.label, [p.label for p in retail.year_to_date]) == ("应达 7.14", ["2025-09"])
    assert drawn >= 5  # charts with more than one label were checked


def test_html_status_table_says_what_its_star_and_the_plans_own_rates_mean(cli, tmp_path):
    """User test 2, finding B: the HTML table shows 100 (2023*) for 年经营性收入20万元以上村占比, whose year the
    document does not state; the line `qzdc status` prints under its table explains the * there too, with the
    levels the plan's own rates lead to (75.33 · 1.075² = 87.05, 12.95 short of 100). A table without a
    starred figure has no * line."""
    from qzdc.plan.loader import builtin_plan_dir

    page = html_report(cli, tmp_path, plan=str(builtin_plan_dir()))
    notes = re.search(r'<div class="table-notes">(.*?)</div>', page).group(1)
    assert re.findall(r"<p>(.*?)</p>", notes) == [
        "地区生产总值（力争）：按年均增速目标7.5%，2025年为87.05亿元，比目标少12.95",
        "规模以上工业总产值（力争）：按年均增速目标20%，2025年为109.24亿元，比目标少0.76",
        "* 年份为推定：原文未写明该数据的年份",
    ]
    assert "2023*" in page
    economy = html_report(cli, tmp_path, "--category", "economy", plan=str(builtin_plan_dir()))
    assert "年份为推定" not in economy and "2023*" not in economy
