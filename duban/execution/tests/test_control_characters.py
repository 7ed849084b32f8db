"""Invisible control and direction-override characters never reach the records or the ledger."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duban.execution.models import ProgressReport
from duban.lib.text import NARRATIVE_MAX, clean_text

pytestmark = pytest.mark.usefixtures("no_demo_plan")


def test_clean_text_keeps_newlines_and_tabs_and_drops_the_rest():
    dirty = "完成\x08初稿\x1b[31m\r\n\t第二段\x7f\x85\u202e\u2066"
    assert clean_text(dirty) == "完成初稿[31m\n\t第二段"


def test_a_report_saved_with_control_characters_comes_back_clean(
    client, caizheng, finance_task, file_report
):
    report = file_report(finance_task, caizheng, date(2012, 9, 1), review="draft")
    client.force_login(caizheng)
    data = {
        "status": "on_track",
        "work_done": "完成\x08初稿\x1b。\u202egpj.exe",
        "problems": "无\x00",
        "version": report.version,
    }
    response = client.post(reverse("execution:report-edit", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.work_done, report.problems) == ("完成初稿。gpj.exe", "无")


def test_an_overlong_narrative_is_refused(client, caizheng, finance_task, file_report):
    report = file_report(finance_task, caizheng, date(2012, 9, 1), review="draft")
    client.force_login(caizheng)
    data = {
        "status": "on_track",
        "work_done": "长" * (NARRATIVE_MAX + 1),
        "version": report.version,
    }
    response = client.post(reverse("execution:report-edit", args=[report.pk]), data)
    assert response.status_code == 422
    assert response.context["form"].errors["work_done"]


def test_an_old_dirty_record_does_not_break_the_ledger(
    client, caizheng, finance_task, file_report, settings
):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    report = file_report(finance_task, caizheng, date(2012, 8, 1))
    # Written before input was cleaned: straight into the database.
    ProgressReport.objects.filter(pk=report.pk).update(work_done="旧记录\x08\x1b仍在")
    client.force_login(caizheng)
    response = client.get(reverse("execution:ledger-download"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["进展报告"]
    assert "旧记录仍在" in [c.value for row in sheet.iter_rows() for c in row]
