"""The HTML report in a real browser: headless Chromium, driven over the DevTools protocol.

Debian's `chromium` (installed by .ci/run) opens the report from a file:// URL
through playwright (`executable_path`: playwright's own browser downloads are
never used). The checks read the live DOM, not the file: the number of status
rows and of rendered charts, that the page asked for nothing but itself, that
no console error or dialog appeared, which font the browser really drew the
Chinese text with (so no missing-glyph boxes), and the print layout. A
screenshot and a PDF are kept in tests/artifacts/ (git-ignored) for a person
to look at.

Without Chromium or playwright the tests skip, except under
QZDC_REQUIRE_BROWSER=1 (set by .ci/run), where they fail instead.
"""

from __future__ import annotations

import json
import os
import re
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_report import IMG, SCRIPT, make_hostile_plan

CHROMIUM = os.environ.get("QZDC_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("QZDC_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(__file__).parent / "artifacts"
# The flags that work on a CI machine: no sandbox (root), no GPU, and no
# background traffic of the browser's own that could be mistaken for the page's.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    """One headless Chromium with a fresh profile for the module's tests."""
    reason = _unavailable()
    if reason:
        if REQUIRED:
            pytest.fail(f"QZDC_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="qzdc-chromium-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
            locale="zh-CN",
        )
        try:
            yield ctx
        finally:
            ctx.close()


class Visit:
    """A page opened on one file, with everything it did recorded."""

    def __init__(self, context: Any, path: Path, width: int = 1280):
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"))
        self.page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_timeout(200)  # let anything that would run late run

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def eval(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def assert_quiet_and_local(self) -> None:
        errors = [line for line in self.console if line.startswith(("error", "pageerror"))]
        assert errors == [], errors
        assert self.dialogs == []
        assert self.requests, "the page itself should have been requested"
        outside = [u for u in self.requests if u != self.url and not u.startswith("data:")]
        assert outside == [], outside


def fonts_drawn(visit: Visit, selector: str) -> list[tuple[str, set[str]]]:
    """For each element matching `selector`: its text and the font families Chromium drew it with."""
    cdp = visit.page.context.new_cdp_session(visit.page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    result = []
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        families = {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
        text = cdp.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
        result.append((text, families))
    cdp.detach()
    return result


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def builtin_report(cli, tmp_path) -> tuple[Path, dict, list[str]]:
    """The built-in plan's HTML report, with a few figures recorded, year-to-date ones among them."""
    for args in (
        ("high_tech_enterprises", "2024", "45"),
        ("high_tech_enterprises", "2025-Q3", "58"),
        ("new_investment_projects", "2024", "52"),
        ("new_investment_projects", "2025-H1", "30"),
        ("gdp_growth", "2024", "6.8"),
        ("gdp_growth", "2025-Q3", "6.1"),
    ):
        run = cli("record", *args)
        assert run.exit_code == 0, run.stderr
    out = tmp_path / "报告.html"  # a Chinese file name, as analysts name their files
    run = cli("report", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    status = json.loads(cli("status", "--format", "json").stdout)

    from qzdc.actuals.store import actuals_path, read_actuals
    from qzdc.plan.loader import load_plan
    from qzdc.report.data import ReportInput, charts
    from qzdc.views.status import build_status

    plan = load_plan(None)
    observed = [*plan.observations, *read_actuals(actuals_path(None), plan)]
    data = ReportInput(build_status(plan, observed), observed)
    # drawn: the targets with a figure after the baseline (the others are one table)
    expected_charts = [c.target_id for _, c in charts(data) if c.observed]
    return out, status, expected_charts


def test_report_renders_in_chromium(context, builtin_report):
    out, status, expected_charts = builtin_report
    visit = Visit(context, out)

    # what the browser built, counted in the live DOM
    rows = visit.eval("[...document.querySelectorAll('tr.status-row')].map(r => [r.dataset.target, r.dataset.status])")
    assert rows == [[t["id"], t["status"]] for t in status["targets"]]
    assert len(rows) == len(status["targets"]) == 40
    charts = visit.eval(
        """[...document.querySelectorAll('figure.chart')].map(f => {
            const svg = f.querySelector('svg');
            const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
            return {id: f.id, width: box.width, height: box.height,
                    paths: svg ? svg.querySelectorAll('path').length : 0,
                    texts: svg ? svg.querySelectorAll('text').length : 0};
        })"""
    )
    assert [c["id"] for c in charts] == [f"chart-{t}" for t in expected_charts]
    assert len(charts) >= 6
    for chart in charts:
        assert chart["width"] > 300 and chart["height"] > 120, chart  # drawn, not collapsed
        assert chart["paths"] >= 5 and chart["texts"] >= 5, chart
    assert visit.eval("document.querySelectorAll('script').length") == 0

    # the counts in the summary are the status command's
    summary = visit.eval(
        "Object.fromEntries([...document.querySelectorAll('tr.summary-status')]"
        ".map(r => [r.dataset.status, Number(r.cells[1].textContent)]))"
    )
    assert summary == status["summary"]

    # year-to-date figures are points on their charts, labelled with their period
    hte = visit.eval("document.querySelector('#chart-high_tech_enterprises svg').textContent")
    assert "2025-Q3: 58" in hte and "应达" in hte
    projects = visit.eval("document.querySelector('#chart-new_investment_projects svg').textContent")
    assert "2025-H1: 82" in projects  # 52 in 2024, then 30 so far in 2025

    # status colours as the browser computed them
    colours = visit.eval(
        "Object.fromEntries([...document.querySelectorAll('td.status')]"
        ".map(td => [td.parentElement.dataset.status, getComputedStyle(td).backgroundColor]))"
    )
    assert colours["on_track"] == "rgb(220, 252, 231)"
    assert colours["no_data"] == "rgb(243, 244, 246)"
    assert len(set(colours.values())) == len(colours)

    # Chinese text, in the page and in the charts, drawn by a real Chinese font from the stack
    from qzdc.report.data import CJK_FONTS

    drawn = fonts_drawn(visit, "h1, td.status, figure.chart svg text")
    assert len(drawn) > 80
    for text, families in drawn:
        assert families, text
        assert families <= set(CJK_FONTS), (text, families)

    visit.assert_quiet_and_local()

    # a screenshot for people, and proof that something was drawn
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    visit.page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    width, height = png_size(data)
    assert width >= 1200 and height >= 3000, (width, height)
    assert len(data) > 100_000
    from PIL import Image

    with Image.open(shot) as image:
        colours_used = image.convert("RGB").resize((320, 800)).getcolors(maxcolors=1 << 16) or []
    assert len(colours_used) > 50  # not a blank or single-colour page

    # printed: the table runs on after the summary, charts start a page; rows and charts never split, header repeated
    visit.page.emulate_media(media="print")
    printing = visit.eval(
        """({
            targets: getComputedStyle(document.querySelector('#targets')).breakBefore,
            targetsPage: getComputedStyle(document.querySelector('#targets')).page,
            charts: getComputedStyle(document.querySelector('#charts')).breakBefore,
            row: getComputedStyle(document.querySelector('tr.status-row')).breakInside,
            head: getComputedStyle(document.querySelector('.status-table thead')).display,
            figure: getComputedStyle(document.querySelector('figure.chart')).breakInside,
        })"""
    )
    assert printing == {
        "targets": "auto",
        "targetsPage": "wide",  # A4 landscape, as wide as the analysts' own table
        "charts": "page",
        "row": "avoid",
        "head": "table-header-group",
        "figure": "avoid",
    }
    pdf = visit.page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    (ARTIFACTS / "report.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) >= 3
    visit.assert_quiet_and_local()
    visit.page.close()


def test_plan_markup_is_text_in_the_browser(context, cli, tmp_path):
    plan = make_hostile_plan(tmp_path / "hostile")
    out = tmp_path / "hostile.html"
    run = cli("report", "--plan", str(plan), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    visit = Visit(context, out)
    assert visit.dialogs == []  # no alert() ran
    assert visit.eval("document.querySelectorAll('script, img, b, i, iframe, object').length") == 0
    assert visit.eval("document.querySelector('h1').textContent") == f"{IMG}小镇试点方案"
    names = visit.eval("[...document.querySelectorAll('tr.status-row td.c-name')].map(td => td.innerText)")
    assert f"{SCRIPT}企业数" in names
    assert visit.eval("document.querySelectorAll('figure.chart svg').length") == 5
    firms = visit.eval("document.querySelector('#chart-firms svg').textContent")
    assert "家</svg><script>alert(3)</script>" in firms  # the unit, as text inside the chart
    visit.assert_quiet_and_local()
    visit.page.close()


# ── a phone, paper, and chart text ───────────────────────────────────────────

# The card a phone shows for each target (the issue: name, status, latest, target, still required).
CARD = ["name", "status", "latest", "target", "required"]
# Printed on A4 (docs/reports.md, "Paper"), the built-in plan's summary and status table take
# at most SUMMARY_AND_TABLE_PAGES pages; charts follow, at least two to a page.
SUMMARY_AND_TABLE_PAGES = 3
CHARTS_PER_PAGE = 2


def test_phone_shows_one_card_per_target(context, builtin_report):
    """At 400 px: no horizontal scrolling, every target a card with its status in view."""
    out, status, _ = builtin_report
    visit = Visit(context, out, width=400)
    assert visit.eval("[document.documentElement.scrollWidth, document.documentElement.clientWidth]") == [400, 400]
    assert visit.eval("getComputedStyle(document.querySelector('.status-table thead')).display") == "none"
    cards = visit.eval(
        """[...document.querySelectorAll('tr.status-row')].map(tr => {
            const shown = [...tr.cells].filter(td => getComputedStyle(td).display !== 'none');
            const box = tr.getBoundingClientRect();
            const status = tr.querySelector('td.c-status').getBoundingClientRect();
            return {
                id: tr.dataset.target,
                display: getComputedStyle(tr).display,
                cells: shown.map(td => td.className.split(' ')[0].slice(2)),
                status: tr.querySelector('td.c-status').innerText,
                inside: box.left >= 0 && box.right <= 400 && status.left >= 0 && status.right <= 400,
                statusWidth: status.width,
            };
        })"""
    )
    assert [c["id"] for c in cards] == [t["id"] for t in status["targets"]]
    words = {"achieved": "已实现", "on_track": "进度正常", "at_risk": "存在风险", "off_track": "进度滞后"}
    words |= {"moving_away": "背离目标", "pending": "待完成", "no_data": "暂无数据", "monitored": "监测"}
    for card, target in zip(cards, status["targets"], strict=True):
        assert card["display"] == "grid", card
        assert sorted(card["cells"]) == sorted(CARD), card
        assert card["inside"] and card["statusWidth"] > 20, card
        assert card["status"].startswith(words[target["status"]]), card
    # every chart fits the screen too
    widths = visit.eval("[...document.querySelectorAll('svg.chart-svg')].map(s => s.getBoundingClientRect().right)")
    assert widths and max(widths) <= 400
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "report-400.png"), full_page=True)
    visit.assert_quiet_and_local()
    visit.page.close()


def test_desktop_keeps_the_table(context, builtin_report):
    out, _, _ = builtin_report
    visit = Visit(context, out, width=1280)
    assert visit.eval("document.documentElement.scrollWidth") <= 1280
    assert visit.eval("getComputedStyle(document.querySelector('tr.status-row')).display") == "table-row"
    assert visit.eval("getComputedStyle(document.querySelector('.status-table thead')).display") == "table-header-group"
    visit.page.close()


@pytest.fixture
def stale_report(cli, tmp_path) -> tuple[Path, dict]:
    """User test 1's case: figures to 2024 for most targets, to 2025 for a few, so that the plan's own
    2023 figure of 年经营性收入20万元以上村占比 is stale and the as-of period is a long sentence."""
    for args in (
        ("gdp_growth", "2024", "7.8"),
        ("urbanisation_rate", "2024", "65.1"),
        ("industrial_output_growth", "2024", "17.4"),
        ("industrial_output_growth", "2025-H1", "19.1"),
        ("retail_sales_growth", "2024", "5.0"),
        ("retail_sales_growth", "2025-09", "6.5"),
        ("exports", "2024", "6800"),
        ("exports", "2025-Q3", "5400"),
    ):
        run = cli("record", *args)
        assert run.exit_code == 0, run.stderr
    out = tmp_path / "进展报告.html"
    run = cli("report", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    return out, json.loads(cli("status", "--format", "json").stdout)


TABLE_LAYOUT = """() => {
    const rule = document.querySelector('#targets h2').getBoundingClientRect();
    const table = document.querySelector('table.status-table').getBoundingClientRect();
    const size = parseFloat(getComputedStyle(document.querySelector('table.status-table td.c-name')).fontSize);
    const lines = el => {  // the lines a piece of text takes
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    };
    return {
        ruleRight: rule.right, tableRight: table.right, page: document.documentElement.scrollWidth,
        names: [...document.querySelectorAll('tr.status-row td.c-name')].map(td => td.getBoundingClientRect().width / size),
        stale: [...document.querySelectorAll('td.c-status .status-note')].map(note => ({
            word: lines(note.parentElement.querySelector('.status-word')),
            note: note.innerText,
            below: note.getBoundingClientRect().top >= note.parentElement.querySelector('.status-word').getBoundingClientRect().bottom - 1,
        })),
        figures: [...document.querySelectorAll('td.num .nw')].map(span => lines(span)),
        labels: [...document.querySelectorAll('dl.facts dt')].map(dt => [dt.innerText, lines(dt)]),
    };
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_desktop_table_keeps_its_names_with_a_stale_target(context, stale_report, cli, tmp_path, lang):
    """User test 1, finding 17: one stale figure (进度正常（据2023年旧数据）) in a status cell that would not
    wrap squeezed the 指标 column to two characters and ran the table past the section's rule at 1280 px.
    The status word stays whole with its note on a line below it; names keep about seven characters a line."""
    out, status = stale_report
    assert "villages_income_over_200k" in [t["id"] for t in status["targets"] if t["stale"]]
    if lang == "en":
        out = tmp_path / "report-en.html"
        assert cli("report", "--lang", "en", "-o", str(out)).exit_code == 0
    visit = Visit(context, out, width=1280)
    layout = visit.eval(TABLE_LAYOUT)
    assert layout["page"] <= 1280
    assert layout["tableRight"] <= layout["ruleRight"] + 0.5, layout
    assert min(layout["names"]) >= 7, sorted(layout["names"])[:3]
    assert layout["stale"], "a stale status shows its note"
    for stale in layout["stale"]:
        assert stale["word"] == 1 and stale["below"], stale
        assert ("据" in stale["note"]) if lang == "zh" else ("stale" in stale["note"]), stale
    assert layout["figures"] and set(layout["figures"]) == {1}  # a figure or its note never breaks inside
    assert all(lines == 1 for _, lines in layout["labels"]), layout["labels"]
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / f"report-1280-stale-{lang}.png"), full_page=True)
    visit.page.close()


def test_phone_header_labels_stay_on_one_line(context, stale_report):
    """At 400 px the header's labels (数据截至, 录入数据) keep one line each; their values wrap beside them
    (数据截至 took one character a line beside a long as-of sentence)."""
    out, _ = stale_report
    visit = Visit(context, out, width=400)
    labels = visit.eval(TABLE_LAYOUT)["labels"]
    assert [label for label, _ in labels][:1] == ["文号"]
    assert "数据截至" in [label for label, _ in labels]
    assert all(lines == 1 for _, lines in labels), labels
    visit.page.close()


@pytest.mark.parametrize("width", [1024, 700])
def test_narrow_desktop_does_not_scroll_the_page(context, stale_report, width):
    """Between a phone and a desktop the summary tables stack and the status table scrolls inside its section."""
    out, _ = stale_report
    visit = Visit(context, out, width=width)
    assert visit.eval("document.documentElement.scrollWidth") <= width
    visit.page.close()


SMALL_PRINT = """() => {
    // the smallest type the page itself sets on text a reader sees (outside the charts)
    let smallest = Infinity;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        if (!walker.currentNode.textContent.trim() || element.closest('svg')) continue;
        const style = getComputedStyle(element);
        if (style.display === 'none' || element.getClientRects().length === 0) continue;
        smallest = Math.min(smallest, parseFloat(style.fontSize));
    }
    // chart text as drawn: its size in the drawing times the drawing's scale on the page
    const chart = [...document.querySelectorAll('svg.chart-svg text')].map(t =>
        parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b));
    return {smallest, chart: Math.min(...chart), texts: chart.length};
}"""


@pytest.mark.parametrize("width", [1280, 400, 710], ids=["desktop", "phone", "print"])
def test_chart_text_is_at_least_the_small_print(context, builtin_report, width):
    """Wherever the report is read, chart text is no smaller than the smallest type of the page's own text.

    710 px is an A4 page's width inside its margins (210 − 2 · 11 mm), measured with print styles."""
    out, _, _ = builtin_report
    visit = Visit(context, out, width=width)
    if width == 710:
        visit.page.emulate_media(media="print")
    sizes = visit.eval(SMALL_PRINT)
    assert sizes["texts"] > 50
    assert sizes["chart"] >= sizes["smallest"] - 0.05, sizes
    visit.page.close()


def printed(visit: Visit) -> bytes:
    return visit.page.pdf(format="A4", prefer_css_page_size=True)


@pytest.fixture
def shipped_report(cli, tmp_path) -> Path:
    """The built-in plan's report as it ships: the plan's own 2023 figures, nothing recorded."""
    out = tmp_path / "进展报告.html"
    run = cli("report", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    return out


@pytest.mark.parametrize("which", ["shipped", "recorded"])
def test_printed_pages_stay_within_the_bound(context, shipped_report, builtin_report, which):
    """Printed to PDF in Chromium: the summary (A4 portrait) and the table (A4 landscape) within
    SUMMARY_AND_TABLE_PAGES pages, then at least CHARTS_PER_PAGE charts a page (and the table of
    targets without data, and the footer)."""
    out = shipped_report if which == "shipped" else builtin_report[0]
    visit = Visit(context, out)
    visit.page.emulate_media(media="print")
    whole = pdf_pages(printed(visit))
    charts = visit.eval("document.querySelectorAll('figure.chart').length")
    # what follows the table (the charts, the footer) removed: the pages the summary and table take
    visit.eval("document.querySelector('#charts').remove(); document.querySelector('footer').remove()")
    first = pdf_pages(printed(visit))
    assert first <= SUMMARY_AND_TABLE_PAGES, first
    # the charts start a page of their own; at least two to a page, plus one for the table of
    # targets without data and the footer that follow them
    assert whole - first <= -(-charts // CHARTS_PER_PAGE) + 1, (whole, first, charts)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"report-pages-{which}.txt").write_text(f"summary and table {first}, whole {whole}, charts {charts}\n")
    visit.page.close()


def test_summary_page_alone(context, cli, tmp_path):
    out = tmp_path / "summary.html"
    run = cli("report", "--summary", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    visit = Visit(context, out)
    assert visit.eval("document.querySelectorAll('tr.status-row, figure.chart').length") == 0
    assert visit.eval("document.querySelectorAll('.key-points li').length") >= 3
    visit.page.emulate_media(media="print")
    assert pdf_pages(printed(visit)) == 1
    visit.assert_quiet_and_local()
    visit.page.close()
