"""The demo's coordination as of 2012-09-30: two issues, one meeting, three decisions."""

from datetime import date

import pytest

from duban.coordination.demo import demo_coordination_load
from duban.coordination.models import CoordinationIssue, Meeting
from duban.coordination.selectors import decision_rows, decisions
from duban.plans.models import Plan


@pytest.fixture
def demo_plan(demo_accounts, coordinator):
    plan = Plan.objects.get(year=2012, source__isnull=False)
    demo_coordination_load(plan=plan, coordinator=coordinator)
    return plan


def test_the_demo_has_two_issues_and_a_closed_meeting(demo_plan):
    assert CoordinationIssue.objects.filter(task__plan=demo_plan).count() == 2
    (meeting,) = Meeting.objects.filter(plan=demo_plan)
    assert meeting.status == Meeting.Status.CLOSED and meeting.number == 1


def test_its_decisions_are_done_on_time_and_overdue(demo_plan):
    rows = decision_rows(decisions().filter(meeting__plan=demo_plan), as_of=date(2012, 9, 30))
    assert sorted(row.light.colour for row in rows) == ["done", "green", "red"]


def test_loading_twice_changes_nothing(demo_plan, coordinator):
    assert "skipped" in demo_coordination_load(plan=demo_plan, coordinator=coordinator)
    assert Meeting.objects.filter(plan=demo_plan).count() == 1


def test_its_history_is_dated_in_2012(demo_plan):
    years = {h.history_date.year for h in CoordinationIssue.history.filter(task__plan=demo_plan)}
    assert years == {2012}
