"""Work assigned on a date is owed from that date: a task split to the cities in September."""

from datetime import date, timedelta

from duban.execution.owed import due_implementation_plans, due_reports
from duban.execution.selectors.implementation_plans import filing_deadlines, plans_to_file
from duban.plans.models import Assignment, Task
from duban.plans.services import assignment_set_role, task_set_applies_to_cities
from duban.reports.selectors import plan_at_a_glance

SEP_12 = date(2012, 9, 12)


def _split_on(day, plan, coordinator, settings) -> Task:
    settings.DUBAN_TODAY = day
    task = (
        Task.objects.filter(plan=plan, region__isnull=True, level__gt=1, withdrawn=False)
        .exclude(children__isnull=False)
        .order_by("path")
        .first()
    )
    return task_set_applies_to_cities(
        task=task, applies=True, by=coordinator, seen_version=task.version
    )


def test_a_split_in_september_adds_no_red_light(demo_history, coordinator, settings):
    before = plan_at_a_glance(plan=demo_history, as_of=date(2012, 9, 30)).lights["red"]
    _split_on(SEP_12, demo_history, coordinator, settings)
    settings.DUBAN_TODAY = date(2012, 9, 30)
    assert plan_at_a_glance(plan=demo_history).lights["red"] == before


def test_the_city_files_within_the_grace_period_and_reports_from_september(
    demo_history, coordinator, lanzhou, settings
):
    task = _split_on(SEP_12, demo_history, coordinator, settings)
    share = Assignment.objects.get(task__origin=task, unit=lanzhou.unit)
    assert share.assigned_on == SEP_12
    due = filing_deadlines(demo_history)[lanzhou.unit_id]
    # Its deadline is the plan's (for shares it had from the start) or the grace after the split.
    grace = SEP_12 + timedelta(days=demo_history.filing_grace_days)
    assert due in (demo_history.filing_deadline, grace)
    as_of = date(2012, 9, 30)
    owed = [
        r for r in due_reports(as_of=as_of, unit_id=lanzhou.unit_id) if r.task_id == share.task_id
    ]
    # September's report is the first owed (due 5 October), nothing earlier.
    assert [r.period_start for r in owed] == [date(2012, 9, 1)]
    assert all(r.due > as_of for r in owed)
    overdue_plan = [
        i for i in due_implementation_plans(as_of=as_of, unit_id=lanzhou.unit_id) if i.due < as_of
    ]
    assert overdue_plan == []
    assert not any(p.overdue for p in plans_to_file(unit=lanzhou.unit, as_of=as_of))


def test_a_task_assigned_before_publication_counts_from_the_year(demo_plan):
    assert not Assignment.objects.filter(task__plan=demo_plan, assigned_on__isnull=False).exists()


def _co_only_unit(plan):
    """A unit that co-operates on tasks of `plan` and leads none: it owes no 实施方案 yet."""
    leads = Assignment.objects.leads().filter(task__plan=plan).values("unit_id")
    return (
        Assignment.objects.live()
        .filter(task__plan=plan, role=Assignment.Role.CO, task__region__isnull=True)
        .exclude(unit_id__in=leads)
        .select_related("unit", "task")
        .order_by("task__path")
        .first()
    )


def test_a_co_unit_made_lead_in_august_files_within_the_grace_period(
    demo_history, coordinator, settings
):
    aug_15 = date(2012, 8, 15)
    settings.DUBAN_TODAY = aug_15
    share = _co_only_unit(demo_history)
    assert share.unit_id not in filing_deadlines(demo_history)
    assignment_set_role(
        assignment=share, role=Assignment.Role.LEAD, by=coordinator, reason="调整牵头单位"
    )
    share.refresh_from_db()
    assert share.lead_since == aug_15
    grace = aug_15 + timedelta(days=demo_history.filing_grace_days)
    assert filing_deadlines(demo_history)[share.unit_id] == max(grace, demo_history.filing_deadline)
    assert grace > demo_history.filing_deadline  # not overdue the day it was made lead
    settings.DUBAN_TODAY = date(2012, 8, 31)
    overdue = [
        i
        for i in due_implementation_plans(as_of=date(2012, 8, 31), unit_id=share.unit_id)
        if i.due < date(2012, 8, 31)
    ]
    assert overdue == []


def test_a_lead_from_the_start_keeps_the_plans_deadline(demo_history, caizheng):
    assert filing_deadlines(demo_history)[caizheng.unit_id] == demo_history.filing_deadline
