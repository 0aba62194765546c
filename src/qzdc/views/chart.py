"""A small text chart of actuals against the required path, for terminals.

Plain characters only (no escape codes), so it reads the same piped, in a
file or under NO_COLOR. The HTML report draws its own SVG charts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from qzdc.i18n import tr
from qzdc.views.view import fmt_number

_EIGHTHS = " ▏▎▍▌▋▊▉█"


def _bar(cells: float) -> str:
    whole = int(cells)  # the caller keeps cells within 0 … width + 1
    rest = round((cells - whole) * 8)
    if rest == 8:
        whole, rest = whole + 1, 0
    return "█" * whole + (_EIGHTHS[rest] if rest else "")


def text_chart(
    rows: Sequence[tuple[str, float | None, float | None]],
    *,
    width: int = 30,
    legend: tuple[str, str] = ("actual", "required path"),
    zero_based: bool = False,
    lang: str = "en",
) -> list[str]:
    """`rows` of (label, actual, required): one line each, the bar the actual, `│` the path.

    The axis starts a little below the smallest value rather than at zero, so
    that a share moving from 63.8 to 68.23 shows its movement.
    """
    values = [v for _, a, r in rows for v in (a, r) if v is not None and math.isfinite(v)]
    if not values:
        return []
    # Marks are placed on the values divided by the largest of them, and the axis
    # labelled with the real ones: near the largest float a difference of two
    # values overflows, and near the smallest the scale 30 / (hi − lo) does.
    unit = max(abs(v) for v in values) or 1.0
    values = [v / unit for v in values]
    lo, hi = min(values), max(values)
    span = hi - lo
    lo = lo - (span * 0.15 if span else abs(lo) * 0.1 or 1.0)
    if min(values) >= 0 and (lo < 0 or zero_based):
        lo = 0.0
    scale = width / (hi - lo) if hi > lo else 1.0
    label_width = max(len(label) for label, _, _ in rows)
    lines = []
    for label, actual, required in rows:
        chars = [" "] * (width + 1)
        if actual is not None and math.isfinite(actual):
            bar = _bar(min(width + 1.0, max(0.0, (actual / unit - lo) * scale)))
            for i, ch in enumerate(bar[: width + 1]):
                chars[i] = ch
        if required is not None and math.isfinite(required):
            at = min(width, max(0, round((required / unit - lo) * scale)))
            chars[at] = "│" if chars[at] == " " else "┃"
        text = f"{label.ljust(label_width)} {''.join(chars)} "
        text += f"{fmt_number(actual) if actual is not None else '—':>8} / {fmt_number(required) if required is not None else '—'}"
        lines.append(text.rstrip())
    lines.append(
        f"{' ' * label_width} █ {legend[0]}   │ {legend[1]}   "
        + tr(
            "word.in_brackets", lang, text=tr("chart.axis", lang, low=fmt_number(lo * unit), high=fmt_number(hi * unit))
        )
    )
    return lines
