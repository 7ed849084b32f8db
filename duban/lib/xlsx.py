"""Writing user text into .xlsx cells safely: it stays text, never becomes a live formula.

A report or task text starting with ``= + - @``, a tab or a carriage return would be read by
Excel or WPS as a formula (``=HYPERLINK(…)``, ``=cmd|…``) when the file is opened; such a value is
written as a string cell with Excel's quote prefix, so it shows and edits as the text it is.
"""

from collections.abc import Sequence
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

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
