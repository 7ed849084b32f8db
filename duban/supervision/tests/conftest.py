"""Builders for the supervision tests: the execution tests' plan and task helpers, reused."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from duban.execution.models import Milestone, ProgressReport
from duban.execution.tests.conftest import (  # noqa: F401  (fixtures shared with execution)
    finance_task,
    finance_unit,
    lanzhou_unit,
    make_plan,
    make_task,
    no_demo_plan,
    plan_2012,
    reform_task,
    reform_unit,
)


def at(day: date) -> datetime:
    """Noon on `day` in Asia/Shanghai, as an aware datetime."""
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def make_milestone(task, unit, title: str, due: date, met_on: date | None = None) -> Milestone:
    return Milestone.objects.create(task=task, unit=unit, title=title, due_date=due, met_on=met_on)


def make_report(
    task,
    unit,
    month: int,
    *,
    status: str = ProgressReport.Status.ON_TRACK,
    percent: int = 50,
    review: str = ProgressReport.Review.SUBMITTED,
    submitted: date | None = None,
) -> ProgressReport:
    """`unit`'s report on `task` for `month` of 2012, sent on the 3rd of the next month."""
    start = date(2012, month, 1)
    end = (date(2012, month + 1, 1) if month < 12 else date(2013, 1, 1)).toordinal() - 1
    end = date.fromordinal(end)
    sent = submitted or date.fromordinal(end.toordinal() + 3)
    return ProgressReport.objects.create(
        task=task,
        unit=unit,
        period_start=start,
        period_end=end,
        status=status,
        percent=percent,
        review=review,
        submitted_at=at(sent),
        reviewed_at=at(sent) if review == ProgressReport.Review.ACCEPTED else None,
    )


@pytest.fixture
def today_is(settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)


@pytest.fixture
def red_task(finance_task, finance_unit, today_is):  # noqa: F811  (the fixtures above)
    """1.1.1 reported on track through August, with a milestone 32 days overdue."""
    for month in range(1, 9):
        make_report(finance_task, finance_unit, month)
    make_milestone(finance_task, finance_unit, "起草条例", date(2012, 8, 29))
    return finance_task
