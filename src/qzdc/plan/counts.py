"""Whether an indicator counts whole things (企业 in 家, 项目 in 个) or is a ratio written with a count's unit.

Chinese tables write a per-head ratio with the count's bare unit and put the
"per head" in the name: 每千人口拥有执业（助理）医师数, unit 人, 2.9 → 3.2. So
the unit alone does not decide. An indicator is a **whole count** when its unit
is a bare 人, 家, 个 or 户, its name is not per head (每千人口, 每万人, 人均 …)
and every figure the plan gives for it (its baselines, its target values, the
statements of them, its own statements, the plan's observations) is a whole
number written without decimals. Anything else is a ratio, and takes any
number. One rule for `record`, `import`, the actuals file, the template's data
validation and a plan `qzdc init` drafted (docs/plan-format.md, "Units").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from qzdc.plan.models import Indicator, Plan
from qzdc.plan.numbers import decimals_of

# Units of counts of things: firms (家), projects and places (个), households (户), people (人).
COUNT_UNITS = frozenset({"家", "个", "户", "人"})
# A name per head or per household: 每千人口, 每万人, 每百户, 每千名老年人, 人均, 户均.
_PER_HEAD = re.compile(r"每[\d一二三四五六七八九十百千万亿]*(?:人|名|户|位)|人均|户均")


def is_count_unit(unit: str) -> bool:
    """A bare 人, 家, 个 or 户. A unit per head (人/千人口, 件/万人) is a ratio, 万人 a scale."""
    return "".join(unicodedata.normalize("NFKC", unit).split()) in COUNT_UNITS


def is_per_head(indicator: Indicator) -> bool:
    """Whether the indicator's name says it is per head or per household (每千人口…, 人均…)."""
    return _PER_HEAD.search(unicodedata.normalize("NFKC", indicator.name)) is not None


def plan_figures(plan: Plan, indicator: Indicator) -> Iterator[float]:
    """Every number the plan gives for an indicator: baselines, targets, statements, observations."""
    values: list[object] = [s.value for s in indicator.statements]
    for target in indicator.targets:
        if target.baseline is not None:
            values.append(target.baseline.value)
        values.append(target.value)
        values.extend(s.value for s in target.statements)
    values.extend(o.value for o in plan.observations if o.indicator == indicator.id)
    for value in values:
        if isinstance(value, int | float) and not isinstance(value, bool):
            yield value


def is_whole_count(plan: Plan, indicator: Indicator) -> bool:
    """A count of whole things: a bare count unit, a name not per head, and only whole figures in the plan."""
    if not is_count_unit(indicator.unit) or is_per_head(indicator):
        return False
    return all(float(v).is_integer() and not decimals_of(v) for v in plan_figures(plan, indicator))
