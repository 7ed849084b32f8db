"""Write the binary documents of the blind set: a Word notice, an Excel 任务分解表 and a PDF.

Run from the repository root: `.venv/bin/python tests/parsing/blind/make_inputs.py`.
The files are committed; run this only to change them. The places and bodies (青禾县, 北岭省)
are invented; the layout follows the published documents of the genre: red-header notice,
cover note with 附件, typed numbering, 抄送/印发 footer.
"""

import subprocess
import tempfile
from html import escape
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"

# Lines of the Word notice. A leading "^" centres the line, ">" aligns it right, "#" sets it in
# bold (headings); every other line is a body paragraph with the customary two-character indent.
QINGHE_NOTICE = """\
^#青禾县人民政府文件
^禾政发〔2023〕5号
^#青禾县人民政府关于印发青禾县2023年优化营商环境实施方案的通知
各乡镇人民政府，县政府各部门，县直各单位：
《青禾县2023年优化营商环境实施方案》已经县政府第12次常务会议研究同意，现印发给你们，请认真组织实施。
附件：青禾县2023年优化营商环境实施方案
>青禾县人民政府
>2023年4月3日
（此件公开发布）
#附件
^#青禾县2023年优化营商环境实施方案
为深入贯彻《优化营商环境条例》，落实《云阳市人民政府办公室关于印发云阳市2023年优化营商环境若干措施的通知》（云政办发〔2023〕15号）要求，结合我县实际，制定本方案。
#一、工作目标
到2023年底，企业开办全流程压缩至0.5个工作日，政务服务事项“全程网办”比例达到90%以上。
#二、重点任务
#（一）提升政务服务效能
1．推行“一件事一次办”。梳理公布第二批“一件事一次办”事项清单，实现企业和群众办事“只进一扇门”。
责任单位：县行政审批局（牵头）、县大数据中心、县人社局
完成时限：2023年6月底前
2．深化“互联网+政务服务”。依托省一体化政务服务平台，推动高频事项“掌上办”“指尖办”。
责任单位：县大数据中心（牵头）、县行政审批局
完成时限：2023年12月底前
#（二）优化市场准入和监管
1．压缩企业开办时间。全面推行企业开办“一网通办”，实现营业执照、印章刻制、发票申领一日办结。
责任单位：县市场监管局（牵头）、县公安局、县税务局
2．推行包容审慎监管。制定轻微违法行为不予行政处罚清单，对新业态实行触发式监管。
责任单位：县市场监管局（牵头）、县司法局
#（三）强化要素保障
1．加大金融支持力度。
（1）建立“政银企”对接机制，每季度至少举办一次融资对接会。
责任单位：县金融服务中心（牵头）、人民银行青禾县支行
（2）扩大县融资担保公司担保规模，担保费率降至1%以下。
责任单位：县财政局（牵头）、县国资中心
2．保障项目用地需求。推行“标准地”出让，新增工业用地“标准地”出让比例达到100%。
责任单位：县自然资源局（牵头）、县发改局、县工业园区管委会
#（四）维护公平竞争的市场秩序
1．开展招标投标领域突出问题专项整治。
责任单位：县发改局（牵头）、县公共资源交易中心、县住建局
2．做好涉企政策宣传解读。在乡镇便民服务中心设置惠企政策专窗。（各乡镇人民政府负责）
#三、保障措施
（一）加强组织领导。成立县优化营商环境工作领导小组，由县长任组长，统筹推进全县营商环境建设。
（二）严格督查问责。将优化营商环境工作纳入年度目标考核，对工作不力的单位予以通报。
"""
# The 版记 (抄送 and 印发 lines) of a Word notice usually sits in a ruled two-column table.
QINGHE_IMPRINT = [
    ("抄送：县委办公室，县人大常委会办公室，县政协办公室。", ""),
    ("青禾县人民政府办公室", "2023年4月4日印发"),
]

XLSX_TITLE = "青禾县2023年优化营商环境重点任务分解表"
XLSX_HEADER = ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限")
# An area is a merged row across the table; the tasks below it are numbered on continuously.
XLSX_AREAS = [
    (
        "一、提升政务服务效能",
        [
            (
                "推行“一件事一次办”",
                "梳理公布第二批“一件事一次办”事项清单，实现企业和群众办事“只进一扇门”。",
                "县行政审批局",
                "县大数据中心、县人社局",
                "2023年6月底前",
            ),
            (
                "深化“互联网+政务服务”",
                "推动高频事项“掌上办”“指尖办”，政务服务事项“全程网办”比例达到90%以上。",
                "县大数据中心",
                "县行政审批局",
                "2023年12月底前",
            ),
            (
                "推行证明事项告知承诺制",
                "对具备条件的涉企经营许可事项全面实行告知承诺，公布告知承诺事项清单。",
                "县行政审批局",
                "县司法局、县市场监管局",
                "2023年9月底前",
            ),
        ],
    ),
    (
        "二、优化市场环境",
        [
            (
                "压缩企业开办时间",
                "全面推行企业开办“一网通办”，营业执照、印章刻制、发票申领一日办结。",
                "县市场监管局",
                "县公安局、县税务局、县人社局",
                "2023年6月底前",
            ),
            (
                "推行包容审慎监管",
                "制定轻微违法行为不予行政处罚清单；对新技术、新产业、新业态实行触发式监管。",
                "县市场监管局、县司法局",
                "县直有关执法部门",
                "2023年12月底前",
            ),
            (
                "清理规范涉企收费",
                "开展涉企违规收费专项检查，坚决纠正乱收费、乱罚款、乱摊派。",
                "县发改局",
                "县财政局、县市场监管局",
                "年内持续推进",
            ),
        ],
    ),
    (
        "三、强化要素保障",
        [
            (
                "加大金融支持力度",
                "建立“政银企”对接机制，每季度至少举办一次融资对接会；县融资担保公司担保费率降至1%以下。",
                "县金融服务中心",
                "人民银行青禾县支行、县财政局",
                "2023年12月底前",
            ),
            (
                "保障项目用地需求",
                "推行“标准地”出让，新增工业用地“标准地”出让比例达到100%。",
                "县自然资源局",
                "县发改局、县工业园区管委会",
                "2023年12月底前",
            ),
            (
                "降低企业用能成本",
                "落实阶段性降低用电成本政策，推行用电报装“零上门、零审批、零投资”。",
                "县发改局",
                "国网青禾县供电公司",
                "2023年12月底前",
            ),
        ],
    ),
]
XLSX_NOTE = "注：各牵头单位于每月5日前将上月工作进展情况报县优化营商环境工作领导小组办公室。"

# Lines of the PDF notice, with the same markers as QINGHE_NOTICE.
BEILING_NOTICE = """\
^#北岭省人民政府办公厅文件
^北岭政办发〔2023〕21号
^#北岭省人民政府办公厅关于印发北岭省加快融入全国统一大市场重点任务分工方案的通知
各市州人民政府，省政府各部门、各直属机构：
《北岭省加快融入全国统一大市场重点任务分工方案》已经省政府同意，现印发给你们，请认真贯彻落实。
>北岭省人民政府办公厅
>二〇二三年五月八日
（此件公开发布）
^#北岭省加快融入全国统一大市场重点任务分工方案
为贯彻落实《中共中央 国务院关于加快建设全国统一大市场的意见》，按照《北岭省人民政府关于深化要素市场化配置改革的实施意见》（北岭政发〔2022〕30号）部署，现提出以下重点任务分工。
#一、强化市场基础制度规则统一
（一）完善统一的产权保护制度。依法平等保护各种所有制经济产权，健全涉企冤错案件甄别纠正常态化机制。（省法院、省检察院牵头，省公安厅、省司法厅等按职责分工负责）
（二）实行统一的市场准入制度。严格落实市场准入负面清单制度，完成违背市场准入负面清单案例归集清理。（省发展改革委、省商务厅牵头，省市场监管局等按职责分工负责，2023年9月底前完成）
（三）健全统一的社会信用制度。编制出台省公共信用信息目录和失信惩戒措施清单。（省发展改革委、人民银行北岭分行按职责分工负责）推进信用承诺制度，在行政许可等领域全面推行信用承诺。（省发展改革委牵头，省直有关部门按职责分工负责）
#二、推进市场设施高标准联通
（一）建设现代流通网络。加快推进北岭国家物流枢纽建设，发展铁水、公铁、空陆等多式联运。（省交通运输厅牵头，省发展改革委、省商务厅、中国铁路北岭局集团有限公司按职责分工负责）
（二）推动交易平台优化升级。整合公共资源交易平台，2023年底前实现全流程电子化交易。（省公共资源交易中心牵头，省政务服务和大数据管理局配合）
#三、打造统一的要素和资源市场
（一）健全城乡统一的土地市场。完善城乡建设用地增减挂钩节余指标省内调剂政策。（省自然资源厅负责，2023年12月底前完成）
（二）加快发展统一的资本市场。支持符合条件的企业在境内外上市融资，规范发展区域性股权市场。（省地方金融监管局与北岭证监局按职责分工负责）
（三）培育发展全省统一的技术和数据市场。
1．健全科技成果转化机制，建设省技术交易市场。（省科技厅牵头，省教育厅、省知识产权局配合）
2．探索数据资产登记和交易制度。（省政务服务和大数据管理局牵头，省委网信办、省发展改革委配合）
#四、进一步规范不当市场竞争和市场干预行为
（一）加强反垄断执法。依法查处垄断协议、滥用市场支配地位等行为。（省市场监管局负责）
（二）破除地方保护和区域壁垒。全面清理歧视外地企业、实行地方保护的各类政策措施。（各市州人民政府负责）
各地区、各部门要把加快融入全国统一大市场作为重要政治任务，细化工作措施，于2023年6月底前将落实方案报省发展改革委。省发展改革委要会同有关部门加强跟踪督促，重大事项及时向省政府报告。
抄送：省委各部门，省人大常委会办公厅，省政协办公厅，省法院，省检察院。
北岭省人民政府办公厅　　　　　　　　2023年5月9日印发
"""


def marked_lines(text: str):
    """Yield (alignment, bold, text) for each line of a notice written with the markers above."""
    for line in text.splitlines():
        align = {"^": "center", ">": "right"}.get(line[:1], "justify")
        line = line.lstrip("^>")
        bold = line.startswith("#")
        yield align, bold, line.lstrip("#")


def write_docx(text: str, imprint: list[tuple[str, str]], path: Path) -> None:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(16)
    # East Asian text takes its font from eastAsia, not from the Latin name.
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    alignments = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    for align, bold, line in marked_lines(text):
        paragraph = document.add_paragraph()
        paragraph.alignment = alignments[align]
        if align == "justify":
            paragraph.paragraph_format.first_line_indent = Pt(32)
        paragraph.add_run(line).bold = bold
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for left, right in imprint:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right
        if not right:
            cells[0].merge(cells[1])
    document.save(path)


def write_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务分解表"
    width = len(XLSX_HEADER)
    wrap = Alignment(wrap_text=True, vertical="center")
    sheet.append([XLSX_TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(XLSX_HEADER)
    number = 0
    for area, tasks in XLSX_AREAS:
        sheet.append([area])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
        )
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for task in tasks:
            number += 1
            sheet.append([number, *task])
            for cell in sheet[sheet.max_row]:
                cell.alignment = wrap
    sheet.append([XLSX_NOTE])
    sheet.merge_cells(
        start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
    )
    for column, size in zip("ABCDEF", (6, 24, 48, 18, 26, 16), strict=True):
        sheet.column_dimensions[column].width = size
    workbook.save(path)


def notice_html(text: str) -> str:
    paragraphs = []
    for align, bold, line in marked_lines(text):
        body = f"<b>{escape(line)}</b>" if bold else escape(line)
        indent = "2em" if align == "justify" else "0"
        paragraphs.append(f'<p style="text-align:{align};text-indent:{indent}">{body}</p>')
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>'
        "@page{size:A4;margin:37mm 26mm 35mm 28mm;"
        # Page numbers as printed on official documents: — 1 —
        "@bottom-center{content:'— ' counter(page) ' —';font-size:14pt}}"
        "body{font-family:'Noto Serif CJK SC',serif;font-size:16pt;line-height:1.75}"
        "p{margin:0}</style></head><body>" + "\n".join(paragraphs) + "</body></html>"
    )


def write_pdf(text: str, path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "notice.html"
        html.write_text(notice_html(text), encoding="utf-8")
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-pdf-header-footer",
                f"--print-to-pdf={path}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


def main() -> None:
    write_docx(QINGHE_NOTICE, QINGHE_IMPRINT, HERE / "qinghe-2023-business-environment-plan.docx")
    write_xlsx(HERE / "qinghe-2023-business-environment-tasks.xlsx")
    write_pdf(BEILING_NOTICE, HERE / "beiling-2023-unified-market-division.pdf")


if __name__ == "__main__":
    main()
