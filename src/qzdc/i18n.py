"""Words qzdc shows people, in Chinese (the default) and English.

Machine formats (JSON, CSV headers) use the stable English keys; tables,
Markdown, reports, help, messages and errors use these words. One setting
chooses the language for all of them (`choose_language`): `--lang`, else
`QZDC_LANG`, else the locale, else Chinese. The command line resolves it once
and records it with `set_language`; `tr` without a language uses it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

LANGUAGES = ("zh", "en")

_chosen: str | None = None


def locale_language(environ: Mapping[str, str]) -> str:
    """zh for a zh_* locale, en for any other; zh where none is set.

    LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads them (an empty one is
    skipped). C and POSIX are the locale of a machine nobody configured, where
    gettext shows a program's own words: qzdc's are Chinese.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            if value.partition(".")[0] in ("C", "POSIX"):
                return "zh"
            return "zh" if value.lower().startswith("zh") else "en"
    return "zh"


def choose_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language: `option` (--lang), else QZDC_LANG, else the locale, else zh. Invalid values are passed over."""
    environ = os.environ if environ is None else environ
    for value in (option, environ.get("QZDC_LANG")):
        if value in LANGUAGES:
            return value
    return locale_language(environ)


def language_in_args(args: Sequence[str]) -> str | None:
    """The value of the last `--lang X` or `--lang=X` on a command line (None if there is none)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in LANGUAGES else None


def listing(items: Sequence[str], lang: str | None = None) -> str:
    """Items as a list is written: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return ("、" if (lang or language()) == "zh" else ", ").join(items)


def set_language(lang: str | None) -> None:
    """Record the language chosen for this run (None: choose again from the environment)."""
    global _chosen
    _chosen = lang if lang in LANGUAGES else None


def language() -> str:
    """The language of this run: as recorded by `set_language`, else chosen from the environment."""
    return _chosen or choose_language()


_WORDS: dict[str, tuple[str, str]] = {
    # statuses
    "achieved": ("已实现", "achieved"),
    "on_track": ("进度正常", "on track"),
    "at_risk": ("存在风险", "at risk"),
    "off_track": ("进度滞后", "off track"),
    "moving_away": ("背离目标", "moving away"),
    "pending": ("待完成", "pending"),
    "no_data": ("暂无数据", "no data"),
    "monitored": ("监测", "monitored"),  # also the kind: no numeric target, figures listed
    # audit severities
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
    # kinds
    "level": ("水平值", "level"),
    "share": ("比率", "share"),
    "average_growth": ("年均增速", "average growth"),
    "cumulative": ("累计", "cumulative"),
    "cumulative_reduction": ("累计降低", "cumulative reduction"),
    "maintain": ("保持", "maintain"),
    "ordinal": ("等级", "class"),
    "milestone": ("里程碑", "milestone"),
    "relative": ("相对目标", "relative"),
    # directions
    "increase": ("提高", "increase"),
    "decrease": ("降低", "decrease"),
    # strengths
    "binding": ("约束性", "binding"),
    "anticipatory": ("预期性", "anticipatory"),
    "aspirational": ("力争", "aspirational"),
    # column headers
    "col.annex_no": ("序号", "No."),
    "col.id": ("编号", "ID"),
    # Generic column words: a plan names its own in plan.yaml (annex.columns; qzdc.plan.words).
    "col.category": ("类别", "Category"),
    "col.name": ("指标", "Indicator"),
    "col.unit": ("单位", "Unit"),
    "col.baseline": ("基期值", "Baseline"),
    "col.target": ("目标值", "Target"),
    "col.kind": ("类型", "Kind"),
    "col.direction": ("方向", "Direction"),
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
    "col.policy": ("政策", "Policy"),
    "col.reform": ("改革", "Reform"),
    "col.department": ("单位", "Department"),
    "col.role": ("职责", "Role"),
    "col.count": ("数量", "Count"),
    # misc
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none": ("—", "—"),
    # Generic titles: a plan names its own (annex.title, lists.*.title).
    "title.indicators": ("指标", "Indicators"),
    "title.tasks": ("任务", "Tasks"),
    "title.policies": ("政策", "Policies"),
    "title.reforms": ("改革", "Reforms"),
    # reports (qzdc report)
    "report.title": ("指标目标进展报告", "Progress report on the plan's targets"),
    "report.document_no": ("文号", "Document no."),
    "report.issuer": ("发文单位", "Issued by"),
    "report.issued": ("印发日期", "Issued"),
    "report.period": ("实施期", "Plan period"),
    "report.baseline_year": ("基期", "Baseline year"),
    "report.as_of": ("数据截至", "Data as of"),
    "status.as_of_baseline": ("基期（{year}年）", "the baseline ({year})"),
    # after the status word of a stale figure: 进度正常（据2023年旧数据）; the HTML report splits the two there
    "status.stale_note": ("（据{year}年旧数据）", " (stale: {year} figure)"),
    # under a table whose figures mark an inferred year with * (100 (2023*)): status, show, the 完成情况表
    "status.year_inferred": ("* 年份为推定：原文未写明该数据的年份", "* year inferred: the document does not state it"),
    "report.actuals": ("录入数据", "Recorded figures"),
    "report.scope": ("范围", "Scope"),
    "report.all_targets": ("全部目标", "all targets"),
    "report.flag_only": ("仅{name}", "{name} only"),
    "report.generated": ("生成日期", "Generated"),
    "report.summary": ("汇总", "Summary"),
    "report.by_status": ("按状态", "By status"),
    "report.by_category": ("按{category}", "By category"),
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
    # what each status means, with the plan's own thresholds (report.data.status_legend)
    "legend.achieved": ("目标已达到", "the target holds"),
    "legend.on_track": (
        "速度比 R ≥ {on}（实际速度 ÷ 所需速度）",
        "pace ratio R ≥ {on} (observed pace ÷ pace required)",
    ),
    "legend.off_track": (
        "{off} ≤ R < {risk}，或目标年已过仍未达到",
        "{off} ≤ R < {risk}, or missed in the target year",
    ),
    "legend.moving_away": ("R < {off}：与目标方向相反", "R < {off}: moving against the target"),
    "legend.pending": ("里程碑尚未到期", "a milestone not yet due"),
    "legend.no_data": ("基期之后尚无数据", "no figure after the baseline yet"),
    "legend.monitored": ("无量化目标：只列数据，不作判断", "no numeric target: the figures are listed, not judged"),
    "report.filter_owner": ("责任单位", "Department"),
    # a batch's HTML or workbook (report.batch)
    "batch.title": ("{count} 个方案的目标进展", "{count} plans: status of every target"),
    "batch.plans": ("方案汇总", "Plans"),
    "batch.targets": ("全部目标", "Targets"),
    "chart.required": ("路径要求", "required path"),
    "chart.actual": ("实际", "actual"),
    "chart.ytd": ("年内累计", "year to date"),
    "chart.target": ("目标", "target"),
    "chart.growth_rate": ("年增速", "growth rate"),
    "chart.reduction_rate": ("年降低率", "reduction a year"),
    "chart.cumulative": ("累计", "cumulative"),
    "chart.due": ("应达 {value}", "due {value}"),
    "chart.due_flow": ("当期应达 {value}", "due this year {value}"),
    "progress.held_years": ("{held}/{of}年达标", "{held}/{of} held"),
    "progress.held_periods": ("{held}/{of}期达标", "{held}/{of} held"),
    "progress.held_years_long": ("{of}年中{held}年达标", "held in {held} of {of} years"),
    "progress.held_periods_long": ("{of}期中{held}期达标", "held in {held} of {of} periods"),
    "chart.legend": ("图例：", "Key:"),
    "chart.ytd_due": ("年内累计数应达的值", "what a year-to-date figure should have reached"),
    "chart.break": ("纵轴未从零开始", "the value axis does not start at zero"),
    "report.no_data_charts": ("基期之后尚无数据的目标", "Targets with no figure after the baseline yet"),
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
    "col.ytd": ("本年最新", "Latest this year"),
    "col.baseline_of": ("基期值\n({year}年)", "Baseline\n({year})"),
    "col.target_of": ("目标值\n({year}年)", "Target\n({year})"),
    "milestone.done": ("完成", "done"),
    "milestone.not_done": ("未完成", "not done"),
    "report.date": ("{year}年{month}月{day}日", "{year}-{month:02d}-{day:02d}"),
    "col.time_elapsed": ("序时进度", "Time elapsed"),
    "sheet.progress": ("完成情况表", "Progress"),
    # the progress table's own columns (status, report, workbook details)
    "col.flow": ("当期", "Flow"),
    "col.due": ("应达", "Due now"),
    "col.gap": ("差距", "Gap"),
    "col.on_schedule": ("达序时", "On time"),
    "col.owners": ("责任单位", "Lead"),
    "col.required_rest": ("至目标年共需", "Still required in all"),
    "col.year_due": ("年内应达", "Due by now this year"),
    "col.year_rest": ("本年尚需", "Still needed this year"),
    "col.rate_level": ("按增速目标预计", "At the plan's rate"),
    "col.stale": ("数据陈旧", "Stale"),
    "col.on_schedule_long": ("是否达到序时进度", "Keeps up with time gone"),
    "sheet.details": ("计算明细", "Details"),
    "report.print_footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
    # the 要点: sentences generated from the figures (qzdc.report.points)
    "report.key_points": ("要点", "Key points"),
    "points.year": ("{year}年", "{year}"),
    "points.years": ("{first}—{last}年", "{first}–{last}"),
    "points.year_to_date": ("{year}年1—{month}月", "Jan–{mon} {year}"),
    "points.january": ("{year}年1月", "Jan {year}"),
    "points.month_end": ("{year}年{month}月末", "end-{mon} {year}"),
    "points.pp": ("个百分点", "pp"),
    "points.now": ("{period}{value}", "{value} in {period}"),
    "changes.between": ("自{since}至{to}", "since {since} to {to}"),
    "show.on_schedule": ("（已达到）", " (kept up)"),
    "show.behind_schedule": ("（未达到）", " (behind)"),
    "show.on_schedule_by_status": ("（按状态判断：已达到）", " (judged by the status: kept up)"),
    "show.behind_schedule_by_status": ("（按状态判断：未达到）", " (judged by the status: behind)"),
    "show.projected": ("按实际速度预计目标年", "projected at the observed pace"),
    # a rate to date: the projection is the average counting the year so far, not the 实际速度 (the year's own rate)
    "show.projected_with_year_so_far": (
        "计入本年至今的年均增速预计目标年",
        "projected at the average including the year so far",
    ),
    "show.level_due": (
        "{when}{value}，对照路径应达{due}（{year}年末{whole}）",
        "{value} at {when}: set against {due} on the path ({whole} at the end of {year})",
    ),
    "points.now_at": ("{period}{value}", "{value} at {period}"),  # a level at a period's end
    "points.now_total": ("{period}累计{value}", "{value} in all by {period}"),
    "points.of_which_this_year": ("，其中当年{value}", ", of which {value} this year"),
    "points.due": ("（应达{value}）", " (due by then: {value})"),
    "points.year_rest": ("年内尚需{amount}", "the rest of the year needs {amount}"),
    "points.stale": (
        "{n}项目标的最新数据早于{year}年，已过时：{names}。",
        "{n} target(s) rest on figures older than {year}: {names}.",
    ),
    "points.stale_name": ("{name}（{period}）", "{name} ({period})"),
    "points.grows": ("，年均增长{rate}", ", growing {rate} a year"),
    "points.adds": ("，年均增加{amount}", ", up {amount} a year"),
    "points.loses": ("，年均减少{amount}", ", down {amount} a year"),
    "points.each_year": ("年均", " a year"),
    "points.needs_rate": ("{when}需{each}{amount}", "{when} needs {amount}{each}"),
    "points.needs_growth": ("{when}需{each}增长{amount}", "{when} needs growth of {amount}{each}"),
    "points.needs_reduction": ("{when}需{each}降低{amount}", "{when} needs a reduction of {amount}{each}"),
    "points.reduces": ("，年均降低{rate}", ", falling {rate} a year"),
    "points.needs_increase": ("{when}需{each}增加{amount}", "{when} needs {amount} more{each}"),
    "points.needs_decrease": ("{when}需{each}减少{amount}", "{when} needs {amount} less{each}"),
    "points.rest_of_year": ("年内尚", "the rest of the year"),
    "points.target_is": ("目标{target}", "target {target}"),
    "points.missed": ("未达到目标{target}", "target {target} missed"),
    "points.average": ("，{years}年均{rate}", ", {rate} a year over {years}"),
    "points.behind_item": ("{name}：{now}，{needs}。", "{name}: {now}; {needs}."),
    "points.no_figure": ("{name}：目标{target}。", "{name}: target {target}."),
    "points.behind": ("{n}项目标落后于进度：", "{n} target(s) behind:"),
    "points.missed_head": ("{n}项目标未完成（目标年已过）：", "{n} target(s) not met (target year over):"),
    "gap.needs": ("需{target}", "must be {target}"),
    "points.achieved": ("已实现{n}项：{names}。", "{n} achieved: {names}."),
    "points.contradictions": ("方案自身有{n}处矛盾：", "The plan contradicts itself in {n} place(s):"),
    "points.as_of": ("数据截至{period}", "Data as of {period}"),
    "points.no_data_at_all": ("尚无基期以后的数据", "No figures after the baseline yet"),
    "points.without_data": (
        "；{n}项目标（共{total}项）尚无基期以后的数据",
        "; no figure after the baseline yet for {n} of {total} targets",
    ),
    "points.end": ("。", "."),
    # what a report rests on, in a reader's words (footers and notes)
    "report.plan_words": ("依据：《{title}》", "Plan: {title}"),
    "report.issued_by_on": ("{issuer}{date}印发", "issued by {issuer} on {date}"),
    "report.in_brackets": ("（{text}）", " ({text})"),
    "report.method_words": (
        "计算方法：将目前实际达到的年均进度（增长率或年增减量）与按期完成目标所需的年均进度相比，"
        "二者之比为速度比 R，状态按 R 划分，分界点采用欧盟统计局评估可持续发展目标进展的做法；"
        "进度为从基期值到目标值已完成的比例。",
        "Method: the pace achieved so far (a growth rate or a change a year) is compared with the pace "
        "the target needs to be met on time; their ratio is the pace ratio R, and the statuses divide R at "
        "the cut-offs Eurostat uses to assess progress on the Sustainable Development Goals. Progress is "
        "the share of the way from the baseline to the target covered so far.",
    ),
    # the Word report
    "docx.heading_points": ("一、要点", "1. Key points"),
    "docx.heading_overview": ("二、总体情况", "2. Overview"),
    "docx.heading_table": ("三、指标完成情况表", "3. Progress on the targets"),
    "docx.overall": ("本报告共{total}项目标：{counts}。", "{total} targets: {counts}."),
    "docx.category": ("{name}{total}项：{counts}。", "{name}, {total}: {counts}."),
    "docx.count": ("{status}{n}项", "{n} {status}"),
    "docx.note": ("注：", "Note: "),
    # figures in: record, import (templates with {fields} are filled with str.format)
    "import.how": ("读取方式：", "how the file was read:"),
    "import.sheet": ("工作表“{sheet}”", "sheet {sheet!r}"),
    "import.header": ("表头在第 {row} 行", "header at row {row}"),
    "import.header_two": ("表头在第 {row}–{end} 行（两行合并读取）", "header in rows {row}–{end}, read as one"),
    "import.title_rows": ("跳过上方 {n} 行标题", "{n} title row(s) above it skipped"),
    "import.long": ("每行一个数据", "one figure per row"),
    "import.wide": ("宽表：每行一个指标，每列一个期间", "wide: one row per indicator, one column per period"),
    "import.columns": ("读取的列：{cols}", "columns read: {cols}"),
    "import.periods": ("期间列：{cols}", "period columns: {cols}"),
    "import.fixed_period": ("期间 {period} 取自“{title}”", "the period {period} is taken from {title!r}"),
    "import.year": ("未写年份的期间按 {year} 年（取自{where}）", "periods without a year are in {year} (from {where})"),
    "import.year.--year": ("--year", "--year"),
    "import.year.title": ("标题", "the title"),
    "import.year.sheet": ("工作表名称", "the sheet's name"),
    "import.year.file": ("文件名", "the file's name"),
    "import.ignored": ("未读取的列：{cols}", "columns not read: {cols}"),
    "import.skipped.blank": ("{n} 行空行", "{n} blank row(s)"),
    "import.skipped.total": ("{n} 行合计行", "{n} total row(s)"),
    "import.skipped.no_figure": ("{n} 行无数据", "{n} row(s) without a figure"),
    "import.skipped": ("跳过：{parts}", "skipped: {parts}"),
    "import.other_sheets": (
        "其他有数据的工作表未读取：{sheets}（可用 --sheet 指定）",
        "other sheets with figures not read: {sheets} (choose one with --sheet)",
    ),
    "import.checked": (
        "已检查 {file}：{n} 个数据全部有效（{changes}）；未写入（--dry-run）",
        "checked {file}: all {n} figure(s) valid ({changes}); nothing written (--dry-run)",
    ),
    "import.done": (
        "已导入 {n} 个数据（{changes}）：{file} → {actuals}（{plan}）",
        "imported {n} figure(s) ({changes}) from {file} into {actuals} ({plan})",
    ),
    "import.unchanged": (
        "{file} 的 {n} 个数据都与原有数据相同，未写入，{actuals} 未改动（{plan}）",
        "all {n} figure(s) in {file} are the same as before: nothing written, {actuals} unchanged ({plan})",
    ),
    "record.done": ("已录入 {what} → {actuals}（{plan}）", "recorded {what} in {actuals} ({plan})"),
    "record.revises": ("原为 {old}", "was {old}"),
    "record.supersedes": ("原为方案数 {old}", "was the plan's {old}"),
    "record.annotates": ("数值不变，更新来源或备注", "same value, new source or note"),
    "record.unchanged": (
        "{what} 与原有数据相同，未写入，{actuals} 未改动（{plan}）",
        "{what} is the same as before: nothing written, {actuals} unchanged ({plan})",
    ),
    "check.scale.large": (
        "qzdc：注意：{where}{what}，是{against} {known}（{period}）的 100 倍以上，请核对单位",
        "qzdc: note: {where}{what} is more than 100 times {against}, {known} ({period}): check the unit",
    ),
    "check.scale.small": (
        "qzdc：注意：{where}{what}，不到{against} {known}（{period}）的 1/100，请核对单位",
        "qzdc: note: {where}{what} is less than 1/100 of {against}, {known} ({period}): check the unit",
    ),
    "check.scale.latest": ("最近的数据", "the latest figure"),
    "check.scale.replaced": ("同期原有数据", "the figure it replaces"),
    "check.scale.baseline": ("基期值", "the baseline"),
    "changes.new": ("新增 {n}", "{n} new"),
    "changes.revised": ("修订 {n}", "{n} revised"),
    "changes.same": ("与原有相同未写入 {n}", "{n} unchanged, not written"),
    "change.new": ("新增", "new"),
    "change.revises": ("修订 {old} → {new}", "revises {old} → {new}"),
    "change.supersedes": ("取代方案数 {old} → {new}", "replaces the plan's {old} → {new}"),
    "change.same": ("与已有数据相同，不写入", "same as before, not written"),
    "change.annotates": ("数值不变，更新来源或备注", "same value, new source or note"),
    "actuals.read": ("数据：{file}，{n} 条记录", "figures: {file}, {n} entries"),
    "actuals.entries": ("{file}，{n} 条记录", "{file}, {n} entries"),
    "actuals.none_file": ("尚无（无 {file}）", "none yet (no {file})"),
    "actuals.none": ("尚未录入数据：无 {file}", "no figures entered yet: no {file}"),
    "template.sheet": ("填报", "Figures"),
    "template.notes_sheet": ("填表说明", "How to fill in"),
    "template.title": ("{plan} 实际数据填报表", "{plan}: figures to report"),
    "template.col.name": ("指标名称", "Indicator"),
    "template.col.source": ("来源", "Source"),
    "template.col.note": ("备注", "Note"),
    "template.done_words": ("完成,未完成", "done,not done"),
    "template.check.title": ("数值不符合要求", "Not a valid value"),
    "template.check.number": (
        "请填写 {low} 至 {high} 之间的数字，单位：{unit}（不要写单位）。",
        "Write a number from {low} to {high}, in {unit} (without the unit).",
    ),
    "template.check.above": (
        "请填写大于 {low} 的数字，单位：{unit}（不要写单位）。",
        "Write a number above {low}, in {unit} (without the unit).",
    ),
    "template.check.at_least": (
        "请填写不小于 {low} 的数，单位：{unit}（不要写单位）。",
        "Write a number of at least {low}, in {unit} (without the unit).",
    ),
    "template.check.any": ("请填写数字，单位：{unit}（不要写单位）。", "Write a number, in {unit} (without the unit)."),
    "template.check.class": ("请从 {classes} 中选择。", "Choose one of {classes}."),
    "template.check.milestone": (
        "填写 完成 或 未完成，或完成日期（如 2025-03-18）。",
        "Write done or not done, or the date it was done (e.g. 2025-03-18).",
    ),
    "template.notes": (
        "{plan} 实际数据填报表\n"
        "1. 在“填报”表黄色格内填写各指标各期间的数值，单位以“单位”列为准；不知道的留空，导入时跳过。\n"
        "2. 期间列：全年数写在“2024年”等列，年内累计数写在“2025年1-9月”等列（从1月累计）。\n"
        "3. “来源”“备注”列适用于该行填写的所有数值。\n"
        "4. 不要改动表头和“指标名称”“编号”列。\n"
        "5. 填好后先检查：qzdc import 本文件 --dry-run，无误后：qzdc import 本文件。",
        "{plan}: figures to report\n"
        "1. On the sheet Figures, fill the yellow cells with each indicator's figure for each period, in the unit "
        "of its Unit column; leave a figure not yet known blank (the import skips it).\n"
        "2. Period columns: a year's own figure under 2024 and so on; a year-to-date figure under 2025-09 and so "
        "on (from January).\n"
        "3. The Source and Note columns apply to every figure on their row.\n"
        "4. Do not change the headers or the Indicator and ID columns.\n"
        "5. Check it first: qzdc import THIS_FILE --dry-run; then: qzdc import THIS_FILE.",
    ),
    "template.not_xlsx": (
        "--template 生成的是 Excel 工作簿：文件名请用 .xlsx，而不是 {name}",
        "--template writes an Excel workbook: name it .xlsx, not {name}",
    ),
    "template.done": ("已生成模板 {file}（{plan}）", "wrote the template {file} ({plan})"),
    "field.indicator": ("指标", "indicator"),
    "field.period": ("期间", "period"),
    "field.value": ("数值", "value"),
    "field.source": ("来源", "source"),
    "field.note": ("备注", "note"),
    "field.unit": ("单位", "unit"),
    "converted": ("{value}（{written}）", "{value} ({written})"),
}


def tr(key: str, lang: str | None = None, /, **fields: object) -> str:
    """The words for `key` in `lang` (default: this run's language), with `fields` filled in.

    The key itself where none is defined (tests/test_i18n.py fails on any such use).
    """
    words = _WORDS.get(key)
    if words is None:
        return key
    text = words[0] if (lang or language()) == "zh" else words[1]
    return text.format(**fields) if fields else text


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
    "cumulative reduction, compounded": "累计降低（逐年复合）",
    "monitored": "监测（无量化目标）",
    "relative to another indicator": "与另一指标比较",
    "milestone kept": "保持已获称号",
    "the rate the year needs": "当年所需增速",
    "a linear share of the year": "全年要求的线性分摊",
    "the seasonal profile": "季节进度",
    "a linear share of the year's path value": "当年路径值的线性分摊",
    "the seasonal profile's share of the year's path value": "当年路径值按季节进度的分摊",
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
        r"yearly flow: (\S+) to (\S+) against (\S+) due, (\S+) % of (\S+) \((\d+) on the path\) by a linear share "
        r"of the year; at that pace about (\S+) for \d+",
        r"年度流量指标：截至\2为\1，应达\3（\6年路径值\5的\4%，按线性分摊）；按此进度全年约\7",
    ),
    (
        r"yearly flow: (\S+) to (\S+) against (\S+) due, (\S+) % of (\S+) \((\d+) on the path\) by the seasonal "
        r"profile; at that pace about (\S+) for \d+",
        r"年度流量指标：截至\2为\1，应达\3（\6年路径值\5的\4%，按季节进度）；按此进度全年约\7",
    ),
    (
        r"nothing of the year is due by (\S+) by the seasonal profile: the figure to date \((\S+)\) "
        r"cannot be scaled to the year and is not judged",
        r"按季节进度截至\1全年应完成为零：年初至今数（\2）无法推算全年，不参与判断",
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
    (r"reduced by (\S+) % so far", r"累计已降低\1%"),
    (r"a reduction of (\S+) % in (\S+) leaves nothing to compound", r"\2降低\1%，无法再逐年复合"),
    (r"no yearly reduction in the period", "期内尚无年度降低率数据"),
    (r"(\S+): (\S+) against (\S+) \((\S+) pp\)", r"\1：\2，对比指标同期为\3（相差\4个百分点）"),
    (r"in step: within ±(\S+) pp", r"同步：相差不超过±\1个百分点"),
    (r"not held in (.+)", r"\1未达到"),
    (r"no figure in the period", "期内尚无数据"),
    (r"no figure of the other indicator for the same period", "对比指标尚无同期数据"),
    (r"no numeric target: the figures are listed, not judged", "无量化目标：只列数据，不作判断"),
    (
        r"judged on the target year (\d+): a breach before it does not decide",
        r"按目标年（\1年）评价：此前年份未达标不影响结论",
    ),
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


# libyaml's own words for a syntax error (English as the library writes them), in Chinese;
# a phrase not listed here is shown as libyaml writes it.
_YAML_PHRASES: list[tuple[str, str]] = [
    (r"could not find expected ':'", "缺少应有的冒号“:”"),
    (r"mapping values are not allowed here", "此处不能出现“键: 值”（冒号后少了空格，或缩进有误？）"),
    (r"did not find expected key", "缺少应有的键"),
    (r"did not find expected '-' indicator", "缺少列表项开头的“-”"),
    (r"did not find expected node content", "缺少应有的内容"),
    (r"did not find expected ',' or '\]'", "缺少“,”或“]”"),
    (r"did not find expected ',' or '}'", "缺少“,”或“}”"),
    (r"found character '\\t' that cannot start any token", "制表符不能用来缩进"),
    (r"found character (.+) that cannot start any token", r"字符 \1 不能出现在此处"),
    (
        r"found a tab character (?:that violates indentation|where an indentation space is expected)",
        "制表符不能用来缩进",
    ),
    (r"found undefined alias (.+)", r"未定义的别名 \1"),
    (r"found unexpected end of stream", "文件意外结束"),
    (r"found unknown escape character (.+)", r"未知的转义字符 \1"),
    (r"found invalid Unicode character escape code", "无效的 Unicode 转义码"),
    (r"found unexpected ':'", "出现了多余的冒号“:”"),
    (r"expected <block end>, but found (.+)", r"缩进有误：此处应结束上一层，实为 \1"),
    (r"expected (.+), but found (.+)", r"此处应为 \1，实为 \2"),
    (r"while scanning a simple key", "读取键时"),
    (r"while scanning a plain scalar", "读取文字时"),
    (r"while scanning a quoted scalar", "读取引号中的文字时"),
    (r"while scanning a block scalar", "读取块文字时"),
    (r"while scanning an alias", "读取别名时"),
    (r"while scanning an anchor", "读取锚点时"),
    (r"while scanning a double-quoted scalar", "读取双引号中的文字时"),
    (r"while parsing a block mapping", "读取映射时"),
    (r"while parsing a block collection", "读取列表时"),
    (r"while parsing a flow sequence", "读取方括号列表时"),
    (r"while parsing a flow mapping", "读取花括号映射时"),
    (r"while parsing a block node", "读取节点时"),
    (r"while parsing a flow node", "读取节点时"),
]


def yaml_error_text(what: str, context: str | None, lang: str | None = None) -> str:
    """A libyaml syntax error, "could not find expected ':' (while scanning a simple key)", in `lang`."""
    import re

    def words(text: str) -> str:
        if (lang or language()) != "zh":
            return text
        for pattern, replacement in _YAML_PHRASES:
            if re.fullmatch(pattern, text):
                return re.sub(pattern, replacement, text)
        return text

    text = words(what)
    if context:
        text += f"（{words(context)}）" if (lang or language()) == "zh" else f" ({context})"
    return tr("yaml.syntax", lang, what=text)


def note_text(note: str, lang: str) -> str:
    """One of the engine's notes in `lang` (English as written where no pattern fits)."""
    if lang != "zh":
        return note
    import re

    for pattern, replacement in _NOTES:
        if re.fullmatch(pattern, note):
            return calc_reason_text(re.sub(pattern, replacement, note), lang)
    return note


# Why a formula refused (qzdc.engine.formulas.CalcError, English as the engine
# words it for the JSON interface), in Chinese wherever it shows to people.
_CALC_REASONS: list[tuple[str, str]] = [
    (r"years must be positive", "年数必须大于0"),
    (
        r"compound growth needs positive values \(the base and the end value\)",
        "复合增长要求起始值和目标值都大于0",
    ),
    (r"compound growth needs a positive level and rates above −100 %", "复合增长要求总量大于0、增速高于−100%"),
    (r"compound growth needs positive values", "复合增长要求数值大于0"),
    (r"the rate is too large to compute", "增速过大，无法计算"),
    (r"the target rate is too large to compute", "目标增速过大，无法计算"),
    (r"the result is too large to compute", "结果过大，无法计算"),
    (r"an? growth rates? must be above −100 %", "增速必须高于−100%"),
    (r"growth rates must be above −100 %", "增速必须高于−100%"),
    (r"the period must be at least one year", "期限至少为一年"),
    (r"all (\d+) years are observed; nothing remains", r"\1年均已有数据，没有剩余年份"),
    (r"no observed years", "没有已实现的年份"),
    (r"at this rate the value never reaches the end value", "按此增速永远达不到目标值"),
    (r"too many years to compute", "所需年数过多，无法计算"),
    (r"the level's year (\d+) is outside the rate's window (\d+)–(\d+)", r"总量的年份\1年不在增速目标的\2至\3年之内"),
    (r"every year of the window up to the level's year needs its rate", "截至总量年份的每一年都需要有增速"),
]


def calc_reason_text(text: str, lang: str) -> str:
    """`text` with every formula's refusal in it put in `lang`."""
    if lang != "zh":
        return text
    import re

    for pattern, replacement in _CALC_REASONS:
        text = re.sub(pattern, replacement, text)
    return text


# ── help: the app, every command and every option ────────────────────────────
# help.cmd.PATH is a command's one line (the command list shows it whole);
# .more follows it in the command's own help, .examples ends it. help.opt.NAME
# describes an option or argument by its parameter name, help.opt.PATH.NAME
# where one command means something of its own; help.meta.* name the value an
# option takes. tests/test_help.py reads every command's help in both languages.

_HELP: dict[str, tuple[str, str]] = {
    "help.usage": ("用法：", "Usage:"),
    "help.options": ("选项：", "Options:"),
    "help.arguments": ("参数：", "Arguments:"),
    "help.commands": ("命令：", "Commands:"),
    "help.examples": ("示例：", "Examples:"),
    "help.options_metavar": ("[选项]", "[OPTIONS]"),
    "help.command_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "help.opt.help": ("显示本帮助并退出。", "Show this message and exit."),
    "help.more_help": ("各命令的用法：qzdc 命令 --help", "Each command's help: qzdc COMMAND --help"),
    # the app
    "help.cmd.qzdc": (
        "政府目标清单指标计算器：计算各目标所需增速、与目标的差距、进展状态，并检查方案有无前后矛盾。"
        "方案用 --plan 指定，未指定时用内置方案；qzdc init 可起草新方案。",
        "Indicator calculator for government target lists: the growth each target requires, the gap "
        "to target, where each target stands, and where the plan contradicts itself. --plan names the "
        "plan (else the built-in one); qzdc init drafts a new one.",
    ),
    "help.cmd.qzdc.examples": (
        "qzdc status\nqzdc show 4\nqzdc record 地区生产总值 2024 81.2 --source 区统计局快报\nqzdc report -o 进展报告.html",
        "qzdc status --lang en\nqzdc show 4\nqzdc record gdp 2024 81.2 --source 区统计局快报\n"
        "qzdc report -o progress.html --lang en",
    ),
    "help.opt.qzdc.lang": (
        "语言：zh（中文）或 en（英文），用于帮助、提示、表格和报告。放在命令之前或之后均可。",
        "Language of help, messages, tables and reports: zh (Chinese) or en (English). "
        "May come before or after the command.",
    ),
    "help.opt.version": ("显示 qzdc 的版本并退出。", "Show qzdc's version and exit."),
    "help.opt.install_completion": (
        "为当前的命令行（bash、zsh、fish 或 PowerShell）安装 Tab 键补全，重开终端后生效。",
        "Install Tab completion for the current shell (bash, zsh, fish or PowerShell); "
        "it works once the terminal is restarted.",
    ),
    "help.opt.show_completion": (
        "显示当前命令行的补全脚本，以便复制或自行安装。",
        "Show the completion script for the current shell, to copy or install it yourself.",
    ),
    # options many commands share
    "help.opt.plan": (
        "方案目录（含 plan.yaml、indicators.yaml 等）。默认为 $QZDC_PLAN，未设置时用内置方案。",
        "Plan directory (plan.yaml, indicators.yaml, ...). Default: $QZDC_PLAN, else the built-in plan.",
    ),
    "help.opt.actuals": (
        "实际值文件。默认为 $QZDC_ACTUALS；未设置时，自己的方案（--plan）用方案目录里的 actuals.yaml，"
        "内置方案用当前目录的 actuals.yaml。",
        "Actuals file. Default: $QZDC_ACTUALS, else actuals.yaml in the plan's directory for a plan of "
        "your own (--plan), or in the current directory for the built-in plan.",
    ),
    "help.opt.as_of": (
        "按此期间评价（如 2024、2025-Q3、2025-09、2025年1-9月、2025年三季度），之后的数据不计。"
        "默认为有数据的最近期间。",
        "Judge as of this period (2024, 2025-Q3, 2025-09, 2025年1-9月, 2025年三季度); later figures are left out. "
        "Default: the latest period with data.",
    ),
    "help.opt.category": (
        "只看此类别（中文名、英文名或编号，如 经济发展）；可重复。",
        "Only this category (its Chinese or English name or its id, e.g. Economy); repeatable.",
    ),
    "help.opt.pilot": (
        "只看带 pilot 标记的指标（同 --flag pilot）。",
        "Only the indicators with the plan's flag pilot (the same as --flag pilot).",
    ),
    "help.opt.flag": (
        "只看带此标记的指标（方案在 plan.yaml 的 flags 中定义，如 pilot）；可重复。",
        "Only the indicators with this flag (defined in the plan's plan.yaml flags, e.g. pilot); repeatable.",
    ),
    "help.meta.flag": ("标记", "FLAG"),
    "help.opt.owner": (
        "只看此单位（责任单位）牵头或配合的目标；可重复。",
        "Only the targets this department (责任单位) leads or supports; repeatable.",
    ),
    "help.opt.status_filter": (
        "只看处于此状态的目标：已实现、进度正常、存在风险、进度滞后、背离目标、待完成、暂无数据、监测"
        "（也可写英文 at_risk 等）；可重复。",
        "Only targets at this status: achieved, on_track, at_risk, off_track, moving_away, pending, "
        "no_data, monitored (or the Chinese word); repeatable.",
    ),
    "help.opt.fmt": (
        "输出格式：table（表格）、json、csv 或 markdown。默认按 -o 的扩展名，否则为表格。",
        "Output format: table, json, csv or markdown. Default: from the -o extension, else a table.",
    ),
    "help.opt.output": (
        "写入文件而不是屏幕，格式按扩展名（.json .csv .md .txt）；写入失败时不留半个文件。",
        "Write to FILE instead of the screen, in the format of its extension (.json .csv .md .txt); "
        "never half-written.",
    ),
    "help.opt.raw": (
        "与 CSV 一起用：输出供程序读取的稳定列（英文列名、原始数值），而不是给人看的表格。",
        "With CSV: the stable columns scripts read (English keys, raw values) instead of the people's table.",
    ),
    "help.opt.lang": (
        "语言：zh（中文）或 en（英文）。默认为 $QZDC_LANG，未设置时按系统语言（zh_* 为中文，其他为英文），"
        "再无则为中文。",
        "Language: zh (Chinese) or en (English). Default: $QZDC_LANG, else the system's locale "
        "(zh_* is Chinese, any other English), else Chinese.",
    ),
    "help.opt.indicator": (
        "指标：指标表中的序号、中文名称、英文编号（大小写均可）、方案列出的别名，或只属于一个指标的部分名称"
        "（如 4、高新技术企业、high_tech_enterprises、水质）。",
        "Indicator: its number in the indicator table, name, id (in any case), an alias the plan lists, or a part of a name "
        "only one indicator has (e.g. 4, 高新技术企业, high_tech_enterprises, GDP, 水质).",
    ),
    "help.meta.plan": ("目录", "DIR"),
    "help.meta.actuals": ("文件", "FILE"),
    "help.meta.as_of": ("期间", "PERIOD"),
    "help.meta.since": ("期间", "PERIOD"),
    "help.meta.category": ("类别", "CATEGORY"),
    "help.meta.status_filter": ("状态", "STATUS"),
    "help.meta.fail_on": ("状态", "STATUS"),
    "help.meta.fmt": ("格式", "FORMAT"),
    "help.meta.output": ("文件", "FILE"),
    "help.meta.lang": ("语言", "LANG"),
    "help.meta.indicator": ("指标", "INDICATOR"),
    "help.meta.period": ("期间", "PERIOD"),
    "help.meta.value": ("数值", "VALUE"),
    "help.meta.source": ("来源", "TEXT"),
    "help.meta.note": ("备注", "TEXT"),
    "help.meta.file": ("文件", "FILE"),
    "help.meta.department": ("单位", "DEPARTMENT"),
    "help.meta.owner": ("单位", "DEPARTMENT"),
    "help.meta.directories": ("目录", "DIR"),
    "help.meta.start": ("数值", "NUMBER"),
    "help.meta.end": ("数值", "NUMBER"),
    "help.meta.years": ("年数", "YEARS"),
    "help.meta.rate": ("增速", "RATE"),
    "help.meta.target_rate": ("增速", "RATE"),
    "help.meta.observed": ("增速", "RATE"),
    "help.meta.calc remaining.period": ("年数", "YEARS"),
    "help.meta.audit.fail_on": ("级别", "SEVERITY"),
    # status
    "help.cmd.status": (
        "指标完成情况表：各目标的基期值、最新值、目标值、今后每年尚需的增速或增量、差距、进度与序时进度、"
        "责任单位和状态。",
        "The progress table: every target's baseline, latest value, target, the growth or change still "
        "required each year, the gap, progress against the time gone by, who answers for it, and status.",
    ),
    "help.cmd.status.more": (
        "表格按类别分组；窗口较窄时次要的列先隐藏。--format csv 可存为 Excel 能直接打开的文件。",
        "The table is grouped by category; secondary columns give way first in a narrow window. "
        "--format csv writes a file Excel opens as it is.",
    ),
    "help.cmd.status.examples": (
        "qzdc status\nqzdc status --pilot --status 存在风险\nqzdc status --as-of 2025-Q3\n"
        "qzdc status --since 2025-Q2\nqzdc status -o 进展.csv\nqzdc status --fail-on 进度滞后",
        "qzdc status --lang en\nqzdc status --pilot --status at_risk\nqzdc status --as-of 2025-Q3\n"
        "qzdc status --since 2025-Q2\nqzdc status -o progress.csv --lang en\nqzdc status --fail-on off_track",
    ),
    "help.opt.since": (
        "只看自此较早期间（如 2025-Q2、2025年上半年）以来状态有变化的目标，列出前后状态和数值。",
        "Only the targets whose status changed since this earlier period (e.g. 2025-Q2), "
        "with the old and new status and figures.",
    ),
    "help.opt.status.sort": (
        "排列顺序：status（按状态，最差的在前）、name（按名称，中文按拼音）或 category（按类别分组，默认）。",
        "Order: status (worst first), name (alphabetical; Chinese names by pinyin) or category "
        "(grouped by category, the default).",
    ),
    "help.meta.sort": ("顺序", "ORDER"),
    "help.opt.status.fail_on": (
        "有目标处于此状态或更差时，输出后以退出码 3 结束（存在风险 < 进度滞后 < 背离目标）。",
        "Exit with code 3, after the output, if any target shown is at this status or worse "
        "(at_risk < off_track < moving_away).",
    ),
    # show
    "help.cmd.show": (
        "单个指标的全部情况：方案原文、全部观测值、逐年路径与实际值，以及状态背后的每个数字。",
        "One indicator in full: the plan's words, every observation, the path year by year beside "
        "the actuals, and every figure behind the status.",
    ),
    "help.cmd.show.examples": (
        "qzdc show 4\nqzdc show 高新技术企业\nqzdc show high_tech_enterprises --format json",
        "qzdc show 4 --lang en\nqzdc show 高新技术企业\nqzdc show high_tech_enterprises --format json",
    ),
    # owners
    "help.cmd.owners": (
        "各单位牵头或配合的任务、政策和改革；指定单位时，列出它负责的每个目标及其进展。",
        "Which tasks, policies and reforms each department leads or supports; for one department, "
        "every target it answers for and where it stands.",
    ),
    "help.cmd.owners.examples": (
        "qzdc owners\nqzdc owners 区农业农村委",
        "qzdc owners --lang en\nqzdc owners 区农业农村委",
    ),
    "help.opt.department": (
        "单位名称，如 区农业农村委；不写则列出全部单位。",
        "A department, e.g. 区农业农村委; leave out to list every department.",
    ),
    # record, import, history
    "help.cmd.record": (
        "录入一个数据；同一期间再次录入即为修订，原值保留在历史中。",
        "Record one figure; a second figure for the same period revises the first, which stays in the history.",
    ),
    "help.cmd.record.examples": (
        "qzdc record 地区生产总值 2024 81.2 --source 区统计局快报\nqzdc record 规模以上工业总产值年均增速 2025-Q3 19.1\n"
        "qzdc record carp_lantern_dance_heritage 2025 done",
        "qzdc record gdp 2024 81.2 --source 区统计局快报\nqzdc record industrial_output_growth 2025-Q3 19.1\n"
        "qzdc record carp_lantern_dance_heritage 2025 done",
    ),
    "help.opt.period": (
        "期间：2024（全年）、2025-Q3、2025-H1 或 2025-09（年初至该月），也可写 2025年1-9月、2025年前三季度、"
        "2025年上半年；不写年份（1-9月、前三季度、上半年）时用 --year 给出年份。2025年三季度、2025年9月 只用于"
        "时点值，流量、累计和增速指标请写年初至今。",
        "Period: 2024 (the year), 2025-Q3, 2025-H1 or 2025-09 (January to that month), or as the statistics "
        "bureau writes it: 2025年1-9月, 2025年前三季度, 2025年上半年; without its year (1-9月, 前三季度, 上半年) "
        "give the year with --year. 2025年三季度 and 2025年9月 only for a value at the end of the period: a flow, "
        "a cumulative target or a growth rate takes the year to date.",
    ),
    "help.opt.value": (
        "数值：数字（可带指标的单位或同一单位的其他量级，如 81.3亿元、8130万元；可用千分位和全角数字）、"
        "等级（如 III），里程碑写 done（完成）、not done（未完成）或完成日期。",
        "Value: a number (with the indicator's unit or another scale of it, e.g. 81.3亿元, 8130万元; "
        "thousands separators and full-width digits are fine), a class such as III, or done / not done / "
        "a date for a milestone.",
    ),
    "help.opt.source": ("数据来源，如 区统计局快报。", "Where the figure comes from, e.g. 区统计局快报."),
    "help.opt.note": ("随数据保存的备注。", "A note kept with the figure."),
    "help.cmd.import": (
        "从 CSV 或 Excel 文件批量录入；只要有一格有误，就列出所有错误（工作表、行、列），一个也不写入。",
        "Import figures from a CSV or Excel file; if any cell is wrong, every bad cell is reported with its "
        "sheet, row and column, and nothing is written.",
    ),
    "help.cmd.import.more": (
        "读得懂常见的表格：每行一个数据（指标、期间、数值、来源、备注，或统计局的 指标名称、时间、本期数），"
        "或每行一个指标、每列一个期间（2023年实际、2024年、2025年1-9月）。表头上方的标题行、合并的表头、"
        "空行和合计行都可以。单位列或数值里的单位（8130万元）会换算成指标的单位。"
        "CSV 可以是 UTF-8（带或不带 BOM）或 Excel 另存的 GBK 编码。",
        "Reads the sheets analysts have: a row per figure (indicator, period, value, source, note, or the "
        "bureau's 指标名称, 时间, 本期数), or a row per indicator with a column per period (2023年实际, 2024年, "
        "2025年1-9月). Title rows above the header, merged headers, blank and total rows are fine. A unit "
        "column, or a unit in the value (8130万元), is converted to the indicator's. A CSV may be UTF-8 "
        "(with or without a BOM) or GBK, as Excel saves it.",
    ),
    "help.cmd.import.examples": (
        "qzdc import 统计月报.xlsx\nqzdc import 季报.csv --dry-run\nqzdc import 1-9月.xlsx --year 2025\n"
        "qzdc import --template 模板.xlsx",
        "qzdc import figures.xlsx\nqzdc import quarter.csv --dry-run --lang en\n"
        "qzdc import 1-9月.xlsx --year 2025\nqzdc import --template template.xlsx --lang en",
    ),
    "help.opt.file": (
        "要导入的 .csv 或 .xlsx 文件（与 --template 同用时为要生成的模板）。",
        "The .csv or .xlsx file to import (with --template: the workbook to write).",
    ),
    "help.opt.year": (
        "未写年份的期间（1-9月、前三季度、上半年）所属的年份。默认取表格标题中写明的年份。",
        "The year of periods written without one (1-9月, 前三季度, 上半年). Default: the year the sheet's title names.",
    ),
    "help.opt.record.year": (
        "未写年份的期间（1-9月、前三季度、上半年）所属的年份；不给时这样的期间须连同年份一起写（2025年1-9月）。",
        "The year of a period written without one (1-9月, 前三季度, 上半年); without it, write the period with its "
        "year (2025年1-9月).",
    ),
    "help.meta.year": ("年份", "YEAR"),
    "help.opt.sheet": (
        "要读取的工作表。默认为第一个有数据的工作表。",
        "The workbook's sheet to read. Default: the first sheet with figures.",
    ),
    "help.meta.sheet": ("工作表", "SHEET"),
    "help.opt.template": (
        "生成录入模板（.xlsx）：列出每个目标的名称、单位和应报的期间，数值格带数据验证；填好后可直接导入。",
        "Write FILE as a template to fill in (.xlsx): every target's name, unit and the periods due, with data "
        "validation on the value cells; filled in, it imports as it is.",
    ),
    "help.opt.dry_run": (
        "只检查文件，显示将录入的内容（新增或修订，如 修订 150 → 148）和读取方式，不写入。",
        "Check the file and show what would be recorded (new figures and revisions, 修订 150 → 148) and how the "
        "file was read; write nothing.",
    ),
    "help.cmd.history": (
        "一个指标的全部数据：方案自带的和每次录入、修订的，并标明哪个被采用。",
        "Every figure of an indicator: the plan's own and each one recorded or revised, and which one counts.",
    ),
    "help.cmd.history.examples": (
        "qzdc history 出口总额\nqzdc history 地区生产总值 -o 历史.csv",
        "qzdc history gdp --lang en\nqzdc history gdp -o gdp-history.csv",
    ),
    # audit
    "help.cmd.audit": (
        "检查方案和实际值有无矛盾：增速与总量目标、同一目标的不同表述、基期、单位名称等。",
        "Check the plan and its actuals for contradictions: rate against level, a target stated twice, "
        "baselines, department names.",
    ),
    "help.cmd.audit.examples": (
        "qzdc audit\nqzdc audit --fail-on 错误\nqzdc audit --format json",
        "qzdc audit --lang en\nqzdc audit --fail-on error\nqzdc audit --format json",
    ),
    "help.opt.audit.fail_on": (
        "有此级别或更严重的发现时退出码为 3：警告（warning）< 错误（error）。",
        "Exit with code 3 if there is a finding of this severity or worse (warning < error).",
    ),
    # batch
    "help.cmd.batch": (
        "同时汇总多个方案的进展，每行注明所属方案；某个方案读取失败时照常处理其余方案。",
        "The status of many plans at once, each row naming its plan; a plan that fails is listed and the rest go on.",
    ),
    "help.cmd.batch.more": (
        "每个目录是一个方案目录，其实际值为目录下的 actuals.yaml。",
        "Each DIR is a plan directory; its actuals are DIR/actuals.yaml.",
    ),
    "help.cmd.batch.examples": (
        "qzdc batch 各镇/*\nqzdc batch 各镇/* -o 全部目标.xlsx\nqzdc batch 各镇/* --format jsonl -o 全部.jsonl",
        "qzdc batch towns/* --lang en\nqzdc batch towns/* -o all.xlsx\nqzdc batch towns/* --format jsonl -o all.jsonl",
    ),
    "help.opt.directories": (
        "方案目录，每个目录有自己的 actuals.yaml。",
        "Plan directories, each with its own actuals.yaml.",
    ),
    "help.opt.batch.fmt": (
        "table（每个方案一行）、json、jsonl（逐行输出）、csv（逐行输出）、markdown、html 或 xlsx。"
        "默认按 -o 的扩展名，否则为表格。",
        "table (a row per plan), json, jsonl (streamed), csv (streamed), markdown, html or xlsx. "
        "Default: from the -o extension, else a table.",
    ),
    "help.opt.batch.output": (
        "写入文件，格式按扩展名；要么完整写入，要么不写。",
        "Write to FILE, in the format of its extension; whole or not at all.",
    ),
    # qzdc init: the comments a drafted plan carries, for the analyst to check
    "init.no_header": (
        "找不到表头：需要有“指标”（或“二级指标”“指标名称”）一列，以及基期值、目标值或年份列",
        "no header row: the table needs an indicator column (指标, 二级指标 or 指标名称) and a baseline, target or year column",
    ),
    "init.no_years": (
        "表头没有写出年份（如 2020年、2025年目标）：请用 --baseline-year 和 --target-year 给出",
        "the header gives no years (2020年, 2025年目标): give --baseline-year and --target-year",
    ),
    "init.years_order": (
        "目标年 {target} 不在基期年 {baseline} 之后",
        "the target year {target} is not after the baseline year {baseline}",
    ),
    "init.drafted": (
        "由 qzdc init 根据 {source} 起草：标有“请核对”的每一处都是推断，请对照原文核对。",
        "Drafted by qzdc init from {source}: every comment marked check is an inference; check it against the document.",
    ),
    "init.format": (
        "字段说明见 qzdc 的 docs/plan-format.md；改完后运行 qzdc validate --plan 本目录。",
        "Every field: docs/plan-format.md in qzdc; then run qzdc validate --plan on this directory.",
    ),
    "init.plan_id": ("方案编号：小写字母、数字和 -，可改", "the plan's id: lower case, digits and -; change it freely"),
    "init.title": ("请核对：改为文件的正式标题", "check: the document's own title"),
    "init.period": ("请核对：基期年的下一年至目标年", "check: the year after the baseline to the target year"),
    "init.from_header": ("取自表头“{label}”", "from the header {label}"),
    "init.renumbered": (
        "表中序号不是从 1 起依次各一次，已按行序重新编号，请核对",
        "check: the table's numbers do not run 1 to N once each, so the rows are numbered in order",
    ),
    "init.columns": ("表头原文：表格和报告用这些词", "the table's own headers: tables and reports use them"),
    "init.flag": ("请核对：由“{column}”列推断的标记", "check: a flag inferred from the {column} column"),
    "init.name_en": ("请补：英文名称", "to do: the name in English"),
    "init.no_category": ("未分类", "uncategorised"),
    "init.left_out_header": (
        "有 {n} 行的数值无法读取，下面暂作监测写入，请按原文补全：",
        "{n} row(s) could not be read; they are drafted below as monitored, to complete from the document:",
    ),
    "init.no_name": ("第 {line} 行：没有指标名称，未写入草稿", "row {line}: no indicator name; left out"),
    "init.not_a_number": ("{label}“{text}”不是数字", "{label} {text!r} is not a number"),
    "init.row": (
        "第 {line} 行（{name}）：{message}；暂作监测写入草稿，请补全",
        "row {line} ({name}): {message}; drafted as monitored, to complete",
    ),
    "init.unreadable": (
        "请补：此行数值无法读取，暂作监测；请按原文改写 kind、baseline 和 value",
        "to do: this row's figures could not be read, so it is monitored for now; write its kind, baseline and value",
    ),
    "init.id": ("编号：可改为简短的英文名", "the id: a short English name is easier to type"),
    "init.no_unit": ("表中没有单位", "the table gives no unit"),
    "init.kind_level": ("请核对：有基期值和目标值的水平值", "check: a level, from a baseline and a target"),
    "init.kind_share": ("请核对：百分比（0–100）", "check: a share in % (0–100)"),
    "init.kind_average_growth": ("请核对：年均增速", "check: an average growth rate"),
    "init.kind_cumulative": ("请核对：期内逐年累计", "check: yearly flows summed over the period"),
    "init.kind_cumulative_reduction": (
        "请核对：逐年复合的累计降低",
        "check: yearly reductions compounded over the period",
    ),
    "init.kind_maintain": ("请核对：每年保持", "check: a level held every year"),
    "init.kind_ordinal": ("请核对：等级（类）", "check: a class"),
    "init.kind_milestone": ("请核对：里程碑", "check: a milestone"),
    "init.kind_relative": ("请核对：与另一指标比较", "check: compared with another indicator"),
    "init.kind_monitored": ("请核对：无量化目标，只监测", "check: no numeric target, monitored"),
    "init.strength": ("取自属性列“{word}”", "from the attribute column: {word}"),
    "init.relative": ("目标写作“{words}”", "the target reads {words}"),
    "init.relative_to": ("请核对：对比指标为“{name}”", "check: compared with {name}"),
    "init.tolerance": ("请核对：“同步”按相差不超过±0.5个百分点", "check: in step within ±0.5 pp"),
    "init.relative_unknown": (
        "请核对：找不到“{words}”对应的指标，暂作监测；找到后改为 kind: relative 并写 relative_to",
        "check: no indicator found for {words}, monitored for now; make it kind: relative with relative_to",
    ),
    "init.ordinal": (
        "请核对：等级越低越好，达到或优于目标等级",
        "check: a lower class is better; the target class or better",
    ),
    "init.monitored_words": ("请核对：目标为文字，无量化目标", "check: the target is words, not a number"),
    "init.monitored_blank": ("请核对：表中没有目标值", "check: the table gives no target"),
    "init.reduction": (
        "请核对：〔 〕内为期内累计数，名称含“降低”",
        "check: 〔 〕 is the period's total; the name says 降低",
    ),
    "init.change": ("请核对：〔 〕内为较基期的变化", "check: 〔 〕 is the change from the baseline"),
    "init.total": ("请核对：期内累计", "check: the total over the period"),
    "init.comparator": ("取自“{words}”", "from {words}"),
    "init.growth": ("请核对：名称或所在列为年均增长", "check: the name or its column says average growth"),
    "init.maintain_bar": (
        "请核对：每年都须达到的界限（没有基期值，或在年均列）",
        "check: a bar to meet every year (no baseline, or in the yearly column)",
    ),
    "init.maintain_same": ("请核对：目标值与基期值相同", "check: the target equals the baseline"),
    "init.decrease": (
        "请核对：目标 {target} 低于基期 {baseline}，越低越好",
        "check: the target {target} is below the baseline {baseline}: lower is better",
    ),
    "init.share": ("请核对：百分比", "check: a percentage"),
    "init.rate_row": (
        "请核对：取自第{number}行“{label}”列，与该行目标值同为方案所定；qzdc audit 核对二者是否一致",
        "check: from row {number}'s {label} column, stated with the row's target; qzdc audit checks the two agree",
    ),
    "init.rate_unused": (
        "请核对：同一行“{label}”列另有“{text}”，未写入草稿",
        "check: the row's {label} column also says {text}, not drafted",
    ),
    "init.starred": (
        "请核对：表中为“{text}”，星号的含义见表注",
        "check: the table has {text}; its note says what the star means",
    ),
    "init.starred_vintage": (
        "请核对：表中为“{text}”，表注说带*的为{year}年数据",
        "check: the table has {text}; its note says starred figures are {year}'s",
    ),
    "init.classes": ("请核对：各等级，从好到差", "check: the classes, best first"),
    "init.starter": (
        "由 qzdc init 写出的最小方案：把标题、年份、类别和指标改成你的方案的。",
        "A minimal plan written by qzdc init: make its title, years, categories and indicators your plan's.",
    ),
    "init.starter_title": ("某某方案（请改为文件标题）", "A plan (its title here)"),
    "init.starter_annex": (
        "指标表：annex 写表名和表头，flags 写标记（如 市级试点指标），lists 写任务、政策、改革清单的名称。",
        "The indicator table: annex names it and its headers, flags its marks (市级试点指标), lists its item lists.",
    ),
    "init.starter_indicators": (
        "每个指标一项，目标写在 targets 下；各类目标的写法见 docs/plan-format.md。",
        "One entry per indicator, its targets under targets; every kind of target: Target kinds in docs/plan-format.md.",
    ),
    "init.starter_source": ("ref：文件中的位置；quote：原文", "ref: where the document has it; quote: its words"),
    "init.starter_value": (
        "可照表中写法：7以上、〔13.5〕、5.5以内",
        "as the table writes it: 7以上, 〔13.5〕, 5.5以内",
    ),
    "init.starter_observations": (
        "文件自身给出的数据（如“2023年增长7.5%”）；用户的数据用 qzdc record 或 qzdc import 录入。",
        "Figures the document itself gives; a user's figures go in with qzdc record or qzdc import.",
    ),
    "init.exists": (
        "{path} 已存在且不是空目录：qzdc init 不覆盖任何文件",
        "{path} exists and is not empty: qzdc init overwrites nothing",
    ),
    "init.left_out": ("{source}：{message}", "{source}: {message}"),
    "init.summary_all": (
        "已起草 {drafted} 个指标；请核对注释中的推断，再运行 qzdc validate --plan {path}",
        "drafted {drafted} indicators; check the inferences in the comments, then run qzdc validate --plan {path}",
    ),
    "init.summary": (
        "已起草 {drafted} 个指标（其中 {left} 行数值未读出）；请核对注释中的推断，再运行 qzdc validate --plan {path}",
        "drafted {drafted} indicators ({left} of them not read); check the inferences in the comments, then run qzdc validate --plan {path}",
    ),
    "init.next": (
        "下一步：修改 {path} 中的文件，再运行 qzdc validate --plan {path}",
        "next: edit the files in {path}, then run qzdc validate --plan {path}",
    ),
    "init.bad_source": (
        "{path}：不能读取 {suffix}；请用 .xlsx、.csv 或 .docx",
        "{path}: cannot read {suffix}; use .xlsx, .csv or .docx",
    ),
    "init.no_table": ("{path} 中没有表格", "{path} holds no table"),
    # init
    "help.cmd.init": (
        "在目录中写出一份方案供修改：最小的示例方案，或用 --from 按方案的指标表起草。",
        "Write a plan to start from in DIR: a minimal one, or one drafted from the plan's indicator table (--from).",
    ),
    "help.cmd.init.more": (
        "--from 读取 .xlsx、.csv 或 .docx 中的指标表（序号、一级指标/类别、指标、单位、基期值或年份、"
        "目标值或年份、年均/累计、属性、备注），推断每个目标的类型、方向和属性，并把每处推断写成注释供核对；"
        "读不出的行会列出，其余照常起草。目录须不存在或为空，不覆盖任何文件。",
        "--from reads the indicator table of a .xlsx, .csv or .docx file (序号, 一级指标/类别, 指标, 单位, a "
        "baseline or its year, a target or its year, 年均/累计, 属性, 备注), infers each target's kind, direction "
        "and strength, and writes every inference as a comment to check; a row it cannot read is listed and the "
        "rest is drafted. DIR must not exist or be empty: nothing is overwritten.",
    ),
    "help.cmd.init.examples": (
        "qzdc init ./我的方案\nqzdc init ./十四五 --from 主要指标.docx\nqzdc init ./某镇 --from 指标表.xlsx",
        "qzdc init ./my-plan\nqzdc init ./fyp --from indicators.docx\nqzdc init ./town --from table.xlsx",
    ),
    "help.opt.init.directory": (
        "写出方案的目录（须不存在或为空）。",
        "The directory to write the plan into (new or empty).",
    ),
    "help.opt.init.source": (
        "方案的指标表：.xlsx、.csv 或 .docx 文件。",
        "The plan's indicator table: a .xlsx, .csv or .docx file.",
    ),
    "help.opt.init.baseline_year": (
        "基期年，表头没有写出年份时使用（不用 --from 时默认 2025）。",
        "The baseline year, where the header gives none (2025 without --from).",
    ),
    "help.opt.init.target_year": (
        "目标年，表头没有写出年份时使用（不用 --from 时默认基期年加 5）。",
        "The target year, where the header gives none (the baseline year + 5 without --from).",
    ),
    "help.meta.init.directory": ("目录", "DIR"),
    "help.meta.init.source": ("指标表", "TABLE"),
    "help.meta.init.baseline_year": ("年份", "YEAR"),
    "help.meta.init.target_year": ("年份", "YEAR"),
    # the plan format's JSON Schema
    "help.cmd.schema": (
        "方案文件的 JSON Schema（plan、indicators、tasks、observations），供编辑器补全字段、提示含义、标出错误。",
        "The JSON Schema of a plan file (plan, indicators, tasks, observations), for editors to complete "
        "fields, show what each means and underline mistakes.",
    ),
    "help.cmd.schema.more": (
        "在方案文件第一行写 # yaml-language-server: $schema=schema/indicators.schema.json 即可使用。"
        "字段说明见 docs/plan-format.md。",
        "Name it in a plan file's first line: # yaml-language-server: $schema=schema/indicators.schema.json. "
        "Every field is described in docs/plan-format.md.",
    ),
    "help.cmd.schema.examples": (
        "qzdc schema indicators\nqzdc schema -o ./我的方案/schema",
        "qzdc schema indicators\nqzdc schema -o ./my-plan/schema",
    ),
    "help.opt.schema.kind": (
        "哪个文件：plan、indicators、tasks 或 observations。不写时用 -o 目录，四个都写出。",
        "Which file: plan, indicators, tasks or observations. Without it, -o DIR writes all four.",
    ),
    "help.opt.schema.output": (
        "写入此文件（给出文件时）或此目录（四个都写出时），而不是屏幕。",
        "Write to this file (with a KIND) or into this directory (all four), instead of the screen.",
    ),
    "help.meta.schema.kind": ("文件", "KIND"),
    "help.meta.schema.output": ("路径", "PATH"),
    # validate and the plan as written
    "help.cmd.validate": (
        "检查方案文件：列出每个 YAML 和格式错误（文件:行:列）；方案无效时退出码为 1。",
        "Check a plan: every YAML and schema error as file:line:col; exit code 1 if it is invalid.",
    ),
    "help.cmd.validate.examples": (
        "qzdc validate\nqzdc validate --plan ./其他镇 --format json",
        "qzdc validate --lang en\nqzdc validate --plan ./other-town --format json",
    ),
    "help.opt.validate.fmt": ("table（一行摘要）或 json。", "table (a summary line) or json."),
    "help.cmd.indicators": (
        "列出方案的指标：基期值、目标值、类型和方案定义的标记。",
        "List the plan's indicators with baseline, target, kind and the plan's flags.",
    ),
    "help.cmd.indicators.examples": (
        "qzdc indicators\nqzdc indicators --format json",
        "qzdc indicators --lang en\nqzdc indicators --format json",
    ),
    "help.cmd.tasks": (
        "列出方案的任务及其牵头单位、配合单位和承接的目标。",
        "List the plan's tasks with their lead and supporting departments and the targets they carry.",
    ),
    "help.cmd.tasks.examples": ("qzdc tasks\nqzdc tasks -o 任务.csv", "qzdc tasks --lang en\nqzdc tasks -o tasks.csv"),
    "help.cmd.policies": (
        "列出方案的政策清单及其牵头单位。",
        "List the plan's policies and their lead departments.",
    ),
    "help.cmd.policies.examples": (
        "qzdc policies\nqzdc policies --format markdown",
        "qzdc policies --lang en\nqzdc policies --format markdown",
    ),
    "help.cmd.reforms": (
        "列出方案的改革清单及其牵头单位。",
        "List the plan's reforms and their lead departments.",
    ),
    "help.cmd.reforms.examples": (
        "qzdc reforms\nqzdc reforms -o 改革.md",
        "qzdc reforms --lang en\nqzdc reforms -o reforms.md",
    ),
    # report
    "help.cmd.report": (
        "生成可分发的进展报告：带图表的单文件网页、Excel 工作簿、Word 文档或 Markdown。",
        "A report to circulate: one HTML file with charts, an Excel workbook, a Word document, or Markdown.",
    ),
    "help.cmd.report.more": (
        "输入、筛选条件和数字都与 qzdc status 相同。",
        "The same inputs, filters and figures as qzdc status.",
    ),
    "help.cmd.report.examples": (
        "qzdc report -o 进展报告.html\nqzdc report -o 进展报告.xlsx\nqzdc report -o 进展报告.docx\nqzdc report --pilot",
        "qzdc report -o progress.html --lang en\nqzdc report -o progress.xlsx --lang en\n"
        "qzdc report -o progress.docx --lang en\nqzdc report --pilot --lang en",
    ),
    "help.opt.report.fmt": (
        "html、xlsx、docx 或 markdown。默认按 -o 的扩展名（.html .xlsx .docx .md），否则为 markdown。",
        "html, xlsx, docx or markdown. Default: from the -o extension (.html .xlsx .docx .md), else markdown.",
    ),
    "help.opt.report.summary": (
        "只写摘要页：要点、按状态和按类别的汇总（不含进展表和图表）。",
        "Write the summary page alone: the key points and the counts by status and by category (no table, no charts).",
    ),
    "help.opt.report.output": (
        "写入文件（.html、.xlsx、.docx 或 .md）。网页和 Markdown 也可输出到屏幕，Excel 工作簿和 Word 文档必须写入文件。",
        "Write to FILE (.html, .xlsx, .docx or .md). HTML and Markdown may go to the screen; "
        "a workbook or a Word document needs a file.",
    ),
    # calc
    "help.cmd.calc": (
        "快速测算（增速以 % 计）：所需年均增速、按增速推算、剩余年份所需增速、达标年数。",
        "Quick what-if calculations (rates in %): required growth, growth forward, the rate still "
        "needed, years to target.",
    ),
    "help.cmd.calc.examples": (
        "qzdc calc cagr --from 34 --to 67 --years 3",
        "qzdc calc cagr --from 34 --to 67 --years 3",
    ),
    "help.cmd.calc cagr": (
        "从起始值经若干年达到目标值所需的年均增速。",
        "The average yearly growth that takes FROM to TO in YEARS.",
    ),
    "help.cmd.calc cagr.examples": (
        "qzdc calc cagr --from 34 --to 67 --years 3     # 25.37%",
        "qzdc calc cagr --from 34 --to 67 --years 3     # 25.37 %",
    ),
    "help.cmd.calc grow": ("起始值按年增速增长若干年后的数值。", "FROM grown at RATE % a year for YEARS."),
    "help.cmd.calc grow.examples": (
        "qzdc calc grow --from 75.33 --rate 7.5 --years 2     # 87.05",
        "qzdc calc grow --from 75.33 --rate 7.5 --years 2     # 87.05",
    ),
    "help.cmd.calc remaining": (
        "年均增速目标在剩余各年每年所需的增速。",
        "The growth needed in each remaining year for an average-growth target.",
    ),
    "help.cmd.calc remaining.examples": (
        "qzdc calc remaining --target-rate 20 --period 3 --observed 17.4     # 21.32%",
        "qzdc calc remaining --target-rate 20 --period 3 --observed 17.4     # 21.32 %",
    ),
    "help.cmd.calc years": (
        "起始值按年增速增长到目标值所需的年数。",
        "Years until FROM, growing at RATE % a year, reaches TO.",
    ),
    "help.cmd.calc years.examples": (
        "qzdc calc years --from 34 --to 67 --rate 25     # 3.04年",
        "qzdc calc years --from 34 --to 67 --rate 25     # 3.04 years",
    ),
    "help.opt.start": ("起始值。", "The starting value."),
    "help.opt.end": ("目标值。", "The value to reach."),
    "help.opt.calc cagr.years": ("两个数值之间相隔的年数。", "Years between the two values."),
    "help.opt.calc grow.years": ("增长的年数。", "Years of growth."),
    "help.opt.rate": ("年增速，单位 %（7.5 表示 7.5%）。", "Growth a year, in % (7.5 for 7.5 %)."),
    "help.opt.target_rate": ("年均增速目标，单位 %。", "The average growth target, in %."),
    "help.opt.calc remaining.period": (
        "年均增速目标覆盖的年数（2023-2025年为 3）。",
        "Years the average runs over (2023-2025: 3).",
    ),
    "help.opt.observed": (
        "某一年已实现的增速（%）；每年写一次。",
        "A year's observed growth in %; once for each year.",
    ),
}
_WORDS.update(_HELP)


# ── messages: confirmations, warnings and errors ─────────────────────────────
# Fields in braces are filled in by tr(key, **fields); both languages take the same fields.

_MESSAGES: dict[str, tuple[str, str]] = {
    "msg.error": ("qzdc：错误：{message}", "qzdc: error: {message}"),
    "msg.see_help": ("（用法见 {command} --help）", " (see: {command} --help)"),
    # click's usage errors (qzdc.cli.usage)
    "usage.no_such_option": ("没有 {option} 这个选项", "no such option: {option}"),
    "usage.did_you_mean": ("（是否想用 {guess}？）", " (did you mean {guess}?)"),
    "usage.missing_argument": ("缺少参数 {name}", "missing argument {name}"),
    "usage.missing_option": ("缺少选项 {name}", "missing option {name}"),
    "usage.from_envvar": ("{option}（环境变量 {envvar}）", "{option} (environment variable {envvar})"),
    "usage.bad_choice": ("{option} 不能取“{value}”，可选：{choices}", "{option} cannot be {value!r}: choose {choices}"),
    "usage.not_an_integer": ("{option} 应为整数", "{option} must be a whole number"),
    "usage.not_a_number": ("{option} 应为数字", "{option} must be a number"),
    "usage.bad_value": ("{option} 的值无效：{message}", "invalid value for {option}: {message}"),
    "usage.needs_value": ("选项 {option} 后面需要一个值", "option {option} needs a value"),
    "usage.takes_no_value": ("选项 {option} 不带值", "option {option} takes no value"),
    "usage.no_such_command": ("没有 {command} 这个命令", "no such command: {command}"),
    "usage.extra_arguments": ("多余的参数：{arguments}", "unexpected extra argument(s): {arguments}"),
    "usage.missing_command": ("缺少命令", "missing command"),
    # the command line's own
    "msg.prefix": ("qzdc：{message}", "qzdc: {message}"),
    "msg.hint": ("（{hint}）", " ({hint})"),
    "msg.did_you_mean": ("是否想用 {guess}？", "did you mean {guess}?"),
    "msg.cannot_write_output": ("无法写入输出：{reason}", "cannot write the output: {reason}"),
    "msg.interrupted": ("qzdc：已中断", "qzdc: interrupted"),
    "msg.wrote": ("已写入 {path}", "wrote {path}"),
    "err.completion": ("无法安装 Tab 键补全：{reason}", "cannot install completion: {reason}"),
    "msg.completion_installed": (
        "已为 {shell} 安装 Tab 键补全：{path}（重开终端后生效）",
        "{shell} completion installed in {path} (it works once the terminal is restarted)",
    ),
    "msg.gate": ("{count} 个目标处于“{status}”或更差：{ids}", "{count} target(s) at {status} or worse: {ids}"),
    "msg.audit_gate": ("qzdc：{count} 项发现为“{severity}”或更严重", "qzdc: {count} finding(s) at {severity} or worse"),
    "err.format_from_name": ("无法从文件名 {name} 判断格式", "cannot tell the format from {name!r}"),
    "err.format_from_name.hint": (
        "用 --format 指定，或用 .csv、.json 等扩展名",
        "use --format or an extension such as .csv or .json",
    ),
    "err.cannot_write_format": ("此命令不能输出 {format}", "this command cannot write {format}"),
    "err.choose_one_of": ("可选：{choices}", "choose one of {choices}"),
    # a plan's problems (qzdc.plan.loader, qzdc.plan.yamlio; user test 1, finding 12)
    "plan.not_a_directory": ("{where}：{path} 不是目录", "{where}: {path} is not a directory"),
    "plan.is_a_directory": (
        "方案是一个目录，内有 plan.yaml 和 indicators.yaml",
        "a plan is a directory holding plan.yaml and indicators.yaml",
    ),
    "plan.problems": ("{base} 中的方案有 {count} 处问题", "the plan in {base} has {count} problem(s)"),
    "plan.unknown_field": ("未知字段 {name}", "unknown field {name}"),
    "plan.missing_field": ("缺少必填字段", "required field is missing"),
    "plan.file_not_found": ("找不到文件", "file not found"),
    "plan.needs_file": ("方案目录需要 {name}", "a plan directory needs {name}"),
    "plan.expected_mapping": ("应为映射（“键: 值”形式的若干行）", "expected a mapping (key: value lines)"),
    "plan.got": ("，实为 {value}", ", got {value}"),
    "plan.expected": ("应为{words}，实为 {value}", "expected {words}, got {value}"),
    "plan.or": ("或", " or "),
    "plan.not_allowed": ("不能是 {value}；可选：{expected}", "{value} is not allowed; expected {expected}"),
    "plan.did_you_mean": ("是否应为 {guess}？", "did you mean {guess}?"),
    "plan.allowed": ("可用的字段：{fields}", "allowed: {fields}"),
    "plan.type.float_type": ("数字", "a number"),
    "plan.type.int_type": ("整数", "a whole number"),
    "plan.type.string_type": ("文字", "text"),
    "plan.type.bool_type": ("true 或 false", "true or false"),
    "plan.type.none_required": ("null", "null"),
    "plan.type.date_type": ("日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)"),
    "plan.type.list_type": ("列表", "a list"),
    "plan.type.dict_type": ("映射", "a mapping"),
    "plan.type.dataclass_type": ("映射", "a mapping"),
    # pydantic's checks of a number's bounds and a length (qzdc.plan.loader), in the run's language
    "plan.greater_than": ("应大于 {limit}，实为 {value}", "expected more than {limit}, got {value}"),
    "plan.greater_than_equal": ("应不小于 {limit}，实为 {value}", "expected at least {limit}, got {value}"),
    "plan.less_than": ("应小于 {limit}，实为 {value}", "expected less than {limit}, got {value}"),
    "plan.less_than_equal": ("应不大于 {limit}，实为 {value}", "expected at most {limit}, got {value}"),
    "plan.string_too_short": (
        "应至少有 {limit} 个字符，实有 {length} 个",
        "expected at least {limit} character(s), got {length}",
    ),
    "plan.string_too_long": (
        "最多 {limit} 个字符，实有 {length} 个",
        "expected at most {limit} characters, got {length}",
    ),
    "plan.too_short": ("应至少有 {limit} 项，实有 {length} 项", "expected at least {limit} item(s), got {length}"),
    "plan.too_long": ("最多 {limit} 项，实有 {length} 项", "expected at most {limit} items, got {length}"),
    "plan.pattern": ("{value} 不符合格式 {pattern}", "{value} does not match the pattern {pattern}"),
    "yaml.syntax": ("YAML 语法错误：{what}", "YAML syntax error: {what}"),
    "yaml.not_finite": ("{value} 不是有限的数", "{value} is not a finite number"),
    "yaml.not_finite.hint": ("请写出数字，没有数据的写 null", "write the figure, or null where there is none"),
    "yaml.too_long": ("{digits} 位的整数太长，无法读取", "a whole number of {digits} digits is too long to read"),
    "yaml.too_long.hint": ("请核对位数", "check the number of digits"),
    "yaml.bad_date": ("{value} 不是有效的日期：{why}", "{value} is not a valid date: {why}"),
    "yaml.bad_date.hint": ("如是文字，请加引号", "quote it if it is meant as text"),
    "yaml.tag": ("不能使用标签 {tag}", "the tag {tag} is not allowed"),
    "yaml.tag.hint": (
        "方案文件只写普通数据：数字、文字、列表和映射",
        "plan files hold plain data: numbers, text, lists and mappings",
    ),
    "yaml.alias_loop": ("别名（*）引用了包含它自身的值", "an alias (*) refers to a value that contains it"),
    "yaml.write_out": ("请把内容完整写出", "write the value out"),
    "yaml.merge": ("不支持合并键（<<）", "merge keys (<<) are not supported"),
    "yaml.key_kind": ("映射的键只能是文字或数字", "a mapping key must be plain text or a number"),
    "yaml.bool_key": ("键 {key} 在 YAML 中会读作 {word}", "the key {key} reads as {word} in YAML"),
    "yaml.quote_it": ("请加引号：{text}", "quote it: {text}"),
    "yaml.duplicate_key": ("键 {key} 重复（第一次在第 {line} 行）", "duplicate key {key} (first at line {line})"),
    "yaml.duplicate_key.hint": (
        "YAML 只会默默保留最后一个；请删除或改名其中一个",
        "YAML would silently keep only the last one; remove or rename one of them",
    ),
    "yaml.expands": (
        "文件经别名（*）展开后超过 {limit} 个值",
        "the file expands to more than {limit} values through aliases (*)",
    ),
    "plan.duplicate_id": ("{what}编号 {id} 重复", "duplicate {what} id {id}"),
    "plan.what.category": ("类别", "category"),
    "plan.what.indicator": ("指标", "indicator"),
    "plan.what.target": ("目标", "target"),
    "plan.what.flag": ("标记", "flag"),
    "plan.unknown_category": ("未知的类别 {name}", "unknown category {name}"),
    "plan.categories_are": ("可用的类别：{names}", "categories are {names}"),
    "plan.unknown_indicator": ("未知的指标 {name}", "unknown indicator {name}"),
    "plan.unknown_target": ("未知的目标 {name}", "unknown target {name}"),
    "plan.needs_a_number": ("{kind} 目标的值应为数字，不能是 {value}", "a {kind} target needs a number, not {value}"),
    "plan.baseline_needs_a_number": (
        "{kind} 目标的基期值应为数字，不能是 {value}",
        "a {kind} baseline needs a number, not {value}",
    ),
    "plan.share_range": ("比率应在 0–100 之间，不能是 {value}", "a share must lie within 0–100, not {value}"),
    "plan.rate_above_minus_100": ("增速必须高于 −100%", "a growth rate must be above −100 %"),
    "plan.needs_classes": (
        "等级目标需要在指标中列出等级（classes）",
        "an ordinal target needs its indicator's classes",
    ),
    "plan.needs_classes.hint": (
        "从好到差列出，如 classes: [I, II, III, IV, V, 劣V]",
        "list them best first, e.g. classes: [I, II, III, IV, V, 劣V]",
    ),
    "plan.milestone_value": ("里程碑目标没有目标值，请写 null", "a milestone has no target value; leave it null"),
    "plan.path_kind": (
        "path 只用于 level 和 share 目标，不用于 {kind}",
        "a path applies to level and share targets, not {kind}",
    ),
    "plan.comparator_direction": (
        "比较符 {comparator} 与方向 {direction} 矛盾",
        "comparator {comparator} contradicts direction {direction}",
    ),
    "plan.use_one_of": ("可用：{choices}", "use one of {choices}"),
    "plan.baseline_not_before": (
        "基期年份 {baseline} 不早于目标年份 {year}",
        "the baseline year {baseline} is not before the target year {year}",
    ),
    "plan.target_not_after": (
        "目标年份 {year} 不晚于方案的基期年份 {baseline}",
        "the target year {year} is not after the plan's baseline year {baseline}",
    ),
    "plan.profile_length": (
        "季节进度（profile）应有 4 个季度或 12 个月的数",
        "a profile has 4 quarterly or 12 monthly figures",
    ),
    "plan.profile_shape": (
        "季节进度是截至各季度或各月应完成全年的累计百分比：逐期不减，最后为 100",
        "a profile is the cumulative % of the year due by each quarter or month: rising, ending at 100",
    ),
    "plan.starts_after": (
        "期限起始年（{start}）晚于目标年（{year}）",
        "the period starts ({start}) after the target year ({year})",
    ),
    "plan.unknown_task_group": ("未知的任务组 {name}", "unknown task group {name}"),
    "plan.number_twice": ("{key} 中序号 {number} 用了两次", "number {number} is used twice in {key}"),
    "plan.id_twice": ("{key} 中编号 {id} 重复", "duplicate id {id} in {key}"),
    "plan.second_figure": ("{indicator} 在 {period} 有第二个数据", "a second figure for {indicator} in {period}"),
    "plan.takes_a_number": ("{indicator} 应为数字，不能是 {value}", "{indicator} takes a number, not {value}"),
    "plan.not_a_class": ("{value} 不是可用的等级（{classes}）之一", "{value} is not one of the classes {classes}"),
    # the plan's years and period (qzdc.plan.checks.check_plan_years)
    "plan.target_year_not_after": (
        "目标年份 {year} 不晚于基期年份 {baseline}",
        "the target year {year} is not after the baseline year {baseline}",
    ),
    "plan.period_ends_before": (
        "实施期结束年（{end}）早于起始年（{start}）",
        "the period ends ({end}) before it starts ({start})",
    ),
    "plan.period_start": (
        "实施期应在基期年份 {baseline} 之后开始，且不晚于目标年份 {year}",
        "the period should start after the baseline year {baseline} and by the target year {year}",
    ),
    "plan.thresholds": (
        "判断阈值应依次降低：on_track > at_risk >= off_track",
        "thresholds must fall: on_track > at_risk >= off_track",
    ),
    # annex numbers
    "plan.annex_beyond": (
        "附表序号 {number} 超出附表的 {rows} 行",
        "annex number {number} is beyond the annex's {rows} rows",
    ),
    "plan.annex_beyond.hint": (
        "附表行数由 plan.yaml 的 annex_rows 写明",
        "plan.yaml's annex_rows says how many rows the annex has",
    ),
    "plan.annex_twice": (
        "附表序号 {number} 用了两次（{other} 也用了）",
        "annex number {number} is used twice (also by {other})",
    ),
    "plan.annex_missing": ("附表中这些行没有指标：{rows}", "annex rows without an indicator: {rows}"),
    "plan.class_twice": ("有一个等级列了两次", "a class is listed twice"),
    # what qzdc fills in itself
    "plan.filled_in": (
        "{field} 由 qzdc 按目标所在的指标填写",
        "{field} is filled in by qzdc from the indicator a target is written under",
    ),
    "plan.remove_it": ("请删除", "remove it"),
    "plan.remove_flow": ("请删除；在指标上写 flow: true", "remove it; set flow: true on the indicator"),
    "plan.unknown_flag": ("未知的标记 {name}", "unknown flag {name}"),
    "plan.declare_flag": ("请在 plan.yaml 中声明：{example}", "declare it in plan.yaml: {example}"),
    # the wider vocabulary (qzdc.plan.checks.check_target_forms)
    "plan.change_kind": (
        "较基期的变化只用于 level 和 share 目标，不用于 {kind}",
        "a change from the baseline applies to level and share targets, not {kind}",
    ),
    "plan.change_both": ("change 和 change_pct 只能写一个", "give change or change_pct, not both"),
    "plan.given_twice": (
        "目标写了两次：value {value} 和 {field} {amount}",
        "the target is given twice: value {value} and {field} {amount}",
    ),
    "plan.given_twice.hint": (
        "保留一个：方案写的目标值，或较基期的变化",
        "keep one: the value the plan writes, or its change from the baseline",
    ),
    "plan.change_needs_baseline": ("较基期的变化需要基期值", "a change from the baseline needs the baseline"),
    "plan.add_baseline": ("请添加 {example}", "add {example}"),
    "plan.change_above_minus_100": ("变化幅度必须高于 −100%", "a change must be above −100 %"),
    "plan.reduction_range": (
        "期内累计降低幅度应在 0 至 100% 之间，不能是 {value}",
        "a reduction over the period lies between 0 and 100 %, not {value}",
    ),
    "plan.reduction_direction": (
        "累计降低目标的方向是 decrease，不能是 {direction}",
        "a cumulative reduction has direction decrease, not {direction}",
    ),
    "plan.reduction_direction.hint": (
        "数据是逐年的降低率；指标本身在下降",
        "the figures are the yearly reductions; the quantity itself decreases",
    ),
    "plan.reduction_comparator": (
        "累计降低目标不能用比较符 {comparator}：目标是至少降低该值",
        "comparator {comparator} on a reduction: the target is a reduction of at least the value",
    ),
    "plan.reduction_comparator.hint": (
        '请用 ">="（默认）、">" 或 "~"（左右）',
        'use ">=" (the default), ">" or "~" (左右)',
    ),
    "plan.relative_needs": (
        "相对目标需要 relative_to：与之比较的指标",
        "a relative target needs relative_to: the indicator it is compared with",
    ),
    "plan.relative_needs.hint": ("如 {example}", "e.g. {example}"),
    "plan.relative_own": ("目标不能相对于它自己的指标", "a target cannot be relative to its own indicator"),
    "plan.relative_to_kind": (
        "relative_to 只用于 relative 目标，不用于 {kind}",
        "relative_to applies to relative targets, not {kind}",
    ),
    "plan.tolerance": (
        "容差（tolerance）只用于与另一指标同步的相对目标（比较符 ~，同步）",
        "a tolerance applies to a relative target in step with another (comparator ~, 同步)",
    ),
    "plan.no_own_value": ("{kind} 目标没有自己的目标值", "a {kind} target has no value of its own"),
    "plan.no_own_value.monitored": ("方案原文请写在 written 中", "put the plan's words in written: …"),
    "plan.no_own_value.relative": ("以另一指标的数据为标准", "the other indicator's figure is the bar"),
    "plan.judged_on_kind": (
        "judged_on 只用于 maintain 和 ordinal 目标，不用于 {kind}",
        "judged_on applies to maintain and ordinal targets, not {kind}",
    ),
    "plan.long_before": (
        "{period} 远早于方案的基期 {baseline}",
        "{period} is long before the plan's baseline {baseline}",
    ),
    # names a user types must find one thing (qzdc.plan.checks.check_name_collisions)
    "plan.same_name": (
        "{name} 与 {where} 的 {other} 会被读作同一个名称",
        "{name} reads as the same name as {other} at {where}",
    ),
    "plan.same_name.hint": (
        "比较名称时不区分全角半角、引号、空格和大小写；请让两个名称区别更大，或在各处写成同一个名称",
        "names are compared ignoring full- or half-width forms, quotes, spaces and case; "
        "make them differ by more, or write one name the same way everywhere",
    ),
    "plan.alias_is_an_id.hint": (
        "别名只能指向它自己的指标；编号不分大小写都能找到",
        "an alias must name its own indicator only; ids are found in any case",
    ),
    # a target's value as the plan writes it (qzdc.plan.notation)
    "plan.value_says": (
        "目标值 {value} 表示 {comparator}，比较符却是 {given}",
        "the value {value} says {comparator}, the comparator says {given}",
    ),
    "plan.keep_one": ("请只保留一个", "keep one of them"),
    "plan.change_cannot": (
        "{value} 是较基期的变化，{kind} 目标不能这样写",
        "{value} is a change from the baseline, which a {kind} target cannot be",
    ),
    "plan.change_cannot.hint": (
        "较基期的变化只能写在 level 或 share 目标上",
        "a change from the baseline is set on a level or share target",
    ),
    "plan.value_and_change": ("同时写了 {value} 和较基期的变化", "both {value} and a change are given"),
    "plan.total_cannot": (
        "{value} 是期内合计（〔〕），{kind} 目标不能这样写",
        "{value} is a total over the period (〔〕), which a {kind} target cannot be",
    ),
    "plan.total_cannot.hint": (
        "〔数值〕用于 cumulative 或 cumulative_reduction 目标，或 level 目标较基期的变化",
        "〔x〕 is a cumulative or cumulative_reduction target, or a level's change from its baseline",
    ),
    "yaml.nests_too_deeply": ("YAML 嵌套层数过多", "the YAML nests too deeply"),
    "yaml.not_utf8": ("不是 UTF-8 文本（第 {byte} 字节）", "not UTF-8 text (byte {byte})"),
    "yaml.save_as_utf8": ("请另存为 UTF-8 编码", "save the file as UTF-8"),
    "err.raw_is_csv": (
        "--raw 用于 CSV（--format csv 或 -o 文件.csv）：机器读的稳定列",
        "--raw is for CSV (--format csv or -o FILE.csv): the stable machine columns",
    ),
    "err.use_report": ("报告请用 qzdc report -o {output}", "for a report, use qzdc report -o {output}"),
    "err.output": ("-o：{message}", "-o: {message}"),
    "err.needs_output": ("{format} 格式需要用 -o 指定文件", "{format} needs -o FILE"),
    "err.validate_format": ("validate 只能输出 table 或 json", "validate writes table or json"),
    "err.report_format_from_name": ("无法从文件名 {name} 判断报告格式", "cannot tell the report format from {name!r}"),
    "err.report_format_from_name.hint": (
        "文件名用 .html、.xlsx、.docx 或 .md，或用 --format html|xlsx|docx|markdown 指定",
        "name the file .html, .xlsx, .docx or .md, or give --format html|xlsx|docx|markdown",
    ),
    "err.word_needs_file": (
        "Word 文档是二进制文件：请用 -o 文件名.docx 指定",
        "a Word document is a binary file: give -o FILE.docx",
    ),
    "err.workbook_needs_file": (
        "Excel 工作簿是二进制文件：请用 -o 文件名.xlsx 指定",
        "an Excel workbook is a binary file: give -o FILE.xlsx",
    ),
    "err.batch_format_from_name.hint": (
        "用 --format 指定，或用 .jsonl、.csv、.json、.md 等扩展名",
        "use --format or .jsonl/.csv/.json/.md",
    ),
    "err.crashed_on_plan": ("qzdc 处理此方案时出错（{what}）", "qzdc failed on this plan ({what})"),
    "err.crashed_on_plan.hint": (
        "这是 qzdc 的缺陷：请连同方案一起报告",
        "this is a bug in qzdc: please report it with the plan",
    ),
    "msg.batch_failed_plan": ("qzdc：{directory}：{message}", "qzdc: {directory}: {message}"),
    "err.batch_failed": (
        "{failed} 个方案（共 {total} 个）读取失败：{names}",
        "{failed} of {total} plan(s) failed: {names}",
    ),
    # the system's reasons (qzdc.errors.os_reason)
    "os.ENOSPC": ("磁盘空间不足", "No space left on device"),
    "os.EACCES": ("没有权限", "Permission denied"),
    "os.EPERM": ("不允许此操作", "Operation not permitted"),
    "os.ENOENT": ("文件或目录不存在", "No such file or directory"),
    "os.EISDIR": ("这是一个目录", "Is a directory"),
    "os.ENOTDIR": ("路径中有一项不是目录", "Not a directory"),
    "os.EROFS": ("只读文件系统", "Read-only file system"),
    "os.EEXIST": ("文件已存在", "File exists"),
    "os.ENAMETOOLONG": ("文件名太长", "File name too long"),
    "os.EIO": ("输入输出错误", "Input/output error"),
    "os.EDQUOT": ("超出磁盘配额", "Disk quota exceeded"),
    "os.EBUSY": ("文件正被占用", "Device or resource busy"),
    # record, import, history
    "msg.no_figures": ("方案和 {path} 中都没有{name}的数据", "no figures for {name} in the plan or in {path}"),
    "err.record_option": ("{name} 不是 record 的选项", "{name} is not an option of record"),
    "err.record_options_are": ("record 的选项有 {options}", "its options are {options}"),
    "err.record_extra": (
        "record 只需要 指标 期间 数值 三个参数；“{extra}”是多出来的",
        "record takes INDICATOR PERIOD VALUE; {extra!r} is one argument too many",
    ),
    "err.record_extras": (
        "record 只需要 指标 期间 数值 三个参数；“{extra}”是多出来的",
        "record takes INDICATOR PERIOD VALUE; {extra!r} are arguments too many",
    ),
    "err.record_extra.hint": ("含空格的数值或名称请加引号", "quote a value or name that has spaces"),
    # the plan's own words: periods, indicators, categories, statuses, departments
    "err.not_a_period": ("{value} 不是期间", "{value} is not a period"),
    "err.not_a_period.write": (
        "{value} 不是期间：应写年份（2024）、季度（2025-Q3）或月份（2025-09）",
        "{value} is not a period: write a year (2024), a quarter (2025-Q3) or a month (2025-09)",
    ),
    "err.not_a_period.quarters": ("{value} 不是期间：季度为 Q1 至 Q4", "{value} is not a period: quarters run Q1–Q4"),
    "err.not_a_period.halves": ("{value} 不是期间：半年为 H1 和 H2", "{value} is not a period: halves are H1 and H2"),
    "err.not_a_period.months": ("{value} 不是期间：月份为 01 至 12", "{value} is not a period: months run 01–12"),
    "err.not_a_period.months_1_12": ("{value} 不是期间：月份为 1 至 12", "{value} is not a period: months run 1–12"),
    "err.period_without_year": (
        "{value} 没有写年份：请连同年份一起写，如 2025年{text}",
        "{value} has no year: write it with the year, e.g. 2025年{text}",
    ),
    "err.period_from_january": (
        "{value} 不是期间：数据从1月起算（1-{n}月），不能从{first}月起",
        "{value} is not a period: a figure runs from January (1-{n}月), not from month {first}",
    ),
    "err.period_january_or_october": (
        "{value} 不是期间：可能是1月也可能是10月；请写 2025-01 或 2025-10",
        "{value} is not a period: it may be January or October; write 2025-01 or 2025-10",
    ),
    "err.no_annex_number": ("没有序号为 {number} 的指标", "no indicator has annex number {number}"),
    "err.no_annex_number.hint": ("{table}的序号为 1 至 {rows}", "{table} runs 1–{rows}"),
    "err.the_indicator_table": ("指标表", "the indicator table"),
    "err.no_annex_numbers": ("此方案的指标没有序号", "this plan numbers no indicator"),
    "err.ambiguous_indicator": ("{name} 对应多个指标：{ids}", "{name} names more than one indicator: {ids}"),
    "err.ambiguous_indicator.hint": ("请把名称写完整，或用指标编号", "write more of the name, or the indicator's id"),
    "err.unknown_indicator": ("没有指标 {name}", "unknown indicator {name}"),
    "err.unknown_indicator.hint": (
        "指标编号、附件1序号和名称见 qzdc indicators",
        "see `qzdc indicators` for ids, annex numbers and names",
    ),
    "err.unknown_category": ("没有一级指标 {name}", "unknown category {name}"),
    "err.unknown_category.hint": ("一级指标有：{known}", "categories are {known}"),
    "err.unknown_status": ("没有状态 {name}", "unknown status {name}"),
    "err.unknown_status.hint": ("状态有：{known}", "statuses are {known}"),
    "err.fail_on_status": ("--fail-on 不能取 {name}", "--fail-on cannot be {name}"),
    "err.fail_on_status.hint": ("可选：{known}", "choose {known}"),
    "word.with_code": ("{word}（{code}）", "{code} ({word})"),
    "word.name_id": ("{name}（{id}）", "{name} ({id})"),
    "err.since_not_before": (
        "--since {since} 不早于评价的期间（{judged}）",
        "--since {since} is not before the period judged ({judged})",
    ),
    "err.since_not_before.as_of": ("--as-of {period}", "--as-of {period}"),
    "err.since_not_before.latest": ("最新数据 {period}", "the latest data, {period}"),
    "err.since_not_before.hint": (
        "--since 用于与更早的期间比较：请录入更晚的数据，或用 --as-of 指定更晚的期间",
        "--since compares with an earlier period: record later figures, or give --as-of a later period",
    ),
    "err.no_list": ("方案 {plan} 没有{which}清单", "the plan {plan} has no {which}"),
    "list.tasks": ("任务", "tasks"),
    "list.policies": ("政策", "policies"),
    "list.reforms": ("改革", "reforms"),
    "err.no_list.its": ("它的清单有：{lists}", "its lists: {lists}"),
    "err.no_list.none": ("它没有任务、政策或改革清单", "it has no task, policy or reform list"),
    "err.no_flag": ("方案 {plan} 没有标记 {flag}", "the plan {plan} has no flag {flag}"),
    "err.no_flag.its": ("它的标记有：{flags}", "its flags: {flags}"),
    "err.no_flag.none": ("它没有定义标记（plan.yaml 的 flags）", "it defines no flags (plan.yaml flags)"),
    "err.schema_kind": ("没有叫 {kind} 的方案文件", "no plan file is called {kind}"),
    "err.schema_which": (
        "请指定一个文件（qzdc schema indicators），或用一个目录存放全部四个（qzdc schema -o 目录）",
        "name a file (qzdc schema indicators) or a directory for all four (qzdc schema -o DIR)",
    ),
    "err.schema_files": ("方案文件有：{files}", "the files: {files}"),
    "err.schema_not_directory": ("-o：{path} 不是目录", "-o: {path} is not a directory"),
    "err.schema_not_directory.hint": ("四个 schema 文件放在一个目录中", "all four schemas go into a directory"),
    "err.schema_mkdir": ("-o：无法创建目录 {path}：{reason}", "-o: cannot make the directory {path}: {reason}"),
    # statuses as a narrow column heads them (qzdc batch): short, and no two alike
    "short.achieved": ("实现", "done"),
    "short.on_track": ("正常", "on track"),
    "short.at_risk": ("风险", "at risk"),
    "short.off_track": ("滞后", "off track"),
    "short.moving_away": ("背离", "away"),
    "short.pending": ("待完成", "pending"),
    "short.no_data": ("无数据", "no data"),
    "short.monitored": ("监测", "monitored"),
    # the audit's rules, one line each in a table (qzdc.views.audit)
    "audit.group": ("{rule}：{n} 项，涉及 {names}", "{rule}: {n} findings, for {names}"),
    "audit.rule.rate_level_conflict": ("增速与总量目标矛盾", "rate against level"),
    "audit.rule.aspirational_beyond_binding": ("力争目标高于约束性目标", "aspiration beyond the binding target"),
    "audit.rule.conflicting_values": ("同一目标数值不一", "a target stated with two values"),
    "audit.rule.conflicting_comparators": ("同一目标表述不一", "a target stated two ways"),
    "audit.rule.conflicting_strength": ("约束性与力争不一", "binding in one place, aspirational in another"),
    "audit.rule.baseline_vintage": ("基期值实为其他年份", "a baseline from another year"),
    "audit.rule.baseline_year": ("基期年份与方案不同", "a baseline year other than the plan's"),
    "audit.rule.department_variants": ("单位名称疑似重复", "department names that look alike"),
    "audit.rule.target_equals_baseline": ("目标值等于基期值", "a target equal to its baseline"),
    "audit.rule.met_at_baseline": ("基期已达到目标", "met at the baseline"),
    "audit.rule.rate_below_baseline": ("目标增速低于基期增速", "a target rate below the baseline's"),
    "audit.rule.share_over_100": ("比率将超过100%", "a share passing 100 %"),
    "audit.rule.level_rate_mismatch": ("总量与增速数据不符", "level and growth figures that disagree"),
    "audit.rule.unowned_target": ("没有责任单位的目标", "targets no department carries"),
    "audit.rule.stated_figures_differ": ("同一数据前后不一", "a figure stated twice, differently"),
    # a value and its comparator (qzdc.views.target_text.compared)
    # 以上/以下/以内 include the number and 超过/低于 do not (民法典第一千二百五十九条), as the plan
    # notation reads them (qzdc.plan.notation): what a table prints reads back as the same comparator
    "cmp.>": ("超过{value}", ">{value}"),
    "cmp.>=": ("{value}以上", "at least {value}"),
    "cmp.<": ("低于{value}", "<{value}"),
    "cmp.<=": ("{value}以内", "≤{value}"),
    "cmp.~": ("{value}左右", "≈{value}"),
    "cmp.=": ("{value}", "={value}"),
    "cmp.class": ("{value}类", "{value}"),
    "cmp.class.<": ("优于{value}类", "better than {value}"),
    "cmp.class.<=": ("不劣于{value}类", "{value} or better"),
    "unit.pp": ("个百分点", "pp"),
    "path.geometric": ("几何", "geometric"),
    "path.linear": ("线性", "linear"),
    "chart.axis": ("纵轴 {low}–{high}", "axis {low}–{high}"),
    "word.in_brackets": ("（{text}）", "({text})"),
    "err.unknown_department": ("方案中没有单位 {name}", "no department named {name} in the plan"),
    "err.unknown_department.hint": ("单位列表见 qzdc owners", "run `qzdc owners` for the list"),
    # calc
    "err.calc_not_finite": ("--{name} 应为有限的数字，不能是 {value}", "--{name} must be a finite number, not {value}"),
    "err.calc_negative_years": ("--years 不能为负数", "--years must not be negative"),
    "err.calc_period": ("--period 应为正整数年数", "--period must be a positive number of years"),
    # figures as people write them (qzdc.actuals.values)
    "val.wants_number": ("{name}应为数字", "{name} takes a number"),
    "val.wants_number_in": ("{name}应为以{unit}计的数字", "{name} takes a number in {unit}"),
    "val.wants_milestone": (
        "{name}是里程碑：应写 done（完成）、not done（未完成）或完成日期（YYYY-MM-DD）",
        "{name} is a milestone: write done, not done or the date it was done (YYYY-MM-DD)",
    ),
    "val.not": ("{wants}，不能是 {value}", "{wants}, not {value}"),
    "val.not_finite": ("{name}应为有限的数字，不能是 {value}", "{name} takes a finite number, not {value}"),
    "val.without_unit": ("数值后面不要带单位", "write the value without its unit"),
    "val.out_of_range": (
        "{name}：{value} 超出范围：数值应在 ±10^15 以内",
        "{name}: {value} is out of range: a figure lies within ±10^15",
    ),
    "val.out_of_range.hint": ("请检查位数", "check the number of digits"),
    "val.rule": ("{name}是{what}：{number} {problem}", "{name} is {what}: {number} {problem}"),
    "rule.growth_rate": ("增速（%）", "a growth rate in %"),
    "rule.growth_rate.hint": ("降幅不会超过 100%", "a fall cannot exceed 100 %"),
    "rule.reduction": ("降幅（%）", "a reduction in %"),
    "rule.reduction.hint": ("数量不会减少 100% 或更多", "a quantity cannot fall by 100 % or more"),
    "rule.share": ("比率（%）", "a share in %"),
    "rule.rate": ("百分比", "a rate in %"),
    "rule.count": ("个数（{unit}）", "a count of {unit}"),
    "rule.number": ("数字", "a number"),
    "rule.negative": ("不能为负", "cannot be negative"),
    "rule.outside": ("不在 {low} 至 {high} 之间", "is outside {low}–{high}"),
    "rule.not_above": ("不高于 {low}", "is not above {low}"),
    "rule.not_below": ("不低于 {high}", "is not below {high}"),
    "rule.not_whole": ("不是整数", "is not a whole number"),
    "val.no_unit": ("{name}没有单位，而 {value} 带有单位 {unit}", "{name} has no unit, but {value} is in {unit}"),
    "val.no_unit.hint": ("只写数字", "write the number alone"),
    "val.other_unit": (
        "{value} 的单位是 {unit}，而{name}的单位是 {own}",
        "{value} is in {unit}, but {name} is in {own}",
    ),
    "val.other_unit.hint": ("请按 {own} 填写", "write the figure in {own}"),
    "val.class": ("{name}应为等级（{classes}），不能是 {value}", "{name} takes a class ({classes}), not {value}"),
    "val.future_date": ("{name}：日期 {date} 还没到", "{name}: the date {date} is in the future"),
    "val.future_date.hint": ("里程碑完成后再录入", "record a milestone once it is done"),
    "val.done_after": (
        "{name}：{date} 完成，晚于 {period} 的期末",
        "{name}: done on {date}, after the end of {period}",
    ),
    "val.done_after.hint": ("请录入到完成的期间，如 {year}", "record it for the period it was done in, e.g. {year}"),
    "val.date_not_period": (
        "日期 {date} 不是期间：应写 2024、2025-Q3 或 2025-09",
        "the date {date} is not a period: write 2024, 2025-Q3 or 2025-09",
    ),
    "val.outside_plan": (
        "{period} 不在方案期内：方案从 {baseline} 年（基期）到 {target} 年",
        "{period} is outside the plan, which runs from its {baseline} baseline to {target}",
    ),
    "val.future_period": (
        "{period} 还没到：{opens} 起才能录入",
        "{period} is in the future: it can be recorded from {opens}",
    ),
    "val.future_period.hint": ("今天是 {today}", "today is {today}"),
    "val.must_be_text": ("{field} 应为文字，不能是 {value}", "{field} must be text, not {value}"),
    "val.must_be_text.hint": ("在 YAML 文件中给它加上引号", "quote it in the YAML file"),
    "val.not_datetime": ("不是日期时间：{value}", "not a date and time: {value}"),
    "val.not_datetime.hint": ('请写成 "2026-11-29T08:30:00+08:00"', 'write it as "2026-11-29T08:30:00+08:00"'),
    "val.period_alone": (
        "{name}按年初至今计算，{value} 可能只是{part}的数：请写年初至今的期间，如 {forms}",
        "{name} counts from January, and {value} may be the {part} own figure: write the year to date, e.g. {forms}",
    ),
    "val.period_alone.Q": ("当季", "quarter's"),
    "val.period_alone.M": ("当月", "month's"),
    "val.period_alone.H": ("下半年", "second half's"),
    "val.or_year_option": ("或用 --year 指定年份", "or give the year with --year"),
    "val.missing_indicator": ("缺少指标", "the indicator is missing"),
    "val.missing_period": ("缺少期间", "the period is missing"),
    "val.missing_value": ("缺少数值", "the value is missing"),
    "val.nothing": ("空值", "nothing"),
    "val.a_mapping": ("一个映射", "a mapping"),
    "val.a_list": ("一个列表", "a list"),
    "val.option": ("{option}：{error}", "{option}: {error}"),
    "val.option_outside_plan": ("{option} {period} 不在方案期内", "{option} {period} is outside the plan"),
    "val.option_outside_plan.hint": ("方案期为 {start} 年至 {end} 年", "the plan runs from {start} to {end}"),
    # the actuals file (qzdc.actuals.store) and files written (qzdc.fsutil)
    "store.default_file": ("默认实际值文件", "the default actuals file"),
    "store.is_directory": ("{where}：{path} 是目录", "{where}: {path} is a directory"),
    "store.is_directory.hint": ("请写文件名，如 {example}", "name a file, e.g. {example}"),
    "store.no_directories": ("qzdc 只新建实际值文件，不新建目录", "qzdc creates the actuals file, not directories"),
    "store.where": ("{where}：{problem}", "{where}: {problem}"),
    "store.does_not_exist": ("{path} 不存在；未读取实际值", "{path} does not exist; no actuals read"),
    "store.not_a_directory": ("{path} 不是目录", "{path} is not a directory"),
    "store.no_such_directory": ("目录 {path} 不存在", "the directory {path} does not exist"),
    "store.note": ("qzdc：提示：{text}", "qzdc: note: {text}"),
    "store.directory_not_file": ("{path} 是目录，不是实际值文件", "{path} is a directory, not an actuals file"),
    "store.cannot_read": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "store.not_utf8": ("不是 UTF-8 文本（第 {byte} 字节）", "not UTF-8 text (byte {byte})"),
    "store.not_utf8.hint": ("请把文件另存为 UTF-8 编码", "save the file as UTF-8"),
    "store.cannot_read_file": ("无法读取 {path}", "cannot read {path}"),
    "store.file_shape": (
        "实际值文件应为只含一个键 actuals 的映射，actuals 下是各条数据的列表",
        "an actuals file is a mapping with one key, actuals: a list of entries",
    ),
    "store.unknown_key": ("未知的键 {key!r}", "unknown key {key!r}"),
    "store.unknown_key.hint": (
        "文件只有一个键：actuals（各条数据的列表）",
        "the file holds one key, actuals: a list of entries",
    ),
    "store.not_a_list": ("actuals 应为各条数据的列表", "actuals must be a list of entries"),
    "store.entry_shape": (
        "每条数据应为含 indicator、period 和 value 的映射",
        "an entry is a mapping with indicator, period and value",
    ),
    "store.unknown_field": ("未知的字段 {key!r}", "unknown field {key!r}"),
    "store.entry_fields": ("每条数据的字段有 {fields}", "an entry has {fields}"),
    "store.problems": ("{path} 有 {count} 处问题", "{path} has {count} problem(s)"),
    "store.nothing_written": (
        "未写入 {path}：有 {count} 处问题",
        "nothing was written to {path}: {count} problem(s)",
    ),
    "store.cannot_write": ("无法写入 {path}：{problem}", "cannot write {path}: {problem}"),
    "store.locked": (
        "另一个 qzdc 已在写 {path} 达 {seconds} 秒；未写入",
        "another qzdc has been writing {path} for {seconds} s; nothing was written",
    ),
    "store.locked.hint": ("请在它写完后重试", "try again once it has finished"),
    "store.cannot_lock": ("无法锁定 {path}：{reason}；未写入", "cannot lock {path}: {reason}; nothing was written"),
    "store.fix_first": (
        "{path} 有 {count} 处问题，请先改正；未写入",
        "{path} has {count} problem(s); fix them first, nothing was written",
    ),
    "store.cannot_update": ("无法更新 {path}：{reason}；未写入", "cannot update {path}: {reason}; nothing was written"),
    "store.bug.hint": ("这是 qzdc 的缺陷：请连同文件一起报告", "this is a bug in qzdc: please report it with the file"),
    "store.read_back": (
        "更新后的 {path} 读回的内容与预期不符；未写入",
        "the updated {path} did not read back as intended; nothing was written",
    ),
    "cache.not_used": (
        "qzdc：提示：未使用方案缓存 {path}：{why}（qzdc 只从别人不能写入的目录读取缓存）",
        "qzdc: note: the plan cache {path} is not used: {why} "
        "(qzdc reads its cache only from a directory no one else can write to)",
    ),
    "cache.another_user": ("它属于另一个用户", "it belongs to another user"),
    "cache.others_write": ("其他人可以写入它", "others may write to it"),
    "cache.not_a_directory": ("它不是目录", "it is not a directory"),
    "cache.not_a_file": ("它不是普通文件", "it is not a regular file"),
    "fs.cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    # files as trusted tools handle them (qzdc.fsutil)
    "fs.cannot_read": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "fs.kind.fifo": ("命名管道（FIFO）", "a named pipe (FIFO)"),
    "fs.kind.char": ("字符设备", "a character device"),
    "fs.kind.block": ("块设备", "a block device"),
    "fs.kind.socket": ("套接字", "a socket"),
    "fs.kind.dir": ("目录", "a directory"),
    "fs.kind.special": ("特殊文件", "a special file"),
    "fs.not_regular": (
        "{path} 是{kind}，不是普通文件；未读取任何内容",
        "{path} is {kind}, not a regular file; nothing was read",
    ),
    "fs.not_regular.hint": (
        "qzdc 只从普通文件读取：请先把数据存为文件",
        "qzdc reads its files only from regular files: save the data to a file first",
    ),
    "fs.what.plan": ("方案文件", "a plan file"),
    "fs.what.actuals": ("实际值文件", "an actuals file"),
    "fs.what.import": ("导入文件", "an import file"),
    "fs.too_large": (
        "{path} 超过 {limit}，即 qzdc 对{what}的上限；未读取任何内容",
        "{path} is larger than {limit}, qzdc's limit for {what}; nothing was read",
    ),
    "fs.too_large.hint": ("请拆分为较小的文件（上限见说明文档）", "split it into smaller files (README: Limits)"),
    "fs.input_as_output": (
        "{path} 是本命令读取的文件（方案文件或实际值文件）；未写入任何内容",
        "{path} is a file this command reads (a plan file or the actuals file); nothing was written",
    ),
    "fs.input_as_output.hint": ("请把输出写到另一个文件名", "write the output under another name"),
    "fs.cannot_write_kind": ("无法写入 {path}：它是{kind}", "cannot write {path}: it is {kind}"),
    "fs.read_only": (
        "无法写入 {path}：文件为只读；未写入任何内容",
        "cannot write {path}: it is read-only; nothing was written",
    ),
    "fs.read_only.hint": (
        "如确需修改，请先把它设为可写",
        "make it writable (chmod u+w) if it is meant to change",
    ),
    "fs.hard_links": (
        "无法写入 {path}：它有 {count} 个硬链接，替换它会使其他名称仍指向旧内容；未写入任何内容",
        "cannot write {path}: it has {count} hard links, and replacing it would leave the others "
        "with the old contents; nothing was written",
    ),
    "fs.hard_links.hint": ("请写到另一个文件名，或删除其他链接", "write to another name, or remove the other links"),
    "fs.changed": (
        "{path} 在写入时被改动；未写入任何内容",
        "{path} changed while it was being written; nothing was written",
    ),
    "fs.changed.hint": ("请重试", "try again"),
    "splice.cannot_append": (
        "无法在不改动 {path} 现有内容的情况下追加：{construct}；未写入任何内容",
        "cannot append to {path} without changing what it holds: {construct}; nothing was written",
    ),
    "splice.document_end": ("文件以 ... 一行结束其 YAML 文档", "the file ends its YAML document with a '...' line"),
    "splice.document_end.hint": ("删除末尾的 ... 一行，再录入", "delete the '...' line, then record again"),
    "splice.root_scalar": (
        "文件的内容是 {value}，不是以 actuals: 开头的映射",
        "the file holds {value}, not a mapping with actuals:",
    ),
    "splice.root_scalar.hint": ("删除它，再在空文件上录入", "delete it, then record into the empty file"),
    "splice.flow_mapping": (
        "文件写成了用花括号括起的流式映射",
        "the file is written as a mapping in braces (flow style)",
    ),
    "splice.flow_list": (
        "actuals 写成了用方括号括起的流式列表",
        "actuals is written as a list in brackets (flow style)",
    ),
    "splice.flow.hint": (
        "qzdc 只在块式列表（以“- ”开头的各行）之后追加：请把各条数据改写为这样的行",
        'qzdc appends only after a block list (lines that start with "- "): write the entries as such lines',
    ),
    "splice.scalar_value": ("actuals: 后写着 {value}", "actuals: is followed by {value}"),
    "splice.scalar_value.hint": (
        "删除它，让 actuals: 单独占一行，再录入",
        "delete it, leaving actuals: alone on its line, then record again",
    ),
    "val.not_text": (
        "{field} 中有不是文本的字节（不是 UTF-8）",
        "{field} holds bytes that are not text (not UTF-8)",
    ),
    "val.not_text.hint": ("请重新输入；表格请另存为 UTF-8", "type it again; save a sheet as UTF-8"),
    "store.hard_links_layout": (
        "{path} 有 {count} 个硬链接，只能在原处追加，而此文件的写法需要改动其中内容；未写入任何内容",
        "cannot append to {path} in place (it has {count} hard links), and this file's layout needs a change "
        "inside it; nothing was written",
    ),
    "store.cannot_lock.hint": (
        "qzdc 需要在实际值文件旁创建或打开这个锁文件",
        "qzdc needs to create or open that lock file beside the actuals file",
    ),
    "msg.escaped_characters": (
        "qzdc：提示：输出编码 {encoding} 无法表示部分字符，已写为 \\uXXXX 转义"
        "（设置 PYTHONIOENCODING=utf-8，或用 -o 写入文件，文件总是 UTF-8）",
        "qzdc: note: the output encoding {encoding} cannot carry some characters; they are written as \\uXXXX "
        "escapes (set PYTHONIOENCODING=utf-8, or write to a file with -o, which is always UTF-8)",
    ),
    "err.empty_path": ("{option}：路径为空", "{option}: the path is empty"),
    "err.empty_path.hint": (
        "请指定文件或目录，或去掉 {option}",
        "name a file or directory, or leave {option} out",
    ),
    # importing figures (qzdc.actuals.importer)
    "imp.on_sheet": ("（工作表 {sheet}）", " on sheet {sheet!r}"),
    "imp.header_reads": ("表头行为：{cells}", "the header row reads: {cells}"),
    "imp.first_row_reads": ("第一行为：{cells}", "the first row reads: {cells}"),
    "imp.empty": ("文件是空的", "the file is empty"),
    "imp.missing_columns": ("{path}：缺少列 {columns}{where}", "{path}: missing column(s) {columns}{where}"),
    "imp.missing_columns.hint": (
        "{seen}；列名为 指标、期间、数值、来源、备注（或 indicator、period、value、source、note），"
        "或者 指标名称 加上每个期间一列（2024年、2025年1-9月）",
        "{seen}; columns are indicator, period, value, source, note (指标, 期间, 数值, 来源, 备注), "
        "or 指标名称 and a column per period (2024年, 2025年1-9月)",
    ),
    "imp.twice": ("{name} {period} 出现了两次：另见 {cell}", "{name} {period} is given twice: also at {cell}"),
    "imp.twice.hint": (
        "一个文件中每个数据只写一次；修订请另行导入",
        "a file gives each figure once; a revision is a later import",
    ),
    "imp.column_no_year": ("{path}：列 {column} 没有年份", "{path}: the column {column} has no year"),
    "imp.no_year.hint": (
        "请用 --year 2025 指定，或在表头或工作表标题中写上年份",
        "give it with --year 2025, or write the year in the header or the sheet's title",
    ),
    "imp.bad_cells": (
        "{path}：{rows} 行中有 {cells} 个单元格有误{where}；未导入任何数据",
        "{path}: {cells} bad cell(s) in {rows} row(s){where}; nothing was imported",
    ),
    "imp.no_figures": (
        "{path}：表头下面没有可导入的数据{where}",
        "{path}: no figures to import below the header{where}",
    ),
    "imp.sheet_of_csv": (
        "--sheet 用于选择 .xlsx 工作簿中的工作表；CSV 文件只有一个表",
        "--sheet picks a sheet of an .xlsx workbook; a CSV file has one",
    ),
    "imp.no_sheet": ("{path} 中没有工作表 {sheet!r}", "{path} has no sheet {sheet!r}"),
    "imp.sheets_are": ("其中的工作表有：{sheets}", "its sheets are {sheets}"),
    "imp.column": ("{english}（{chinese}）", "{english} ({chinese})"),
    "imp.nul_bytes": (
        "{path}：不是 CSV 文本文件（含 NUL 字节；是 UTF-16 或二进制文件？）",
        "{path}: not a CSV text file (it holds NUL bytes; UTF-16 or a binary file?)",
    ),
    "imp.save_as_csv": (
        "请在 Excel 中另存为“CSV UTF-8”或“CSV（逗号分隔）”",
        "in Excel, save as “CSV UTF-8” or “CSV (逗号分隔)”",
    ),
    "imp.encoding": (
        "{path}：无法读取文字：既不是 UTF-8，也不是 GB18030/GBK 编码",
        "{path}: cannot read the text: it is neither UTF-8 nor GB18030/GBK",
    ),
    "imp.bad_csv": ("{path}：不是可读的 CSV 文件：{reason}", "{path}: not a readable CSV file: {reason}"),
    "imp.bad_workbook": ("不是可读的 .xlsx 工作簿", "not a readable .xlsx workbook"),
    "imp.unreadable": (
        "无法读取 {path}：{reason}；未导入任何数据",
        "cannot read {path}: {reason}; nothing was imported",
    ),
    "imp.too_many": (
        "{path} 超过 {limit}，即 qzdc 对导入的上限；未导入任何数据",
        "{path} has more than {limit}, qzdc's limit for an import; nothing was imported",
    ),
    "imp.limit.rows": ("{count} 行", "{count} rows"),
    "imp.limit.cells": ("{count} 个单元格", "{count} cells"),
    "imp.unpacked": (
        "{path} 解压后超过 {limit}，即 qzdc 对工作簿的上限；未导入任何数据",
        "{path} unpacks to more than {limit}, qzdc's limit for a workbook; nothing was imported",
    ),
    "imp.bad_reference": ("单元格引用 {ref} 超出任何工作表的范围", "the cell reference {ref} is outside any sheet"),
    "imp.doctype": (
        "其中的 XML 声明了 DOCTYPE，Excel 写出的工作簿从不如此",
        "its XML declares a DOCTYPE, which no workbook Excel writes has",
    ),
    "imp.bad_xml": ("{part} 不是格式正确的 XML（{error}）", "{part} is not well-formed XML ({error})"),
    "imp.save_as_xlsx": ("请用 Excel 重新另存为 .xlsx", "save it again from Excel as .xlsx"),
    "imp.no_extension": ("没有扩展名的文件", "a file without an extension"),
    "imp.cannot_import": (
        "{path}：不能导入 {what}；请用 .csv 或 .xlsx",
        "{path}: cannot import {what}; use .csv or .xlsx",
    ),
    "imp.save_from_excel": ("请用 Excel 另存为 .xlsx 或 CSV", "save it from Excel as .xlsx or CSV"),
    "imp.no_such_file": ("{path}：文件不存在", "{path}: no such file"),
    "imp.is_directory": ("{path} 是目录", "{path} is a directory"),
    "msg.valid": (
        "有效：{indicators} 个指标（附件1 {annex} 个），{targets} 个目标，{tasks} 项任务，{policies} 项政策，{reforms} 项改革",
        "valid: {indicators} indicators ({annex} in the annex), {targets} targets, {tasks} tasks, {policies} policies, {reforms} reforms",
    ),
}
_WORDS.update(_MESSAGES)


# ── units ────────────────────────────────────────────────────────────────────
# A Chinese unit is a scale (万, 亿 …) on a base (元, 亩, 人 …); in English each part
# is translated: 亿元 → 100 million yuan, 万美元 → 10,000 US dollars, 万亩 → 10,000 mu.

_UNIT_SCALES: list[tuple[str, str]] = [
    ("万亿", "trillion"),
    ("千万", "10 million"),
    ("百万", "million"),
    ("十万", "100,000"),
    ("亿", "100 million"),
    ("万", "10,000"),
    ("千", "1,000"),
    ("百", "100"),
]
_UNIT_BASES: dict[str, str] = {
    "元": "yuan",
    "美元": "US dollars",
    "亩": "mu",
    "公顷": "hectares",
    "人": "people",
    "户": "households",
    "家": "firms",
    "个": "",
    "项": "items",
    "件": "items",
    "吨": "tonnes",
    "岁": "years",
    "人口": "population",
    "年": "years",
    "天": "days",
    "公里": "km",
    "千米": "km",
    "米": "m",
    "平方公里": "sq km",
    "平方千米": "sq km",
    "平方米": "sq m",
    "千瓦时": "kWh",
    "倍": "times",
    "类": "class",
    "床": "beds",
    "张": "",
    "所": "",
    "座": "",
    "辆": "vehicles",
    "%": "%",
    "‰": "‰",
}


def amount(number: str, unit: str) -> str:
    """A number and its unit in a sentence: 87.05 亿元, 3 firms, 87.05 (100 million yuan) where the unit is a scale."""
    if not unit:
        return number
    return f"{number} ({unit})" if unit[0].isdigit() else f"{number} {unit}"


def unit_text(unit: str, lang: str | None = None) -> str:
    """An indicator's unit in `lang`: as written in Chinese; translated in English (亿元 → 100 million yuan)."""
    if (lang or language()) == "zh" or not unit:
        return unit
    if unit in _UNIT_BASES:
        return _UNIT_BASES[unit]
    for prefix, scale in _UNIT_SCALES:
        if unit.startswith(prefix) and unit[len(prefix) :] in _UNIT_BASES:
            base = _UNIT_BASES[unit[len(prefix) :]]
            return f"{scale} {base}".strip()
    if "/" in unit:  # a ratio: 人/千人口, 件/万人
        return "/".join(unit_text(part, lang) or part for part in unit.split("/"))
    return unit


# ── the people's CSV: a column header for every machine key ──────────────────
# `--format csv` heads its columns with these words, in the run's language;
# `--format csv --raw` keeps the keys themselves (the stable machine columns).

_CSV: dict[str, tuple[str, str]] = {
    "csv.id": ("编号", "ID"),
    "csv.indicator": ("指标编号", "Indicator ID"),
    "csv.annex_no": ("序号", "No."),
    "csv.category": ("类别", "Category"),
    "csv.name": ("指标", "Chinese name"),
    "csv.name_en": ("英文名称", "Indicator"),
    "csv.unit": ("单位", "Unit"),
    "csv.kind": ("类型", "Kind"),
    "csv.direction": ("方向", "Direction"),
    "csv.path": ("路径", "Path"),
    "csv.comparator": ("比较", "Comparator"),
    "csv.strength": ("属性", "Strength"),
    "csv.pilot": ("试点", "Pilot"),
    "csv.flags": ("标记", "Flags"),
    "csv.baseline_year": ("基期年份", "Baseline year"),
    "csv.baseline_value": ("基期值", "Baseline"),
    "csv.latest_period": ("最新期间", "Latest period"),
    "csv.latest_value": ("最新值", "Latest"),
    "csv.latest_origin": ("最新值来源", "Latest from"),
    "csv.actual_year": ("{year}年实际", "{year} actual"),
    "csv.actuals": ("各年实际", "Actuals by year"),
    "csv.latest_flow": ("当期", "In the period"),
    "csv.latest_inferred": ("年份为推定", "Year inferred"),
    "csv.target_year": ("目标年份", "Target year"),
    "csv.target_value": ("目标值", "Target"),
    "csv.status": ("状态", "Status"),
    "csv.final": ("最终", "Final"),
    "csv.stale": ("数据陈旧", "Stale"),
    "csv.rests_on": ("依据期间", "Rests on"),
    "csv.progress_pct": ("进度（%）", "Progress (%)"),
    "csv.held_periods": ("达标期数", "Periods held"),
    "csv.held_of": ("判断期数", "Periods judged"),
    "csv.time_elapsed_pct": ("序时进度（%）", "Time elapsed (%)"),
    "csv.on_schedule": ("达序时", "On schedule"),
    "csv.pace_ratio": ("速度比 R", "Pace ratio R"),
    "csv.required_now": ("尚需/年", "Needed/yr"),
    "csv.required_rest": ("至目标年共需", "Needed in all"),
    "csv.gap": ("差距", "Gap"),
    "csv.required_from_period": ("尚需起算期间", "Needed from period"),
    "csv.required_from_value": ("尚需起算值", "Needed from value"),
    "csv.ytd_period": ("年内期间", "Year-to-date period"),
    "csv.ytd_value": ("年内累计", "Year to date"),
    "csv.ytd_due": ("年内应达", "Due by now this year"),
    "csv.ytd_rest_of_year": ("本年尚需", "Still needed this year"),
    "csv.expected_now": ("当前应达", "Expected now"),
    "csv.expected_of": ("应达对照", "Expected of"),
    "expected_of.value": ("最新值", "the latest value"),
    "expected_of.running_total": ("累计数", "the running total"),
    "expected_of.year_to_date": ("年内累计数", "the year to date"),
    "csv.rate_level": ("按增速目标预计", "At the plan's own rate"),
    "csv.rate_level_gap": ("按增速目标预计差距", "Gap at the plan's own rate"),
    "csv.projected": ("按实际速度预计", "Projected"),
    "csv.projected_gap": ("预计差距", "Projected gap"),
    "csv.year_reached": ("达标年份", "Year reached"),
    "csv.owners_lead": ("牵头单位", "Lead"),
    "csv.owners_support": ("配合单位", "Supporting"),
    "csv.method": ("方法", "Method"),
    "csv.notes": ("说明", "Notes"),
    "csv.source": ("出处", "Source"),
    "csv.plan": ("方案", "Plan"),
    "csv.plan_dir": ("方案目录", "Plan directory"),
    "csv.as_of": ("截至", "As of"),
    "csv.role": ("职责", "Role"),
    "csv.number": ("序号", "No."),
    "csv.group": ("任务组", "Group"),
    "csv.group_name": ("任务组名称", "Group name"),
    "csv.lead": ("牵头单位", "Lead"),
    "csv.support": ("配合单位", "Supporting"),
    "csv.targets": ("目标", "Targets"),
    "csv.text": ("内容", "Item"),
    "csv.department": ("单位", "Department"),
    "csv.task_lead": ("牵头任务", "Tasks led"),
    "csv.task_support": ("配合任务", "Tasks supported"),
    "csv.policy_lead": ("牵头政策", "Policies led"),
    "csv.reform_lead": ("牵头改革", "Reforms led"),
    "csv.total": ("合计", "Total"),
    "csv.period": ("期间", "Period"),
    "csv.revision": ("次", "Revision"),
    "csv.value": ("数值", "Value"),
    "csv.origin": ("来源类型", "From"),
    "csv.recorded_at": ("录入时间", "Recorded at"),
    "csv.counts": ("采用", "Counts"),
    "csv.note": ("备注", "Note"),
    "csv.severity": ("级别", "Severity"),
    "csv.rule": ("规则", "Rule"),
    "csv.subjects": ("涉及", "Involves"),
    "csv.message": ("发现", "Finding"),
    "csv.message_zh": ("发现", "Finding in Chinese"),
    "csv.sources": ("出处", "Sources"),
    "csv.target": ("目标编号", "Target ID"),
    "csv.year": ("年份", "Year"),
    "csv.required": ("路径要求", "Required"),
    "csv.actual": ("实际", "Actual"),
    "csv.due": ("截至当期应达", "Due by then"),
    "csv.item": ("项目", "Item"),
    "csv.status_before": ("原状态", "Status before"),
    "csv.status_after": ("现状态", "Status now"),
    "csv.latest_before": ("原最新值", "Latest before"),
    "csv.period_before": ("原期间", "Period before"),
    "csv.latest_after": ("现最新值", "Latest now"),
    "csv.period_after": ("现期间", "Period now"),
    "csv.pace_ratio_before": ("原速度比", "Pace ratio before"),
    "csv.pace_ratio_after": ("现速度比", "Pace ratio now"),
    "cmp.word.>": ("高于", "above"),
    "cmp.word.>=": ("不低于", "at least"),
    "cmp.word.<": ("低于", "below"),
    "cmp.word.<=": ("不高于", "at most"),
    "cmp.word.~": ("左右", "about"),
    "cmp.word.=": ("等于", "equal to"),
    "calc.item.from": ("起始值", "From"),
    "calc.item.to": ("目标值", "To"),
    "calc.item.years": ("年数", "Years"),
    "calc.item.rate_pct": ("年增速（%）", "Growth a year (%)"),
    "calc.item.value": ("结果", "Result"),
    "calc.item.target_rate_pct": ("年均增速目标（%）", "Average growth target (%)"),
    "calc.item.period": ("年数", "Years"),
    "calc.item.observed_pct": ("已实现增速（%）", "Observed growth (%)"),
    "calc.item.realised_average_pct": ("已实现年均增速（%）", "Realised average (%)"),
    "calc.item.remaining_years": ("剩余年数", "Years remaining"),
    "calc.item.whole_years": ("整年数", "Whole years"),
    "role.lead": ("牵头", "lead"),
    "role.support": ("配合", "support"),
    "origin.plan": ("方案", "plan"),
    "origin.actuals": ("录入", "recorded"),
}
_WORDS.update(_CSV)
