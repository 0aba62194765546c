"""Words qzdc shows people, in Chinese (the default) and English.

Machine formats (JSON, CSV headers) use the stable English keys; tables,
Markdown and reports use these words. `QZDC_LANG` or `--lang` chooses.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")
LANG_ENV = "QZDC_LANG"

_WORDS: dict[str, tuple[str, str]] = {
    # statuses
    "achieved": ("已实现", "achieved"),
    "on_track": ("进度正常", "on track"),
    "at_risk": ("存在风险", "at risk"),
    "off_track": ("进度滞后", "off track"),
    "moving_away": ("背离目标", "moving away"),
    "pending": ("待完成", "pending"),
    "no_data": ("暂无数据", "no data"),
    # kinds
    "level": ("水平值", "level"),
    "share": ("比率", "share"),
    "average_growth": ("年均增速", "average growth"),
    "cumulative": ("累计", "cumulative"),
    "maintain": ("保持", "maintain"),
    "ordinal": ("等级", "class"),
    "milestone": ("里程碑", "milestone"),
    # directions
    "increase": ("提高", "increase"),
    "decrease": ("降低", "decrease"),
    # strengths
    "binding": ("约束性", "binding"),
    "aspirational": ("力争", "aspirational"),
    # column headers
    "col.annex_no": ("序号", "No."),
    "col.id": ("编号", "ID"),
    "col.category": ("一级指标", "Category"),
    "col.name": ("指标", "Indicator"),
    "col.unit": ("单位", "Unit"),
    "col.baseline": ("基期值", "Baseline"),
    "col.target": ("目标值", "Target"),
    "col.kind": ("类型", "Kind"),
    "col.direction": ("方向", "Direction"),
    "col.pilot": ("市级试点", "Pilot"),
    "col.strength": ("属性", "Strength"),
    "col.latest": ("最新值", "Latest"),
    "col.period": ("期间", "Period"),
    "col.required": ("尚需/年", "Needed/yr"),
    "col.progress": ("进度", "Progress"),
    "col.status": ("状态", "Status"),
    "col.number": ("序号", "No."),
    "col.group": ("任务组", "Group"),
    "col.task": ("任务", "Task"),
    "col.lead": ("牵头单位", "Lead"),
    "col.support": ("配合单位", "Supporting"),
    "col.targets": ("目标", "Targets"),
    "col.policy": ("重大政策", "Policy"),
    "col.reform": ("重大改革", "Reform"),
    "col.department": ("单位", "Department"),
    "col.role": ("职责", "Role"),
    "col.count": ("数量", "Count"),
    # misc
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none": ("—", "—"),
    "title.indicators": ("指标目标清单", "Indicator target list"),
    "title.tasks": ("试点任务", "Pilot tasks"),
    "title.policies": ("重大政策清单", "Major policy list"),
    "title.reforms": ("重大改革清单", "Major reform list"),
}


def resolve_lang(explicit: str | None = None) -> str:
    lang = (explicit or os.environ.get(LANG_ENV) or "zh").lower()
    return lang if lang in LANGS else "zh"


def tr(key: str, lang: str) -> str:
    """The word for `key` in `lang`; the key itself where none is defined."""
    words = _WORDS.get(key)
    if words is None:
        return key
    return words[0] if lang == "zh" else words[1]
