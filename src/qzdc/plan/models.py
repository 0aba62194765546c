"""The plan's data types: what the YAML files may say, and what qzdc computes on.

These are plain dataclasses. Pydantic validates files into them
(`TypeAdapter`, in `qzdc.plan.loader`) but is not imported here: a command that
finds the plan in its cache never loads pydantic, which keeps start-up fast. The
`_V` markers carry the validation rules and are only read by pydantic when it
builds its schema.

One type per file (`PlanFile`, `IndicatorsFile`, `TasksFile`, `ObservationsFile`)
checks types and field names; the cross-file rules (unique ids, references that
resolve, values that fit their kind) live in `qzdc.plan.checks`, where each problem can
be given its exact place. `Plan` is the assembled, checked whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, get_args

Kind = Literal[
    "level",
    "share",
    "average_growth",
    "cumulative",
    "cumulative_reduction",
    "maintain",
    "ordinal",
    "milestone",
    "relative",
    "monitored",
]
Direction = Literal["increase", "decrease", "maintain"]
PathKind = Literal["geometric", "linear"]
# "~" is 左右 ("about"), or 同步 ("in step with") on a relative target.
Comparator = Literal[">=", ">", "<=", "<", "=", "~"]
# 约束性, 预期性, 力争 (methodology.md, "Words").
Strength = Literal["binding", "anticipatory", "aspirational"]
# For a maintain or ordinal target: whether a breach in any year decides the
# final verdict, or only the target year's figure does.
JudgedOn = Literal["every_year", "target_year"]

KINDS: tuple[str, ...] = get_args(Kind)
# Kinds whose target is a number (directly, or a change from the baseline).
NUMERIC_KINDS = frozenset({"level", "share", "average_growth", "cumulative", "cumulative_reduction", "maintain"})
# Kinds whose figures are rates in % of a year (growth, reduction): the engine holds
# them as fractions, the machine formats in percent.
RATE_KINDS = frozenset({"average_growth", "cumulative_reduction"})
# Kinds judged without a numeric target of their own.
UNVALUED_KINDS = frozenset({"milestone", "relative", "monitored"})
SLUG_PATTERN = r"^[a-z][a-z0-9_]*$"


class _V:
    """Validation rules for pydantic, applied only when pydantic builds a schema.

    Strict: a quoted "7.5" or a `true` where a number belongs is a mistake worth
    reporting, not something to coerce.
    """

    def __init__(self, **constraints: Any):
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["strict"] = True
        schema.update(self.constraints)
        return schema


_strict = _V()
Number = Annotated[float, _strict]
Text = Annotated[str, _strict]
NonEmpty = Annotated[str, _V(min_length=1)]
Bool = Annotated[bool, _strict]
Slug = Annotated[str, _V(pattern=SLUG_PATTERN, max_length=64)]
Year = Annotated[int, _V(ge=1949, le=2100)]
Count = Annotated[int, _V(ge=1)]
# A figure in the plan: a number, a class such as "III", or nothing (milestones).
Value = Number | Text | None
# An observed value: a number, a class, done/not done, or the date it was done.
ObservedValue = Number | Bool | dt.date | Text

# Unknown fields are typos, not extensions.
_CONFIG = {"extra": "forbid"}


class _Record:
    """Equality and repr for the plan's records, written once instead of generated.

    Every run creates these classes at import, and a dataclass's generated
    methods are most of that cost; these two generic ones are not generated.
    """

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)  # type: ignore[attr-defined]
        return f"{type(self).__name__}({fields})"


def _model(cls: type) -> type:
    # Not frozen (nothing mutates a plan once loaded) and no generated __eq__ or
    # __repr__ (_Record has them): creating a frozen dataclass with all its
    # methods costs four times as much, and every run pays it at import.
    cls.__pydantic_config__ = _CONFIG  # type: ignore[attr-defined]
    return dataclass(cls, repr=False, eq=False)


@_model
class Source(_Record):
    """Where a figure stands in the document, and the document's own words."""

    ref: NonEmpty
    quote: Text | None = None


@_model
class Baseline(_Record):
    year: Year
    value: Value
    # The year the figure really describes, where it differs from `year`
    # (a census count filed as a later year's baseline).
    vintage: Year | None = None
    vintage_source: Source | None = None
    source: Source | None = None
    note: Text | None = None


@_model
class Statement(_Record):
    """Another place in the document that states the same target, in its own words."""

    source: Source
    value: Value = None
    comparator: Comparator | None = None
    strength: Strength = "binding"
    # How the value is read from the quote, where the number is not written there.
    reading: Text | None = None
    note: Text | None = None


@_model
class Target(_Record):
    id: Slug
    kind: Kind
    direction: Direction
    source: Source
    path: PathKind | None = None
    comparator: Comparator = ">="
    strength: Strength = "binding"
    baseline: Baseline | None = None
    value: Value = None
    # A target set as a change from the baseline: 〔1〕 is `change: 1` (G = b + 1),
    # +10% is `change_pct: 10` (G = b·1.1). `value` is then filled in from them.
    change: Number | None = None
    change_pct: Number | None = None
    # A target relative to another indicator (高于GDP增长, 与经济增长基本同步): that
    # indicator, compared for the same period with `comparator`; "~" (同步) holds
    # within `tolerance` percentage points (default 0.5).
    relative_to: Slug | None = None
    tolerance: Annotated[float, _V(ge=0)] | None = None
    # Maintain and ordinal targets: a breach in any year decides (every_year), or only the target year's figure.
    judged_on: JudgedOn = "every_year"
    # The target as the plan's table writes it (〔13.5〕, ＞6.5, 高于GDP增长): shown in Chinese tables.
    written: Text | None = None
    # Target year, and the first year of the period a cumulative or average-growth
    # target runs over; both default to the plan's when the plan is assembled.
    year: Year | None = None
    start_year: Year | None = None
    reading: Text | None = None
    statements: list[Statement] = field(default_factory=list)
    note: Text | None = None
    # Seasonal profile for year-to-date figures: the cumulative % of a year's
    # requirement due by the end of each quarter (4 numbers) or month (12),
    # ending at 100. Without one, a year's requirement is due evenly.
    profile: list[Number] | None = None
    # Filled in when the plan is assembled: the indicator this target is set on,
    # and whether that indicator is a yearly flow.
    indicator: Text = ""
    flow: Bool = False

    @property
    def period_years(self) -> int:
        """N: the years a cumulative or average-growth target runs over."""
        assert self.year is not None and self.start_year is not None
        return self.year - self.start_year + 1

    def changed_value(self) -> float | None:
        """G for a target set as a change from its baseline, `b + x` or `b·(1 + x%)`; None otherwise."""
        base = self.baseline.value if self.baseline is not None else None
        if isinstance(base, bool) or not isinstance(base, int | float):
            return None
        # Rounded far below the digits any plan writes: 77.3 + 1 is 78.3, not 78.30000000000001.
        if self.change is not None:
            return round(base + self.change, 10)
        if self.change_pct is not None:
            return round(base * (1 + self.change_pct / 100), 10)
        return None


@_model
class Indicator(_Record):
    id: Slug
    annex_no: Annotated[int, _V(ge=1, le=999)] | None
    category: Slug
    name: NonEmpty
    name_en: NonEmpty
    unit: Text
    source: Source
    # The plan's flags this indicator carries (plan.yaml `flags`), e.g. [pilot].
    flags: list[Slug] = field(default_factory=list)
    # Short for `flags: [pilot]` (the built-in plan's 市级试点指标); filled in from
    # `flags` when the plan is assembled.
    pilot: Bool = False
    # Other names people use for it (GDP, 地区生产总值): `record`, `import`, `show` find it by them.
    aliases: list[NonEmpty] = field(default_factory=list)
    # For a growth-rate indicator: the level indicator whose growth it is.
    rate_of: Slug | None = None
    related: list[Slug] = field(default_factory=list)
    # For an ordinal indicator: its classes from best to worst.
    classes: list[Text] | None = None
    # A quantity counted over a year (GDP, exports, new jobs): a year-to-date
    # figure is part of the year's total, not the level reached so far.
    flow: Bool = False
    note: Text | None = None
    targets: list[Target] = field(default_factory=list)
    # What the document says of the quantity outside any target, each in its own
    # words (the area of a zone given twice): `qzdc audit` shows where they differ.
    statements: list[Statement] = field(default_factory=list)


@_model
class Category(_Record):
    id: Slug
    name: NonEmpty
    name_en: NonEmpty


@_model
class PlanPeriod(_Record):
    start: Year
    end: Year


@_model
class Thresholds(_Record):
    """Pace-ratio cut points: R ≥ on_track is on track, and so on down."""

    on_track: Number = 0.95
    at_risk: Number = 0.6
    off_track: Number = 0.0


@_model
class AnnexColumns(_Record):
    """The headers of the plan's indicator table, as the plan writes them (tables show these)."""

    number: Text | None = None  # 序号
    category: Text | None = None  # 一级指标, 类别
    name: Text | None = None  # 指标, 二级指标
    unit: Text | None = None  # 单位
    baseline: Text | None = None  # 基期值, 2020年
    target: Text | None = None  # 目标值, 2025年
    strength: Text | None = None  # 属性


@_model
class Annex(_Record):
    """The plan's indicator table: how the document names it, and its columns."""

    ref: Text | None = None  # how the document refers to it: 附件1, 专栏1
    ref_en: Text | None = None  # Annex 1, Box 1
    title: Text | None = None  # 指标目标清单, “十四五”时期经济社会发展主要指标
    title_en: Text | None = None
    columns: AnnexColumns = field(default_factory=AnnexColumns)


@_model
class Flag(_Record):
    """A mark the plan sets on some indicators (市级试点指标): a column, and a filter (--flag ID)."""

    id: Slug
    name: NonEmpty  # 市级试点指标
    name_en: Text | None = None
    label: Text | None = None  # a short column header: 市级试点
    label_en: Text | None = None


@_model
class ItemList(_Record):
    """How the plan names one of its item lists (tasks, policies or reforms)."""

    title: NonEmpty  # 试点任务, 重大政策清单
    title_en: Text | None = None
    ref: Text | None = None  # where the document has it: 三, 附件2
    item: Text | None = None  # the header for one item: 任务, 重大政策
    item_en: Text | None = None
    group: Text | None = None  # tasks: the header for their groups, 任务组
    group_en: Text | None = None


@_model
class Lists(_Record):
    tasks: ItemList | None = None
    policies: ItemList | None = None
    reforms: ItemList | None = None


@_model
class PlanFile(_Record):
    """`plan.yaml`: what the document is and how it is judged."""

    schema_version: Literal[1]
    id: Annotated[str, _V(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
    title: NonEmpty
    period: PlanPeriod
    baseline_year: Year
    target_year: Year
    categories: Annotated[list[Category], _V(min_length=1)]
    title_en: Text | None = None
    document_no: Text | None = None
    issuer: Text | None = None
    issuer_en: Text | None = None
    issued: dt.date | None = None
    review: list[Literal["monthly", "quarterly", "half_year", "year_end"]] = field(default_factory=list)
    thresholds: Thresholds = field(default_factory=Thresholds)
    # Rows in the plan's indicator annex; each annex number 1..annex_rows once.
    annex_rows: Annotated[int, _V(ge=0, le=999)] = 0  # as annex_no: no list of targets has a thousand rows
    # The plan's own words for its indicator table, its flags and its item lists.
    annex: Annex = field(default_factory=Annex)
    flags: list[Flag] = field(default_factory=list)
    lists: Lists = field(default_factory=Lists)


@_model
class IndicatorsFile(_Record):
    indicators: list[Indicator]


Departments = Annotated[list[NonEmpty], _V(min_length=1)]


@_model
class TaskGroup(_Record):
    number: Count  # 序号
    id: Slug
    name: NonEmpty
    name_en: Text | None = None
    title: Text | None = None
    source: Source | None = None


@_model
class Task(_Record):
    number: Count
    id: Slug
    group: Slug
    name: NonEmpty
    lead: Departments  # 牵头单位
    support: list[NonEmpty] = field(default_factory=list)  # 配合单位
    targets: list[Slug] = field(default_factory=list)
    source: Source | None = None


@_model
class ListItem(_Record):
    """A row of the plan's policy list or reform list (the built-in plan's 附件2 and 附件3)."""

    number: Count
    text: NonEmpty
    lead: Departments
    targets: list[Slug] = field(default_factory=list)
    source: Source | None = None


@_model
class TasksFile(_Record):
    task_groups: list[TaskGroup] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    policies: list[ListItem] = field(default_factory=list)
    reforms: list[ListItem] = field(default_factory=list)


@_model
class Observation(_Record):
    """A measured value of an indicator for a period (`2024`, `2025-Q3`, `2025-09`)."""

    indicator: NonEmpty
    period: Annotated[int, _strict] | Text
    value: ObservedValue
    source: Source | None = None
    note: Text | None = None
    reading: Text | None = None
    # Where it came from: the plan document itself, or a user's actuals file.
    origin: Literal["plan", "actuals"] = "plan"
    # The period is qzdc's reading: the document gives the figure without its year.
    inferred: Bool = False
    recorded_at: Text | None = None


@_model
class ObservationsFile(_Record):
    observations: list[Observation] = field(default_factory=list)


@dataclass
class Plan:
    """The assembled, checked plan. Targets carry their resolved defaults."""

    meta: PlanFile
    indicators: list[Indicator]
    targets: list[Target]
    observations: list[Observation]
    task_groups: list[TaskGroup]
    tasks: list[Task]
    policies: list[ListItem]
    reforms: list[ListItem]
    source_dir: str = ""
    indicators_by_id: dict[str, Indicator] = field(init=False, repr=False)
    targets_by_id: dict[str, Target] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.indicators_by_id = {i.id: i for i in self.indicators}
        self.targets_by_id = {t.id: t for t in self.targets}

    def indicator(self, indicator_id: str) -> Indicator:
        return self.indicators_by_id[indicator_id]

    def category(self, category_id: str) -> Category:
        return next(c for c in self.meta.categories if c.id == category_id)
