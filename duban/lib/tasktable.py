"""The task decomposition table (任务分解表) as an .xlsx workbook.

Columns 序号, 改革任务, 具体内容, 牵头单位, 配合单位, 完成时限, under a title row (the plan's title)
and an optional subtitle row (document number and date). Each reform area (a level-1 item)
opens with one merged row across all columns. Set in 仿宋 with 黑体 headings, every row as tall
as its longest wrapped cell, borders all round; printed A4 landscape, fit to the page width,
with the header row repeated on every page.

The parser's ``task_rows`` and the plans app's export both write through this module, so it
knows nothing of either: rows are ``TaskRow``s or plain dicts with the same keys.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from duban.lib.xlsx import (
    Look,
    body_font,
    fit_row_height,
    heading_font,
    line_height,
    lines_needed,
    print_landscape_a4,
    set_value,
)

HEADERS = ("序号", "改革任务", "具体内容", "牵头单位", "配合单位", "完成时限")
# Character widths; 具体内容 carries the task's text, so it gets most of the page.
COLUMN_WIDTHS = (8, 24, 60, 20, 26, 17)
UNIT_SEPARATOR = "、"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_WRAP_CENTRED = Alignment(wrap_text=True, vertical="center", horizontal="center")
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
_BODY = body_font()


@dataclass
class TaskRow:
    """One line of the table. ``area`` is the reform area's heading (``一、…``); a change of
    area opens a merged area row. ``lead``/``co`` are names; a list is joined with ``、``."""

    number: str
    area: str
    title: str
    text: str = ""
    lead: Sequence[str] | str = field(default_factory=list)
    co: Sequence[str] | str = field(default_factory=list)
    deadline: str = ""


def write_task_table(
    rows: Iterable[TaskRow | Mapping[str, Any]],
    path_or_stream: str | os.PathLike | IO[bytes],
    *,
    title: str,
    subtitle: str | None = None,
) -> None:
    """Write ``rows`` as a task decomposition table to a path or a binary stream."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务分解表"
    last_column = get_column_letter(len(HEADERS))
    line = _banner(sheet, 1, title, heading_font(18))
    if subtitle:
        line = _banner(sheet, line, subtitle, body_font())
    header_line = line
    for column, (header, width) in enumerate(zip(HEADERS, COLUMN_WIDTHS, strict=True), 1):
        cell = sheet.cell(row=header_line, column=column, value=header)
        cell.font, cell.fill, cell.border, cell.alignment = (
            heading_font(),
            _HEADER_FILL,
            _BORDER,
            _WRAP_CENTRED,
        )
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_row_height(sheet, header_line, COLUMN_WIDTHS)
    line = header_line + 1
    area = None
    body = Look(sheet, border=_BORDER, font=_BODY, alignment=_WRAP)
    centred = Look(sheet, border=_BORDER, font=_BODY, alignment=_WRAP_CENTRED)
    looks = (centred, body, body, body, body, centred)  # 序号 and 完成时限 are centred
    for row in map(_as_row, rows):
        if row.area and row.area != area:
            area = row.area
            line = _area_row(sheet, line, area)
        values = (row.number, row.title, row.text, _names(row.lead), _names(row.co), row.deadline)
        for column, (value, look) in enumerate(zip(values, looks, strict=True), 1):
            set_value(look.on(sheet.cell(row=line, column=column)), value)
        fit_row_height(sheet, line, COLUMN_WIDTHS)
        line += 1
    sheet.freeze_panes = f"A{header_line + 1}"
    sheet.print_title_rows = f"{header_line}:{header_line}"
    sheet.print_area = f"A1:{last_column}{max(line - 1, header_line)}"
    print_landscape_a4(sheet)
    workbook.save(path_or_stream)


def _as_row(row: TaskRow | Mapping[str, Any]) -> TaskRow:
    return row if isinstance(row, TaskRow) else TaskRow(**dict(row))


def _names(names: Sequence[str] | str) -> str:
    return names if isinstance(names, str) else UNIT_SEPARATOR.join(names)


def _banner(sheet, line: int, text: str, font: Font) -> int:
    sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=len(HEADERS))
    cell = set_value(sheet.cell(row=line, column=1), text)
    cell.font, cell.alignment = font, _WRAP_CENTRED
    lines = lines_needed(text, sum(COLUMN_WIDTHS), font.size)
    sheet.row_dimensions[line].height = lines * line_height(font.size) + 8
    return line + 1


def _area_row(sheet, line: int, area: str) -> int:
    sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=len(HEADERS))
    cell = set_value(sheet.cell(row=line, column=1), area)
    cell.font, cell.fill, cell.alignment = (
        heading_font(),
        _AREA_FILL,
        _WRAP,
    )
    for column in range(1, len(HEADERS) + 1):
        sheet.cell(row=line, column=column).border = _BORDER
    lines = lines_needed(area, sum(COLUMN_WIDTHS))
    sheet.row_dimensions[line].height = lines * line_height() + 6
    return line + 1
