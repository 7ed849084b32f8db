"""The exported task table and the progress ledger, printed through LibreOffice: no row clips
its text. Pages are saved to var/print/ for people to look at."""

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from duban.plans.models import Plan
from duban.plans.services.tasktable import task_table_export
from tests.printing.office_print import overflowing_text, print_pages

OUT = Path(__file__).resolve().parents[2] / "var" / "print"
CJK = re.compile(r"[\u4e00-\u9fff]")

pytestmark = pytest.mark.django_db


@pytest.fixture
def task_table(demo_accounts, tmp_path) -> Path:
    plan = Plan.objects.get(year=2012, source__isnull=False)
    stream = io.BytesIO()
    task_table_export(plan=plan, stream=stream)
    path = tmp_path / "task_table.xlsx"
    path.write_bytes(stream.getvalue())
    return path


def _cjk_in_sheet(path: Path) -> int:
    sheet = load_workbook(path).active
    return sum(len(CJK.findall(str(c.value))) for row in sheet.iter_rows() for c in row if c.value)


def _cjk_in_pdf(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return sum(len(CJK.findall(c["text"])) for page in document.pages for c in page.chars)


def test_the_printed_task_table_clips_no_row(task_table):
    pdf, pages = print_pages(task_table, OUT / "task_table")
    assert pages
    assert overflowing_text(pdf) == []
    # Every character of the table reaches the paper: none is cut off by a short row.
    assert _cjk_in_pdf(pdf) >= _cjk_in_sheet(task_table)


def test_the_check_catches_rows_too_short_for_their_text(task_table, tmp_path):
    workbook = load_workbook(task_table)
    sheet = workbook.active
    for line in range(4, sheet.max_row + 1):
        sheet.row_dimensions[line].height = 15  # the old fixed height
    short = tmp_path / "short_rows.xlsx"
    workbook.save(short)
    pdf, _pages = print_pages(short, tmp_path / "print")
    assert overflowing_text(pdf) or _cjk_in_pdf(pdf) < _cjk_in_sheet(short)


def test_the_printed_progress_ledger_clips_no_row(caizheng, tmp_path, settings):
    from datetime import date

    from duban.execution.services.ledger import ledger_download

    settings.DUBAN_TODAY = date(2012, 9, 30)
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(ledger_download(unit=caizheng.unit))
    pdf, pages = print_pages(path, OUT / "ledger")
    assert pages
    assert overflowing_text(pdf) == []
