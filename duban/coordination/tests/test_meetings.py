"""A joint meeting from draft to closed: units, agenda, notice, outcomes, decisions handed out."""

from datetime import date

import pytest

from duban.audit.services import DomainError
from duban.coordination import selectors, services
from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.coordination.tests.conftest import hold
from duban.notifications.models import Notification


def test_putting_an_issue_on_the_agenda_moves_it(meeting, issue):
    issue.refresh_from_db()
    assert issue.status == CoordinationIssue.Status.ON_AGENDA
    with pytest.raises(DomainError, match="已列入"):
        services.agenda_add_issue(meeting=meeting, issue=issue, by=meeting.convened_by)


def test_units_are_suggested_with_their_reasons(meeting, finance_unit, reform_unit):
    reasons = {s.unit.pk: s.reasons for s in selectors.suggested_units(meeting)}
    assert "牵头 1.1.1" in reasons[finance_unit.pk]
    assert any("点名需协调" in r for r in reasons[reform_unit.pk])


def test_red_tasks_are_agenda_candidates_with_their_reason(meeting, plan_2012, reform_unit, issue):
    from duban.execution.tests.conftest import make_task

    late = make_task(plan_2012, "2.1.2", lead=reform_unit, due_date=date(2012, 6, 30))
    candidates = selectors.agenda_candidates(meeting, as_of=date(2012, 9, 30))
    found = {c.task.pk: c.reason for c in candidates if c.issue is None}
    assert "任务已超过完成时限" in found[late.pk]
    # The issue already on the agenda is not offered again.
    assert issue.pk not in {c.issue.pk for c in candidates if c.issue}


def test_the_notice_goes_to_every_participating_unit(meeting, coordinator, fagai, viewer):
    meeting = services.meeting_convene(
        meeting=meeting, by=coordinator, seen_version=meeting.version
    )
    assert meeting.status == Meeting.Status.CONVENED and meeting.number == 1
    for person in (fagai, viewer):
        assert Notification.objects.filter(user=person, kind="coordination.notice").exists()


def test_a_meeting_without_agenda_cannot_be_convened(today, plan_2012, coordinator):
    meeting = services.meeting_create(
        plan=plan_2012,
        title="空会",
        date=date(2012, 10, 8),
        place="会议室",
        chair="张明",
        by=coordinator,
    )
    with pytest.raises(DomainError, match="议题"):
        services.meeting_convene(meeting=meeting, by=coordinator, seen_version=meeting.version)


def test_outcomes_are_recorded_only_while_in_progress(meeting, coordinator):
    with pytest.raises(DomainError, match="会议进行中"):
        services.outcome_record(meeting=meeting, kind="information", text="通报", by=coordinator)


def test_a_decision_needs_an_owner_and_a_deadline(in_progress, coordinator):
    with pytest.raises(DomainError, match="责任单位和完成时限"):
        services.outcome_record(meeting=in_progress, kind="decision", text="研究", by=coordinator)


def test_a_decision_settles_its_issue_and_touches_its_task(decided, issue, finance_task):
    issue.refresh_from_db()
    assert issue.status == CoordinationIssue.Status.DECIDED
    assert list(decided.issues.all()) == [issue]
    assert list(decided.tasks.all()) == [finance_task]
    assert decided.meeting.status == Meeting.Status.CLOSED


def test_closing_hands_decisions_to_owner_and_co_units(decided, caizheng, fagai):
    assert Notification.objects.filter(user=caizheng, kind="coordination.decision").exists()
    assert Notification.objects.filter(user=fagai, kind="coordination.decision").exists()


def test_the_unit_list_is_fixed_once_convened(in_progress, coordinator, finance_unit):
    with pytest.raises(DomainError, match="通知已发出"):
        services.meeting_set_units(
            meeting=in_progress,
            units=[finance_unit],
            by=coordinator,
            seen_version=in_progress.version,
        )


def test_meetings_are_numbered_within_the_plan(meeting, coordinator, plan_2012, issue):
    hold(meeting, coordinator)
    second = services.meeting_create(
        plan=plan_2012,
        title="第二次",
        date=date(2012, 10, 9),
        place="会议室",
        chair="张明",
        by=coordinator,
    )
    services.agenda_add_task(meeting=second, task=issue.task, reason="跨部门", by=coordinator)
    second = services.meeting_set_units(
        meeting=second, units=[], by=coordinator, seen_version=second.version
    )
    with pytest.raises(DomainError):  # the convenor alone is no joint meeting
        services.meeting_convene(meeting=second, by=coordinator, seen_version=second.version)
    second = services.meeting_set_units(
        meeting=second, units=[issue.raised_by_unit], by=coordinator, seen_version=second.version
    )
    second = services.meeting_convene(meeting=second, by=coordinator, seen_version=second.version)
    assert second.number == 2


def test_information_is_not_owed(in_progress, coordinator):
    outcome = services.outcome_record(
        meeting=in_progress, kind=Outcome.Kind.INFORMATION, text="通报进展", by=coordinator
    )
    assert not outcome.is_owed and outcome.owner_unit is None
