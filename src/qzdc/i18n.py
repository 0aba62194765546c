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
    "sheet.status": ("目标进展", "Status"),
    "sheet.lists": ("任务政策改革", "Tasks policies reforms"),
    "col.item_kind": ("类别", "Type"),
    "col.content": ("内容", "Item"),
    "col.target_id": ("目标编号", "Target ID"),
    "col.baseline_year": ("基期年份", "Baseline year"),
    "col.latest_period": ("最新期间", "Latest period"),
    "col.target_year": ("目标年份", "Target year"),
    "col.comparator": ("比较", "Comparator"),
    "col.expected": ("当前应达", "Expected now"),
    "col.required_rate": ("尚需年增速", "Growth needed/yr"),
    "col.required_change": ("尚需年增量", "Change needed/yr"),
    "col.pace_ratio": ("速度比 R", "Pace ratio R"),
    "col.projected": ("按实际速度预计", "Projected"),
    "col.final": ("最终", "Final"),
    "col.method": ("方法", "Method"),
    "col.notes": ("说明", "Notes"),
    "col.source": ("出处", "Source"),
}


def tr(key: str, lang: str) -> str:
    """The word for `key` in `lang`; the key itself where none is defined."""
    words = _WORDS.get(key)
    if words is None:
        return key
    return words[0] if lang == "zh" else words[1]
