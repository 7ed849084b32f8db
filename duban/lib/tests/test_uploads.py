"""A small .xlsx that would unpack to hundreds of MB, or a file over the upload limit, is refused
from its size and zip directory alone, before openpyxl inflates anything."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from duban.execution.services.ledger import LedgerRejected, ledger_upload
from duban.lib.uploads import upload_problem
from duban.plans.models import Plan

pytestmark = pytest.mark.django_db


def zip_bomb_xlsx(megabytes: int = 50) -> bytes:
    """A well-formed workbook whose sheet XML is `megabytes` MB of repeated rows."""
    template = io.BytesIO()
    Workbook().save(template)
    row = b'<row><c t="inlineStr"><is><t>' + b"x" * 1000 + b"</t></is></c></row>"
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>'
        + row * (megabytes * 1024 * 1024 // len(row))
        + b"</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in source.infolist():
            data = sheet if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            bomb.writestr(info.filename, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zip_bomb_xlsx()


def test_the_bomb_is_small_but_refused_without_unpacking(bomb):
    assert len(bomb) < 1024 * 1024
    started = time.monotonic()
    assert "压缩炸弹" in upload_problem(bomb)
    assert time.monotonic() - started < 1


def test_a_file_over_the_upload_limit_is_refused(settings):
    settings.DUBAN_UPLOAD_MAX_BYTES = 1000
    assert "文件太大" in upload_problem(b"x" * 1001)


def test_the_ledger_refuses_the_bomb(caizheng, bomb):
    with pytest.raises(LedgerRejected, match="压缩炸弹"):
        ledger_upload(unit=caizheng.unit, content=bomb, by=caizheng)


def test_the_ledger_upload_page_explains_the_refusal(client, caizheng, bomb):
    client.force_login(caizheng)
    upload = SimpleUploadedFile("台账.xlsx", bomb)
    response = client.post(reverse("execution:ledger-upload"), {"file": upload})
    assert response.status_code == 422
    assert "压缩炸弹" in response.content.decode()


def test_the_task_table_import_refuses_the_bomb(client, coordinator, bomb):
    plan = Plan.objects.first()
    client.force_login(coordinator)
    upload = SimpleUploadedFile("分解表.xlsx", bomb)
    response = client.post(reverse("plans:table-import", args=[plan.pk]), {"file": upload})
    assert response.status_code == 200
    assert "压缩炸弹" in response.content.decode()
