"""A task table (任务分解表) inside plain text: a Word table saved as .txt, or a PDF's table.

A Word table copied or saved as text keeps one row per line and a tab between cells; a notice
often carries its 任务分解表 that way under ``附件``. ``find_text_table`` finds the header row
(``table_header.find_header``: 序号 / 重点任务 / 牵头单位 …), takes the rows under it while
they keep their tabs, and hands them on as a ``TableSource`` whose title is the line above the
header; ``files.parse_file`` reads the tasks from it when the text itself names no department.
"""

from __future__ import annotations

from .sources import TableSource
from .table_header import find_header

CELL_SEPARATOR = "\t"
MIN_CELLS = 3  # a header needs a number or task column and a unit column at least


def find_text_table(text: str) -> TableSource | None:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.count(CELL_SEPARATOR) + 1 < MIN_CELLS:
            continue
        # The header and the row below it (a two-row header) decide; the rows are read once.
        head = [_cells(below) for below in lines[index : index + 2]]
        if find_header(head, within=1) is None:
            continue
        return TableSource(rows=_rows_from(lines, index), title=_title_above(lines, index))
    return None


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split(CELL_SEPARATOR)]


def _rows_from(lines: list[str], start: int) -> list[list[str]]:
    rows = []
    for line in lines[start:]:
        if CELL_SEPARATOR not in line:
            if line.strip():
                break
            continue
        rows.append(_cells(line))
    return rows


def _title_above(lines: list[str], index: int) -> str:
    for line in reversed(lines[:index]):
        if line.strip():
            return line.strip()
    return ""
