"""Raising an issue, answering it, withdrawing and closing it: the states and their audit."""

import pytest

from duban.audit.services import DomainError, StaleEdit
from duban.coordination import services
from duban.coordination.models import CoordinationIssue
from duban.notifications.models import Notification

Status = CoordinationIssue.Status


def test_raising_an_issue_tells_the_units_named(issue, fagai, caizheng):
    assert issue.status == Status.OPEN
    assert issue.raised_by_unit == caizheng.unit
    assert Notification.objects.filter(user=fagai, kind="coordination.issue").exists()
    assert not Notification.objects.filter(user=caizheng, kind="coordination.issue").exists()


def test_an_issue_must_name_another_unit(today, finance_task, caizheng, finance_unit):
    with pytest.raises(DomainError, match="本单位能解决"):
        services.issue_raise(
            task=finance_task, title="t", blocker="b", needed_units=[finance_unit], by=caizheng
        )
    with pytest.raises(DomainError, match="至少选择"):
        services.issue_raise(
            task=finance_task, title="t", blocker="b", needed_units=[], by=caizheng
        )


def test_an_issue_needs_a_title_and_a_blocker(today, finance_task, caizheng, reform_unit):
    with pytest.raises(DomainError, match="请填写"):
        services.issue_raise(
            task=finance_task, title=" ", blocker="b", needed_units=[reform_unit], by=caizheng
        )


def test_a_reply_reaches_the_raiser_and_the_reform_office(issue, fagai, caizheng, coordinator):
    reply = services.issue_reply(issue=issue, text="同意开放接口，10月中旬前完成。", by=fagai)
    assert reply.unit == fagai.unit
    assert Notification.objects.filter(user=caizheng, kind="coordination.reply").exists()
    assert Notification.objects.filter(user=coordinator, kind="coordination.reply").exists()


def test_withdrawing_keeps_the_issue_on_record(issue, caizheng):
    services.issue_withdraw(
        issue=issue, reason="已自行解决", seen_version=issue.version, by=caizheng
    )
    issue.refresh_from_db()
    assert issue.status == Status.WITHDRAWN
    assert [h.status for h in issue.history.order_by("history_id")] == ["open", "withdrawn"]
    with pytest.raises(DomainError):
        services.issue_reply(issue=issue, text="x", by=caizheng)


def test_a_stale_version_is_refused(issue, caizheng, coordinator):
    seen = issue.version
    services.issue_close(issue=issue, note="已解决", seen_version=seen, by=coordinator)
    stale = CoordinationIssue.objects.get(pk=issue.pk)
    stale.status = Status.OPEN
    with pytest.raises(StaleEdit):
        services.issue_withdraw(issue=stale, seen_version=seen, by=caizheng)


def test_every_state_change_is_audited_with_who(decided, issue, coordinator):
    issue.refresh_from_db()
    services.issue_close(issue=issue, note="接口已开放", seen_version=issue.version, by=coordinator)
    rows = list(issue.history.order_by("history_id"))
    assert [r.status for r in rows] == ["open", "on_agenda", "decided", "closed"]
    assert rows[2].history_cause == "meeting"
    assert rows[-1].history_user == coordinator
