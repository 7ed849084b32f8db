"""The dashboards make the same number of queries whatever the plan's size: 45 or 4,500 units
of work, each with its lead, a milestone and three monthly reports (written in bulk, as
bench/data.py does for its large plan, since a service call per row would take minutes)."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.directory.models import Unit
from duban.execution.models import Milestone, ProgressReport
from duban.execution.tests.conftest import make_plan
from duban.plans.models import Assignment, Plan, Task
from duban.supervision.tests.conftest import at

AREAS = 9
SIZES = (45, 4500)


def generated_plan(units_of_work: int, leads: list[Unit]) -> Plan:
    """A published 2012 plan of 9 areas and `units_of_work` units of work spread across them."""
    plan = make_plan(title=f"生成的计划（{units_of_work}项）")
    areas = Task.objects.bulk_create(
        Task(plan=plan, path=str(a), position=a, level=1, title=f"改革领域{a}")
        for a in range(1, AREAS + 1)
    )
    tasks = Task.objects.bulk_create(
        Task(
            plan=plan,
            parent=areas[n % AREAS],
            path=f"{n % AREAS + 1}.{n // AREAS + 1}",
            position=n // AREAS + 1,
            level=2,
            title=f"改革任务{n}",
            due_date=date(2012, 12, 31),
        )
        for n in range(units_of_work)
    )
    lead_of = {task.pk: leads[n % len(leads)] for n, task in enumerate(tasks)}
    Assignment.objects.bulk_create(
        Assignment(task=task, unit=lead_of[task.pk], role=Assignment.Role.LEAD, position=1)
        for task in tasks
    )
    Milestone.objects.bulk_create(
        Milestone(
            task=task,
            unit=lead_of[task.pk],
            title="形成初稿",
            due_date=date(2012, 6, 30) + timedelta(days=n % 90),
            met_on=date(2012, 6, 30) if n % 3 else None,
        )
        for n, task in enumerate(tasks)
    )
    ProgressReport.objects.bulk_create(
        ProgressReport(
            task=task,
            unit=lead_of[task.pk],
            period_start=date(2012, month, 1),
            period_end=date(2012, month + 1, 1) - timedelta(days=1),
            percent=10 * month,
            submitted_at=at(date(2012, month + 1, 3)),
        )
        for task in tasks
        for month in (6, 7, 8)
    )
    return plan


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["leader", "coordinator"])
# The clock stands still: the idle timer rewrites the session (three queries) when more than
# 30 seconds pass between requests, as they may while a slow machine writes 4,500 tasks.
@time_machine.travel(datetime(2026, 3, 2, 9, 0), tick=False)
def test_the_dashboards_make_as_many_queries_at_45_as_at_4500(db, client, request, who, settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    user = request.getfixturevalue(who)
    client.force_login(user)
    Plan.objects.update(status=Plan.Status.CLOSED)
    leads = list(Unit.objects.filter(kind=Unit.Kind.DEPARTMENT).order_by("pk")[:20])
    counts = {}
    for size in SIZES:
        plan = generated_plan(size, leads)
        pages = {
            "home": reverse("web:home") + "?as_of=2012-08-31",
            "tasks": reverse("reports:tasks", args=[plan.pk]) + "?light=red",
        }
        # The first look works out the lights and stores them (in batches); count the next.
        first = {name: queries(client, url) for name, url in pages.items()}
        counts[size] = {name: queries(client, url) for name, url in pages.items()}
        assert all(first[name] > counts[size][name] for name in pages)
        plan.status = Plan.Status.CLOSED
        plan.save()
    assert counts[45] == counts[4500]
