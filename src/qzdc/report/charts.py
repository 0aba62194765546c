"""Charts for the HTML report: a target's actuals against its required path, as SVG.

Drawn with matplotlib (docs/reports.md says why) and written with
`svg.fonttype: none`, so every label stays a `<text>` element that the reader's
browser draws with its own Chinese font, from the same font stack as the page.
Matplotlib is imported here and only here, when a report is made: `qzdc status`
never pays for it.

The output is deterministic: no date in the file, and element ids derived from a
per-chart salt, so two charts inlined in one page never share an id.
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from typing import Any

from qzdc.report.data import CJK_FONTS, ChartData
from qzdc.views.view import fmt_number

# Colours that survive greyscale printing by line style as well as hue.
REQUIRED_COLOUR = "#6b7280"
ACTUAL_COLOUR = "#1d4ed8"
TARGET_COLOUR = "#b91c1c"

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID_OR_REFERENCE = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')


# Chart text, in points of the drawing. The chart is drawn at about the size it is
# shown (FIGSIZE: two to a printed A4 line, one to a phone's width, three across a
# desktop page), so that its text is at least the page's small print wherever it
# is read: tests/test_report_browser.py measures it in Chromium.
FIGSIZE = (4.2, 2.6)  # inches
TEXT_SIZE = 11
# Labels stay legible where they cross a line.
_LABEL_BOX = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
# A label's next place is a line further out; labels keep this much room between them (display units).
LINE = 14.0
GAP = 2.0
# Below this spread of values relative to their size, an axis from zero would
# flatten the line: the axis is cut instead, and the cut is marked.
ZOOM_BELOW = 0.2


def _rc(salt: str) -> dict[str, object]:
    return {
        "svg.fonttype": "none",  # text stays text
        "svg.hashsalt": salt,  # ids unique per chart, and the same on every run
        "text.parse_math": False,  # a "$" in a unit is a dollar sign, not mathtext
        "font.family": ["sans-serif"],
        # Matplotlib measures labels with the first of these it finds (for layout
        # only); the SVG names them all, and the browser picks the reader's font.
        "font.sans-serif": [*CJK_FONTS, "DejaVu Sans"],
        "font.size": TEXT_SIZE,
        "axes.labelsize": TEXT_SIZE,
        "xtick.labelsize": TEXT_SIZE,
        "ytick.labelsize": TEXT_SIZE,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#e5e7eb",
        "grid.linewidth": 0.8,
        "axes.edgecolor": "#9ca3af",
        "xtick.color": "#374151",
        "ytick.color": "#374151",
        "legend.frameon": False,
    }


def y_axis(chart: ChartData) -> tuple[float, float, bool]:
    """The value axis: (bottom, top, cut). From zero where the values allow it, else cut and marked.

    Growth rates and running sums always start at zero (or below, for a fall).
    A level or share starts at zero unless its values all lie within a fifth of
    their size of each other (城镇化率 63.8 → 68.23): from zero its line would be
    flat, so the axis is cut and the cut drawn. A target held at 100 % gets
    0–105 %, never 99–101.5 %.
    """
    values = [v for _, v in chart.required] + [p.value for p in chart.actual + chart.year_to_date]
    values.append(chart.target[1])
    if chart.ytd_required is not None:
        values.append(chart.ytd_required.value)
    lo, hi = min(values), max(values)
    if lo < 0:
        span = (max(hi, 0.0) - lo) or 1.0
        return lo - span * 0.12, max(hi, 0.0) + span * 0.18, False
    spread = (hi - lo) / hi if hi else 0.0
    if chart.zero_based or spread == 0 or spread >= ZOOM_BELOW:
        return 0.0, (hi or 1.0) * 1.12, False
    span = hi - lo
    return lo - span * 0.35, hi + span * 0.25, True


def _mark_cut(ax) -> None:
    """Two short slashes across the foot of the value axis: it does not start at zero."""
    kwargs = {"transform": ax.transAxes, "color": "#374151", "clip_on": False, "linewidth": 1.2}
    for dy in (0.0, 0.035):
        ax.plot([-0.025, 0.025], [0.03 + dy, 0.07 + dy], **kwargs)


def draw(chart: ChartData):
    """The chart as a matplotlib Figure, to be saved inside `_rc`'s settings (`chart_svg`)."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.subplots()
    labels: list[tuple[Any, list[tuple[tuple[float, float], str]]]] = []  # each label, and where it may go
    last_label = None
    marks: list[tuple[float, float, float]] = []  # (x, y, size in points) of each point drawn: labels avoid them
    years = [y for y, _ in chart.required]
    ax.plot(
        years,
        [v for _, v in chart.required],
        linestyle=(0, (5, 3)),
        linewidth=1.6,
        color=REQUIRED_COLOUR,
        zorder=2,
    )
    if chart.actual:
        ax.plot(
            [p.x for p in chart.actual],
            [p.value for p in chart.actual],
            marker="o",
            markersize=5,
            linewidth=2,
            color=ACTUAL_COLOUR,
            zorder=3,
        )
        last = chart.actual[-1]
        label = ax.annotate(
            fmt_number(last.value),
            (last.x, last.value),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            color=ACTUAL_COLOUR,
            bbox=_LABEL_BOX,
        )
        # placed last: the year-to-date figure and what is due by then matter more where they crowd it
        last_label = (label, _places(0, above=True))
    due = chart.ytd_required
    if chart.year_to_date:
        ax.plot(
            [p.x for p in chart.year_to_date],
            [p.value for p in chart.year_to_date],
            linestyle="none",
            marker="o",
            markersize=6,
            markerfacecolor="white",
            markeredgewidth=1.6,
            color=ACTUAL_COLOUR,
            zorder=4,
        )
        for p in chart.year_to_date:
            above = due is not None and p.x == due.x and p.value >= due.value
            label = ax.annotate(
                f"{p.label}: {fmt_number(p.value)}",
                (p.x, p.value),
                textcoords="offset points",
                xytext=(0, 8 if above else -15),
                ha="right",
                color=ACTUAL_COLOUR,
                bbox=_LABEL_BOX,
                zorder=6,
            )
            labels.append((label, _places(0, above=above, ha="right")))
    if due is not None:
        # The year-to-date figure is judged against this, not against the year's path.
        ax.plot(
            [due.x],
            [due.value],
            linestyle="none",
            marker="_",
            markersize=16,
            markeredgewidth=2.2,
            color=REQUIRED_COLOUR,
            zorder=4,
        )
        above = not chart.year_to_date or due.value > chart.year_to_date[-1].value
        label = ax.annotate(
            due.label,
            (due.x, due.value),
            textcoords="offset points",
            xytext=(-10, 6 if above else -15),
            ha="right",
            color="#374151",
            bbox=_LABEL_BOX,
            zorder=6,
        )
        labels.append((label, _places(-10, above=above, ha="right")))
    target_year, target_value = chart.target
    ax.plot(
        [target_year],
        [target_value],
        linestyle="none",
        marker="*",
        markersize=14,
        color=TARGET_COLOUR,
        zorder=5,
    )
    ax.axhline(target_value, color=TARGET_COLOUR, linewidth=0.8, linestyle=":", zorder=1)
    first = math.floor(min([*years, *(p.x for p in chart.actual)]))
    ticks = list(range(first, target_year + 1))
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.set_xlim(first - 0.35, target_year + 0.35)
    bottom, top, cut = y_axis(chart)
    ax.set_ylim(bottom, top)
    if bottom < 0 < top:
        ax.axhline(0, color="#9ca3af", linewidth=0.8, zorder=1)
    if cut:
        _mark_cut(ax)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
    if chart.value_label:
        ax.set_ylabel(chart.value_label)
    if last_label is not None:
        labels.append(last_label)
    marks += [(p.x, p.value, 5) for p in chart.actual] + [(p.x, p.value, 6) for p in chart.year_to_date]
    marks.append((target_year, target_value, 14))
    if due is not None:
        marks.append((due.x, due.value, 16))
    keep_apart(fig, labels, marks)
    return fig


def _places(dx: float, *, above: bool, ha: str = "center") -> list[tuple[tuple[float, float], str]]:
    """Where a point's label may go, nearest first (offsets in points): above or below it as asked, then
    on the other side, then a line further out on each side."""
    up = [(dx, 7.0 + LINE * k) for k in range(3)]
    down = [(dx, -15.0 - LINE * k) for k in range(3)]
    first, second = (up, down) if above else (down, up)
    return [(xy, ha) for pair in zip(first, second, strict=True) for xy in pair]


def keep_apart(
    fig, labels: list[tuple[Any, list[tuple[tuple[float, float], str]]]], marks: list[tuple[float, float, float]]
) -> None:
    """Each label takes the first of its places where it covers no point drawn and no label placed before
    it, and stays in the picture (user test 1, finding 18: 应达 7.14 and 2025-09: 6.5 over each other,
    the 2024 figure's label hidden under one of them)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()  # the constrained layout places the axes; labels do not move it
    frame, to_display, scale = fig.bbox, fig.axes[0].transData, fig.dpi / 72
    placed: list[Any] = []
    for x, y, size in marks:
        cx, cy = to_display.transform((x, y))
        half = size * scale / 2
        placed.append(Bbox([[cx - half, cy - half], [cx + half, cy + half]]))
    for label, places in labels:
        for xy, ha in places:
            label.xyann, _ = xy, label.set_ha(ha)
            box = label.get_window_extent(renderer).padded(GAP)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                break
        else:
            label.xyann, _ = places[0][0], label.set_ha(places[0][1])  # nowhere free: where it reads best
        placed.append(label.get_window_extent(renderer).padded(GAP))


def chart_svg(chart: ChartData, lang: str, *, salt: str, label: str = "") -> str:
    """The chart as an `<svg>` element (no XML prolog) to inline in an HTML page.

    The key to its lines is the page's (`qzdc.report.html`), once for all charts.
    """
    import matplotlib

    # Matplotlib measures text with the fonts it finds; where no Chinese font is
    # installed it warns about missing glyphs. The browser, not matplotlib, draws
    # the text, so those warnings say nothing about the report: keep them off stderr.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    with warnings.catch_warnings(), matplotlib.rc_context(_rc(salt)):
        warnings.simplefilter("ignore", UserWarning)
        fig = draw(chart)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = _METADATA.sub("", _PROLOG.sub("", buffer.getvalue(), count=1), count=1)
    # Matplotlib names its groups figure_1, axes_1, …: the same in every chart.
    # Prefixed, the ids of one page stay unique and every reference still resolves.
    svg = _ID_OR_REFERENCE.sub(lambda m: f"{m.group(1)}{salt}-{m.group(2)}", svg)
    attributes = 'class="chart-svg" role="img"'
    if label:
        from html import escape

        attributes += f' aria-label="{escape(label, quote=True)}"'
    return svg.replace("<svg ", f"<svg {attributes} ", 1)
