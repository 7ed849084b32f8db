"""The .xlsx ledger: download what is owed, fill it in offline, upload it back all or nothing."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from duban.execution.models import ProgressReport
from duban.execution.services.ledger import (
    COLUMN,
    HEADERS,
    LedgerRejected,
    ledger_download,
    ledger_upload,
)
from duban.execution.services.reports import ReportContent, progress_report_save
from duban.execution.tests.conftest import make_task

pytestmark = pytest.mark.usefixtures("no_demo_plan")

SEP_30 = date(2012, 9, 30)
Review = ProgressReport.Review


def sheet_of(content: bytes):
    return load_workbook(io.BytesIO(content))["进展报告"]


def save(sheet) -> bytes:
    out = io.BytesIO()
    sheet.parent.save(out)
    return out.getvalue()


def cell(sheet, row: int, header: str):
    return sheet.cell(row=row, column=COLUMN[header] + 1)


def row_of(sheet, path: str, month: int) -> int:
    """The row number of task `path`'s report for `month`."""
    for row in range(2, sheet.max_row + 1):
        if cell(sheet, row, "任务编号").value == path and cell(sheet, row, "报告期").value == (
            f"2012年{month}月"
        ):
            return row
    raise LookupError(path, month)


@pytest.fixture
def ledger(finance_task, reform_task, finance_unit, caizheng, file_report):
    """省财政厅's ledger as of 2012-09-30, after its August report on 1.1.1."""
    for month in range(1, 9):
        file_report(finance_task, caizheng, date(2012, month, 1), work_done=f"{month}月工作。")
    return sheet_of(ledger_download(unit=finance_unit, as_of=SEP_30))


def test_the_ledger_lists_what_is_owed_prefilled_from_the_last_report(ledger):
    assert [c.value for c in ledger[1]] == HEADERS
    rows = list(ledger.iter_rows(min_row=2, values_only=True))
    # 1.1.1 (lead): September; 1.2.1 (co, never reported): January to September.
    assert len(rows) == 1 + 9
    september = [r for r in rows if r[COLUMN["任务编号"]] == "1.1.1"][0]
    assert september[COLUMN["报告期"]] == "2012年9月"
    assert september[COLUMN["推进状态"]] == "按计划推进"
    assert september[COLUMN["上期情况"]] == "按计划推进 65%（2012年8月）"
    assert september[COLUMN["本期工作进展"]] == "8月工作。"
    assert september[COLUMN["完成进度（%）"]] is None  # the default follows the new period
    assert september[COLUMN["版本"]] is None  # no September report yet


def test_the_id_columns_are_hidden_and_the_status_is_a_list(ledger):
    for letter in ("N", "O", "P"):  # 任务ID, 报告期起, 版本
        assert ledger.column_dimensions[letter].hidden
    assert not ledger.column_dimensions["M"].hidden
    validations = ledger.data_validations.dataValidation
    statuses = [v for v in validations if "按计划推进" in (v.formula1 or "")]
    assert [str(v.sqref) for v in statuses] == [f"H2:H{ledger.max_row}"]  # the 推进状态 column


def test_an_uploaded_ledger_submits_each_filled_row(ledger, finance_task, caizheng):
    # The co part on 1.2.1 is left blank for most months: not reported this time.
    cell(ledger, row_of(ledger, "1.2.1", 9), "推进状态").value = "存在风险"
    cell(ledger, row_of(ledger, "1.1.1", 9), "本期工作进展").value = "完成预算编制改革方案起草。"
    saved = ledger_upload(unit=caizheng.unit, content=save(ledger), by=caizheng)
    assert len(saved) == 2
    co_part = ProgressReport.objects.get(task__path="1.2.1", period_start=date(2012, 9, 1))
    assert co_part.status == "at_risk" and co_part.percent == 65
    report = ProgressReport.objects.get(task=finance_task, period_start=date(2012, 9, 1))
    assert report.review == Review.SUBMITTED and report.percent == 75
    assert report.work_done == "完成预算编制改革方案起草。"


def test_one_bad_row_and_nothing_is_applied(ledger, caizheng):
    cell(ledger, 5, "推进状态").value = "按计划推进"
    cell(ledger, 5, "完成进度（%）").value = 90  # a valid cell, refused by the percent rule
    cell(ledger, 3, "推进状态").value = "基本完成"
    cell(ledger, 4, "推进状态").value = "按计划推进"
    cell(ledger, 4, "完成进度（%）").value = 120
    before = ProgressReport.objects.count()
    with pytest.raises(LedgerRejected) as rejected:
        ledger_upload(unit=caizheng.unit, content=save(ledger), by=caizheng)
    # Every problem at once, in row order, whatever stage found it.
    errors = rejected.value.errors
    assert [error.split("：")[0] for error in errors] == ["第3行", "第4行", "第5行"]
    assert errors[0].startswith("第3行：推进状态“基本完成”")
    assert errors[1].startswith("第4行：完成进度须为0到100")
    assert "进度说明" in errors[2]
    assert ProgressReport.objects.count() == before


def test_a_service_refusal_rolls_back_the_rows_before_it(ledger, caizheng):
    for row in range(2, 6):  # 1.2.1, January to April
        cell(ledger, row, "推进状态").value = "按计划推进"
    cell(ledger, 5, "完成进度（%）").value = 90  # a valid cell, refused by the percent rule
    before = ProgressReport.objects.count()
    with pytest.raises(LedgerRejected) as rejected:
        ledger_upload(unit=caizheng.unit, content=save(ledger), by=caizheng)
    assert rejected.value.errors == [
        "第5行：完成进度与“按计划推进”的默认值 35% 不同，请在“进度说明”中写明理由。"
    ]
    assert ProgressReport.objects.count() == before  # rows 2–4 and 1.1.1 were not kept


def test_a_row_changed_since_the_download_is_refused(ledger, finance_task, caizheng):
    # Someone starts the September report on the web after the ledger was downloaded.
    progress_report_save(
        task=finance_task,
        unit=caizheng.unit,
        period_start=date(2012, 9, 1),
        content=ReportContent(status="at_risk", percent=None),
        by=caizheng,
    )
    with pytest.raises(LedgerRejected) as rejected:
        ledger_upload(unit=caizheng.unit, content=save(ledger), by=caizheng)
    assert any("重新下载台账" in error for error in rejected.value.errors)
    assert (
        ProgressReport.objects.get(period_start=date(2012, 9, 1), task=finance_task).review
        == "draft"
    )


def test_a_returned_report_is_in_the_ledger_with_its_version(
    finance_task, finance_unit, caizheng, file_report
):
    returned = file_report(finance_task, caizheng, date(2012, 9, 1), review="returned")
    sheet = sheet_of(ledger_download(unit=finance_unit, as_of=SEP_30))
    rows = [
        r for r in sheet.iter_rows(min_row=2, values_only=True) if r[COLUMN["任务编号"]] == "1.1.1"
    ]
    assert rows[-1][COLUMN["版本"]] == returned.version
    ledger_upload(unit=finance_unit, content=save(sheet), by=caizheng)
    returned.refresh_from_db()
    assert returned.review == Review.SUBMITTED


def test_a_row_pointing_at_another_units_task_is_refused(ledger, plan_2012, lanzhou, caizheng):
    foreign = make_task(plan_2012, "3.1.1", lead=lanzhou.unit)
    row = row_of(ledger, "1.1.1", 9)
    cell(ledger, row, "任务ID").value = foreign.pk
    with pytest.raises(LedgerRejected, match=f"第{row}行：本单位未承担该任务"):
        ledger_upload(unit=caizheng.unit, content=save(ledger), by=caizheng)


def test_a_changed_header_is_refused(ledger, caizheng):
    cell(ledger, 1, "推进状态").value = "状态"
    with pytest.raises(LedgerRejected, match="表头"):
        ledger_upload(unit=caizheng.unit, content=save(ledger), by=caizheng)


def test_a_file_that_is_not_a_workbook_is_refused(caizheng):
    with pytest.raises(LedgerRejected, match="不是有效的 Excel"):
        ledger_upload(unit=caizheng.unit, content=b"not a workbook", by=caizheng)


# ---- Pages ---------------------------------------------------------------------------------


def test_the_editor_downloads_its_own_ledger(client, caizheng, finance_task, reform_task, settings):
    settings.DUBAN_TODAY = SEP_30
    client.force_login(caizheng)
    response = client.get(reverse("execution:ledger-download"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert sheet_of(response.content).max_row == 1 + 9 + 9


def test_the_upload_page_lists_row_errors(client, caizheng, ledger):
    cell(ledger, 3, "推进状态").value = "基本完成"
    client.force_login(caizheng)
    upload = SimpleUploadedFile("台账.xlsx", save(ledger))
    response = client.post(reverse("execution:ledger-upload"), {"file": upload})
    assert response.status_code == 422
    assert "第3行" in response.content.decode()


def test_the_upload_page_applies_a_good_ledger(client, caizheng, ledger):
    client.force_login(caizheng)
    upload = SimpleUploadedFile("台账.xlsx", save(ledger))
    response = client.post(reverse("execution:ledger-upload"), {"file": upload})
    assert response.status_code == 302
    # Only 1.1.1 had a report to start from; 1.2.1's rows have no status and are skipped.
    september = ProgressReport.objects.filter(review=Review.SUBMITTED, period_start__month=9)
    assert list(september.values_list("task__path", flat=True)) == ["1.1.1"]


@pytest.mark.parametrize("name", ["ledger-download", "ledger-upload"])
def test_viewers_may_not_use_the_ledger(client, viewer, name):
    client.force_login(viewer)
    assert client.get(reverse(f"execution:{name}")).status_code == 403
    assert client.post(reverse(f"execution:{name}")).status_code == 403


@pytest.mark.parametrize("persona", ["coordinator", "leader", "admin_user"])
@pytest.mark.parametrize("name", ["ledger-download", "ledger-upload"])
def test_roles_without_reports_to_file_have_no_ledger(client, request, persona, name):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse(f"execution:{name}")).status_code == 404


def test_an_upload_only_ever_writes_the_uploaders_unit(client, lanzhou, ledger):
    # 兰州市 uploads 省财政厅's ledger: every row is a task 兰州市 is not on.
    client.force_login(lanzhou)
    upload = SimpleUploadedFile("台账.xlsx", save(ledger))
    response = client.post(reverse("execution:ledger-upload"), {"file": upload})
    assert response.status_code == 422
    assert "本单位未承担该任务" in response.content.decode()
    assert not ProgressReport.objects.filter(unit=lanzhou.unit).exists()


def test_report_text_that_looks_like_a_formula_comes_back_as_text(
    finance_task, finance_unit, caizheng, file_report
):
    payload = '=HYPERLINK("http://evil.example/","点此")'
    file_report(finance_task, caizheng, date(2012, 8, 1), work_done=payload)
    sheet = sheet_of(ledger_download(unit=finance_unit, as_of=SEP_30))
    written = cell(sheet, row_of(sheet, "1.1.1", 9), "本期工作进展")
    assert (written.value, written.data_type) == (payload, "s")
