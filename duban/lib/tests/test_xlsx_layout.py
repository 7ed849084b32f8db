import io
from datetime import date

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Side

from duban.lib.dates import chinese_date
from duban.lib.xlsx import (
    Look,
    body_font,
    fit_row_height,
    line_height,
    lines_needed,
    set_value,
)


def test_a_short_text_takes_one_line_and_an_empty_one_too():
    assert lines_needed("省财政厅", 20) == 1
    assert lines_needed("", 20) == 1


def test_long_chinese_text_wraps_to_more_lines_in_a_narrower_column():
    text = "深化省属国有企业改革重组" * 10  # 120 characters
    assert lines_needed(text, 60) < lines_needed(text, 30)
    assert lines_needed(text, 60) >= 120 * 2.0 * 12 / 11 // 59


def test_each_paragraph_starts_a_line():
    assert lines_needed("一\n二\n三", 60) == 3


def test_the_row_is_as_tall_as_its_tallest_cell():
    sheet = Workbook().active
    sheet.cell(row=1, column=1, value="短")
    sheet.cell(row=1, column=2, value="长" * 100)
    height = fit_row_height(sheet, 1, (10, 30))
    assert height == sheet.row_dimensions[1].height
    assert height >= lines_needed("长" * 100, 30) * line_height()


def test_dates_are_written_the_chinese_way():
    assert chinese_date(date(2012, 5, 20)) == "2012年5月20日"
    assert chinese_date(None) == ""


def test_a_look_puts_its_styles_on_each_cell_and_a_formula_mark_stays_on_its_own_cell():
    workbook = Workbook()
    sheet = workbook.active
    thin = Side(style="thin")
    look = Look(
        sheet, font=body_font(), border=Border(left=thin), alignment=Alignment(wrap_text=True)
    )
    set_value(look.on(sheet["A1"]), "=cmd|' /C calc'!A0")
    set_value(look.on(sheet["A2"]), "省财政厅")
    stream = io.BytesIO()
    workbook.save(stream)
    stream.seek(0)
    risky, plain = load_workbook(stream).active["A1":"A2"]
    for (cell,) in (risky, plain):
        assert cell.font.name == "仿宋" and cell.border.left.style == "thin"
        assert cell.alignment.wrap_text
    assert risky[0].quotePrefix and risky[0].data_type == "s"
    assert not plain[0].quotePrefix
