"""Evidence files: judged by their content, limited in size, named safely, fingerprinted."""

import hashlib
import io
import zipfile
from datetime import date

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from duban.audit import services as audit
from duban.execution.models import Evidence
from duban.execution.services.evidence import (
    PDF,
    EvidenceRejected,
    clean_file_name,
    evidence_attach,
    evidence_withdraw,
    sniff,
)

pytestmark = pytest.mark.usefixtures("no_demo_plan")

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于推进预算管理制度改革的工作总结")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "x")
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "extension"),
    [(PDF_BYTES, "pdf"), (PNG_BYTES, "png"), (b"\xff\xd8\xff\xe0" + b"0" * 20, "jpg")],
)
def test_accepted_types_are_known_by_their_first_bytes(content, extension):
    assert sniff(content).extension == extension


def test_word_and_excel_are_told_apart_by_their_parts():
    assert sniff(docx_bytes()).extension == "docx"
    assert sniff(xlsx_bytes()).extension == "xlsx"
    assert sniff(plain_zip()) is None


def test_an_executable_renamed_to_pdf_is_refused():
    assert sniff(b"MZ\x90\x00" + b"\x00" * 60) is None


def test_file_names_lose_folders_and_unsafe_characters_and_take_the_true_extension():
    assert clean_file_name("C:\\材料\\会议纪要.exe", PDF) == "会议纪要.pdf"
    assert clean_file_name('../../etc/"pass*wd"?.pdf', PDF) == "pass_wd.pdf"
    assert clean_file_name("...", PDF) == "佐证材料.pdf"


@pytest.fixture
def report(finance_task, caizheng, file_report):
    return file_report(finance_task, caizheng, date(2012, 9, 1), review="draft")


def test_an_attached_file_keeps_its_fingerprint(media_root, report, caizheng):
    content = docx_bytes()
    evidence = evidence_attach(report=report, name="工作总结.docx", content=content, by=caizheng)
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.size == len(content) and evidence.original_name == "工作总结.docx"
    assert evidence.file.read() == content


def test_a_file_over_the_limit_is_refused_naming_it(media_root, report, caizheng, settings):
    settings.DUBAN_UPLOAD_MAX_BYTES = 10
    with pytest.raises(EvidenceRejected, match="“大文件.pdf”.*超过上限"):
        evidence_attach(report=report, name="大文件.pdf", content=PDF_BYTES, by=caizheng)


def test_an_empty_file_is_refused(media_root, report, caizheng):
    with pytest.raises(EvidenceRejected, match="空文件"):
        evidence_attach(report=report, name="空.pdf", content=b"", by=caizheng)


def test_a_withdrawn_file_is_kept_but_hidden(media_root, report, caizheng):
    evidence = evidence_attach(report=report, name="a.png", content=PNG_BYTES, by=caizheng)
    evidence_withdraw(evidence=evidence, by=caizheng)
    assert Evidence.objects.get().withdrawn


def test_an_accepted_reports_files_are_final(media_root, finance_task, caizheng, file_report):
    accepted = file_report(finance_task, caizheng, date(2012, 8, 1), review="accepted")
    with pytest.raises(audit.DomainError):
        evidence_attach(report=accepted, name="a.png", content=PNG_BYTES, by=caizheng)


# ---- Pages ---------------------------------------------------------------------------------


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_files_go_up_with_the_report_form(media_root, client, caizheng, finance_task):
    client.force_login(caizheng)
    url = reverse("execution:report-fill", args=[finance_task.pk, "2012-09-01"])
    data = {"status": "on_track", "work_done": "召开专题会议。", "submit": "1"}
    data["files"] = [upload("纪要.docx", docx_bytes()), upload("照片.png", PNG_BYTES)]
    assert client.post(url, data).status_code == 302
    assert sorted(Evidence.objects.values_list("original_name", flat=True)) == [
        "照片.png",
        "纪要.docx",
    ]


def test_an_invalid_upload_is_a_form_error_naming_the_file(
    media_root, client, caizheng, finance_task
):
    client.force_login(caizheng)
    url = reverse("execution:report-fill", args=[finance_task.pk, "2012-09-01"])
    data = {"status": "on_track", "work_done": "x", "files": [upload("病毒.pdf", b"MZ\x90\x00")]}
    response = client.post(url, data)
    assert response.status_code == 422
    assert "“病毒.pdf”不是可接受的文件类型" in response.content.decode()
    assert not Evidence.objects.exists()


def test_htmx_adds_a_file_and_swaps_the_panel(media_root, client, caizheng, report):
    client.force_login(caizheng)
    url = reverse("execution:evidence-add", args=[report.pk])
    response = client.post(url, {"files": [upload("a.pdf", PDF_BYTES)]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.templates[0].name == "execution/_report_evidence.html"
    assert "a.pdf" in response.content.decode()


def test_htmx_shows_a_bad_file_in_the_panel(media_root, client, caizheng, report):
    client.force_login(caizheng)
    url = reverse("execution:evidence-add", args=[report.pk])
    response = client.post(url, {"files": [upload("x.pdf", b"text")]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and "“x.pdf”" in response.content.decode()


@pytest.fixture
def evidence(media_root, report, caizheng):
    return evidence_attach(report=report, name="纪要.pdf", content=PDF_BYTES, by=caizheng)


def test_download_is_for_those_who_read_the_report(client, caizheng, viewer, lanzhou, evidence):
    url = reverse("execution:evidence-download", args=[evidence.pk])
    client.force_login(caizheng)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    client.force_login(viewer)
    assert client.get(url).status_code == 200
    client.force_login(lanzhou)
    assert client.get(url).status_code == 404


def test_withdraw_is_for_the_units_editor_only(client, caizheng, viewer, lanzhou, evidence):
    url = reverse("execution:evidence-withdraw", args=[evidence.pk])
    client.force_login(lanzhou)
    assert client.post(url).status_code == 404
    client.force_login(viewer)
    assert client.post(url).status_code == 403
    client.force_login(caizheng)
    assert client.post(url).status_code == 302
    evidence.refresh_from_db()
    assert evidence.withdrawn
    # A withdrawn file is gone for everyone.
    assert client.get(reverse("execution:evidence-download", args=[evidence.pk])).status_code == 404
