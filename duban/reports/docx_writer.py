"""Official document layout (GB/T 9704, as close as python-docx allows) for Duban's drafts.

A4, margins 37/35/28/26 mm, body 仿宋_GB2312 3号 (16 pt) at a fixed 28 pt line pitch, title
2号 方正小标宋简体, level-1 headings 黑体, level-2 楷体_GB2312, the issuing authority's mark in
red over a red rule, page numbers `— 1 —` (a PAGE field) in 4号 in the footer. East Asian font
names are set through `w:rFonts w:eastAsia` so Chinese text really uses them.
"""

import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
RED = RGBColor(0xD0, 0x00, 0x00)
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
LINE_PITCH_PT = 28
TABLE_PT = 10.5  # 五号
CAPTION_PT = 14  # 4号
FIGURE_WIDTH_MM = 150  # of the 156 mm type area


@dataclass
class Figure:
    png: bytes
    caption: str  # 图1 各改革领域推进情况


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    table: list[list[str]] | None = None  # first row is the header
    figures: list[Figure] = field(default_factory=list)  # after the paragraphs
    table_widths: list[int] | None = None  # millimetres per column; equal when None


@dataclass
class OfficialDocument:
    authority: str  # 发文机关标志, e.g. 甘肃省发展和改革委员会文件
    number: str  # 文号
    title: str
    addressee: str  # 主送, e.g. 省人民政府：
    sections: list[Section]
    signatory: str  # 落款; empty for a 纪要, which carries no signature
    date_text: str  # 2012年9月30日
    # Lines after the signature, flush left: a 纪要's 出席/列席 lists, 抄送, 联系人.
    trailer: list[str] = field(default_factory=list)


def _font(run, name: str, size: int, *, bold: bool = False, color: RGBColor | None = None):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)
    # Chinese text: LibreOffice then takes the simplified (SC) face of a CJK font collection.
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)


def _paragraph(doc, text: str, font: str, size: int, *, align=None, indent=True, **kw):
    para = doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT if size <= BODY_PT else size + 8)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        para.alignment = align
    _font(para.add_run(text), font, size, **kw)
    return para


def _red_rule(para):
    # An exact line pitch clips a paragraph border in LibreOffice: this line sizes itself.
    para.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    para.paragraph_format.space_after = Pt(4)
    ppr = para._element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "single"),
        ("w:sz", "18"),
        ("w:space", "6"),
        ("w:color", "D00000"),
    ):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.insert(0, border)  # pBdr comes before spacing and jc in w:pPr


def _page_number_footer(section):
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(para.add_run("— "), BODY_FONT, PAGE_NUMBER_PT)
    run = para.add_run()
    _font(run, BODY_FONT, PAGE_NUMBER_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
    _font(para.add_run(" —"), BODY_FONT, PAGE_NUMBER_PT)


def write_docx(document: OfficialDocument, path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _page_number_footer(section)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(doc, document.authority, TITLE_FONT, 30, align=center, indent=False, color=RED)
    _red_rule(_paragraph(doc, document.number, BODY_FONT, BODY_PT, align=center, indent=False))
    _paragraph(doc, "", BODY_FONT, BODY_PT, indent=False)
    _paragraph(doc, document.title, TITLE_FONT, TITLE_PT, align=center, indent=False)
    _paragraph(doc, "", BODY_FONT, BODY_PT, indent=False)
    if document.addressee:  # a 纪要 is addressed to no one
        _paragraph(doc, document.addressee, BODY_FONT, BODY_PT, indent=False)
    for part in document.sections:
        _section(doc, part, HEADING1_FONT)
        for sub in part.subsections:
            _section(doc, sub, HEADING2_FONT)
    _paragraph(doc, "", BODY_FONT, BODY_PT, indent=False)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    if document.signatory:
        _paragraph(doc, document.signatory, BODY_FONT, BODY_PT, align=right, indent=False)
    _paragraph(doc, document.date_text, BODY_FONT, BODY_PT, align=right, indent=False)
    for line in document.trailer:
        _paragraph(doc, line, BODY_FONT, BODY_PT, indent=False)
    doc.save(path)


def _section(doc, part: Section, heading_font: str) -> None:
    if part.heading:  # an opening paragraph comes before the first heading
        heading = _paragraph(doc, part.heading, heading_font, BODY_PT)
        heading.paragraph_format.keep_with_next = True  # never a heading alone at a page's foot
    for text in part.paragraphs:
        _paragraph(doc, text, BODY_FONT, BODY_PT)
    for figure in part.figures:
        _figure(doc, figure)
    if part.table:
        _table(doc, part.table, part.table_widths)


def _figure(doc, figure: Figure) -> None:
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True  # the picture stays with its caption
    para.add_run().add_picture(io.BytesIO(figure.png), width=Mm(FIGURE_WIDTH_MM))
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(doc, figure.caption, BODY_FONT, CAPTION_PT, align=center, indent=False)


def _table(doc, rows: list[list[str]], widths: list[int] | None) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = widths is None
    for c, width in enumerate(widths or []):
        table.columns[c].width = Mm(width)  # the grid LibreOffice reads; cells for Word
    for r, row in enumerate(rows):
        _keep_row_whole(table.rows[r])
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            if widths:
                cell.width = Mm(widths[c])
            para = cell.paragraphs[0]
            if r == 0 or _is_figure(text):
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(para.add_run(text), HEADING1_FONT if r == 0 else BODY_FONT, TABLE_PT)
    _repeat_header(table.rows[0])


def _is_figure(text: str) -> bool:
    return text.replace("-", "").replace(".", "").isdigit()


def _keep_row_whole(row) -> None:
    # A row never splits across pages: its task and its days overdue stay together.
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(cant_split)


def _repeat_header(row) -> None:
    # A long table repeats its header row on every page it runs over.
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)
