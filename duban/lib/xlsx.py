"""Writing user text into .xlsx cells safely: it stays text, never becomes a live formula.

A report or task text starting with ``= + - @``, a tab or a carriage return would be read by
Excel or WPS as a formula (``=HYPERLINK(…)``, ``=cmd|…``) when the file is opened; such a value is
written as a string cell with Excel's quote prefix, so it shows and edits as the text it is.
"""

from collections.abc import Sequence
from copy import copy
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def set_value(cell, value: Any):
    """Put `value` in `cell`, as text if it could be taken for a formula; returns the cell.

    Characters a worksheet cannot hold (controls from records saved before input was
    cleaned) are dropped, so one old record cannot make the whole download fail.
    """
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


class Look:
    """A cell's styles (font, fill, border, alignment) registered with the workbook once, then
    put on each cell by copying its style indices, as openpyxl's own sheet copier does.

    Assigning the style objects to every cell makes openpyxl hash each of them per cell: that
    was most of the time a provincial plan's table of some 900 rows took to write.
    """

    def __init__(self, sheet, **styles):
        self._model = Cell(sheet)  # never placed on the sheet
        for name, value in styles.items():
            setattr(self._model, name, value)

    def on(self, cell):
        """`cell` with these styles; set its value afterwards (`set_value` may mark it text)."""
        cell._style = copy(self._model._style)
        return cell


def append_row(sheet, values: Sequence[Any]) -> None:
    """`sheet.append(values)` for rows that carry user text (after a header row)."""
    line = sheet.max_row + 1
    for column, value in enumerate(values, 1):
        set_value(sheet.cell(row=line, column=column), value)


def print_landscape_a4(sheet) -> None:
    """Print `sheet` on A4 landscape, fit to the page width, as many pages down as it needs."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


# ---- Official print layout ------------------------------------------------------------------

# Official tables are set in 仿宋 (body) and 黑体 (headings). A machine without them (LibreOffice
# on Linux) substitutes its CJK serif/sans; Excel and WPS on the office's machines have both.
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
BODY_SIZE = 12
# A line of CJK text takes up to 1.45 × its size (Noto CJK, the usual substitute for 仿宋 on a
# machine without it; 仿宋 itself needs less); rows get a little room above and below.
LINE_HEIGHT_FACTOR = 1.5
ROW_PADDING_PT = 6
# Column widths are counted in the default font's digits; a CJK glyph at 12 pt takes about
# 2 of them, a Latin letter or digit about 1.1 (rounded up, so a line never runs over).
WIDE_CHAR_UNITS = 2.0
NARROW_CHAR_UNITS = 1.1


def body_font(size: float = BODY_SIZE, **options) -> Font:
    """仿宋, marked as a Chinese serif font so a reader without it substitutes a Chinese serif."""
    return Font(name=BODY_FONT, size=size, family=1, charset=134, **options)


def heading_font(size: float = BODY_SIZE, **options) -> Font:
    """黑体, marked as a Chinese sans-serif font for the same reason."""
    return Font(name=HEADING_FONT, size=size, family=2, charset=134, **options)


def line_height(size: float = BODY_SIZE) -> float:
    return size * LINE_HEIGHT_FACTOR


def text_units(text: str, size: float = BODY_SIZE) -> float:
    """The width of `text` in column-width units at `size` points."""
    scale = size / 11
    return sum((WIDE_CHAR_UNITS if ord(ch) > 0x2E7F else NARROW_CHAR_UNITS) * scale for ch in text)


def lines_needed(text: str, width: float, size: float = BODY_SIZE) -> int:
    """How many lines `text` wraps to in a column `width` units wide (one per paragraph at least)."""
    usable = max(1.0, width - 1)  # the cell's own margins
    total = 0
    for paragraph in str(text or "").split("\n"):
        units = text_units(paragraph, size)
        total += max(1, -(-int(units * 100) // int(usable * 100)))
    return total


def fit_row_height(sheet, line: int, widths: Sequence[float], size: float = BODY_SIZE) -> float:
    """Set row `line`'s height to the tallest of its wrapped cells; returns it in points."""
    lines = max(
        lines_needed(sheet.cell(row=line, column=column).value or "", width, size)
        for column, width in enumerate(widths, 1)
    )
    height = lines * line_height(size) + ROW_PADDING_PT
    sheet.row_dimensions[line].height = height
    return height
