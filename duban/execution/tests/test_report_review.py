"""The coordinator accepts or returns (退回) a submitted report."""

from datetime import date

import pytest

from duban.audit import services as audit
from duban.execution.models import ProgressReport
from duban.execution.services.reports import (
    ReportContent,
    progress_report_accept,
    progress_report_return,
    progress_report_save,
)

pytestmark = pytest.mark.usefixtures("no_demo_plan")

Review = ProgressReport.Review


def test_accepting_records_who_and_when(finance_task, caizheng, coordinator, file_report):
    report = file_report(finance_task, caizheng, date(2012, 9, 1))
    progress_report_accept(
        report=report, seen_version=report.version, comment="很好", by=coordinator
    )
    report.refresh_from_db()
    assert report.review == Review.ACCEPTED
    assert report.reviewed_by == coordinator and report.reviewed_at
    assert report.review_comment == "很好"


def test_returning_needs_a_reason(finance_task, caizheng, coordinator, file_report):
    report = file_report(finance_task, caizheng, date(2012, 9, 1))
    with pytest.raises(audit.DomainError, match="理由"):
        progress_report_return(
            report=report, reason="  ", seen_version=report.version, by=coordinator
        )


def test_a_returned_report_comes_back_editable_with_the_reason(
    finance_task, caizheng, coordinator, file_report
):
    report = file_report(finance_task, caizheng, date(2012, 9, 1), review="returned")
    assert report.review_comment == "佐证材料不足，请补充。"
    again = progress_report_save(
        task=finance_task,
        unit=caizheng.unit,
        period_start=date(2012, 9, 1),
        content=ReportContent(status="on_track", percent=None, work_done="已补充会议纪要。"),
        seen_version=report.version,
        submit=True,
        by=caizheng,
    )
    assert again.review == Review.SUBMITTED and again.work_done == "已补充会议纪要。"


def test_only_a_submitted_report_is_reviewed(finance_task, caizheng, coordinator, file_report):
    draft = file_report(finance_task, caizheng, date(2012, 9, 1), review="draft")
    with pytest.raises(audit.DomainError):
        progress_report_accept(report=draft, seen_version=draft.version, by=coordinator)
    accepted = file_report(finance_task, caizheng, date(2012, 8, 1), review="accepted")
    with pytest.raises(audit.DomainError):
        progress_report_return(
            report=accepted, reason="x", seen_version=accepted.version, by=coordinator
        )


def test_a_review_over_a_stale_page_is_refused(finance_task, caizheng, coordinator, file_report):
    report = file_report(finance_task, caizheng, date(2012, 9, 1))
    seen = report.version
    progress_report_accept(report=report, seen_version=seen, by=coordinator)
    report.review = Review.SUBMITTED  # the page still showed it waiting
    with pytest.raises(audit.StaleEdit):
        progress_report_return(report=report, reason="x", seen_version=seen, by=coordinator)
