"""Read an uploaded file into plain text or task-table rows, judged by its content.

`read_file(path)` looks at the bytes, not the extension: a zip holding `word/document.xml` is a
Word file (`docx_reader`), one holding `xl/workbook.xml` a workbook (`xlsx_reader`), `%PDF-` a
PDF (`pdf_reader`, `pdf_layout`); anything else must decode as text (`text_decoding`: UTF-8
with or without BOM, UTF-16, GB18030). The result is a `TextSource` (what the text pipeline
reads) or a `TableSource` (rows of a 任务分解表, read by `tables.py`).

The readers only decode and extract; normalising the characters (Kangxi radicals, traditional
forms, half-width punctuation) is the text pipeline's job. Line ends are folded to `\\n`.

Every failure is a `ParseError` whose message names the file and the problem: an empty file,
binary data, an undecodable text, a corrupt or oversized archive (`office_files` checks the
zip's central directory before any XML is parsed), a PDF without a text layer. Sizes are capped
before anything is read, so no upload makes the parser hang.
"""

from __future__ import annotations

import os
from pathlib import Path

from .document import ParseError, gettext_noop
from .docx_reader import read_docx
from .office_files import check_zip
from .pdf_reader import read_pdf
from .sources import TableSource, TextSource, fold_line_ends
from .table_header import find_header, header_roles
from .text_decoding import decode_text
from .xlsx_reader import read_xlsx

MAX_TEXT_BYTES = 50 * 1024 * 1024  # a policy document is well under 1 MB; 50 MB is a mistake
MAX_PDF_BYTES = 100 * 1024 * 1024  # a printed plan with scanned annexes stays far below


def read_file(path: str | os.PathLike) -> TextSource | TableSource:
    """The text or the task table in the file at `path`; `ParseError` when there is none."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ParseError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise ParseError(f"{name}: is not a file")
    if size == 0:
        raise ParseError(
            f"{name}: is empty", msgid=gettext_noop("%(name)s：文件为空。"), params={"name": name}
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _read_office(path)
    if head.startswith(b"%PDF-"):
        if size > MAX_PDF_BYTES:
            raise ParseError(
                f"{name}: is too large ({size / 1e6:.0f} MB; at most {MAX_PDF_BYTES // 2**20} MB)"
            )
        return read_pdf(path)
    if path.suffix.lower() in (".docx", ".xlsx", ".pdf"):
        kind = path.suffix.lower().lstrip(".")
        raise ParseError(
            f"{name}: is not a valid .{kind} file (corrupt or wrong extension)",
            msgid=gettext_noop("%(name)s：文件已损坏或扩展名不符，不是有效的 .%(kind)s 文件。"),
            params={"name": name, "kind": kind},
        )
    if size > MAX_TEXT_BYTES:
        raise ParseError(
            f"{name}: is too large ({size / 1e6:.0f} MB; at most {MAX_TEXT_BYTES // 2**20} MB)"
        )
    return decode_text(path.read_bytes(), name)


def _read_office(path: Path) -> TextSource | TableSource:
    members = check_zip(path)
    if "word/document.xml" in members:
        return read_docx(path)
    if "xl/workbook.xml" in members:
        return read_xlsx(path)
    raise ParseError(
        f"{path.name}: is a zip archive but neither a .docx nor an .xlsx file",
        msgid=gettext_noop("%(name)s：是压缩包，但既不是 .docx 也不是 .xlsx 文件。"),
        params={"name": path.name},
    )


__all__ = [
    "MAX_PDF_BYTES",
    "MAX_TEXT_BYTES",
    "TableSource",
    "TextSource",
    "check_zip",
    "decode_text",
    "find_header",
    "fold_line_ends",
    "header_roles",
    "read_file",
]
