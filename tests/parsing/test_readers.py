"""What the readers extract from each kind of file, before the text pipeline sees it."""

import re
from pathlib import Path

import openpyxl
import pytest

from duban.parsing.docx_numbering import chinese_counting, format_number
from duban.parsing.files import parse_file
from duban.parsing.pdf_layout import NUMBERED_LINE, PAGE_NUMBER
from duban.parsing.readers import TableSource, TextSource, decode_text, find_header, read_file

CORPUS = Path(__file__).parent / "corpus"
SAMPLE = "一、深化改革\n（一）推进整合。（省财政厅、省发展改革委等负责）\n"


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16-le"),
        ("utf-16-le", "utf-16-le"),  # no BOM: told apart by where the NULs fall
        ("utf-16-be", "utf-16-be"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_text_is_decoded_by_content(encoding, detected):
    source = decode_text(SAMPLE.encode(encoding), "plan.txt")
    assert source == TextSource(SAMPLE, detected)


def test_line_ends_are_folded():
    assert decode_text(b"a\r\nb\rc\n", "plan.txt").text == "a\nb\nc\n"


def test_the_extension_does_not_decide(tmp_path):
    renamed = tmp_path / "table.txt"
    renamed.write_bytes((CORPUS / "yunyang-2024-rural-reform-table.xlsx").read_bytes())
    assert isinstance(read_file(renamed), TableSource)


@pytest.mark.parametrize(
    ("number", "num_fmt", "label"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (35, "chineseCounting", "三十五"),
        (105, "chineseCounting", "一百零五"),
        (112, "chineseCounting", "一百一十二"),
        (3, "decimal", "3"),
        (3, "decimalEnclosedCircle", "③"),
        (3, "decimalEnclosedParen", "⑶"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalFullWidth", "７"),
    ],
)
def test_word_number_formats(number, num_fmt, label):
    assert format_number(number, num_fmt) == label


def test_chinese_counting_of_tens():
    assert [chinese_counting(n) for n in (11, 20, 21, 99)] == ["十一", "二十", "二十一", "九十九"]


def test_word_automatic_numbering_is_written_into_the_text():
    text = read_file(CORPUS / "yunyang-2024-reform-points-autonumbered.docx").text
    lines = text.splitlines()
    assert "一、深化经济体制改革" in lines
    assert "（二）深化财税体制改革。" in lines
    # Level 3 restarts under every level-2 number.
    assert sum(line.startswith("1．") for line in lines) == 4
    assert "二、深化社会民生领域改革" in lines


@pytest.mark.parametrize("line", ["- 3 -", "—3—", "— 12 —", "3", "第3页", "第 3 页 共 9 页", "3/9"])
def test_page_numbers_are_recognised(line):
    assert PAGE_NUMBER.match(line.replace(" ", ""))


@pytest.mark.parametrize("line", ["3．推进改革", "2024年1月18日", "（三）健全机制"])
def test_body_lines_are_not_page_numbers(line):
    assert not PAGE_NUMBER.match(line)


@pytest.mark.parametrize(
    "line", ["一、健全体系", "⼀、健全体系", "（二）完善", "11．开展", "①建立"]
)
def test_numbered_lines_start_a_paragraph(line):
    assert NUMBERED_LINE.match(line)


def test_pdf_paragraphs_are_rebuilt_without_page_furniture():
    text = read_file(CORPUS / "jiangchuan-2024-ecology-opinions.pdf").text
    lines = text.splitlines()
    assert not any("—" in line and line.strip("— 0123456789") == "" for line in lines)
    # The running header is dropped; the document number in the body stays once.
    assert lines.count("川政发〔2024〕3号") == 1
    # Each task is one paragraph again, the one running across a page break included.
    tasks = [line for line in lines if re.match(r"\d{1,2}．", line)]
    assert len(tasks) == 11
    assert all(line.endswith(("）", "：")) for line in tasks)


def test_a_task_table_header_below_a_title_row_is_found(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2024年任务分解表"])
    sheet.append([])
    sheet.append(["备注", "完成时限", "牵头单位", "工作任务", "序号", "配合单位"])
    sheet.append(["", "年内", "省财政厅", "推进改革", "1", "省税务局"])
    path = tmp_path / "tasks.xlsx"
    workbook.save(path)
    source = read_file(path)
    assert source.title == "2024年任务分解表"
    assert find_header(source.rows) == (
        0,
        {"deadline": 1, "lead": 2, "content": 3, "number": 4, "co": 5},
        0,
    )


def test_a_two_row_header_splits_the_responsibility_column(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "重点任务", "责任单位", None, "完成时限"])
    sheet.append([None, None, "牵头单位", "配合单位", None])
    sheet.append(["1", "推进改革", "省财政厅", "省税务局", "年内"])
    sheet.merge_cells("C1:D1")
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:B2")
    path = tmp_path / "tasks.xlsx"
    workbook.save(path)
    header = find_header(read_file(path).rows)
    assert header.roles == {"number": 0, "task": 1, "lead": 2, "co": 3, "deadline": 4}
    assert header.data_start == 2
    (item,) = parse_file(path).items
    assert [(d.name, d.role) for d in item.departments] == [
        ("省财政厅", "lead"),
        ("省税务局", "co"),
    ]


def test_merged_cells_are_repeated_over_their_area():
    rows = read_file(CORPUS / "yunyang-2024-rural-reform-table.xlsx").rows
    areas = [row[1] for row in rows[1:]]
    assert areas == ["农村土地制度改革"] * 2 + ["农村集体产权制度改革"] * 3 + ["农村金融改革"]
    assert rows[3][:3] == rows[4][:3]  # one task over two rows


def test_word_text_in_content_controls_and_tracked_insertions_is_read(tmp_path):
    import docx
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    document.add_paragraph("一、深化改革")
    body = document.element.body
    body.insert(
        len(body) - 1,  # before w:sectPr
        parse_xml(
            f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>（一）推进整合。</w:t></w:r>'
            "<w:ins w:id='1' w:author='a'><w:r><w:t>（省财政厅负责）</w:t></w:r></w:ins>"
            "<w:del w:id='2' w:author='a'><w:r><w:delText>（省税务局负责）</w:delText></w:r></w:del>"
            "</w:p></w:sdtContent></w:sdt>"
        ),
    )
    path = tmp_path / "plan.docx"
    document.save(path)
    assert read_file(path).text.splitlines() == ["一、深化改革", "（一）推进整合。（省财政厅负责）"]


def test_word_numbering_through_a_paragraph_style_and_a_numbering_style_link(tmp_path):
    """Heading styles carry the numbering, and the list defers to a numbering style: the way
    Word saves a multilevel list defined as a style."""
    import docx
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{w}}}num")
    definitions = [
        f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="80"><w:styleLink w:val="PlanList"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>',
        f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="81">'
        '<w:numStyleLink w:val="PlanList"/></w:abstractNum>',
    ]
    for xml in definitions:
        element = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{w}" w:numId="80"><w:abstractNumId w:val="80"/></w:num>')
    )
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{w}" w:numId="81"><w:abstractNumId w:val="81"/></w:num>')
    )
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style xmlns:w="{w}" w:type="numbering" w:styleId="PlanList"><w:name w:val="PlanList"/>'
            '<w:pPr><w:numPr><w:numId w:val="80"/></w:numPr></w:pPr></w:style>'
        )
    )
    for style_id, level in (("PlanArea", 0), ("PlanTask", 1)):
        styles.append(
            parse_xml(
                f'<w:style xmlns:w="{w}" w:type="paragraph" w:styleId="{style_id}">'
                f'<w:name w:val="{style_id}"/><w:pPr><w:numPr><w:ilvl w:val="{level}"/>'
                '<w:numId w:val="81"/></w:numPr></w:pPr></w:style>'
            )
        )
    for style, text in [
        ("PlanArea", "深化改革"),
        ("PlanTask", "推进整合。"),
        ("PlanTask", "完善机制。"),
        ("PlanArea", "强化保障"),
        ("PlanTask", "加强领导。"),
    ]:
        document.add_paragraph(text, style=style)
    path = tmp_path / "plan.docx"
    document.save(path)
    assert read_file(path).text.splitlines() == [
        "一、深化改革",
        "（一）推进整合。",
        "（二）完善机制。",
        "二、强化保障",
        "（一）加强领导。",
    ]
