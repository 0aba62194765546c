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

from qzdc.i18n import tr
from qzdc.report.data import CJK_FONTS, ChartData
from qzdc.views.view import fmt_number

# Colours that survive greyscale printing by line style as well as hue.
REQUIRED_COLOUR = "#6b7280"
ACTUAL_COLOUR = "#1d4ed8"
TARGET_COLOUR = "#b91c1c"

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID_OR_REFERENCE = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')


def _rc(salt: str) -> dict[str, object]:
    return {
        "svg.fonttype": "none",  # text stays text
        "svg.hashsalt": salt,  # ids unique per chart, and the same on every run
        "text.parse_math": False,  # a "$" in a unit is a dollar sign, not mathtext
        "font.family": ["sans-serif"],
        # Matplotlib measures labels with the first of these it finds (for layout
        # only); the SVG names them all, and the browser picks the reader's font.
        "font.sans-serif": [*CJK_FONTS, "DejaVu Sans"],
        "font.size": 10,
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


def _y_limits(chart: ChartData) -> tuple[float, float]:
    values = [v for _, v in chart.required] + [p.value for p in chart.actual + chart.year_to_date]
    values.append(chart.target[1])
    lo, hi = min(values), max(values)
    span = hi - lo or abs(hi) * 0.1 or 1.0
    lo, hi = lo - span * 0.12, hi + span * 0.18
    if (chart.zero_based and min(values) >= 0) or (min(values) >= 0 and lo < 0):
        lo = 0.0
    return lo, hi


def chart_svg(chart: ChartData, lang: str, *, salt: str, label: str = "") -> str:
    """The chart as an `<svg>` element (no XML prolog) to inline in an HTML page."""
    import matplotlib
    from matplotlib.figure import Figure

    # Matplotlib measures text with the fonts it finds; where no Chinese font is
    # installed it warns about missing glyphs. The browser, not matplotlib, draws
    # the text, so those warnings say nothing about the report: keep them off stderr.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    with warnings.catch_warnings(), matplotlib.rc_context(_rc(salt)):
        warnings.simplefilter("ignore", UserWarning)
        fig = Figure(figsize=(6.4, 3.2))
        ax = fig.subplots()
        years = [y for y, _ in chart.required]
        ax.plot(
            years,
            [v for _, v in chart.required],
            linestyle=(0, (5, 3)),
            linewidth=1.6,
            color=REQUIRED_COLOUR,
            label=tr("chart.required", lang),
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
                label=tr("chart.actual", lang),
                zorder=3,
            )
            last = chart.actual[-1]
            ax.annotate(
                fmt_number(last.value),
                (last.x, last.value),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
                color=ACTUAL_COLOUR,
            )
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
                label=tr("chart.ytd", lang),
                zorder=4,
            )
            for p in chart.year_to_date:
                ax.annotate(
                    f"{p.label}: {fmt_number(p.value)}",
                    (p.x, p.value),
                    textcoords="offset points",
                    xytext=(0, -13),
                    ha="center",
                    fontsize=7.5,
                    color=ACTUAL_COLOUR,
                )
        target_year, target_value = chart.target
        ax.plot(
            [target_year],
            [target_value],
            linestyle="none",
            marker="*",
            markersize=14,
            color=TARGET_COLOUR,
            label=chart.target_label,
            zorder=5,
        )
        ax.axhline(target_value, color=TARGET_COLOUR, linewidth=0.8, linestyle=":", zorder=1)
        first = math.floor(min([*years, *(p.x for p in chart.actual)]))
        ticks = list(range(first, target_year + 1))
        ax.set_xticks(ticks, [str(t) for t in ticks])
        ax.set_xlim(first - 0.35, target_year + 0.35)
        ax.set_ylim(*_y_limits(chart))
        if chart.value_label:
            ax.set_ylabel(chart.value_label)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=9, handlelength=2.2)
        fig.subplots_adjust(left=0.11, right=0.98, top=0.95, bottom=0.27)
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
