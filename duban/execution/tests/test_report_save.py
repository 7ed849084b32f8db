"""Filling in a report: defaults, the reason for another percent, versions, submission."""

from datetime import date

import pytest

from duban.audit import services as audit
from duban.execution.models import ProgressReport
from duban.execution.services.reports import (
    ReportContent,
    progress_report_save,
    progress_report_submit,
)
from duban.execution.tests.conftest import make_task

pytestmark = pytest.mark.usefixtures("no_demo_plan")

SEP = date(2012, 9, 1)


def save(task, editor, content, **kwargs):
    return progress_report_save(
        task=task, unit=editor.unit, period_start=SEP, content=content, by=editor, **kwargs
    )


def test_a_blank_percent_takes_the_status_default(finance_task, caizheng):
    report = save(finance_task, caizheng, ReportContent(status="at_risk", percent=None))
    assert report.percent == 65
    assert report.period_end == date(2012, 9, 30)
    assert report.review == ProgressReport.Review.DRAFT


def test_another_percent_needs_a_reason(finance_task, caizheng):
    with pytest.raises(audit.DomainError, match="进度说明"):
        save(finance_task, caizheng, ReportContent(status="on_track", percent=90))
    assert not ProgressReport.objects.exists()
    report = save(
        finance_task,
        caizheng,
        ReportContent(status="on_track", percent=90, percent_reason="提前完成调研和起草"),
    )
    assert report.percent == 90 and report.percent_reason == "提前完成调研和起草"


def test_the_default_percent_typed_in_needs_no_reason(finance_task, caizheng):
    report = save(finance_task, caizheng, ReportContent(status="on_track", percent=75))
    assert report.percent_reason == ""


def test_submit_sends_the_report_for_review(finance_task, caizheng):
    report = save(
        finance_task, caizheng, ReportContent(status="on_track", percent=None), submit=True
    )
    assert report.review == ProgressReport.Review.SUBMITTED and report.submitted_at


def test_a_submitted_report_cannot_be_changed(finance_task, caizheng):
    report = save(
        finance_task, caizheng, ReportContent(status="on_track", percent=None), submit=True
    )
    with pytest.raises(audit.DomainError, match="正在审核"):
        save(
            finance_task,
            caizheng,
            ReportContent(status="delayed", percent=None),
            seen_version=report.version,
        )
    with pytest.raises(audit.DomainError):
        progress_report_submit(report=report, by=caizheng)


def test_it_refuses_a_stale_version(finance_task, caizheng):
    report = save(finance_task, caizheng, ReportContent(status="on_track", percent=None))
    save(
        finance_task,
        caizheng,
        ReportContent(status="at_risk", percent=None),
        seen_version=report.version,
    )
    with pytest.raises(audit.StaleEdit):
        save(
            finance_task,
            caizheng,
            ReportContent(status="delayed", percent=None),
            seen_version=report.version,
        )
    assert ProgressReport.objects.get().status == "at_risk"


def test_starting_a_report_someone_else_started_is_refused(finance_task, caizheng):
    save(finance_task, caizheng, ReportContent(status="on_track", percent=None))
    with pytest.raises(audit.StaleEdit):
        save(finance_task, caizheng, ReportContent(status="done", percent=None))


def test_a_unit_not_assigned_cannot_report(plan_2012, lanzhou, finance_task):
    with pytest.raises(audit.DomainError, match="未承担"):
        save(finance_task, lanzhou, ReportContent(status="on_track", percent=None))


def test_a_period_must_start_where_the_cadence_says(finance_task, caizheng):
    with pytest.raises(audit.DomainError, match="报告期"):
        progress_report_save(
            task=finance_task,
            unit=caizheng.unit,
            period_start=date(2012, 9, 15),
            content=ReportContent(status="on_track", percent=None),
            by=caizheng,
        )


def test_the_change_is_audited_with_its_author(finance_task, caizheng):
    report = save(
        finance_task, caizheng, ReportContent(status="on_track", percent=None), submit=True
    )
    history = report.history.order_by("history_date")
    assert [h.review for h in history] == ["draft", "submitted"]
    assert {h.history_user for h in history} == {caizheng}


def test_a_city_reports_on_its_own_instance(plan_2012, lanzhou, finance_task):
    instance = make_task(
        plan_2012, "1.1.1", lead=lanzhou.unit, region=lanzhou.unit.region, origin=finance_task
    )
    report = save(instance, lanzhou, ReportContent(status="on_track", percent=None))
    assert report.task == instance


def test_a_period_not_yet_begun_cannot_be_reported(finance_task, caizheng):
    content = ReportContent(status="on_track", percent=None)
    with pytest.raises(audit.DomainError, match="尚未开始"):
        save(finance_task, caizheng, content, as_of=date(2012, 8, 31))
    assert save(finance_task, caizheng, content, as_of=date(2012, 9, 1)).period_start == SEP


def test_a_refused_file_leaves_no_report_and_nothing_submitted(finance_task, caizheng, media_root):
    from duban.execution.services.evidence import EvidenceRejected
    from duban.execution.services.reports import progress_report_file

    with pytest.raises(EvidenceRejected):
        progress_report_file(
            task=finance_task,
            unit=caizheng.unit,
            period_start=SEP,
            content=ReportContent(status="on_track", percent=None),
            files=[("进展.exe", b"MZ\x90\x00 not a document")],
            submit=True,
            by=caizheng,
        )
    assert not ProgressReport.objects.exists()


def test_accepting_or_returning_a_report_tells_the_unit(
    finance_task, caizheng, viewer, coordinator, file_report
):
    from duban.notifications.models import Notification

    returned = file_report(finance_task, caizheng, date(2012, 8, 1), review="returned")
    accepted = file_report(finance_task, caizheng, SEP, review="accepted")
    for person in (caizheng, viewer):
        titles = set(Notification.objects.filter(user=person).values_list("title", flat=True))
        assert "1.1.1 2012年8月进展报告已退回" in titles, titles
        assert "1.1.1 2012年9月进展报告已采纳" in titles, titles
    assert returned.review == "returned" and accepted.review == "accepted"
