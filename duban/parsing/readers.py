"""Read an uploaded file into plain text or task-table rows, judged by its content.

`read_file(path)` looks at the bytes, not the extension: a zip holding `word/document.xml` is a
Word file, one holding `xl/workbook.xml` a workbook, `%PDF-` a PDF, anything else must decode as
text (UTF-8 with or without BOM, UTF-16, GB18030). The result is either `TextSource` (what the
text pipeline reads) or `TableSource` (rows of a 任务分解表, read by `tables.py`).

This module only decodes and extracts; normalising the characters (Kangxi radicals, traditional
forms, half-width punctuation) is the text pipeline's job. Line ends are folded to `\\n`.

Every failure is a `ParseError` whose message names the file and the problem: an empty file,
binary data, an undecodable text, a corrupt or oversized archive (checked in the zip's central
directory before any XML is parsed), a PDF without a text layer.
"""

from __future__ import annotations

import logging
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from .document import ParseError

MAX_TEXT_BYTES = 50 * 1024 * 1024  # a policy document is well under 1 MB; 50 MB is a mistake
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # sum of a .docx/.xlsx's members, uncompressed
MAX_ZIP_RATIO = 200  # XML compresses ~10:1; a far higher ratio is a zip bomb
MAX_ZIP_MEMBERS = 10_000
MAX_PDF_PAGES = 2_000
MAX_PDF_BYTES = 100 * 1024 * 1024  # a printed plan with scanned annexes stays far below

# Characters a Chinese policy text is made of; anything else in bulk means a wrong decoding.
_PLAUSIBLE_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0x2000, 0x206F),  # general punctuation: — … “ ”
    (0x2100, 0x218F),  # letterlike, roman numerals Ⅰ Ⅱ
    (0x2460, 0x24FF),  # enclosed numbers ① ⑴ ⒈
    (0x2500, 0x257F),  # box drawing, in table-like text
    (0x25A0, 0x25FF),  # shapes ○ ■ (○ in dates: 二○二三年)
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals (PDF text layers)
    (0x3000, 0x303F),  # CJK punctuation 、。〔〕《》
    (0x3200, 0x33FF),  # enclosed CJK ㈠
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms （）：；
    (0xA0, 0xFF),  # Latin-1: · × ° §
)
_MIN_PLAUSIBLE_SHARE = 0.97
_MIN_COMMON_SHARE = 0.35  # real text: 0.6 (traditional) to 1.0; mojibake: 0.0 to 0.2
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_IMPLAUSIBLE = re.compile(
    "[^\t\n\r\f\v" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _PLAUSIBLE_RANGES) + "]"
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc without \t \n \v \f \r
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")
# GB2312 level 1: rows 0xB0–0xD7, the 3,755 most common characters.
_COMMON_IDEOGRAPHS = frozenset(
    bytes([row, cell]).decode("gb2312", errors="ignore")
    for row in range(0xB0, 0xD8)
    for cell in range(0xA1, 0xFF)
) - {""}

# Magic bytes of binary formats people upload by mistake, for a clearer message.
_KNOWN_BINARY = (
    (
        b"\xd0\xcf\x11\xe0",
        "an old Office file (.doc/.xls) or a password-protected one; "
        "save it unprotected as .docx or .xlsx",
    ),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF file; save it as .docx"),
)


@dataclass
class TextSource:
    """The decoded text of a document, line ends folded to `\\n`."""

    text: str
    encoding: str
    # A task table attached to the text (a 通知 with its 任务分解表 as 附件); the text
    # pipeline's result decides whether the plan is the text or the table.
    table: TableSource | None = None


@dataclass
class TableSource:
    """The rows of a task table, every cell as text; merged cells repeated over their area."""

    rows: list[list[str]]
    title: str = ""  # a title row above the header, or the paragraph above a Word table
    notes: list[str] = field(default_factory=list)  # other lines above or around the table


def read_file(path: str | os.PathLike) -> TextSource | TableSource:
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ParseError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise ParseError(f"{name}: is not a file")
    if size == 0:
        raise ParseError(f"{name}: is empty")
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
        raise ParseError(f"{name}: is not a valid .{kind} file (corrupt or wrong extension)")
    if size > MAX_TEXT_BYTES:
        raise ParseError(
            f"{name}: is too large ({size / 1e6:.0f} MB; at most {MAX_TEXT_BYTES // 2**20} MB)"
        )
    return decode_text(path.read_bytes(), name)


# --- text -------------------------------------------------------------------------------------


def decode_text(data: bytes, name: str) -> TextSource:
    """Decode `data` as UTF-8, UTF-16 or GB18030, refusing binary data and implausible text."""
    if not data:
        raise ParseError(f"{name}: is empty")
    if not data.strip(b" \t\r\n\f\v"):
        raise ParseError(f"{name}: is empty (white space only)")
    for magic, what in _KNOWN_BINARY:
        if data.startswith(magic):
            raise ParseError(f"{name}: is not text: it is {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:], "utf-8", name, offset=3)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        return _checked(data[2:], encoding, name, offset=2)
    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16:
            return _checked(data, utf16, name)
        raise ParseError(f"{name}: is not text: binary data at byte {data.index(0)}")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return _finish(text, encoding)
        if encoding == "utf-8":
            # Valid UTF-8 with control bytes is binary, not GB18030.
            _refuse_controls(text, encoding, name)
    bad = _first_undecodable(data)
    raise ParseError(
        f"{name}: cannot be decoded as UTF-8, UTF-16 or GB18030 (invalid byte at {bad})"
    )


def _sniff_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: ASCII characters (newlines, digits) leave a NUL on one side of each pair.

    Chinese text itself has few NULs (U+3000 is the exception), so the NUL pattern only picks the
    byte order to try first; the decoded text must still be plausible.
    """
    sample = data[:65536]
    if len(sample) % 2:
        sample = sample[:-1]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    order = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    for encoding in order:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return encoding
    return None


def _checked(data: bytes, encoding: str, name: str, offset: int = 0) -> TextSource:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.upper().replace("-LE", "").replace("-BE", "")
        raise ParseError(
            f"{name}: cannot be decoded as {label} despite its byte-order mark "
            f"(invalid byte at {exc.start + offset})"
        ) from None
    _refuse_controls(text, encoding, name, offset)
    if not text.strip():
        raise ParseError(f"{name}: is empty (white space only)")
    if not _plausible(text):
        raise ParseError(f"{name}: does not read as Chinese text in {encoding.upper()}")
    return _finish(text, encoding)


def _refuse_controls(text: str, encoding: str, name: str, offset: int = 0) -> None:
    found = _CONTROL.search(text)
    if found:
        at = offset + len(text[: found.start()].encode(encoding))
        raise ParseError(f"{name}: is not text: binary data at byte {at}")


def _plausible(text: str) -> bool:
    sample = text[:200_000]
    if not sample.strip() or _CONTROL.search(sample):
        return False
    bad = sum(1 for _ in _IMPLAUSIBLE.finditer(sample))
    if bad > (1 - _MIN_PLAUSIBLE_SHARE) * len(sample):
        return False
    return _common_share(sample) >= _MIN_COMMON_SHARE


def _common_share(text: str) -> float:
    """Share of the ideographs that are among the 3,755 common ones (GB2312 level 1).

    Real text, even in traditional characters, is mostly common characters; a wrong decoding
    (Shift-JIS or random bytes read as GB18030 or UTF-16) scatters over all 20,000+.
    """
    ideographs = _IDEOGRAPH.findall(text)
    if len(ideographs) < 20:
        return 1.0
    return sum(1 for char in ideographs if char in _COMMON_IDEOGRAPHS) / len(ideographs)


def _first_undecodable(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def _finish(text: str, encoding: str) -> TextSource:
    return TextSource(fold_line_ends(text), encoding)


def fold_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- zip archives: .docx and .xlsx ------------------------------------------------------------


def _read_office(path: Path) -> TextSource | TableSource:
    members = check_zip(path)
    if "word/document.xml" in members:
        return read_docx(path)
    if "xl/workbook.xml" in members:
        return read_xlsx(path)
    raise ParseError(f"{path.name}: is a zip archive but neither a .docx nor an .xlsx file")


def check_zip(path: Path) -> set[str]:
    """Read the central directory only and refuse corrupt archives and zip bombs.

    Runs before python-docx or openpyxl touch the file, so a bomb is never inflated.
    """
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ParseError(f"{name}: is corrupt (not a readable zip archive: {exc})") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ParseError(f"{name}: has too many parts ({len(infos)}); refusing it")
    unzipped = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise ParseError(
            f"{name}: would unpack to {unzipped / 1e6:.0f} MB "
            f"(at most {MAX_UNZIPPED_BYTES // 2**20} MB); refusing it as a zip bomb"
        )
    if unzipped > 1_000_000 and unzipped > MAX_ZIP_RATIO * max(packed, 1):
        raise ParseError(
            f"{name}: compression ratio {unzipped // max(packed, 1)}:1 is implausible "
            "for an office file; refusing it as a zip bomb"
        )
    return {info.filename for info in infos}


def _office_error(name: str, exc: Exception) -> ParseError:
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ParseError(f"{name}: is corrupt ({detail[:200]})")


# --- .docx -------------------------------------------------------------------------------------

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
        raise _office_error(path.name, exc) from None
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
            lines.extend("\u3000".join(cell for cell in _dedupe(row) if cell) for row in block)
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


def _dedupe(row: list[str]) -> list[str]:
    """Horizontally merged cells repeat their text; keep it once."""
    out: list[str] = []
    for cell in row:
        if not out or cell != out[-1]:
            out.append(cell)
    return out


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
    above = _lines_above(task_tables[0], header_row)
    title = _title_from_paragraphs(before) or (above[0] if above else "")
    notes = [line for line in paragraphs + above if line.strip() != title]
    return TableSource(rows=rows, title=title, notes=notes)


def _title_from_paragraphs(paragraphs: list[str]) -> str:
    for paragraph in reversed(paragraphs):  # the line nearest the table
        if "表" in paragraph or "方案" in paragraph or "分工" in paragraph:
            return paragraph.strip()
    candidates = [p.strip() for p in paragraphs if p.strip() not in ("附件", "附件：", "附件:")]
    return candidates[-1] if candidates else ""


# --- .xlsx -------------------------------------------------------------------------------------

_MERGE_REF = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def read_xlsx(path: Path) -> TableSource:
    import openpyxl

    # A file object, not the name: openpyxl refuses names not ending in .xlsx, and the content
    # has already been checked to be a workbook.
    with path.open("rb") as handle:
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:
            raise _office_error(path.name, exc) from None
        try:
            for sheet in workbook.worksheets:
                rows = _sheet_rows(workbook, sheet)
                header = find_header(rows)
                if header is not None:
                    title, *notes = _lines_above(rows, header.row) or [""]
                    return TableSource(rows[header.row :], title=title, notes=notes)
        except Exception as exc:
            raise _office_error(path.name, exc) from None
        finally:
            workbook.close()
    raise ParseError(
        f"{path.name}: no task table found (a header row with 序号, 重点任务 or 具体内容, "
        "牵头单位 …)"
    )


def _sheet_rows(workbook, sheet) -> list[list[str]]:
    rows = [
        ["" if value is None else _cell_text(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
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
    """Repeat a merged cell's text over its area (rows and columns are 1-based in `ranges`)."""
    for r1, c1, r2, c2 in ranges:
        if r1 > len(rows):
            continue
        top = rows[r1 - 1]
        value = top[c1 - 1] if c1 - 1 < len(top) else ""
        for r in range(r1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            while len(row) < c2:
                row.append("")
            for c in range(c1, c2 + 1):
                if not row[c - 1]:
                    row[c - 1] = value


# --- task-table headers (shared by .docx and .xlsx) -------------------------------------------

# Header words of a 任务分解表, by column role; a header cell is matched after removing spaces.
HEADER_WORDS = {
    "number": ("序号", "编号"),
    "area": ("改革领域", "重点领域", "工作领域", "领域", "类别", "板块"),
    "task": ("重点任务", "改革任务", "主要任务", "任务名称", "重点工作", "改革事项"),
    "content": ("具体内容", "工作措施", "工作任务", "主要内容", "任务内容", "具体措施", "工作内容"),
    "lead": ("牵头单位", "牵头部门", "责任单位（牵头）"),
    "co": ("配合单位", "责任单位", "参与单位", "协办单位", "配合部门", "责任部门"),
    "deadline": ("完成时限", "时间要求", "完成时间", "时限要求", "时间节点"),
}


def header_roles(row: list[str]) -> dict[str, int]:
    """Column index by role for a header row; empty when the row is not a header."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = re.sub(r"\s+", "", cell)
        if not text or len(text) > 12:
            continue
        for role, words in HEADER_WORDS.items():
            if role not in roles and any(text == word for word in words):
                roles[role] = index
                break
    return roles


class Header(NamedTuple):
    row: int  # the first header row
    roles: dict[str, int]  # column index by role
    last: int  # the last header row: data starts below it

    @property
    def data_start(self) -> int:
        return self.last + 1


def find_header(rows: list[list[str]], within: int = 15) -> Header | None:
    """The header of a task table: the first row naming a unit column and a task column.

    A two-row header is common: `责任单位` merged over two columns in the first row, `牵头单位` and
    `配合单位` under it. Roles named in the second row win for their columns.
    """
    for index, row in enumerate(rows[:within]):
        roles = header_roles(row)
        below = header_roles(rows[index + 1]) if index + 1 < len(rows) else {}
        if roles and below and _is_header_row(rows[index + 1], below):
            merged = {role: col for role, col in roles.items() if col not in below.values()}
            merged.update(below)
            if _complete(merged) and (below.keys() & {"lead", "co"} or not _complete(roles)):
                return Header(index, merged, index + 1)
        if _complete(roles):
            return Header(index, roles, index)
    return None


def _complete(roles: dict[str, int]) -> bool:
    has_units = "lead" in roles or "co" in roles
    has_task = "task" in roles or "content" in roles
    return has_units and has_task


def _is_header_row(row: list[str], roles: dict[str, int]) -> bool:
    # Every filled cell of a sub-header is a header word or the merged text above it; a data
    # row that happens to contain a header word has other text too.
    header_cells = set(roles.values())
    others = [cell for i, cell in enumerate(row) if cell.strip() and i not in header_cells]
    return len(others) <= len(row) // 2 and all(len(cell) <= 12 for cell in others)


def _lines_above(rows: list[list[str]], header_row: int) -> list[str]:
    """The text of the rows above the header (a title, perhaps a document number and date)."""
    lines = []
    for row in rows[:header_row]:
        cells = _dedupe([cell.strip() for cell in row if cell.strip()])
        if cells:
            lines.append("　".join(cells))
    return lines


# --- .pdf --------------------------------------------------------------------------------------


def read_pdf(path: Path) -> TextSource:
    import pdfplumber

    from . import pdf_layout

    # pdfminer logs a warning per glyph for fonts Chromium embeds without a FontBBox.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ParseError(f"{path.name}: has {len(pdf.pages)} pages; refusing it")
            pages = [pdf_layout.page_lines(page) for page in pdf.pages]
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, ValueError …
        if "password" in type(exc).__name__.lower() or "encrypt" in str(exc).lower():
            message = f"{path.name}: is password-protected; remove the protection first"
            raise ParseError(message) from None
        raise _office_error(path.name, exc) from None
    if not any(line.text.strip() for lines in pages for line in lines):
        raise ParseError(f"{path.name}: has no text layer (a scanned image?); OCR it first")
    return TextSource(pdf_layout.rebuild_paragraphs(pages), "pdf")


__all__ = [
    "MAX_PDF_BYTES",
    "MAX_TEXT_BYTES",
    "MAX_UNZIPPED_BYTES",
    "TableSource",
    "TextSource",
    "check_zip",
    "decode_text",
    "find_header",
    "fold_line_ends",
    "header_roles",
    "read_file",
]
