"""Drafting a plan: a minimal starter, or the plan's indicator table read row by row (`qzdc init`).

A Chinese target list arrives as a table: 序号, 一级指标/类别, 二级指标/指标名称,
单位, 基期值 (or a year, 2020年), 目标值 (or a later year), 年均增长〔累计〕, 属性,
备注, below a title or two. `draft_from_table` reads those columns, infers each
target's kind, direction and strength from the cells (年均增速 → average growth,
〔x〕 → a total or a change, 以内/≤ → decrease, 约束性/预期性 → strength, 高于GDP增长
→ relative, words alone → monitored), and writes every inference as a comment
for the analyst to check. A row it cannot read is left out with its message;
the rest is drafted. The text written is plain YAML built here (not a dump), so
that every field is where docs/plan-format.md puts it and comments sit beside
what they explain.

No I/O: the command reads the table (`qzdc.actuals.tables`) and writes the files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from qzdc.i18n import tr
from qzdc.plan.notation import COMPARATORS, read_value

# ── reading the table's header ───────────────────────────────────────────────

_HEADERS: dict[str, tuple[str, ...]] = {
    # the column → the headers tables give it (compared without spaces)
    "number": ("序号", "编号"),
    "category": ("一级指标", "类别", "指标类别", "领域", "分类"),
    "name": ("二级指标", "指标名称", "指标", "主要指标", "具体指标"),
    "unit": ("单位", "计量单位"),
    "baseline": ("基期值", "现状值", "基数", "基期", "现状"),
    "target": ("目标值", "目标", "预期目标"),
    "rate": ("年均增长〔累计〕", "年均/累计", "年均增长", "年均〔累计〕", "累计", "年均"),
    "strength": ("属性", "指标属性"),
    "note": ("备注", "说明"),
}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_NUMBERING = re.compile(r"^\s*(?:(\d{1,3})\s*[.、．]\s*|[（(](\d{1,3})[）)]\s*)")
_TRAILING_UNIT = re.compile(r"[（(]([^（）()]{1,12})[）)]\s*$")
_NO_FIGURE = frozenset({"", "—", "——", "-", "--", "/", "－", "无", "…"})
_CLASSES = ["I", "II", "III", "IV", "V", "劣V"]
_REF = re.compile(r"^(附件|附表|专栏|表)\s*\d+")
_FOOTNOTE_VINTAGE = re.compile(r"带\s*[*＊]\s*的为\s*((?:19|20)\d{2})\s*年")


def _text(value: Any) -> str:
    """A cell as text, as a person reads it: NFKC (full-width digits and brackets), spaces trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _fold(value: Any) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _text(value)))


@dataclass
class Header:
    row: int  # index into the rows
    columns: dict[str, int]  # column key → index
    labels: dict[str, str]  # column key → the table's own header
    baseline_year: int | None = None
    target_year: int | None = None


def _column_of(label: str) -> str | None:
    folded = _fold(label)
    for key, names in _HEADERS.items():
        if folded in (_fold(n) for n in names):
            return key
    # 基期值（2022年）, 2025年目标, 2025年目标值: a header with a year
    bare = _YEAR.sub("", folded).strip("()（）年")
    if _YEAR.search(folded):
        if bare in ("", "实际", "实际值"):
            return "year"
        for key in ("baseline", "target"):
            if any(bare.strip("()（）") == _fold(n) or bare.startswith(_fold(n)) for n in _HEADERS[key]):
                return key
    return None


def find_header(rows: list[list[Any]]) -> Header | None:
    """The first row (of the first 15) naming an indicator column and a figure column."""
    for index, cells in enumerate(rows[:15]):
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        years: list[tuple[int, int]] = []
        for col, cell in enumerate(cells):
            key = _column_of(_text(cell))
            if key is None:
                continue
            found = _YEAR.search(_fold(cell))
            if key == "year" and found:
                years.append((int(found.group(1)), col))
                continue
            if key not in columns:
                columns[key] = col
                labels[key] = _text(cell)
            if found and key in ("baseline", "target"):
                years.append((int(found.group(1)), col))
        # Bare year columns (2020年, 2025年): the earlier is the baseline, the later the target.
        bare = sorted((y, c) for y, c in years if c not in columns.values())
        if "target" not in columns and len(bare) >= (1 if "baseline" in columns else 2):
            _, col = bare.pop()
            columns["target"], labels["target"] = col, _text(cells[col])
        if "baseline" not in columns and bare:
            _, col = bare[0]
            columns["baseline"], labels["baseline"] = col, _text(cells[col])
        if "name" in columns and ({"baseline", "target", "rate"} & set(columns)):
            year_of = {c: y for y, c in years}
            return Header(
                index,
                columns,
                labels,
                baseline_year=year_of.get(columns.get("baseline", -1)),
                target_year=year_of.get(columns.get("target", -1)),
            )
    return None


# ── reading a row ────────────────────────────────────────────────────────────


@dataclass
class Figure:
    """A baseline or target cell, read."""

    number: float | int | None = None
    comparator: str | None = None
    form: str = ""  # "", "plain", "total" (〔x〕), "change", "change_pct"
    text: str = ""  # the cell as written, where it is words or a notation
    starred: bool = False  # 60.6*: the table's footnote says what the star means
    klass: str | None = None  # III: an ordinal class


class Unreadable(ValueError):
    pass


def _number(text: str) -> float | int | None:
    cleaned = text.replace(",", "").replace("%", "").strip()
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?", cleaned):
        value = float(cleaned)
        return int(value) if value.is_integer() and "." not in cleaned else value
    return None


def read_figure(value: Any) -> Figure:
    """A baseline or target cell: a number, a class, a notation (＞6.5, 〔13.5〕), or words."""
    if isinstance(value, bool):
        raise Unreadable(f"{value!r} is not a figure")
    if isinstance(value, int | float):
        return Figure(number=int(value) if float(value).is_integer() else float(value), form="plain")
    written = _text(value)
    text = unicodedata.normalize("NFKC", written).strip()
    if text in _NO_FIGURE:
        return Figure()
    starred = text.endswith(("*", "＊"))
    core = text.rstrip("*＊").strip()
    number = _number(core)
    if number is not None:
        return Figure(number=number, form="plain", starred=starred, text=written if starred else "")
    klass = core.removesuffix("类").strip()
    if klass in _CLASSES:
        return Figure(klass=klass, text=written)
    first = re.split(r"[、，,；;]", core, maxsplit=1)[0].strip()
    for candidate in (core, first):
        comparator, figure, form = read_value(candidate)
        if figure is not None:
            return Figure(number=figure, comparator=comparator, form=form, text=written)
    return Figure(text=written)


@dataclass
class RowData:
    line: int  # the row's number in the file, for messages
    number: int | None
    category: str
    name: str
    unit: str
    baseline: Figure
    target: Figure
    target_from: str  # "target" or "rate": the column the target came from
    strength: str | None
    note: str
    quote: str  # the indicator cell as written
    unreadable: str | None = None  # why the row's figures could not be read: drafted as monitored to complete
    # The 年均增长〔累计〕 cell where the target column holds the target too (75 and 7.5 on one row):
    # a second statement of the row, drafted as its growth rate rather than dropped unseen.
    rate: Figure = field(default_factory=Figure)


# ── inferring the target ─────────────────────────────────────────────────────

_SHARE_WORDS = ("率", "比重", "比例", "占比", "强度", "覆盖")
_REDUCTION_WORDS = ("降低", "下降", "减少", "压减")
_TOTAL_WORDS = ("新增", "累计")
_GROWTH_WORDS = ("年均增速", "年均增长")


@dataclass
class Inferred:
    kind: str
    direction: str
    fields: list[tuple[str, Any, str]] = field(default_factory=list)  # (key, value, comment)


def _name_key(name: str) -> str:
    """A name reduced for matching 高于GDP增长 with 国内生产总值（GDP）增长: its abbreviation in brackets stands for what precedes it."""
    folded = _fold(name)
    folded = re.sub(r"^.*?[（(]([A-Za-z]+)[）)]", r"\1", folded)
    return re.sub(r"[（(][^）)]*[）)]", "", folded)


def _other(text: str, rows: list[RowData], own: RowData) -> RowData | None:
    """The row a relative target names (GDP增长, 经济增长, 国内生产总值增长)."""
    wanted = _name_key(text)
    candidates = [r for r in rows if r is not own]
    for r in candidates:
        if _name_key(r.name) == wanted or _fold(r.name) == _fold(text):
            return r
    if wanted in ("经济增长", "经济增速"):
        growth = [r for r in candidates if "生产总值" in r.name and ("增长" in r.name or "增速" in r.name)]
        if len(growth) == 1:
            return growth[0]
    return None


def infer(row: RowData, rows: list[RowData], lang: str) -> Inferred:
    """The target's kind, direction and fields, each inference with its comment."""
    t, b, name, unit = row.target, row.baseline, row.name, row.unit

    def says(key: str, **words: Any) -> str:
        return tr(f"init.{key}", lang, **words)

    if row.unreadable is not None:
        return Inferred("monitored", "increase", [("note", row.unreadable, says("unreadable"))])

    relation = re.match(r"^(高于|低于|不低于|不高于)(.+)$", t.text.strip()) if t.text else None
    in_step = re.match(r"^与(.+?)(?:增长)?(?:基本)?同步$", t.text.strip()) if t.text else None
    if relation or in_step:
        words = relation.group(2) if relation else in_step.group(1) + ("增长" if "增长" in t.text else "")
        other = _other(words, rows, row)
        comparator = COMPARATORS[relation.group(1)] if relation else "~"
        if other is not None:
            fields = [
                ("comparator", comparator, says("relative", words=t.text)),
                ("relative_to", _indicator_id(other), says("relative_to", name=other.name)),
            ]
            if comparator == "~":
                fields.append(("tolerance", 0.5, says("tolerance")))
            return Inferred("relative", "increase", fields)
        return Inferred("monitored", "increase", [("written", t.text, says("relative_unknown", words=words))])
    if t.klass is not None or unit == "类":
        return Inferred(
            "ordinal",
            "maintain",
            [("comparator", "<=", says("ordinal")), ("value", t.klass or (b.klass or "III"), "")],
        )
    if t.number is None:
        comment = says("monitored_words") if t.text else says("monitored_blank")
        return Inferred("monitored", "increase", [("written", t.text or None, comment)] if t.text else [])
    if t.form == "total":
        if any(w in name for w in _REDUCTION_WORDS):
            return Inferred("cumulative_reduction", "decrease", [("value", t.number, says("reduction"))])
        if b.number is not None and not any(w in name for w in _TOTAL_WORDS):
            return Inferred("level", "increase", [("change", t.number, says("change"))])
        return Inferred("cumulative", "increase", [("value", t.number, says("total"))])
    if t.form in ("change", "change_pct"):
        return Inferred("level", "increase", [(t.form, t.number, says("change"))])
    comparator = t.comparator
    direction = "decrease" if comparator in ("<=", "<") else "increase"
    fields: list[tuple[str, Any, str]] = []
    if comparator and comparator != ">=":
        fields.append(("comparator", comparator, says("comparator", words=t.text)))
    growth = any(w in name for w in _GROWTH_WORDS) or (
        row.target_from == "rate" and unit == "%" and name.endswith(("增长", "增速"))
    )
    if growth:
        fields.append(("value", t.number, says("growth")))
        return Inferred("average_growth", direction, fields)
    if row.target_from == "rate" or (comparator and b.number is None):
        # A bar to keep every year (5.5以内 in 年均, ＞6.5 with no baseline): held, not a path.
        fields.append(("value", t.number, says("maintain_bar")))
        return Inferred("maintain", direction, fields)
    if b.number is not None and b.number == t.number:
        fields.append(("value", t.number, says("maintain_same")))
        return Inferred("maintain", "maintain", fields)
    if b.number is None and any(w in name for w in _TOTAL_WORDS):
        fields.append(("value", t.number, says("total")))
        return Inferred("cumulative", "increase", fields)
    if b.number is not None and not comparator:
        direction = "increase" if t.number > b.number else "decrease"
        if direction == "decrease":
            fields.append(("comparator", "<=", says("decrease", target=_num(t.number), baseline=_num(b.number))))
    share = unit == "%" and any(w in name for w in _SHARE_WORDS) and 0 <= t.number <= 100
    fields.append(("value", t.number, says("share") if share else ""))
    return Inferred("share" if share else "level", direction, fields)


def _indicator_id(row: RowData) -> str:
    return f"indicator_{row.number}" if row.number is not None else f"row_{row.line}"


def _num(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# ── writing YAML ─────────────────────────────────────────────────────────────


def scalar(value: Any) -> str:
    """A value as YAML reads it back unchanged: plain where that is safe, else double-quoted."""
    import yaml

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _num(value)
    text = str(value)
    try:
        if text and yaml.safe_load(f"k: {text}") == {"k": text} and "#" not in text and text.strip() == text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in mapping.items() if v is not None) + "}"


def _line(indent: str, key: str, value: str, comment: str = "") -> str:
    return f"{indent}{key}: {value}" + (f"  # {comment}" if comment else "")


# ── the draft ────────────────────────────────────────────────────────────────


@dataclass
class Draft:
    files: dict[str, str]  # file name → text
    left_out: list[str]  # one message per row that could not be read
    lines: list[int]  # the table row of each drafted indicator, in order


def _schema_line(kind: str) -> str:
    return f"# yaml-language-server: $schema=schema/{kind}.schema.json"


def plan_id_for(text: str) -> str:
    """A plan id from a directory's name: lower-case ASCII words joined by -, else `plan`."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80] if slug and slug[0].isalnum() else "plan"


def read_rows(
    rows: list[list[Any]], header: Header, lines: list[int], skip: dict[int, str], lang: str = "zh"
) -> tuple[list[RowData], list[str], list[str]]:
    """The table's indicator rows below the header, the rows left out (with why), and its footnotes.

    `skip`: rows to leave out, by line, with the reason (a row the draft could not make valid).
    """
    cols = header.columns
    data: list[RowData] = []
    left_out: list[str] = []
    notes: list[str] = []
    category = ""

    def cell(cells: list[Any], key: str) -> Any:
        col = cols.get(key)
        return cells[col] if col is not None and col < len(cells) else None

    for index in range(header.row + 1, len(rows)):
        cells = rows[index]
        line = lines[index]
        texts = [_text(c) for c in cells]
        filled = [t for t in texts if t]
        if not filled:
            continue
        if len(filled) == 1 and filled[0].startswith(("注", "说明", "备注")):
            notes.append(filled[0])
            continue
        if _text(cell(cells, "category")):
            category = _text(cell(cells, "category"))
        quote = _text(cell(cells, "name"))
        if not quote:
            if filled == [category] or (len(filled) == 1 and cols.get("category") is None):
                # A category row of its own (经济发展 across the table): the rows below are in it.
                category = filled[0]
                continue
            left_out.append(tr("init.no_name", lang, line=line))
            continue
        name = quote
        number = None
        if m := _NUMBERING.match(name):
            number = int(m.group(1) or m.group(2))
            name = name[m.end() :]
        unit = _text(cell(cells, "unit"))
        if m := _TRAILING_UNIT.search(name):
            unit = unit or m.group(1).strip()
            name = name[: m.start()].strip()
        if cols.get("number") is not None and _number(_text(cell(cells, "number"))) is not None:
            number = int(_number(_text(cell(cells, "number"))) or 0)
        unreadable = skip.get(line)
        try:
            baseline = read_figure(cell(cells, "baseline"))
            if baseline.number is None and baseline.klass is None and baseline.text:
                raise Unreadable(
                    tr("init.not_a_number", lang, label=header.labels.get("baseline", "基期值"), text=baseline.text)
                )
            target = read_figure(cell(cells, "target"))
            rate = read_figure(cell(cells, "rate"))
        except Unreadable as why:
            unreadable = str(why)
        if unreadable is not None:
            # Kept, so that the table's numbering stays whole: a monitored placeholder to complete by hand.
            left_out.append(tr("init.row", lang, line=line, name=name, message=unreadable))
            baseline = target = rate = Figure()
        target_from = "target"
        if (
            target.number is None
            and target.klass is None
            and not target.text
            and (rate.number is not None or rate.text)
        ):
            target, target_from, rate = rate, "rate", Figure()
        strength_cell = _fold(cell(cells, "strength"))
        strength = {"约束性": "binding", "预期性": "anticipatory", "力争": "aspirational"}.get(strength_cell)
        if strength is None and target.text.startswith("力争"):
            strength = "aspirational"
        data.append(
            RowData(
                line=line,
                number=number,
                category=category,
                name=name,
                unit=unit,
                baseline=baseline,
                target=target,
                target_from=target_from,
                strength=strength,
                note=_text(cell(cells, "note")),
                quote=quote,
                unreadable=unreadable,
                rate=rate,
            )
        )
    return data, left_out, notes


def draft_from_table(
    rows: list[list[Any]],
    *,
    source: str,
    plan_id: str,
    lines: list[int] | None = None,
    baseline_year: int | None = None,
    target_year: int | None = None,
    lang: str = "zh",
    skip: dict[int, str] | None = None,
) -> Draft:
    """plan.yaml and indicators.yaml drafted from the table's rows (title rows first).

    `lines` are the rows' numbers as the file shows them (for messages); `source`
    names the file in the comments. Years come from the header (2020年, 2025年目标),
    else from `baseline_year` and `target_year`; without either, UsageError-worthy
    `ValueError`s say what is missing.
    """
    lines = lines or list(range(1, len(rows) + 1))
    header = find_header(rows)
    if header is None:
        raise ValueError(tr("init.no_header", lang))
    base_year = baseline_year or header.baseline_year
    end_year = target_year or header.target_year
    if base_year is None or end_year is None:
        raise ValueError(tr("init.no_years", lang))
    if end_year <= base_year:
        raise ValueError(tr("init.years_order", lang, baseline=base_year, target=end_year))
    titles = list(dict.fromkeys(_text(c) for r in rows[: header.row] for c in r if _text(c)))
    data, left_out, notes = read_rows(rows, header, lines, skip or {}, lang)
    # Numbers: the table's own where they run 1…n once; else the rows in order.
    numbers = [r.number for r in data]
    renumbered = sorted(n for n in numbers if n is not None) != list(range(1, len(data) + 1))
    if renumbered:
        for i, r in enumerate(data, start=1):
            r.number = i
    return _write(
        data, left_out, notes, header, titles, source=source, plan_id=plan_id, years=(base_year, end_year),
        renumbered=renumbered, lang=lang,
    )  # fmt: skip


def _write(
    data: list[RowData],
    left_out: list[str],
    notes: list[str],
    header: Header,
    titles: list[str],
    *,
    source: str,
    plan_id: str,
    years: tuple[int, int],
    renumbered: bool,
    lang: str,
) -> Draft:
    def says(key: str, **words: Any) -> str:
        return tr(f"init.{key}", lang, **words)

    base_year, end_year = years
    ref = next((m.group(0).replace(" ", "") for t in titles if (m := _REF.match(t))), None)
    title_rows = [t for t in titles if not _REF.fullmatch(t.replace(" ", ""))]
    table_title = title_rows[-1] if title_rows else None
    if ref and table_title and table_title.startswith(ref):
        table_title = table_title[len(ref) :].strip() or None
    vintage = None
    for note in notes:
        if m := _FOOTNOTE_VINTAGE.search(unicodedata.normalize("NFKC", note)):
            vintage = int(m.group(1))
    categories = list(dict.fromkeys(r.category or says("no_category") for r in data))
    category_ids = {name: f"category_{i}" for i, name in enumerate(categories, start=1)}
    flag_names = [n for n in dict.fromkeys(r.note for r in data) if n.endswith("指标")]
    flag_ids = {name: f"flag_{i}" for i, name in enumerate(flag_names, start=1)}
    cited = ref or source

    plan = [
        _schema_line("plan"),
        f"# {says('drafted', source=source)}",
        f"# {says('format')}",
        "schema_version: 1",
        _line("", "id", scalar(plan_id), says("plan_id")),
        _line("", "title", scalar(table_title or plan_id), says("title")),
        _line("", "period", _flow({"start": base_year + 1, "end": end_year}), says("period")),
        _line("", "baseline_year", str(base_year), says("from_header", label=header.labels.get("baseline", ""))),
        _line("", "target_year", str(end_year), says("from_header", label=header.labels.get("target", ""))),
        _line("", "annex_rows", str(len(data)), says("renumbered") if renumbered else ""),
        "annex:",
    ]
    if ref:
        plan.append(_line("  ", "ref", scalar(ref)))
    if table_title:
        plan.append(_line("  ", "title", scalar(table_title)))
    columns = {k: header.labels[c] for k, c in (
        ("number", "number"), ("category", "category"), ("name", "name"), ("unit", "unit"),
        ("baseline", "baseline"), ("target", "target"), ("strength", "strength"),
    ) if c in header.labels}  # fmt: skip
    plan.append(_line("  ", "columns", _flow(columns), says("columns")))
    if flag_names:
        plan.append("flags:")
        for name in flag_names:
            plan.append(
                f"  - {_flow({'id': flag_ids[name], 'name': name})}  # {says('flag', column=header.labels.get('note', '备注'))}"
            )
    plan.append("categories:")
    for name in categories:
        plan.append(f"  - {_flow({'id': category_ids[name], 'name': name, 'name_en': name})}  # {says('name_en')}")

    ind = [
        _schema_line("indicators"),
        f"# {says('drafted', source=source)}",
        f"# {says('format')}",
    ]
    if left_out:
        ind.append(f"# {says('left_out_header', n=len(left_out))}")
        ind += [f"#   {m}" for m in left_out]
    ind.append("indicators:")
    drafted: list[int] = []  # the table row of each indicator written, in order
    for r in data:
        inferred = infer(r, data, lang)
        ident = _indicator_id(r)
        row_ref = f"{cited} {header.labels.get('number', '序号')}{r.number}"
        ind += [
            f"  - id: {ident}  # {says('id')}",
            f"    annex_no: {r.number}",
            f"    category: {category_ids[r.category or says('no_category')]}",
            f"    name: {scalar(r.name)}",
            f"    name_en: {scalar(r.name)}  # {says('name_en')}",
            _line("    ", "unit", scalar(r.unit), "" if r.unit else says("no_unit")),
        ]
        if inferred.kind == "ordinal":
            ind.append(f"    classes: [{', '.join(_CLASSES)}]  # {says('classes')}")
        ind.append(f"    source: {_flow({'ref': row_ref, 'quote': r.quote})}")
        if r.note in flag_ids:
            ind.append(f"    flags: [{flag_ids[r.note]}]")
        elif r.note and r.unreadable is None:
            ind.append(f"    note: {scalar(r.note)}")
        ind += [
            "    targets:",
            f"      - id: {ident}",
            _line("        ", "kind", inferred.kind, says(f"kind_{inferred.kind}")),
            _line("        ", "direction", inferred.direction),
        ]
        if r.strength:
            ind.append(_line("        ", "strength", r.strength, says("strength", word=_strength_word(r))))
        if r.baseline.number is not None or r.baseline.klass is not None:
            value = r.baseline.number if r.baseline.number is not None else r.baseline.klass
            base: dict[str, Any] = {"year": base_year, "value": value}
            comment = ""
            if r.baseline.starred:
                if vintage:
                    base["vintage"] = vintage
                    comment = says("starred_vintage", text=r.baseline.text, year=vintage)
                else:
                    comment = says("starred", text=r.baseline.text)
            ind.append(_line("        ", "baseline", _flow(base), comment))
        for key, value, comment in inferred.fields:
            if value is not None:
                ind.append(_line("        ", key, scalar(value), comment))
        if r.target.text and r.target.klass is None and not any(k == "written" for k, _, _ in inferred.fields):
            ind.append(_line("        ", "written", scalar(r.target.text)))
        ind.append(f"        source: {_flow({'ref': row_ref})}")
        drafted.append(r.line)
        rate_label = header.labels.get("rate", "年均增长")
        if r.unreadable is not None or (r.rate.number is None and not r.rate.text):
            continue
        growth_name = f"{r.name}年均增速"
        if (
            r.rate.number is not None
            and r.rate.form in ("", "plain")
            and inferred.kind in ("level", "share")
            and not any(_fold(other.name) == _fold(growth_name) for other in data)
        ):
            ind += _growth_indicator(r, growth_name, ident, category_ids, row_ref, rate_label, says)
            drafted.append(r.line)
        else:
            # A 〔x〕 restating the target, or words: kept in sight rather than dropped.
            written = r.rate.text or _num(r.rate.number or 0)
            ind.append(f"        # {says('rate_unused', label=rate_label, text=written)}")
    return Draft(
        {"plan.yaml": "\n".join(plan) + "\n", "indicators.yaml": "\n".join(ind) + "\n"},
        left_out,
        drafted,
    )


def _growth_indicator(
    r: RowData,
    name: str,
    level_id: str,
    category_ids: dict[str, str],
    row_ref: str,
    rate_label: str,
    says: Any,
) -> list[str]:
    """The row's 年均增长 figure beside its level target (75 by 2030, 7.5 a year): the growth
    indicator the plan states on the same row, tied to the level by rate_of so that `qzdc audit`
    checks the one against the other. Its annex_no is null: the row's number is the level's."""
    ident = f"{level_id}_growth"
    lines = [
        f"  - id: {ident}  # {says('rate_row', label=rate_label, number=r.number)}",
        "    annex_no: null",
        f"    category: {category_ids[r.category or says('no_category')]}",
        f"    name: {scalar(name)}",
        f"    name_en: {scalar(name)}  # {says('name_en')}",
        '    unit: "%"',
        f"    rate_of: {level_id}",
        f"    source: {_flow({'ref': row_ref, 'quote': r.quote})}",
        "    targets:",
        f"      - id: {ident}",
        _line("        ", "kind", "average_growth", says("kind_average_growth")),
        _line("        ", "direction", "decrease" if r.rate.comparator in ("<=", "<") else "increase"),
    ]
    if r.strength:
        lines.append(_line("        ", "strength", r.strength, says("strength", word=_strength_word(r))))
    if r.rate.comparator and r.rate.comparator != ">=":
        lines.append(_line("        ", "comparator", r.rate.comparator, says("comparator", words=r.rate.text)))
    lines.append(_line("        ", "value", scalar(r.rate.number), says("growth")))
    if r.rate.text:
        lines.append(_line("        ", "written", scalar(r.rate.text)))
    lines.append(f"        source: {_flow({'ref': row_ref})}")
    return lines


def _strength_word(row: RowData) -> str:
    return (
        "力争"
        if row.strength == "aspirational"
        else {"binding": "约束性", "anticipatory": "预期性"}[row.strength or ""]
    )


# ── the starter plan ─────────────────────────────────────────────────────────


def starter(plan_id: str, baseline_year: int, target_year: int, lang: str = "zh") -> dict[str, str]:
    """A minimal valid plan to start from: one category, one level and one average-growth target."""

    def says(key: str, **words: Any) -> str:
        return tr(f"init.{key}", lang, **words)

    start = baseline_year + 1
    plan = f"""{_schema_line("plan")}
# {says("starter")}
# {says("format")}
schema_version: 1
id: {scalar(plan_id)}  # {says("plan_id")}
title: {scalar(says("starter_title"))}  # {says("title")}
period: {{start: {start}, end: {target_year}}}
baseline_year: {baseline_year}
target_year: {target_year}
# {says("starter_annex")}
annex_rows: 2
annex:
  columns: {{category: 类别, baseline: {baseline_year}年, target: {target_year}年}}
categories:
  - {{id: economy, name: 经济发展, name_en: Economic development}}
"""
    indicators = f"""{_schema_line("indicators")}
# {says("starter_indicators")}
# {says("format")}
indicators:
  - id: gdp_growth
    annex_no: 1
    category: economy
    name: 地区生产总值年均增速
    name_en: Gross regional product, average annual growth
    unit: "%"
    source: {{ref: 序号1}}  # {says("starter_source")}
    targets:
      - id: gdp_growth
        kind: average_growth  # {says("kind_average_growth")}
        direction: increase
        strength: anticipatory  # 预期性
        value: 6  # {says("starter_value")}
        source: {{ref: 序号1}}
  - id: high_tech_enterprises
    annex_no: 2
    category: economy
    name: 高新技术企业
    name_en: High-tech enterprises
    unit: 家
    source: {{ref: 序号2}}
    targets:
      - id: high_tech_enterprises
        kind: level  # {says("kind_level")}
        direction: increase
        baseline: {{year: {baseline_year}, value: 30}}
        value: 45
        source: {{ref: 序号2}}
"""
    observations = f"""{_schema_line("observations")}
# {says("starter_observations")}
observations: []
"""
    return {"plan.yaml": plan, "indicators.yaml": indicators, "observations.yaml": observations}
