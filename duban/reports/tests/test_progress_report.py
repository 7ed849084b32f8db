"""The progress report to the provincial government: its content from the records, its layout."""

import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from duban.reports.docx_writer import write_docx
from duban.reports.progress_report import ordinal, progress_report
from duban.reports.tests.conftest import SEP_30


def test_ordinals_read_as_chinese():
    assert [ordinal(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


def test_the_red_task_is_named_with_its_unit_and_reason(small_plan):
    document = progress_report(plan=small_plan, as_of=SEP_30)
    problems = document.sections[-1].paragraphs
    assert len(problems) == 1
    assert problems[0].startswith("甘肃省财政厅牵头的")
    assert "完成调研" in problems[0]
    table = document.sections[-1].subsections[0].table
    assert table[1][:2] == ["深化预算管理制度改革", "甘肃省财政厅"]


def test_the_sentence_follows_the_record(small_plan):
    task = small_plan.tasks.get(title="深化预算管理制度改革")
    task.title = "改写后的任务"
    task.save()
    document = progress_report(plan=small_plan, as_of=SEP_30)
    assert "改写后的任务" in document.sections[-1].paragraphs[0]


def test_the_docx_has_the_official_layout(small_plan, tmp_path):
    path = tmp_path / "r.docx"
    write_docx(progress_report(plan=small_plan, as_of=SEP_30), path)
    doc = Document(path)
    section = doc.sections[0]
    mm = [round(v.mm) for v in (section.page_width, section.page_height)]
    assert mm == [210, 297]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(v.mm) for v in margins] == [37, 35, 28, 26]
    texts = [p.text for p in doc.paragraphs]
    assert "省人民政府：" in texts and "2012年9月30日" in texts
    assert {"一、总体进展情况", "二、各领域推进情况", "三、存在的主要问题"} <= set(texts)
    body = next(p for p in doc.paragraphs if p.text.startswith("截至"))
    run = body.runs[0]
    assert run.font.size == Pt(16)
    assert run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert "PAGE" in section.footer._element.xml


def test_a_bad_plan_or_date_is_refused_with_exit_2(small_plan, tmp_path):
    out = str(tmp_path / "r.docx")
    with pytest.raises(CommandError, match="没有编号为 999") as error:
        call_command("report", "progress", "999", "--as-of", "2012-09-30", "-o", out)
    assert error.value.returncode == 2
    with pytest.raises(CommandError, match="日期无效") as error:
        call_command("report", "progress", str(small_plan.pk), "--as-of", "2012-13-01", "-o", out)
    assert error.value.returncode == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_pdf_embeds_its_fonts(small_plan, tmp_path):
    out = tmp_path / "r.pdf"
    call_command(
        "report",
        "progress",
        str(small_plan.pk),
        "--as-of",
        "2012-09-30",
        "--format",
        "pdf",
        "-o",
        str(out),
    )
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)
