import io

from openpyxl import load_workbook

from duban.lib.tasktable import HEADERS, TaskRow, write_task_table

ROWS = [
    TaskRow(
        "1.1",
        "一、深化改革",
        "深化国企改革",
        "加大重组力度。",
        ["省国资委"],
        ["省财政厅"],
        "年底前",
    ),
    TaskRow("1.2", "一、深化改革", "推进厂办大集体改革", "完成改革任务。", "省国资委", "", ""),
    {
        "number": "2.1",
        "area": "二、创新农村体制",
        "title": "探索土地流转",
        "text": "做好确权登记。",
        "lead": ["省农牧厅", "省国土资源厅"],
        "co": [],
        "deadline": "6月底前",
    },
]


def _written(**kwargs):
    stream = io.BytesIO()
    write_task_table(ROWS, stream, **kwargs)
    stream.seek(0)
    return load_workbook(stream).active


def _values(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_title_subtitle_header_and_area_rows():
    sheet = _written(
        title="甘肃省2012年经济体制改革重点工作任务分解表", subtitle="甘政发〔2012〕53号"
    )
    values = _values(sheet)
    assert values[0][0] == "甘肃省2012年经济体制改革重点工作任务分解表"
    assert values[1][0] == "甘政发〔2012〕53号"
    assert tuple(values[2]) == HEADERS
    assert values[3][0] == "一、深化改革"
    assert values[4] == ["1.1", "深化国企改革", "加大重组力度。", "省国资委", "省财政厅", "年底前"]
    assert values[5][3:] == ["省国资委", None, None]
    assert values[6][0] == "二、创新农村体制"
    assert values[7][3] == "省农牧厅、省国土资源厅"


def test_title_and_area_rows_span_every_column():
    sheet = _written(title="任务分解表", subtitle=None)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert merged == {"A1:F1", "A3:F3", "A6:F6"}


def test_it_prints_landscape_on_a4_fit_to_width_with_the_header_on_every_page():
    sheet = _written(title="任务分解表", subtitle="说明")
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$3:$3"


def test_cells_wrap_have_thin_borders_and_the_content_column_is_widest():
    sheet = _written(title="任务分解表")
    cell = sheet["C4"]
    assert cell.alignment.wrap_text
    assert cell.border.left.style == "thin"
    widths = {col: sheet.column_dimensions[col].width for col in "ABCDEF"}
    assert max(widths, key=widths.get) == "C"


def test_it_writes_to_a_path(tmp_path):
    path = tmp_path / "tasks.xlsx"
    write_task_table(ROWS, path, title="任务分解表")
    assert load_workbook(path).active["A1"].value == "任务分解表"


def test_text_that_looks_like_a_formula_is_written_as_text():
    risky = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1"]
    stream = io.BytesIO()
    rows = [TaskRow(f"1.{i}", "一、深化改革", text, text) for i, text in enumerate(risky, 1)]
    write_task_table(rows, stream, title="=cmd|' /C calc'!A0")
    stream.seek(0)
    sheet = load_workbook(stream).active
    cells = [sheet["A1"]] + [
        c for row in sheet.iter_rows(min_row=4, min_col=2, max_col=3) for c in row
    ]
    assert [c.value for c in cells] == ["=cmd|' /C calc'!A0"] + [t for t in risky for _ in (0, 1)]
    assert {c.data_type for c in cells} == {"s"}
