"""Leaders' comments (批示): only leaders write them, on a task or one of its reports."""

import pytest

from duban.audit import services as audit
from duban.execution.services.comments import leader_comment_create, leader_comment_withdraw


@pytest.mark.django_db
def test_a_leader_comments_on_a_task(finance_task, leader):
    comment = leader_comment_create(task=finance_task, text="抓紧推进，年底前见成效。", by=leader)

    assert (comment.task, comment.author, comment.report) == (finance_task, leader, None)
    assert comment.history.get().history_user == leader


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator", "caizheng", "viewer"])
def test_no_one_but_a_leader_comments(finance_task, demo_accounts, persona):
    with pytest.raises(audit.DomainError, match="只有领导"):
        leader_comment_create(task=finance_task, text="批示", by=demo_accounts[persona])


@pytest.mark.django_db
def test_an_empty_comment_is_refused(finance_task, leader):
    with pytest.raises(audit.DomainError, match="不能为空"):
        leader_comment_create(task=finance_task, text="  ", by=leader)


@pytest.mark.django_db
def test_only_the_author_withdraws_a_comment(finance_task, leader, django_user_model):
    comment = leader_comment_create(task=finance_task, text="请报送进展。", by=leader)
    other = django_user_model.objects.create(username="leader2", role="leader", unit=leader.unit)

    with pytest.raises(audit.DomainError, match="本人"):
        leader_comment_withdraw(comment=comment, by=other)
    leader_comment_withdraw(comment=comment, by=leader)
    comment.refresh_from_db()
    assert comment.withdrawn


@pytest.mark.django_db
def test_a_comment_on_a_report_must_be_on_that_reports_task(finance_task, reform_task, leader):
    from datetime import date

    from duban.execution.models import ProgressReport

    report = ProgressReport.objects.create(
        task=finance_task,
        unit=finance_task.assignments.get(role="lead").unit,
        period_start=date(2012, 6, 1),
        period_end=date(2012, 6, 30),
    )

    comment = leader_comment_create(task=finance_task, report=report, text="报告很好。", by=leader)
    assert comment.report == report
    with pytest.raises(audit.DomainError, match="不属于"):
        leader_comment_create(task=reform_task, report=report, text="批示", by=leader)
