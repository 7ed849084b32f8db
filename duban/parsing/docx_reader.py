"""Read a .docx: body paragraphs and tables in document order, Word's automatic numbers
written into the text; a body that is a 任务分解表 (or a text with one attached) gives its rows.
"""

from __future__ import annotations

from pathlib import Path

from .document import ParseError
from .office_files import corrupt_file_error
from .sources import TableSource, TextSource, fold_line_ends
from .table_header import dedupe_repeats, find_header, lines_above

_WQ = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> TextSource | TableSource:
    import docx  # python-docx; imported here so text-only use stays light

    from . import docx_numbering

    try:
        with path.open("rb") as handle:
            document = docx.Document(handle)
        numbering = docx_numbering.Numbering.from_document(document)
        blocks = list(_docx_blocks(document, numbering))
    except ParseError:
        raise
    except Exception as exc:  # python-docx raises KeyError, lxml errors, zip errors …
        raise corrupt_file_error(path.name, exc) from None
    tables = [block for block in blocks if isinstance(block, list)]
    paragraphs = [block for block in blocks if isinstance(block, str) and block.strip()]
    task_tables = [rows for rows in tables if find_header(rows) is not None]
    before_table = _paragraphs_before(blocks, task_tables[0]) if task_tables else []
    if task_tables and len(paragraphs) <= 6:
        # The body is a 任务分解表: a title, perhaps a note, then the table.
        return _task_table(task_tables, before_table, paragraphs)
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        elif not any(block is table for table in task_tables):
            lines.extend(
                "\u3000".join(cell for cell in dedupe_repeats(row) if cell) for row in block
            )
    if task_tables:
        table = _task_table(task_tables, before_table[-3:], [])
        return TextSource(fold_line_ends("\n".join(lines)), "docx", table=table)
    return TextSource(fold_line_ends("\n".join(lines)), "docx")


def _docx_blocks(document, numbering):
    """Paragraphs (as text, automatic numbers prefixed) and tables (as rows), in body order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in _body_children(document.element.body):
        if child.tag == _WQ + "p":
            yield numbering.label_for(Paragraph(child, document)) + paragraph_text(child)
        elif child.tag == _WQ + "tbl":
            table = Table(child, document)
            yield [
                ["".join(paragraph_text(p) for p in cell._tc.iter(_WQ + "p")) for cell in row.cells]
                for row in table.rows
            ]


def _body_children(container):
    # Content controls (w:sdt, common around cover pages and in templates) and custom XML
    # wrap body paragraphs; their content belongs to the body in place.
    for child in container.iterchildren():
        if child.tag in (_WQ + "sdt", _WQ + "customXml"):
            content = child.find(_WQ + "sdtContent")
            yield from _body_children(content if content is not None else child)
        else:
            yield child


def paragraph_text(paragraph_element) -> str:
    """The text of a `w:p` as displayed: runs inside hyperlinks, tracked insertions and fields
    included, deleted text and text boxes left out; soft line breaks are layout, not text."""
    parts = []
    for element in paragraph_element.iter(_WQ + "t", _WQ + "tab", _WQ + "txbxContent"):
        if element.tag == _WQ + "txbxContent":
            continue
        if any(ancestor.tag == _WQ + "txbxContent" for ancestor in element.iterancestors()):
            continue
        parts.append("\t" if element.tag == _WQ + "tab" else element.text or "")
    return fold_line_ends("".join(parts)).replace("\n", "")


def _paragraphs_before(blocks: list, table: list[list[str]]) -> list[str]:
    before = []
    for block in blocks:
        if block is table:
            break
        if isinstance(block, str) and block.strip():
            before.append(block)
    return before


def _task_table(
    task_tables: list[list[list[str]]], before: list[str], paragraphs: list[str]
) -> TableSource:
    """One task table from `task_tables`, titled by the paragraph nearest above it."""
    # A table continued in a second table repeats its header; keep the first header only.
    header_row = find_header(task_tables[0]).row
    rows = task_tables[0][header_row:]
    for more in task_tables[1:]:
        rows += more[find_header(more).data_start :]
    above = lines_above(task_tables[0], header_row)
    title = _title_from_paragraphs(before) or (above[0] if above else "")
    notes = [line for line in paragraphs + above if line.strip() != title]
    return TableSource(rows=rows, title=title, notes=notes)


def _title_from_paragraphs(paragraphs: list[str]) -> str:
    for paragraph in reversed(paragraphs):  # the line nearest the table
        if "表" in paragraph or "方案" in paragraph or "分工" in paragraph:
            return paragraph.strip()
    candidates = [p.strip() for p in paragraphs if p.strip() not in ("附件", "附件：", "附件:")]
    return candidates[-1] if candidates else ""
