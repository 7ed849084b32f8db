"""Bad input ends in a `ParseError` that names the file, and `duban parse` exits 2 with one line.

Never a traceback, never a hang: each case below is a file people really upload by mistake.
"""

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from duban.parsing import office_files, readers
from duban.parsing.cli import main
from duban.parsing.document import ParseError
from duban.parsing.files import parse_file

CORPUS = Path(__file__).parent / "corpus"
A_DOCX = CORPUS / "jiangchuan-2024-digital-government-notice.docx"
A_XLSX = CORPUS / "yunyang-2024-rural-reform-table.xlsx"
A_PDF = CORPUS / "jiangchuan-2024-ecology-opinions.pdf"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, *words: str) -> str:
    """Parse `path`, expecting a ParseError naming the file and containing `words`."""
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    message = str(caught.value)
    assert path.name in message
    for word in words:
        assert word in message
    assert "\n" not in message
    return message


def test_an_empty_file_is_refused(tmp_path):
    refused(write(tmp_path, "plan.txt", b""), "is empty")


def test_a_missing_file_is_refused(tmp_path):
    refused(tmp_path / "nowhere.txt", "cannot be read")


def test_an_image_renamed_txt_is_refused(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(200)
    refused(write(tmp_path, "scan.txt", png), "is not text", "PNG")


def test_binary_data_renamed_txt_names_the_offending_byte(tmp_path):
    data = "江川省重点任务".encode() + b"\x00\x01\x02\x03" + os.urandom(100)
    refused(write(tmp_path, "plan.txt", data), "is not text", "binary data at byte 21")


def test_control_bytes_in_otherwise_valid_utf8_are_binary(tmp_path):
    data = "一、深化改革\n".encode() + b"\x07\x08" + "（一）".encode()
    refused(write(tmp_path, "plan.txt", data), "binary data at byte 19")


def test_a_text_in_no_supported_encoding_is_refused(tmp_path):
    # Shift-JIS bytes: neither valid UTF-8 nor plausible GB18030.
    data = "改革の重点任務について、各部局は年内に実施する。".encode("shift_jis") * 3
    message = refused(write(tmp_path, "plan.txt", data))
    assert "cannot be decoded as UTF-8, UTF-16 or GB18030" in message or "not text" in message


def test_a_broken_utf16_file_is_refused(tmp_path):
    data = b"\xff\xfe" + "一、深化改革".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    refused(write(tmp_path, "plan.txt", data), "UTF-16")


def test_an_old_word_file_gets_a_hint(tmp_path):
    refused(write(tmp_path, "plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)), ".docx")


def test_a_text_over_the_size_cap_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 1000)
    refused(write(tmp_path, "plan.txt", "改革".encode() * 400), "too large")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pdf"])
def test_random_bytes_with_an_office_extension_are_refused(tmp_path, suffix):
    refused(write(tmp_path, "plan" + suffix, os.urandom(2000)), "not a valid")


@pytest.mark.parametrize("original", [A_DOCX, A_XLSX], ids=["docx", "xlsx"])
def test_a_truncated_office_file_is_corrupt(tmp_path, original):
    data = original.read_bytes()
    refused(write(tmp_path, original.name, data[: len(data) // 2]), "corrupt")


def test_a_truncated_pdf_is_corrupt(tmp_path):
    data = A_PDF.read_bytes()
    refused(write(tmp_path, "opinions.pdf", data[:3000]), "opinions.pdf")


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path):
    from PIL import Image

    path = tmp_path / "scanned.pdf"
    Image.new("RGB", (600, 800), "white").save(path)
    refused(path, "no text layer", "OCR")


def test_a_zip_that_is_no_office_file_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "改革")
    refused(write(tmp_path, "plan.docx", buffer.getvalue()), "neither a .docx nor an .xlsx")


def _bomb(path: Path, member: str, size: int, data_source=lambda n: bytes(n)) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(member, "w", force_zip64=True) as handle:
            chunk = data_source(1 << 20)
            for _ in range(size >> 20):
                handle.write(chunk)
    return path


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path, monkeypatch):
    import docx

    def never(*args, **kwargs):
        raise AssertionError("a zip bomb must be refused before python-docx opens it")

    monkeypatch.setattr(docx, "Document", never)
    path = _bomb(tmp_path / "bomb.docx", "word/document.xml", 20 << 20)
    refused(path, "zip bomb")


def test_an_archive_over_the_unpacked_size_cap_is_refused(tmp_path, monkeypatch):
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("an oversized archive must be refused before openpyxl opens it")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    monkeypatch.setattr(office_files, "MAX_UNZIPPED_BYTES", 2 << 20)
    # Incompressible data: the ratio is fine, the unpacked size is not.
    path = _bomb(tmp_path / "big.xlsx", "xl/workbook.xml", 3 << 20, os.urandom)
    refused(path, "would unpack to", "zip bomb")


def test_a_workbook_without_a_task_table_is_refused(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "电话"])
    workbook.active.append(["张三", "123"])
    path = tmp_path / "contacts.xlsx"
    workbook.save(path)
    refused(path, "no task table")


# --- the command line -----------------------------------------------------------------------


def test_the_command_exits_2_with_one_line_naming_the_file(tmp_path, capsys):
    path = write(tmp_path, "plan.txt", b"")
    status = main([str(path)])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err == "duban parse: plan.txt: is empty\n"


def test_the_command_reports_a_usage_error_the_same_way(capsys):
    status = main(["plan.txt", "--format", "html"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("duban parse: ") and err.count("\n") == 1


def test_the_command_wants_an_output_file_for_xlsx(tmp_path, capsys):
    path = write(tmp_path, "plan.txt", "一、深化改革（省财政厅负责）".encode())
    assert main([str(path), "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err


def test_the_module_runs_as_a_command_and_exits_2_on_bad_input(tmp_path):
    path = write(tmp_path, "scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = subprocess.run(
        [sys.executable, "-m", "duban.parsing.cli", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("duban parse: scan.txt: is not text")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("data", [b" \r\n\t ", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"])
def test_a_file_of_white_space_or_a_bare_bom_is_empty(tmp_path, data):
    refused(write(tmp_path, "plan.txt", data), "is empty")


def test_a_pdf_over_the_size_cap_is_refused_before_opening(tmp_path, monkeypatch):
    import pdfplumber

    def never(*args, **kwargs):
        raise AssertionError("an oversized PDF must be refused before pdfplumber opens it")

    monkeypatch.setattr(pdfplumber, "open", never)
    monkeypatch.setattr(readers, "MAX_PDF_BYTES", 100_000)
    refused(write(tmp_path, "opinions.pdf", A_PDF.read_bytes()), "too large")


def test_a_workbook_with_too_many_rows_is_refused(tmp_path, monkeypatch):
    import openpyxl

    from duban.parsing import xlsx_reader

    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 50)
    workbook = openpyxl.Workbook()
    for number in range(100):
        workbook.active.append([str(number), "推进改革", "省财政厅"])
    path = tmp_path / "tasks.xlsx"
    workbook.save(path)
    refused(path, "more than 50 rows")


def test_a_merge_over_the_whole_sheet_does_not_blow_up(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["任务分解表"])
    sheet.append(["序号", "重点任务", "牵头单位"])
    sheet.append(["1", "推进改革", "省财政厅"])
    plain = tmp_path / "plain.xlsx"
    workbook.save(plain)
    # Forge the size and the merges in the XML: openpyxl itself would build every merged cell.
    merges = '<mergeCells count="2"><mergeCell ref="A1:XFD1"/><mergeCell ref="A3:XFD1048576"/>'
    path = tmp_path / "tasks.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>", b"</sheetData>" + merges.encode() + b"</mergeCells>"
                )
                data = re.sub(
                    rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data
                )
            target.writestr(info, data)
    # Only the cells the sheet really has are read, merged areas clipped to them.
    assert [len(row) for row in readers.read_file(path).rows] == [3, 3]
    (item,) = parse_file(path).items
    assert item.label == "1"
