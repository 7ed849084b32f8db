"""Read a PDF's text layer with pdfplumber; `pdf_layout` rebuilds the paragraphs.

A ruled table (a 任务分解表 printed under 附件) is read as a table, cell by cell, and its
lines are left out of the text, so that the tasks come from the table as in a Word file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from duban.lib import progress

from .document import ParseError
from .normalize import normalize
from .office_files import corrupt_file_error
from .sources import TableSource, TextSource
from .table_header import find_header

MAX_PDF_PAGES = 2_000


def read_pdf(path: Path) -> TextSource:
    import pdfplumber

    from . import pdf_layout

    # pdfminer logs a warning per glyph for fonts Chromium embeds without a FontBBox.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ParseError(f"{path.name}: has {len(pdf.pages)} pages; refusing it")
            pages, outside_tables, rows, title = [], [], [], ""
            for page in progress.track(pdf.pages, f"读取 {path.name}"):
                lines, outside, page_rows, above = _page_with_tables(page, pdf_layout)
                pages.append(lines)
                outside_tables.append(outside)
                title = title or (above if page_rows else "")
                rows += page_rows
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, ValueError …
        if "password" in type(exc).__name__.lower() or "encrypt" in str(exc).lower():
            message = f"{path.name}: is password-protected; remove the protection first"
            raise ParseError(message) from None
        raise corrupt_file_error(path.name, exc) from None
    if not any(line.text.strip() for lines in pages for line in lines):
        raise ParseError(f"{path.name}: has no text layer (a scanned image?); OCR it first")
    # Only a task table is read apart from the text; any other table stays in the text.
    if rows and find_header(rows) is not None:
        table = TableSource(rows=_without_repeated_header(rows), title=title)
        return TextSource(pdf_layout.rebuild_paragraphs(outside_tables), "pdf", table=table)
    return TextSource(pdf_layout.rebuild_paragraphs(pages), "pdf")


def _page_with_tables(page, pdf_layout) -> tuple[list, list, list[list[str]], str]:
    """The page's text lines, those outside its tables, the tables' rows, and the line above
    the first table (its title, when the table is a 任务分解表)."""
    lines = pdf_layout.page_lines(page)
    # A ruled table is drawn with lines or rectangles; a page without any has none to find.
    tables = page.find_tables() if page.lines or page.rects else []
    if not tables:
        return lines, lines, [], ""
    height = float(page.height)
    boxes = [(t.bbox[1] / height, t.bbox[3] / height) for t in tables]
    rows = [
        [normalize(pdf_layout.join_cell_lines(cell)) for cell in row]
        for table in tables
        for row in _filled_rows(table)
    ]
    outside = [line for line in lines if not any(top <= line.top < bottom for top, bottom in boxes)]
    above = [line.text.strip() for line in outside if line.bottom <= boxes[0][0]]
    return lines, outside, rows, normalize(above[-1]) if above else ""


def _without_repeated_header(rows: list[list[str]]) -> list[list[str]]:
    """A table running over pages repeats its header on each; keep the first."""
    header = find_header(rows)
    if header is None:
        return rows
    first = rows[header.row]
    return rows[: header.row + 1] + [row for row in rows[header.row + 1 :] if row != first]


def _filled_rows(table) -> list[list[str]]:
    """The table's cells as text, a merged cell's text repeated over every grid cell it covers
    (as the Word and Excel readers give them): pdfplumber gives ``None`` there."""
    texts = table.extract()
    boxes = [row.cells for row in table.rows]
    for r, row in enumerate(texts):
        for c, cell in enumerate(row):
            if cell is None:
                row[c] = _covering_text(texts, boxes, r, c)
    return texts


def _covering_text(texts, boxes, r: int, c: int) -> str:
    # A vertical merge is a cell above in the column reaching down past this row's top; a
    # horizontal one a cell to the left in the row reaching right past this column's left.
    top = next((b[1] for b in boxes[r] if b), None)
    for above in range(r - 1, -1, -1):
        box = boxes[above][c] if c < len(boxes[above]) else None
        if box:
            if top is not None and box[3] > top + 1:
                return texts[above][c] or ""
            break
    left_edge = next((boxes[row][c][0] for row in range(len(boxes)) if boxes[row][c]), None)
    for left in range(c - 1, -1, -1):
        box = boxes[r][left]
        if box:
            if left_edge is not None and box[2] > left_edge + 1:
                return texts[r][left] or ""
            break
    return ""
