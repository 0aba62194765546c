"""Words qzdc shows people, in Chinese (the default) and English.

Machine formats (JSON, CSV headers) use the stable English keys; tables,
Markdown and reports use these words. `--lang` (or `QZDC_LANG`) chooses.
"""

from __future__ import annotations

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
    # reports (qzdc report)
    "report.title": ("指标目标进展报告", "Progress report on the plan's targets"),
    "report.document_no": ("文号", "Document no."),
    "report.issuer": ("发文单位", "Issued by"),
    "report.issued": ("印发日期", "Issued"),
    "report.period": ("实施期", "Plan period"),
    "report.baseline_year": ("基期", "Baseline year"),
    "report.as_of": ("数据截至", "Data as of"),
    "report.scope": ("范围", "Scope"),
    "report.all_targets": ("全部目标", "all targets"),
    "report.pilot_only": ("仅市级试点指标", "municipal pilot indicators only"),
    "report.generated": ("生成日期", "Generated"),
    "report.summary": ("汇总", "Summary"),
    "report.by_status": ("按状态", "By status"),
    "report.by_category": ("按一级指标", "By category"),
    "report.targets": ("各目标进展", "Where each target stands"),
    "report.charts": ("实际值与路径要求", "Actuals against the required path"),
    "report.no_charts": (
        "所列目标均无路径（里程碑或等级目标）。",
        "None of these targets has a path (milestones or classes).",
    ),
    "report.no_targets": ("没有符合筛选条件的目标。", "No target matches the filters."),
    "report.total": ("合计", "Total"),
    "report.legend": ("状态说明", "What the statuses mean"),
    "report.method_note": (
        "状态与各项数值的计算方法见 qzdc 的 docs/methodology.md。",
        "How each status and figure is computed: docs/methodology.md in qzdc.",
    ),
    "report.made_by": ("由 qzdc 生成", "Made with qzdc"),
    "chart.required": ("路径要求", "required path"),
    "chart.actual": ("实际", "actual"),
    "chart.ytd": ("年内累计", "year to date"),
    "chart.target": ("目标", "target"),
    "chart.growth_rate": ("年增速", "growth rate"),
    "chart.cumulative": ("累计", "cumulative"),
    "chart.year": ("年份", "Year"),
    "sheet.summary": ("摘要", "Summary"),
    "sheet.lists": ("任务政策改革", "Tasks policies reforms"),
    "col.item_kind": ("类别", "Type"),
    "col.content": ("内容", "Item"),
    "col.target_id": ("目标编号", "Target ID"),
    "col.latest_period": ("最新期间", "Latest period"),
    "col.expected": ("当前应达", "Expected now"),
    "col.required_rate": ("尚需年增速", "Growth needed/yr"),
    "col.required_change": ("尚需年增量", "Change needed/yr"),
    "col.pace_ratio": ("速度比 R", "Pace ratio R"),
    "col.projected": ("按实际速度预计", "Projected"),
    "col.final": ("最终", "Final"),
    "col.method": ("方法", "Method"),
    "col.notes": ("说明", "Notes"),
    "col.source": ("出处", "Source"),
    # the progress table (完成情况表) in the workbook and in Word
    "report.progress_table": ("指标完成情况表", "Progress on the targets"),
    "col.year_actual": ("{year}年实际", "{year} actual"),
    "col.ytd": ("本年累计", "Year to date"),
    "sheet.progress": ("完成情况表", "Progress"),
    "sheet.details": ("计算明细", "Details"),
    "report.print_footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
}


def tr(key: str, lang: str) -> str:
    """The word for `key` in `lang`; the key itself where none is defined."""
    words = _WORDS.get(key)
    if words is None:
        return key
    return words[0] if lang == "zh" else words[1]


# ── the engine's method and notes in Chinese ─────────────────────────────────
# The engine writes them in English, which is what the JSON interface carries
# (stable text for scripts). People reading Chinese see them through these.

_METHODS = {
    "geometric": "几何路径（复合增长）",
    "linear": "线性路径",
    "linear (a value is not positive, so compound growth is undefined)": "线性路径（有非正值，无法按复合增长计算）",
    "average growth": "年均增速",
    "cumulative": "累计",
    "comparator": "按是否达到目标判断",
    "maintain": "保持",
    "ordinal class": "等级",
    "milestone": "里程碑",
    "the rate the year needs": "当年所需增速",
    "a linear share of the year": "全年要求的线性分摊",
    "the seasonal profile": "季节进度",
}

_NOTES: list[tuple[str, str]] = [
    (r"too large to compute: (.+)", r"数值过大，无法计算：\1"),
    (
        r"observations after (\d+) are not used: the target is judged at \d+",
        r"\1年以后的数据不参与判断：目标按\1年评价",
    ),
    (r"no baseline in the plan: the (\S+) observation serves as one", r"方案未给基期值：以\1的数据作为基期"),
    (
        r"the baseline is a (\d+) figure filed under (\d+); the path runs from \d+ as the plan has it",
        r"基期值实为\1年数据、方案列为\2年；路径按方案从\2年起算",
    ),
    (r"no observation after the baseline", "基期以后尚无数据"),
    (
        r"yearly flow: (\S+) to (\S+) is (\S+) % of the year by a linear share of the year, an estimate of (\S+) for (\d+)",
        r"年度流量指标：截至\2为\1，按线性分摊应完成全年的\3%，推算\5年全年约\4",
    ),
    (
        r"yearly flow: (\S+) to (\S+) is (\S+) % of the year by the seasonal profile, an estimate of (\S+) for (\d+)",
        r"年度流量指标：截至\2为\1，按季节进度应完成全年的\3%，推算\5年全年约\4",
    ),
    (
        r"no baseline and a single observation: judged by whether the target holds",
        "无基期值且仅有一个数据：按是否达到目标判断",
    ),
    (
        r"the target equals the baseline: judged by whether it still holds \(pace ratio undefined\)",
        "目标值与基期值相同：按是否仍达到目标判断（速度比无定义）",
    ),
    (
        r"the target was already met at the baseline: judged by whether it still holds \(pace ratio undefined\)",
        "基期已达到目标：按是否仍达到目标判断（速度比无定义）",
    ),
    (r"the pace ratio cannot be computed", "速度比无法计算"),
    (r"final: the latest figure is for the target year (\d+)", r"最终结果：最新数据为目标年（\1年）数据"),
    (r"no figure for (.+): counted among the years still to come", r"\1年缺数据：计入尚待完成的年份"),
    (
        r"a growth rate of (\S+) % in (\S+) is −100 % or less and cannot be compounded",
        r"\2增速为\1%（−100%或更低），无法复合计算",
    ),
    (r"the target rate is −100 % or less and cannot be compounded", "目标增速为−100%或更低，无法复合计算"),
    (r"the target rate is too large to compound", "目标增速过大，无法复合计算"),
    (r"final: all (\d+) years observed", r"最终结果：\1年数据均已齐全"),
    (r"the rate still needed cannot be computed: (.+)", r"无法计算尚需增速：\1"),
    (
        r"the years observed already carry the average: no more growth is needed",
        "已实现的年份已足以完成年均目标：无需再增长",
    ),
    (r"no yearly growth rate in the period", "期内尚无年度增速数据"),
    (r"no yearly flow in the period", "期内尚无年度数据"),
    (r"breached in (.+)", r"\1未达标"),
    (r"nothing recorded", "尚无记录"),
    (r"done in (\d+), after the target year (\d+)", r"\1年完成，晚于目标年（\2年）"),
    (r"done in (\d+)", r"\1年完成"),
    (r"not done by the end of (\d+)", r"至\1年底未完成"),
    (r"not done yet; due by (\d+)", r"尚未完成；应于\1年底前完成"),
]


def method_text(method: str, lang: str) -> str:
    """The engine's `method` in `lang`: "average growth, year to date against …" → 年均增速：年初至今数对比…"""
    if lang != "zh":
        return method
    base, _, against = method.partition(", year to date against ")
    text = _METHODS.get(base, base)
    if against:
        text += f"：年初至今数对比{_METHODS.get(against, against)}"
    return text


def note_text(note: str, lang: str) -> str:
    """One of the engine's notes in `lang` (English as written where no pattern fits)."""
    if lang != "zh":
        return note
    import re

    for pattern, replacement in _NOTES:
        if re.fullmatch(pattern, note):
            return re.sub(pattern, replacement, note)
    return note
