"""The Word report: `qzdc report -o 进展报告.docx`, laid out as an office's report.

GB/T 9704—2012 (党政机关公文格式, docs: documents.md) sets the page: A4 with a
156 × 225 mm text block (top margin 37 mm, binding margin 28 mm), 22 lines of
28 characters, the title in 2号 小标宋, the body in 3号 仿宋, headings 一、 in
黑体, page numbers "— 1 —" in 4号 宋体 at the foot (odd pages right, even pages
left, one character in). The progress table (`qzdc.report.progress`) follows
on A4 landscape pages with the same text block turned, as a real Word table
whose header row repeats on every page and whose rows never split.

Word names one font family per script in a style, so the fallbacks go where
Word and WPS look when that family is missing: the document's font table,
which gives each family an alternative name (`altName`: 仿宋_GB2312 → 仿宋),
the GB2312 character set and the family class (serif, sans, fixed), so that a
machine without either still picks a Chinese face of the same kind.

python-docx writes every piece of text through lxml, which escapes it: a name
containing `</w:t>` is those characters, never markup, and Word has no
formulas in text. Characters XML cannot carry (control characters) are dropped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from itertools import pairwise

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from qzdc.i18n import tr
from qzdc.report.data import (
    STATUS_COLOURS,
    ReportInput,
    category_counts,
    header_facts,
    method_words,
    plan_words,
    status_counts,
    status_legend,
    title,
)
from qzdc.report.points import key_points
from qzdc.report.progress import progress_table
from qzdc.views.listing import category_name

# python-docx has no class for the font table and loads it as a plain Part, whose bytes can only be
# replaced through its private `_blob`. Registering the font table's content type as an XmlPart, the way
# python-docx registers its own parts (docx/__init__.py: PartFactory.part_type_for[...]), gives it a live
# `element` that is serialised on save. An XmlPart writes back exactly the XML it read.
PartFactory.part_type_for.setdefault(CT.WML_FONT_TABLE, XmlPart)

# Chinese type sizes (字号) in points.
SIZE_2 = 22  # 2号: the title
SIZE_3 = 16  # 3号: body and headings
SIZE_4 = 14  # 4号: page numbers
SIZE_S4 = 12  # 小4号: the table

# The text block: 156 × 225 mm, 22 lines of 28 characters of 3号 type.
PAGE_W, PAGE_H = Mm(210), Mm(297)
TOP, BOTTOM, LEFT, RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
# 28 characters of 16 pt are 448 pt, the line 442.2 pt (156 mm): each character is
# drawn 0.25 pt narrower. Word's own character grid would do the same, but
# LibreOffice lays a grid out differently; spacing reads the same in both.
CONDENSE = -5  # twentieths of a point

# (family named in the styles, its alternative, GB2312 charset, family class, pitch)
FONTS = {
    "title": ("方正小标宋简体", "华文中宋", "roman"),
    "body": ("仿宋_GB2312", "仿宋", "modern"),
    "heading1": ("黑体", "SimHei", "modern"),
    "heading2": ("楷体_GB2312", "楷体", "modern"),
    "page": ("宋体", "SimSun", "roman"),
}

# Characters an XML document cannot hold (XML 1.0 §2.2).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    return _NOT_XML.sub("", str(text))


# ── fonts and styles ─────────────────────────────────────────────────────────


def _set_fonts(rpr_owner, family: str) -> None:
    """The family for every script, with no theme font overriding it."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), family)


def _style(document, name: str, font: str, size: float, *, base: str | None = "Normal", paragraph: bool = True):
    styles = document.styles
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH if paragraph else WD_STYLE_TYPE.CHARACTER)
    )
    if base and paragraph and name != base:
        style.base_style = styles[base]
    _set_fonts(style.element, FONTS[font][0])
    style.font.size = Pt(size)
    style.font.bold = False
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    return style


def _font_table(document) -> None:
    """Each family's fallback in the font table, where Word and WPS look for a missing font."""
    part = next(p for p in document.part.package.iter_parts() if p.content_type == CT.WML_FONT_TABLE)
    for family, alternative, kind in FONTS.values():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), family)
        for tag, value in (
            ("w:altName", alternative),
            ("w:charset", "86"),
            ("w:family", kind),
            ("w:pitch", "variable"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        part.element.append(font)


def _styles(document) -> None:
    # Chinese text, Chinese line breaking: the East Asian language of every run.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    # Latin text and figures stay Latin: marked Chinese, a line may break inside "2023".
    lang.set(qn("w:val"), "en-US")
    fonts = rpr.find(qn("w:rFonts"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONTS["body"][0])

    normal = _style(document, "Normal", "body", SIZE_3, base=None)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(CONDENSE))
    normal.element.get_or_add_rPr().append(spacing)
    fmt.first_line_indent = Pt(2 * SIZE_3)  # two characters
    fmt.widow_control = False
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    heading = _style(document, "Heading 1", "heading1", SIZE_3)
    heading.paragraph_format.keep_with_next = True
    heading.paragraph_format.space_before = heading.paragraph_format.space_after = Pt(0)
    heading.paragraph_format.first_line_indent = Pt(2 * SIZE_3)
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    for name, font, size in (("qzdc Title", "title", SIZE_2), ("qzdc Facts", "heading2", SIZE_3)):
        style = _style(document, name, font, size)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.first_line_indent = Pt(0)
    document.styles["qzdc Title"].paragraph_format.line_spacing = Pt(35)

    table = _style(document, "qzdc Table", "body", SIZE_S4)
    table.paragraph_format.first_line_indent = Pt(0)
    table.paragraph_format.line_spacing = Pt(15)
    table.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    head = _style(document, "qzdc Table Head", "heading1", SIZE_S4, base="qzdc Table")
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note = _style(document, "qzdc Note", "body", SIZE_S4)
    note.paragraph_format.line_spacing = Pt(16)
    note.paragraph_format.first_line_indent = Pt(0)

    footer = _style(document, "Footer", "page", SIZE_4)
    footer.paragraph_format.first_line_indent = Pt(0)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


# ── the page ─────────────────────────────────────────────────────────────────


def _no_grid(section) -> None:
    """Lines are spaced by the styles (22 to a page), not by a document grid laid out differently by each program."""
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)


def _page(section, *, landscape: bool) -> None:
    """A4 with the 156 × 225 mm text block; turned (landscape), the binding edge is at the top."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = PAGE_H, PAGE_W
        section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = LEFT, RIGHT, TOP, BOTTOM
        section.footer_distance = Mm(12)
    else:
        section.page_width, section.page_height = PAGE_W, PAGE_H
        section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = TOP, BOTTOM, LEFT, RIGHT
        # The page number's line starts 7 mm below the text block: 35 − 7 − 5 mm for a 4号 line.
        section.footer_distance = Mm(23)
        section.header_distance = Mm(15)
    _no_grid(section)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A field Word and LibreOffice compute on opening (PAGE), showing `placeholder` until then."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _page_numbers(document, section) -> None:
    """— 1 — at the foot: odd pages on the right, even pages on the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        paragraph.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = Pt(SIZE_4)
        else:
            paragraph.paragraph_format.left_indent = Pt(SIZE_4)
        paragraph.add_run("— ")
        _field(paragraph, " PAGE ", "1")
        paragraph.add_run(" —")


# ── the content ──────────────────────────────────────────────────────────────


def _paragraph(document, text: str, style: str = "Normal"):
    return document.add_paragraph(clean(text), style=document.styles[style])


def _count_sentence(counts: dict[str, int], lang: str) -> str:
    parts = [tr("docx.count", lang).format(status=tr(s, lang), n=n) for s, n in counts.items() if n]
    return ("、" if lang == "zh" else ", ").join(parts)


def _overview(document, data: ReportInput) -> None:
    lang = data.lang
    counts = status_counts(data)
    total = sum(counts.values())
    if not total:
        _paragraph(document, tr("report.no_targets", lang))
        return
    _paragraph(document, tr("docx.overall", lang).format(total=total, counts=_count_sentence(counts, lang)))
    for c in category_counts(data):
        _paragraph(
            document,
            tr("docx.category", lang).format(name=c.name, total=c.total, counts=_count_sentence(c.counts, lang)),
        )


def _shade(cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _row_flags(row, *, header: bool) -> None:
    """A row never splits across pages; the header row repeats on each one."""
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if header:
        props.append(OxmlElement("w:tblHeader"))


def _cell_text(cell, text: str, style, *, align=None, colour: str | None = None, figure: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run()
    pieces = clean(text).split("-") if figure else [clean(text)]
    for i, piece in enumerate(pieces):
        if i:
            # Word's own non-breaking hyphen: a line never breaks inside (2025-Q3) or after a minus sign
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            run._r.append(OxmlElement("w:t"))
            run._r[-1].text = piece
            run._r[-1].set(qn("xml:space"), "preserve")
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


# Column widths, worked out from what the cells hold (user test 1, finding 18: 65.6 / %, 进度正 / 常).
# A figure, a period such as (2025-Q3) and a status word are never broken: their column is at least
# as wide as the widest of them in 小4号 type. Headers, names, text targets, the note on a stale
# status (据2023年旧数据) and 责任单位 wrap. Widths are measured in ems of the table's type with a
# Latin face's widths (DejaVu Sans, the widest a substitute is likely to be; 仿宋's figures are
# half an em), Chinese characters one em.
TEXT_WIDTH_MM = 225
EM_MM = SIZE_S4 * 25.4 / 72
CELL_PADDING_MM = 2 * 57 / 1440 * 25.4 + 0.5  # the table's side margins (57 twips each) and some air
_NAME_MIN_MM, _OWNERS_MIN_MM = 28.0, 17.0
# The name's share of the room the fixed columns leave (责任单位 has the rest): between these.
_NAME_SHARE_RANGE = (0.45, 0.7)
_LATIN_EM = {".": 0.32, ",": 0.32, " ": 0.32, "(": 0.39, ")": 0.39, "-": 0.36, "%": 0.95, "*": 0.5}
_FLEXIBLE = ("name", "owners")


def _wide(char: str) -> bool:
    return ord(char) > 0x2E80


def text_em(text: str) -> float:
    """The width of unbreakable text in ems: a Chinese character (or full-width mark) one em, Latin less,
    and a quarter em where Latin meets Chinese (the space Word and LibreOffice put between them: 100 以上)."""
    width = sum(1.0 if _wide(char) else _LATIN_EM.get(char, 0.64) for char in text)
    return width + 0.25 * sum(_wide(a) != _wide(b) for a, b in pairwise(text))


def _header_em(header: str) -> float:
    """A header wraps, but not inside a number (2025年实际), and keeps two characters a line at least."""
    runs = re.findall(r"[0-9A-Za-z.%]+", header)
    return max([2.0, *(text_em(run) for run in runs)])


# How often a target to hold held, as the progress column gives it (1/2年达标): the count is a figure.
HELD_FIGURE = re.compile(r"\d+/\d+[年期]")


def _unbroken(key: str, text: str, status_word: str | None) -> list[str]:
    """The pieces of a cell that must not break across lines."""
    if key == "status":
        return (status_word or text).split()  # the word; its note wraps (English words break at spaces)
    if key == "unit":
        return [text[:3]]  # 万美元 whole; a longer unit wraps after its third character
    if key == "target" and not any(char.isdigit() for char in text):
        return []  # a target in words (完成, 高于GDP增长) wraps
    if key == "progress" and (held := HELD_FIGURE.match(text)):
        return [held.group(0)]  # 1/2年达标: the count whole, 达标 may take the next line
    return text.split()  # a figure and its note: 75.33 (2023), 100以上, 5400 (2025-Q3)


def column_widths(keys: list[str], texts: list[dict[str, str]], headers: list[str], words: list[str]) -> list[float]:
    """Each column's width in mm: the fixed ones as wide as their widest unbroken piece (a header at least
    two characters), the name and 责任单位 sharing what is left."""
    need: dict[str, float] = {}
    for key, header in zip(keys, headers, strict=True):
        if key in _FLEXIBLE:
            continue
        pieces = [piece for row, word in zip(texts, words, strict=True) for piece in _unbroken(key, row[key], word)]
        need[key] = max([_header_em(header), *(text_em(piece) for piece in pieces)]) * EM_MM + CELL_PADDING_MM
    room = TEXT_WIDTH_MM - sum(need.values())
    if "owners" in keys:
        # shared in proportion to the text each holds, so that neither makes the rows tall alone
        length = {key: sum(text_em(row[key]) for row in texts) for key in _FLEXIBLE}
        share = length["name"] / (sum(length.values()) or 1)
        name = max(_NAME_MIN_MM, room * min(max(share, _NAME_SHARE_RANGE[0]), _NAME_SHARE_RANGE[1]))
        owners = max(_OWNERS_MIN_MM, room - name)
    else:
        name, owners = max(_NAME_MIN_MM, room), 0.0
    widths = [need.get(key, name if key == "name" else owners) for key in keys]
    # Where even that does not fit (a plan with very long figures), every column gives way in proportion.
    scale = min(1.0, TEXT_WIDTH_MM / sum(widths))
    return [width * scale for width in widths]


def _table(document, data: ReportInput) -> list[str]:
    """The 完成情况表; what it returns are the lines to go under it (* year inferred)."""
    lang = data.lang
    table_data = progress_table(data)
    columns = table_data.columns
    body, head = document.styles["qzdc Table"], document.styles["qzdc Table Head"]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # Narrow side margins (a dozen columns share 225 mm), a little air above and below.
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 14), ("left", 57), ("bottom", 14), ("right", 57)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    texts = [
        {
            c.key: cells[c.key].text if cells[c.key].value is not None or c.key in ("number", "unit") else "—"
            for c in columns
        }
        for _, cells in table_data.rows
    ]
    words = [tr(row.assessment.status, lang) for row, _ in table_data.rows]
    widths = [Mm(w) for w in column_widths([c.key for c in columns], texts, [c.header for c in columns], words)]
    # Fixed widths, in the grid as well as in each cell: Word reads the cells, LibreOffice the grid.
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, column, width in zip(table.rows[0].cells, columns, widths, strict=True):
        cell.width = width
        _cell_text(cell, column.header.replace("\n", ""), head)
        _shade(cell, "E5E7EB")
    _row_flags(table.rows[0], header=True)
    category = None
    for (row, _), shown in zip(table_data.rows, texts, strict=True):
        if row.indicator.category != category:
            category = row.indicator.category
            group = table.add_row()
            _row_flags(group, header=False)
            merged = group.cells[0].merge(group.cells[-1])
            _cell_text(merged, category_name(data.plan, category, lang), head, align=WD_ALIGN_PARAGRAPH.LEFT)
        line = table.add_row()
        _row_flags(line, header=False)
        for cell, column, width in zip(line.cells, columns, widths, strict=True):
            cell.width = width
            text = shown[column.key]
            if column.key == "status":
                fg, bg = STATUS_COLOURS.get(row.assessment.status, ("000000", "FFFFFF"))
                _cell_text(cell, text, body, align=WD_ALIGN_PARAGRAPH.CENTER, colour=fg)
                _shade(cell, bg)
            else:
                align = WD_ALIGN_PARAGRAPH.RIGHT if column.numeric else None
                _cell_text(cell, text, body, align=align, figure=column.numeric)
    return table_data.notes


def _notes(document, data: ReportInput, table_notes: list[str]) -> Iterable[str]:
    lang = data.lang
    yield from table_notes
    colon, sep = ("：", "；") if lang == "zh" else (": ", "; ")
    legend = sep.join(f"{tr(s, lang)}{colon}{text}" for s, text in status_legend(data))
    yield tr("docx.note", lang) + legend + tr("points.end", lang)
    yield method_words(data)
    yield plan_words(data)


def report_docx(data: ReportInput, *, summary_only: bool = False) -> bytes:
    """The report as the bytes of a .docx file; `summary_only`: without the progress table."""
    lang = data.lang
    document = Document()
    _styles(document)
    _font_table(document)
    section = document.sections[0]
    _page(section, landscape=False)
    _page_numbers(document, section)

    for line in (title(data), tr("report.title", lang)):
        _paragraph(document, line, "qzdc Title")
    _paragraph(document, "", "qzdc Facts")
    wanted = (tr("report.document_no", lang), tr("report.as_of", lang), tr("report.scope", lang))
    colon = "：" if lang == "zh" else ": "
    for label, text in header_facts(data):
        if label in wanted and not (label == tr("report.scope", lang) and text == tr("report.all_targets", lang)):
            _paragraph(document, f"{label}{colon}{text}", "qzdc Facts")
    _paragraph(document, "")

    _paragraph(document, tr("docx.heading_points", lang), "Heading 1")
    for point in key_points(data):
        _paragraph(document, point.text)
        for number, item in enumerate(point.items, start=1):
            _paragraph(document, f"{number}. {item}")
    _paragraph(document, tr("docx.heading_overview", lang), "Heading 1")
    _overview(document, data)

    table_notes: list[str] = []
    if not summary_only:
        landscape = document.add_section(WD_SECTION.NEW_PAGE)
        _page(landscape, landscape=True)
        heading = _paragraph(document, tr("docx.heading_table", lang), "Heading 1")
        heading.paragraph_format.first_line_indent = Pt(0)
        if data.status.rows:
            table_notes = _table(document, data)
    notes = list(_notes(document, data, table_notes))
    for i, note in enumerate(notes):
        paragraph = _paragraph(document, note, "qzdc Note")
        # The notes stay together, so that no page holds only the last line of them (依据…).
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = i < len(notes) - 1

    properties = document.core_properties
    properties.title = clean(f"{title(data)} · {tr('report.title', lang)}")
    properties.author = properties.last_modified_by = "qzdc"
    properties.language = "zh-CN" if lang == "zh" else "en"
    properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
