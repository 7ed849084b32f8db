"""The meeting notice and minutes as .docx: the text a reader expects, and LibreOffice opens them."""

import shutil
import subprocess

import pytest
from docx import Document

from duban.coordination import documents
from duban.reports.docx_writer import write_docx


def text_of(path) -> str:
    return "\n".join(p.text for p in Document(path).paragraphs)


def test_the_notice_names_time_place_units_and_agenda(in_progress, tmp_path, issue):
    path = tmp_path / "notice.docx"
    write_docx(documents.notice(in_progress), path)
    text = text_of(path)
    assert "关于召开预算管理改革联席会议的通知" in text
    assert "2012年9月28日" in text and "省发展改革委三楼会议室" in text
    assert f"1. {issue.title}" in text
    assert "省财政厅、省发展改革委：" in text or "省发展改革委、省财政厅：" in text


def test_the_minutes_carry_each_decision_with_owner_and_deadline(decided, tmp_path):
    path = tmp_path / "minutes.docx"
    write_docx(documents.minutes(decided.meeting), path)
    text = text_of(path)
    assert "经济体制改革联席会议纪要" in text and "〔2012〕第1期" in text
    assert (
        "（一）省发展改革委向省财政厅开放投资项目库接口。由省财政厅牵头，省发展改革委配合，2012年10月15日前完成。"
        in text
    )
    assert "出席单位：" in text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_opens_notice_and_minutes(decided, tmp_path):
    meeting = decided.meeting
    for name, document in (
        ("notice", documents.notice(meeting)),
        ("minutes", documents.minutes(meeting)),
    ):
        write_docx(document, tmp_path / f"{name}.docx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "notice.docx"),
            str(tmp_path / "minutes.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for name in ("notice", "minutes"):
        pdf = (tmp_path / f"{name}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and len(pdf) > 5000
