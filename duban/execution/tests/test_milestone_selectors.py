"""Milestones coming due and overdue, always as of a given date."""

from datetime import date

import pytest

from duban.execution.selectors.milestones import milestones_coming_due, overdue_milestones
from duban.execution.services.milestones import milestone_add, milestone_tick, milestone_withdraw

from .conftest import ready_plan


@pytest.fixture
def milestones(plan_2012, finance_task, caizheng):
    """Due 2012-06-30 (from ready_plan), 2012-07-15 and 2012-09-10 (met), 2012-08-01 (withdrawn)."""
    ip = ready_plan(plan_2012, finance_task, caizheng)
    add = {
        title: milestone_add(
            implementation_plan=ip, task=finance_task, title=title, due_date=due, by=caizheng
        )
        for title, due in [
            ("七月", date(2012, 7, 15)),
            ("八月", date(2012, 8, 1)),
            ("九月", date(2012, 9, 10)),
        ]
    }
    milestone_withdraw(milestone=add["八月"], seen_version=add["八月"].version, by=caizheng)
    milestone_tick(
        milestone=add["九月"],
        met_on=date(2012, 9, 9),
        met_note="完成",
        seen_version=add["九月"].version,
        by=caizheng,
        as_of=date(2012, 9, 30),
    )
    return add


@pytest.mark.django_db
def test_coming_due_lists_open_milestones_within_the_window(milestones, caizheng):
    due = milestones_coming_due(unit=caizheng.unit, as_of=date(2012, 6, 20), within_days=30)

    assert [m.title for m in due] == ["完成调研", "七月"]


@pytest.mark.django_db
def test_overdue_leaves_out_met_and_withdrawn_milestones(milestones, caizheng, fagai):
    overdue = overdue_milestones(unit=caizheng.unit, as_of=date(2012, 9, 30))

    assert [m.title for m in overdue] == ["完成调研", "七月"]
    assert list(overdue_milestones(unit=fagai.unit, as_of=date(2012, 9, 30))) == []


@pytest.mark.django_db
def test_a_milestone_is_not_overdue_on_its_due_date(milestones, plan_2012):
    assert list(overdue_milestones(plan=plan_2012, as_of=date(2012, 6, 30))) == []
    assert len(overdue_milestones(plan=plan_2012, as_of=date(2012, 7, 1))) == 1


@pytest.mark.django_db
def test_a_closed_plans_milestones_are_no_longer_owed(milestones, plan_2012, caizheng):
    plan_2012.status = "closed"
    plan_2012.save(update_fields=["status"])

    assert list(overdue_milestones(unit=caizheng.unit, as_of=date(2012, 9, 30))) == []
    assert list(milestones_coming_due(unit=caizheng.unit, as_of=date(2012, 6, 20))) == []
