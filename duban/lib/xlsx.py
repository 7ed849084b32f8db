"""Writing user text into .xlsx cells safely: it stays text, never becomes a live formula.

A report or task text starting with ``= + - @``, a tab or a carriage return would be read by
Excel or WPS as a formula (``=HYPERLINK(…)``, ``=cmd|…``) when the file is opened; such a value is
written as a string cell with Excel's quote prefix, so it shows and edits as the text it is.
"""

from collections.abc import Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def set_value(cell, value: Any):
    """Put `value` in `cell`, as text if it could be taken for a formula; returns the cell."""
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
