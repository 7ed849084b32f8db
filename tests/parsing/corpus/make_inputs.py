"""Rebuild the generated corpus inputs from the UTF-8 sources and the tables written below.

    .venv/bin/python tests/parsing/corpus/make_inputs.py

Writes, next to this file:
- `…-halfwidth.txt`: a copy with half-width punctuation, `(省财政厅负责)`;
- `…-gb18030.txt`, `…-utf16.txt`: the same kind of text in GB18030 and UTF-16 (with BOM, CRLF);
- `…-traditional.txt`: a copy in traditional characters (`牽頭`, `負責`);
- `jiangchuan-2024-digital-government-notice.docx`: Word, numbers typed in the text;
- `yunyang-2024-reform-points-autonumbered.docx`: Word automatic numbering only (`w:numPr`);
- `jiangchuan-2024-business-environment-table.docx`: a Word 任务分解表;
- `qinghe-2024-river-chief-notice-with-table.docx`: a 通知 with its 任务分解表 attached;
- `yunyang-2024-rural-reform-table.xlsx`: an Excel 任务分解表, a title row and merged cells;
- `jiangchuan-2024-ecology-opinions.pdf`: printed by Chromium, justified, a running header and
  `— N —` page numbers; `yunyang-2024-business-environment-plan-printed.pdf`: ragged right,
  `第 N 页 共 M 页` (both need /usr/bin/chromium and fonts-noto-cjk);
- `baishi-2023-business-environment-notice-gbk.txt`: GBK with CRLF, as saved on Windows;
- `baishi-2023-business-environment-notice-printed.pdf`: the same, a two-line page header
  (`白石市人民政府办公室文件` + the document number) on every page;
- `baishi-2023-river-chief-notice-with-table-printed.pdf`: the .txt notice of that name printed, its
  tab-separated 任务分解表 as a ruled HTML table;
- `baishi-2023-business-environment-notice.docx`: the same notice typed in Word, the 附件 on a
  new page;
- `baishi-2023-digital-economy-points.docx`: Word, each task's departments in a second
  paragraph of another style;
- `baishi-2023-digital-economy-tasks.xlsx`: an Excel 任务分解表 ending in a merged `注：` row.
"""

from __future__ import annotations

import datetime
import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
CHROMIUM = "/usr/bin/chromium"
FIXED_TIME = datetime.datetime(2024, 4, 2, 9, 0, 0)

HALF_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "；": ";", "：": ":"})

# Simplified → traditional, for the characters of the notice that have a traditional form.
TRADITIONAL = str.maketrans(
    dict(
        zip(
            "办厅关于发数设点务号门经现给们请认贯彻实为国导见进础体云统调级业达财网负责职机订单参强络护键检牵"
            "头优动项广电证应众场监联归据风险预组织领议协报况纳规层划镇营资环审县区农权态时将准踪两对与总结计"
            "质节费义价间问题构选续类创扩杂",
            "辦廳關於發數設點務號門經現給們請認貫徹實為國導見進礎體雲統調級業達財網負責職機訂單參強絡護鍵檢牽"
            "頭優動項廣電證應眾場監聯歸據風險預組織領議協報況納規層劃鎮營資環審縣區農權態時將準蹤兩對與總結計"
            "質節費義價間問題構選續類創擴雜",
            strict=True,
        )
    )
)


def text_of(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def write_text_copies() -> None:
    opinions = (HERE / "jiangchuan-2023-reform-opinions.txt").read_text(encoding="utf-8")
    (HERE / "jiangchuan-2023-reform-opinions-halfwidth.txt").write_text(
        opinions.translate(HALF_WIDTH), encoding="utf-8"
    )
    plan = text_of("yunyang-2024-business-environment-plan.txt")
    (HERE / "yunyang-2024-business-environment-plan-gb18030.txt").write_bytes(
        plan.encode("gb18030")
    )
    division = text_of("qinghe-2024-task-division.txt")
    # Saved by Windows Notepad as "Unicode": UTF-16LE with a BOM and CRLF line ends.
    (HERE / "qinghe-2024-task-division-utf16.txt").write_bytes(
        division.replace("\n", "\r\n").encode("utf-16")
    )
    baishi = text_of("baishi-2023-business-environment-notice.txt")
    # Saved by Notepad in the "ANSI" code page of a Chinese Windows: GBK, CRLF line ends.
    (HERE / "baishi-2023-business-environment-notice-gbk.txt").write_bytes(
        baishi.replace("\n", "\r\n").encode("gbk")
    )
    private_economy = text_of("jiangchuan-2024-private-economy-opinions.txt")
    (HERE / "jiangchuan-2024-private-economy-opinions-gb18030.txt").write_bytes(
        private_economy.encode("gb18030")
    )
    notice = text_of("jiangchuan-2024-digital-government-notice.txt")
    (HERE / "jiangchuan-2024-digital-government-notice-traditional.txt").write_text(
        notice.translate(TRADITIONAL), encoding="utf-8"
    )


# --- Word, numbers typed --------------------------------------------------------------------


def _new_docx():
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    style = document.styles["Normal"]
    style.font.size = Pt(16)
    style.font.name = "仿宋_GB2312"
    return document


def _add_paragraph(document, text: str, *, centered=False, indent=True):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph(text)
    if centered:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        paragraph.paragraph_format.first_line_indent = Pt(32)
    return paragraph


def write_typed_docx() -> None:
    """The notice as typed in Word: one paragraph per line, indents as formatting."""
    document = _new_docx()
    lines = text_of("jiangchuan-2024-digital-government-notice.txt").splitlines()
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        indented = line.startswith("\u3000")
        centered = index < 2 or line.strip() == "江川省2024年数字政府建设重点任务"
        _add_paragraph(document, line.strip(), centered=centered, indent=indented)
    document.save(HERE / "jiangchuan-2024-digital-government-notice.docx")


POINTS_TITLE = "白石市2023年数字经济发展工作要点"
# (text, departments in the paragraph below it or None): the department paragraph is set in
# a style of its own (楷体, right-aligned), as many offices type it; in brackets when it has
# labels or roles, bare when it holds names only.
POINTS = [
    ("一、做强数字产业", None),
    ("（一）培育数字经济核心产业。新引进数字经济项目20个，规模以上电子信息制造业产值增长15%。",
     "牵头单位：市工业和信息化局　配合单位：市发展改革委、市商务局"),
    ("（二）建设数字产业园区。年内建成白石软件园二期。", "责任单位：市科技局、白石高新区管委会"),
    ("二、推进产业数字化", None),
    ("（一）推动制造业数字化转型。新建智能工厂5个、数字化车间20个。",
     "市工业和信息化局牵头，市财政局、市科技局配合"),
    # names alone, no brackets, no roles: the first leads
    ("（二）发展智慧农业。建设数字农业示范基地10个。", "市农业农村局、市供销合作社"),
    ("三、夯实数字基础", None),
    ("（一）加快5G网络建设。新建5G基站1500个，实现乡镇以上区域全覆盖。",
     "牵头单位：市通信发展办公室；配合单位：各县区人民政府"),
]  # fmt: skip


def write_notice_docx() -> None:
    """The notice and its attached plan in one Word file, the 附件 after a page break."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    document = _new_docx()
    signature = {"白石市人民政府办公室", "2023年2月20日"}
    titles = {"附件", "白石市2023年优化营商环境攻坚行动实施方案"}
    for index, line in enumerate(
        text_of("baishi-2023-business-environment-notice.txt").splitlines()
    ):
        text = line.strip()
        if not text:
            continue
        if text == "附件":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        paragraph = _add_paragraph(
            document, text, centered=index < 5 or text in titles, indent=line.startswith("\u3000")
        )
        if text in signature:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(HERE / "baishi-2023-business-environment-notice.docx")


def write_points_docx() -> None:
    """Departments in a second paragraph, styled apart from the task above them."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = _new_docx()
    units_style = document.styles.add_style("责任单位", WD_STYLE_TYPE.PARAGRAPH)
    units_style.font.name = "楷体_GB2312"
    units_style.font.size = Pt(14)
    _add_paragraph(document, POINTS_TITLE, centered=True)
    _add_paragraph(document, "各县区人民政府，市政府各部门：", indent=False)
    _add_paragraph(document, "现将2023年数字经济发展工作要点印发给你们，请认真抓好落实。")
    for text, units in POINTS:
        _add_paragraph(document, text)
        if units:
            bare = not re.search("：|牵头|负责|配合", units)
            paragraph = document.add_paragraph(units if bare else f"（{units}）", style=units_style)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _add_paragraph(document, "各牵头单位要于每季度末报送工作进展情况。")
    for line in ("白石市人民政府办公室", "2023年3月6日"):
        _add_paragraph(document, line, indent=False).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(HERE / "baishi-2023-digital-economy-points.docx")


# --- Word, automatic numbering --------------------------------------------------------------

REFORM_POINTS_TITLE = "云阳市2024年全面深化改革工作要点"
REFORM_POINTS_PREAMBLE = (
    "2024年全市改革工作要坚持问题导向，聚焦重点领域和关键环节，推动各项改革举措落地见效。"
)
# (numbering level, text): the numbers 一、 （一） 1． come from the numbering definition only.
REFORM_POINTS = [
    (0, "深化经济体制改革"),
    (1, "深化国资国企改革。"),
    (2, "推进市属国有企业整合重组，年内将市属一级企业压减至6户。（市国资委、市财政局等负责）"),
    (2, "完善国有企业经理层任期制和契约化管理。（市国资委牵头，市人力资源社会保障局参与）"),
    (1, "深化财税体制改革。"),
    (2, "推进市以下财政事权和支出责任划分改革，12月底前出台实施方案。（市财政局负责）"),
    (2, "加强政府债务管理，严控新增隐性债务。（市财政局、市发展改革委等负责）"),
    (0, "深化社会民生领域改革"),
    (1, "深化教育综合改革。"),
    (
        2,
        "推进义务教育优质均衡发展，新建改扩建中小学校12所。"
        "（市教育局牵头，市发展改革委、市自然资源局参与）",
    ),
    (2, "深化职业教育产教融合，组建2个市域产教联合体。（市教育局、市人力资源社会保障局等负责）"),
    (1, "深化医药卫生体制改革。"),
    (2, "推进紧密型县域医共体建设，实现县域全覆盖。（市卫生健康委、市医保局等负责）"),
    (
        2,
        "深化医保支付方式改革，DRG付费覆盖全部符合条件的医疗机构。"
        "（市医保局牵头，市卫生健康委参与）",
    ),
]
REFORM_POINTS_CLOSING = [
    "各牵头单位要制定具体工作方案，于3月底前报市委改革办。",
    "中共云阳市委全面深化改革委员会办公室",
    "2024年1月25日",
]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING_XML = f"""
<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%3．"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
"""
NUM_XML = f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def write_autonumbered_docx() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = _new_docx()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(NUMBERING_XML)
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before any num
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM_XML))

    _add_paragraph(document, REFORM_POINTS_TITLE, centered=True)
    _add_paragraph(document, REFORM_POINTS_PREAMBLE)
    for level, text in REFORM_POINTS:
        paragraph = _add_paragraph(document, text)
        properties = paragraph._p.get_or_add_pPr()
        properties.append(
            parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )
    for text in REFORM_POINTS_CLOSING:
        _add_paragraph(document, text, indent=text == REFORM_POINTS_CLOSING[0])
    document.save(HERE / "yunyang-2024-reform-points-autonumbered.docx")


# --- Word task table ------------------------------------------------------------------------

BUSINESS_TABLE_TITLE = "江川省2024年优化营商环境重点任务分解表"
BUSINESS_TABLE_HEADER = ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限"]
BUSINESS_TABLE = [
    ["一", "提升政务服务水平"],
    [
        "1",
        "推进政务服务标准化",
        "编制全省统一的政务服务事项基本目录，实现同一事项同标准办理。",
        "省政务服务中心",
        "省司法厅、省大数据局",
        "2024年6月底前",
    ],
    [
        "2",
        "深化“一网通办”",
        "省级政务服务事项网上可办率达到98%以上。",
        "省大数据局",
        "省政务服务中心、省直有关部门",
        "2024年12月底前",
    ],
    ["二", "优化市场环境"],
    [
        "3",
        "规范涉企收费",
        "开展涉企违规收费专项整治，建立涉企收费目录清单制度。",
        "省市场监管局",
        "省发展改革委、省财政厅",
        "2024年9月底前",
    ],
    [
        "4",
        "加强知识产权保护",
        "建设省级知识产权保护中心，推行知识产权纠纷快速处理机制。",
        "省知识产权局",
        "省法院、省公安厅",
        "年内",
    ],
    [
        "5",
        "推进公平竞争审查",
        "对新出台政策措施开展公平竞争审查，清理存量文件。",
        "省市场监管局、省发展改革委",
        "省司法厅",
        "持续推进",
    ],
]


def _add_task_table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for values in [header, *rows]:
        cells = table.add_row().cells
        if len(values) == 2:  # an area row: its name spans the whole width
            merged = cells[1].merge(cells[-1])
            cells[0].text = values[0]
            merged.text = values[1]
            continue
        for cell, value in zip(cells, values, strict=True):
            cell.text = value


def write_table_docx() -> None:
    document = _new_docx()
    _add_paragraph(document, BUSINESS_TABLE_TITLE, centered=True)
    _add_task_table(document, BUSINESS_TABLE_HEADER, BUSINESS_TABLE)
    document.save(HERE / "jiangchuan-2024-business-environment-table.docx")


# --- Word notice with the task table attached -------------------------------------------

RIVER_NOTICE = [
    ("title", "青河区人民政府办公室关于印发"),
    ("title", "青河区2024年河湖长制重点任务分解表的通知"),
    ("center", "青政办发〔2024〕5号"),
    ("plain", "各镇人民政府、街道办事处，区直有关部门："),
    (
        "indent",
        "为全面落实《云阳市全面推行河湖长制实施方案》（云办发〔2022〕16号）要求，持续改善全区河湖"
        "水环境质量，经区政府同意，现将《青河区2024年河湖长制重点任务分解表》印发给你们，请认真抓好落实。",
    ),
    (
        "indent",
        "各牵头单位要按照任务分解表明确的时限要求，细化工作措施，每季度末将工作进展情况报送区河长制"
        "办公室。区河长制办公室要加强统筹调度，对工作推进不力的单位予以通报。",
    ),
    ("right", "青河区人民政府办公室"),
    ("right", "2024年2月5日"),
    ("plain", "附件"),
    ("title", "青河区2024年河湖长制重点任务分解表"),
]
RIVER_TABLE = [
    ["一", "水资源保护"],
    ["1", "严格取用水管理", "开展取水工程规范化管理专项整治，完成取水口核查登记。", "区水利局",
     "区发改局、区自然资源分局", "2024年6月底前"],
    ["2", "推进节水型社会建设", "创建节水型机关和节水型企业10家以上。", "区水利局",
     "区机关事务中心、区工信局", "2024年11月底前"],
    ["二", "水污染防治"],
    ["3", "整治入河排污口", "完成青河干流入河排污口排查溯源和分类整治。", "区生态环境分局",
     "区水利局、区住建局", "2024年9月底前"],
    ["4", "治理农业面源污染", "推广测土配方施肥，化肥使用量较上年下降2%。", "区农业农村局",
     "各镇人民政府", "年内"],
    ["三", "河湖管理保护"],
    ["5", "清理河湖“四乱”问题", "常态化开展河湖“清四乱”专项行动，问题整改率达到100%。",
     "区河长制办公室", "区水利局、区公安分局、各镇人民政府、街道办事处", "持续推进"],
]  # fmt: skip


def write_notice_with_table_docx() -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = _new_docx()
    for kind, text in RIVER_NOTICE:
        paragraph = _add_paragraph(
            document, text, centered=kind in ("title", "center"), indent=kind == "indent"
        )
        if kind == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _add_task_table(document, BUSINESS_TABLE_HEADER, RIVER_TABLE)
    document.save(HERE / "qinghe-2024-river-chief-notice-with-table.docx")


# --- Excel task table -----------------------------------------------------------------------

RURAL_TABLE_TITLE = "云阳市2024年农村改革重点任务分解表"
RURAL_TABLE_HEADER = [
    "序号",
    "改革领域",
    "改革任务",
    "工作措施",
    "牵头单位",
    "责任单位",
    "完成时间",
]
# None: the cell is covered by the merged cell above it.
RURAL_TABLE = [
    [
        "1",
        "农村土地制度改革",
        "深化农村承包地“三权分置”改革",
        "完善土地经营权流转服务体系，新增流转面积5万亩。",
        "市农业农村局",
        "市自然资源局",
        "2024年12月底前",
    ],
    [
        "2",
        None,
        "稳慎推进宅基地制度改革",
        "开展闲置宅基地盘活利用试点。",
        "市农业农村局",
        "市自然资源局、市住房城乡建设局",
        "2024年12月底前",
    ],
    [
        "3",
        "农村集体产权制度改革",
        "发展新型农村集体经济",
        "培育集体经济强村50个。",
        "市农业农村局",
        "市财政局",
        "2024年10月底前",
    ],
    [
        None,
        None,
        None,
        "规范农村集体资产管理，开展专项审计。",
        "市审计局",
        "市农业农村局",
        "2024年11月底前",
    ],
    [
        "4",
        None,
        "推进农村产权交易市场建设",
        "实现县级农村产权交易服务平台全覆盖。",
        "市农业农村局",
        "市地方金融监管局",
        "2024年9月底前",
    ],
    [
        "5",
        "农村金融改革",
        "扩大农业保险覆盖面",
        "推动政策性农业保险提标扩面。",
        "市财政局",
        "市农业农村局、云阳金融监管分局",
        "年内",
    ],
]


def write_table_xlsx() -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "任务分解表"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    width = len(RURAL_TABLE_HEADER)
    sheet.append([RURAL_TABLE_TITLE] + [None] * (width - 1))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(RURAL_TABLE_HEADER)
    first_data_row = 3
    for values in RURAL_TABLE:
        sheet.append(values)
    # Merge every cell left empty (None) into the cell above it, as people do in Excel.
    for column in range(1, width + 1):
        row = first_data_row
        while row < first_data_row + len(RURAL_TABLE):
            end = row
            while (
                end + 1 < first_data_row + len(RURAL_TABLE)
                and RURAL_TABLE[end + 1 - first_data_row][column - 1] is None
            ):
                end += 1
            if end > row:
                sheet.merge_cells(
                    start_row=row, start_column=column, end_row=end, end_column=column
                )
            row = end + 1
    for letter, size in zip("ABCDEFG", (6, 16, 24, 40, 16, 24, 14), strict=True):
        sheet.column_dimensions[letter].width = size
    workbook.save(HERE / "yunyang-2024-rural-reform-table.xlsx")


TASKS_TITLE = "白石市2023年数字经济重点任务分解表"
TASKS_HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
TASKS = [
    ["1", "新引进数字经济项目20个", "市工业和信息化局", "市发展改革委、市商务局", "2023年12月底前"],
    ["2", "建成白石软件园二期", "市科技局", "白石高新区管委会", "2023年10月底前"],
    ["3", "新建智能工厂5个", "市工业和信息化局", "市财政局", "2023年12月底前"],
    ["4", "新建5G基站1500个", "市通信发展办公室", "各县区人民政府", "2023年9月底前"],
]  # fmt: skip
TASKS_NOTE = "注：各牵头单位于每月5日前将上月进展情况报市发展改革委。"


def write_tasks_xlsx() -> None:
    """A task table whose last row is a note merged across the row."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    width = len(TASKS_HEADER)
    sheet.append([TASKS_TITLE] + [None] * (width - 1))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(TASKS_HEADER)
    for values in TASKS:
        sheet.append(values)
    sheet.append([TASKS_NOTE] + [None] * (width - 1))
    last = sheet.max_row
    sheet.merge_cells(start_row=last, start_column=1, end_row=last, end_column=width)
    workbook.save(HERE / "baishi-2023-digital-economy-tasks.xlsx")


# --- PDF printed by Chromium ----------------------------------------------------------------

PDF_STYLE = """
@page {
  size: A4; margin: 32mm 26mm 30mm 28mm;
  @top-center { content: "川政发〔2024〕3号"; font-size: 10pt; color: #555; }
  @bottom-center { content: "— " counter(page) " —"; font-size: 14pt; }
}
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16pt;
       line-height: 1.75; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.title { text-align: center; font-size: 22pt; font-weight: bold; }
p.number { text-align: center; margin: 0.5em 0; }
p.signature { text-align: right; }
"""
# A second printer's habits: ragged right margin, sans serif, "第 N 页 共 M 页" at the foot.
PLAN_PDF_STYLE = """
@page {
  size: A4; margin: 28mm 30mm 28mm 30mm;
  @bottom-right { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 10pt; }
}
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 15pt; line-height: 1.6; }
p { margin: 0 0 0.2em 0; text-align: left; }
p.indent { text-indent: 2em; }
p.title { text-align: center; font-size: 20pt; }
p.number { text-align: center; margin: 0.5em 0; }
p.signature { text-align: right; }
"""


def document_html(text: str, style: str, *, titles: set[str], signature: set[str]) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    body = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index < 2 or stripped in titles:
            css = "title"
        elif re.fullmatch(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", stripped):
            css = "number"
        elif stripped in signature:
            css = "signature"
        elif line.startswith("\u3000"):
            css = "indent"
        else:
            css = ""
        body.append(f'<p class="{css}">{html.escape(stripped)}</p>')
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>"
    )


def print_pdf(page: str, out: Path) -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "page.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-pdf-header-footer",
                f"--user-data-dir={scratch}/profile",
                f"--print-to-pdf={out}",
                source.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


# A red-head notice printed with its head repeated on every page, in two lines.
NOTICE_PDF_STYLE = """
@page {
  size: A4; margin: 34mm 28mm 30mm 28mm;
  @top-center { content: "白石市人民政府办公室文件\\A白政办发〔2023〕12号"; white-space: pre;
                font-size: 11pt; color: #a00; }
  @bottom-center { content: "- " counter(page) " -"; font-size: 12pt; }
}
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.7; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.title { text-align: center; font-size: 20pt; font-weight: bold; }
p.number { text-align: center; margin: 0.5em 0; }
p.signature { text-align: right; }
"""


def write_pdfs() -> None:
    print_pdf(
        document_html(
            text_of("jiangchuan-2024-ecology-opinions.txt"),
            PDF_STYLE,
            titles=set(),
            signature={"江川省人民政府", "2024年1月18日"},
        ),
        HERE / "jiangchuan-2024-ecology-opinions.pdf",
    )
    print_pdf(
        document_html(
            text_of("yunyang-2024-business-environment-plan.txt"),
            PLAN_PDF_STYLE,
            titles={"云阳市2024年深化营商环境改革实施方案"},
            signature={"云阳市人民政府办公室", "2024年2月20日"},
        ),
        HERE / "yunyang-2024-business-environment-plan-printed.pdf",
    )
    write_notice_pdf()
    write_notice_with_table_pdf()


TABLE_PDF_STYLE = """
@page { size: A4; margin: 30mm 28mm 30mm 28mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.7; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.title { text-align: center; font-size: 20pt; font-weight: bold; }
p.signature { text-align: right; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
"""


def _html_row(rows: list[list[str]], index: int) -> str:
    """One row of the printed table, merged as people merge them: an area's name across the
    row, a task's 序号 and name down the rows of its units."""
    row = rows[index]
    if not any(row[2:]):  # an area row: 一 | 水资源保护
        return f"<tr><td>{row[0]}</td><td colspan='{len(row) - 1}'>{html.escape(row[1])}</td></tr>"
    cells = []
    for column, cell in enumerate(row):
        if column < 2 and index > 0 and rows[index - 1][:2] == row[:2]:
            continue  # covered by the merged cell above
        span = 1
        while column < 2 and index + span < len(rows) and rows[index + span][:2] == row[:2]:
            span += 1
        cells.append(f"<td rowspan='{span}'>{html.escape(cell)}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def write_notice_with_table_pdf() -> None:
    """A notice whose 附件 is a ruled task table; the tab-separated rows of the .txt."""
    text = (HERE / "baishi-2023-river-chief-notice-with-table.txt").read_text(encoding="utf-8")
    prose = "\n".join(line for line in text.splitlines() if "\t" not in line)
    rows = [line.split("\t") for line in text.splitlines() if "\t" in line]
    cells = "".join(_html_row(rows, index) for index in range(len(rows)))
    page = document_html(
        prose,
        TABLE_PDF_STYLE,
        titles={"附件", "白石市2023年河湖长制重点任务分解表"},
        signature={"白石市人民政府办公室", "2023年4月3日"},
    )
    note = '<p class="">注：各牵头单位于每季度末报送进展情况。</p>'
    page = page.replace(note, f"<table>{cells}</table>{note}")
    print_pdf(page, HERE / "baishi-2023-river-chief-notice-with-table-printed.pdf")


def write_notice_pdf() -> None:
    print_pdf(
        document_html(
            text_of("baishi-2023-business-environment-notice.txt"),
            NOTICE_PDF_STYLE,
            titles={"附件", "白石市2023年优化营商环境攻坚行动实施方案"},
            signature={"白石市人民政府办公室", "2023年2月20日"},
        ),
        HERE / "baishi-2023-business-environment-notice-printed.pdf",
    )


def main() -> None:
    write_text_copies()
    write_typed_docx()
    write_autonumbered_docx()
    write_table_docx()
    write_notice_with_table_docx()
    write_table_xlsx()
    write_notice_docx()
    write_points_docx()
    write_tasks_xlsx()
    write_pdfs()


if __name__ == "__main__":
    main()
