"""The demo's filing history: deterministic, realistic as of 2012-09-30, safe to load twice."""

from datetime import date

import pytest

from duban.directory.models import Unit
from duban.execution.demo_plans import AS_OF, demo_execution_history
from duban.execution.models import Extension, ImplementationPlan, LeaderComment, Milestone
from duban.execution.selectors.implementation_plans import (
    drift,
    filing_deadline_of,
    late_or_missing_plans,
    submitted_late,
)
from duban.execution.selectors.milestones import overdue_milestones

from .conftest import make_plan, make_task

Status = ImplementationPlan.Status


@pytest.fixture
def demo_plan(no_demo_plan):
    """A published plan where 11 units each lead two tasks (one multi-year)."""
    plan = make_plan()
    units = Unit.objects.filter(kind=Unit.Kind.DEPARTMENT).order_by("name")[:11]
    for n, unit in enumerate(units, start=1):
        make_task(plan, f"1.{n}.1", lead=unit)
        make_task(plan, f"1.{n}.2", lead=unit, kind="multi_year")
    return plan


def counts(plan) -> tuple[int, int]:
    return (
        Milestone.objects.filter(task__plan=plan).count(),
        ImplementationPlan.objects.filter(plan=plan).count(),
    )


@pytest.fixture
def loaded(demo_plan, coordinator, leader):
    return demo_execution_history(plan=demo_plan, coordinator=coordinator)


@pytest.mark.django_db
def test_most_plans_are_filed_a_few_late_one_returned_some_missing(loaded, demo_plan):
    plans = ImplementationPlan.objects.filter(plan=demo_plan)

    assert plans.filter(status=Status.RETURNED).count() == 1
    assert plans.filter(status=Status.FILED).count() == 9
    assert sum(submitted_late(ip, filing_deadline_of(ip)) for ip in plans) == 2
    missing = [row for row in late_or_missing_plans(plan=demo_plan, as_of=AS_OF) if row.missing]
    assert len(missing) == 1
    assert loaded == [
        "implementation plans: 9 filed (2 late), 1 returned, 1 missing; 61 milestones"
    ]


@pytest.mark.django_db
def test_every_lead_task_has_two_to_four_milestones_some_met_some_overdue(loaded, demo_plan):
    per_task = {}
    for milestone in Milestone.objects.filter(implementation_plan__plan=demo_plan):
        per_task[milestone.task_id] = per_task.get(milestone.task_id, 0) + 1

    assert set(per_task.values()) == {2, 3, 4}
    assert Milestone.objects.filter(task__plan=demo_plan, met_on__lte=AS_OF).count() > 10
    assert overdue_milestones(plan=demo_plan, as_of=AS_OF).count() > 3
    assert not Milestone.objects.filter(task__plan=demo_plan, met_on__gt=AS_OF).exists()


@pytest.mark.django_db
def test_stamps_belong_to_2012(loaded, demo_plan):
    for ip in ImplementationPlan.objects.filter(plan=demo_plan):
        assert ip.first_submitted_at.year == 2012
        assert ip.filed_at is None or date(2012, 5, 1) < ip.filed_at.date() < AS_OF
        assert {row.history_date.year for row in ip.history.all()} == {2012}


@pytest.mark.django_db
def test_an_approved_extension_shows_as_drift_and_another_waits(loaded, demo_plan):
    extensions = Extension.objects.filter(task__plan=demo_plan)
    approved = extensions.get(status=Extension.Status.APPROVED)
    assert extensions.filter(status=Extension.Status.REQUESTED).count() == 1

    [moved] = drift(approved.milestone.implementation_plan)
    assert (moved.kind, moved.due) == ("moved", approved.new_due)


@pytest.mark.django_db
def test_two_leaders_comments(loaded, demo_plan, leader):
    comments = LeaderComment.objects.filter(task__plan=demo_plan)

    assert comments.count() == 2
    assert {c.author for c in comments} == {leader}


@pytest.mark.django_db
def test_loading_twice_changes_nothing(loaded, demo_plan, coordinator):
    before = counts(demo_plan)

    again = demo_execution_history(plan=demo_plan, coordinator=coordinator)

    assert again == ["implementation plans: already there, skipped"]
    assert counts(demo_plan) == before
