"""The assessment table (考核结果表) as an .xlsx workbook, ready to print for the leadership.

A title row (the plan year and version), a subtitle (the date of the record, the status, full
marks), then the header 排名, 单位, 类别, 总分 and one column per component, one row per assessed
unit or city (provincial units first, each group in rank order). A4 landscape, fit to the page
width, header repeated on every page, 宋体 headings over 仿宋 body text, thin borders.
"""

import os
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from duban.assessment.selectors import Table
from duban.lib.xlsx import print_landscape_a4, set_value

FIXED_HEADERS = ("排名", "单位", "类别", "总分")
FIXED_WIDTHS = (6, 36, 9, 8)
COMPONENT_WIDTH = 13
GROUP_NAMES = {"unit": "省直单位", "city": "市州"}

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
TITLE_FONT = Font(name="宋体", bold=True, size=16)
HEADER_FONT = Font(name="宋体", bold=True, size=11)
BODY_FONT = Font(name="仿宋", size=11)


def headers(table: Table) -> list[str]:
    return [*FIXED_HEADERS, *(f"{r.label}\n（{_marks(r)}）" for r in table.rules.components)]


def _marks(rule) -> str:
    if rule.kind == "rate":
        return f"{_number(rule.weight)}分"
    cap = f"，限{_number(rule.cap)}分" if rule.cap is not None else ""
    return f"每次{_number(rule.weight)}分{cap}"


def _number(value) -> str:
    """`10.00` → `10`, `0.50` → `0.5`: the way a printed table writes points."""
    return f"{value.normalize():f}"


def write_assessment_table(table: Table, path_or_stream: str | os.PathLike | IO[bytes]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "考核结果"
    columns = headers(table)
    assessment = table.assessment
    title = f"{assessment.plan.year}年度改革任务落实情况考核结果"
    status = assessment.get_status_display()
    subtitle = (
        f"考核截止{assessment.as_of:%Y年%m月%d日} · 第{assessment.number}版（{status}）"
        f" · 满分{_number(table.full_marks)}分，扣分项从总分中扣除"
    )
    _banner(sheet, 1, title, TITLE_FONT, len(columns))
    _banner(sheet, 2, subtitle, BODY_FONT, len(columns))
    header_line = 3
    for column, text in enumerate(columns, 1):
        cell = set_value(sheet.cell(row=header_line, column=column), text)
        cell.font, cell.fill, cell.border, cell.alignment = (
            HEADER_FONT,
            _HEADER_FILL,
            _BORDER,
            _CENTRED,
        )
        width = FIXED_WIDTHS[column - 1] if column <= len(FIXED_WIDTHS) else COMPONENT_WIDTH
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[header_line].height = 56
    line = header_line + 1
    for row in table.units + table.cities:
        score = row.score
        values = [score.rank, score.unit.name, GROUP_NAMES[score.group], score.total, *row.cells]
        for column, value in enumerate(values, 1):
            cell = set_value(sheet.cell(row=line, column=column), value)
            cell.font, cell.border = BODY_FONT, _BORDER
            cell.alignment = _LEFT if column == 2 else _CENTRED
            if column >= 4:
                cell.number_format = "0.00"
        line += 1
    sheet.freeze_panes = f"C{header_line + 1}"
    sheet.print_title_rows = f"{header_line}:{header_line}"
    sheet.print_area = f"A1:{get_column_letter(len(columns))}{max(line - 1, header_line)}"
    _page_setup(sheet)
    workbook.save(path_or_stream)


def _banner(sheet, line: int, text: str, font: Font, width: int) -> None:
    sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=width)
    cell = set_value(sheet.cell(row=line, column=1), text)
    cell.font, cell.alignment = font, _CENTRED
    sheet.row_dimensions[line].height = 32 if font.size and font.size > 12 else 20


def _page_setup(sheet) -> None:
    print_landscape_a4(sheet)
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
