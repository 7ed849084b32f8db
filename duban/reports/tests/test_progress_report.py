"""The progress report to the provincial government: its content from the records, its layout."""

import re
import shutil
import subprocess
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from duban.execution.models import Milestone
from duban.reports import figures as report_figures
from duban.reports.docx_writer import write_docx
from duban.reports.progress_report import ordinal, progress_report
from duban.reports.selectors import plan_at_a_glance
from duban.reports.tests.conftest import SEP_30


def test_ordinals_read_as_chinese():
    assert [ordinal(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


def _area(document, number: int):
    """The paragraphs of area `number` (1-based) under 二、各领域推进情况."""
    return document.sections[1].subsections[number - 1].paragraphs


def test_each_area_tells_its_done_on_track_and_slipping_tasks(small_plan):
    document = progress_report(plan=small_plan, as_of=SEP_30, figures=False)
    first, second = _area(document, 1), _area(document, 2)
    assert first[0].startswith("本领域共2项工作")
    assert (
        first[1]
        == "按计划推进1项：甘肃省发展和改革委员会牵头的“推进资源性产品价格改革”（报告进度75%）。"
    )
    assert first[2] == (
        "进度滞后1项：甘肃省财政厅牵头的“深化预算管理制度改革”"
        "（报告进度65%，红灯，里程碑“完成调研”已逾期92天）。"
    )
    assert second[1] == "已完成1项：甘肃省财政厅牵头的“推进省级财政资金整合”。"
    assert second[2].startswith("进度滞后1项：甘肃省发展和改革委员会牵头的“完善价格调节基金制度”")
    assert "黄灯" in second[2]


def test_the_overdue_table_lists_every_missed_date_with_its_days(small_plan):
    problems = progress_report(plan=small_plan, as_of=SEP_30, figures=False).sections[2]
    assert "共有1项工作亮红灯" in problems.paragraphs[0]
    assert "2个事项已过完成时间仍未完成，最长逾期92天" in problems.paragraphs[0]
    table = problems.subsections[0].table
    assert table[0][-1] == "逾期天数"
    assert [row[1:] for row in table[1:]] == [
        ["深化预算管理制度改革", "省财政厅", "里程碑“完成调研”", "2012.6.30", "92"],
        ["深化预算管理制度改革", "省财政厅", "里程碑“形成初稿”", "2012.9.25", "5"],
    ]


def test_a_milestone_met_later_is_still_overdue_as_of_the_earlier_day(small_plan):
    milestone = Milestone.objects.get(title="完成调研")
    milestone.met_on = date(2012, 10, 8)
    milestone.save()
    table = progress_report(plan=small_plan, as_of=SEP_30, figures=False).sections[2]
    assert len(table.subsections[0].table) == 3
    later = progress_report(plan=small_plan, as_of=date(2012, 10, 10), figures=False)
    assert "里程碑“完成调研”" not in str(later.sections[2].subsections[0].table)


def test_the_sentence_follows_the_record(small_plan):
    task = small_plan.tasks.get(title="深化预算管理制度改革")
    task.title = "改写后的任务"
    task.save()
    document = progress_report(plan=small_plan, as_of=SEP_30, figures=False)
    assert "“改写后的任务”" in _area(document, 1)[2]
    assert document.sections[2].subsections[0].table[1][1] == "改写后的任务"


def test_the_report_as_of_an_earlier_day_uses_what_was_known_then(small_plan):
    # On 20 September the September reports (filed 28 and 29 September) were not yet in.
    document = progress_report(plan=small_plan, as_of=date(2012, 9, 20), figures=False)
    assert "（报告进度60%，红灯" in _area(document, 1)[2]
    assert "“推进资源性产品价格改革”（报告进度70%）" in _area(document, 1)[1]


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


# ---- The demo's year, through the command ---------------------------------------------------


def _command(plan, out, format):
    args = ["progress", str(plan.pk), "--as-of", "2012-09-30", "--format", format, "-o", str(out)]
    call_command("report", *args)


def test_the_demo_report_reads_back_with_a_heading_and_the_figures_of_each_area(
    demo_history, tmp_path
):
    out = tmp_path / "r.docx"
    _command(demo_history, out, "docx")
    doc = Document(out)
    section = doc.sections[0]
    assert [round(v.mm) for v in (section.page_width, section.page_height)] == [210, 297]
    body = [p for p in doc.paragraphs if p.text.startswith("本领域共")]
    assert {run.font.size for p in body for run in p.runs} == {Pt(16)}
    texts = [p.text for p in doc.paragraphs]
    glance = plan_at_a_glance(plan=demo_history, as_of=SEP_30)
    for number, area in enumerate(glance.areas, start=1):
        heading = texts.index(f"（{ordinal(number)}）{area.title}")
        tally, total = area.tally, sum(area.tally.values())
        assert texts[heading + 1].startswith(
            f"本领域共{total}项工作，总体进度{area.percent:.0f}%。其中已完成{tally['done']}项，"
            f"按计划推进{tally['green']}项"
        )
    overview = next(t for t in texts if t.startswith("截至2012年9月30日"))
    assert f"红灯{glance.lights['red']}项" in overview
    assert f"共{glance.units_of_work}项工作" in overview
    assert len(doc.inline_shapes) == 2  # the two charts
    overdue = doc.tables[0]
    assert len(overdue.rows) == len(glance.overdue) + 1
    assert overdue.rows[1].cells[5].text == str(glance.overdue[0].days)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_demo_pdf_runs_over_pages_with_its_cjk_fonts_embedded(demo_history, tmp_path):
    out = tmp_path / "r.pdf"
    _command(demo_history, out, "pdf")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    assert pages >= 2
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert any("CJK" in row for row in rows)
    assert all(" yes " in row for row in rows)


def test_the_charts_use_the_installed_noto_cjk_font():
    path = report_figures.cjk_font_file()
    assert path.exists() and "NotoSansCJK" in path.name


def test_without_a_cjk_font_the_charts_refuse_by_name(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-match
    monkeypatch.setattr(report_figures, "FONT_DIRS", (tmp_path,))
    with pytest.raises(report_figures.ChartFontMissing, match="fonts-noto-cjk"):
        report_figures.cjk_font_file()
