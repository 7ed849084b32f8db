"""Read an .xlsx task table: the first sheet with a task-table header, merged cells repeated
over their area, the rows above the header kept as its title and notes."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from .document import ParseError
from .office_files import corrupt_file_error
from .sources import TableSource, fold_line_ends
from .table_header import find_header, lines_above

MAX_ROWS = 20_000  # a provincial plan has a few hundred tasks
MAX_COLUMNS = 60
_MERGE_REF = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def read_xlsx(path: Path) -> TableSource:
    import openpyxl

    # A file object, not the name: openpyxl refuses names not ending in .xlsx, and the content
    # has already been checked to be a workbook.
    with path.open("rb") as handle:
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:
            raise corrupt_file_error(path.name, exc) from None
        try:
            for sheet in workbook.worksheets:
                if not hasattr(sheet, "iter_rows"):  # a chart sheet
                    continue
                rows = _sheet_rows(workbook, sheet, path.name)
                header = find_header(rows)
                if header is not None:
                    title, *notes = lines_above(rows, header.row) or [""]
                    return TableSource(rows[header.row :], title=title, notes=notes)
        except ParseError:
            raise
        except Exception as exc:
            raise corrupt_file_error(path.name, exc) from None
        finally:
            workbook.close()
    raise ParseError(
        f"{path.name}: no task table found (a header row with 序号, 重点任务 or 具体内容, "
        "牵头单位 …)"
    )


def _sheet_rows(workbook, sheet, name: str) -> list[list[str]]:
    # The sheet's stored dimensions can claim any size; read the cells that are really there.
    sheet.reset_dimensions()
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(["" if value is None else _cell_text(value) for value in row[:MAX_COLUMNS]])
        if len(rows) > MAX_ROWS:
            raise ParseError(f"{name}: has more than {MAX_ROWS} rows; not a task table")
    _fill_merges(rows, _merged_ranges(workbook, sheet))
    return [row for row in rows if any(cell.strip() for cell in row)]


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return fold_line_ends(str(value)).replace("\n", "").strip()


def _merged_ranges(workbook, sheet) -> list[tuple[int, int, int, int]]:
    """Merged areas of a read-only sheet, read from its XML (openpyxl exposes them only in
    full mode, which loads every cell object)."""
    worksheet_path = getattr(sheet, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if not worksheet_path or archive is None:
        return []
    ranges = []
    with archive.open(worksheet_path) as handle:
        for _, element in ElementTree.iterparse(handle):
            if element.tag.endswith("}mergeCell"):
                match = _MERGE_REF.match(element.get("ref", ""))
                if match:
                    c1, r1, c2, r2 = match.groups()
                    ranges.append((int(r1), _column(c1), int(r2), _column(c2)))
            element.clear()
    return ranges


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _fill_merges(rows: list[list[str]], ranges) -> None:
    """Repeat a merged cell's text over its area (rows and columns are 1-based in `ranges`).

    An area is clipped to the cells the sheet really has: a forged merge over the whole sheet
    must not make us build a billion empty cells."""
    width = max((len(row) for row in rows), default=0)
    for r1, c1, r2, c2 in ranges:
        if r1 > len(rows) or c1 > width:
            continue
        top = rows[r1 - 1]
        value = top[c1 - 1] if c1 - 1 < len(top) else ""
        if not value:
            continue
        c2 = min(c2, width)
        for r in range(r1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            while len(row) < c2:
                row.append("")
            for c in range(c1, c2 + 1):
                if not row[c - 1]:
                    row[c - 1] = value
