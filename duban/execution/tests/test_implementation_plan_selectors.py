"""What a unit still has to file, what awaits the reform office, and which plans are late."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from duban.execution.selectors.implementation_plans import (
    late_or_missing_plans,
    plans_awaiting_review,
    plans_to_file,
)
from duban.execution.services.implementation_plans import (
    implementation_plan_start,
    implementation_plan_submit,
)

from .conftest import make_plan, make_task, ready_plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.django_db
def test_a_lead_unit_owes_a_plan_and_a_co_unit_does_not(plan_2012, finance_task, caizheng, fagai):
    owed = plans_to_file(unit=caizheng.unit, as_of=date(2012, 5, 1))

    assert [(o.plan, o.implementation_plan, o.overdue) for o in owed] == [(plan_2012, None, False)]
    assert plans_to_file(unit=fagai.unit, as_of=date(2012, 5, 1)) == []


@pytest.mark.django_db
def test_a_plan_owed_after_the_deadline_is_overdue(plan_2012, finance_task, caizheng):
    implementation_plan_start(plan=plan_2012, unit=caizheng.unit, by=caizheng)

    [owed] = plans_to_file(unit=caizheng.unit, as_of=date(2012, 5, 21))

    assert owed.overdue
    assert owed.implementation_plan is not None


@pytest.mark.django_db
def test_a_submitted_plan_is_no_longer_owed_but_awaits_review(plan_2012, finance_task, caizheng):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    implementation_plan_submit(implementation_plan=ip, by=caizheng)

    assert plans_to_file(unit=caizheng.unit, as_of=date(2012, 5, 1)) == []
    assert list(plans_awaiting_review(plan=plan_2012)) == [ip]


@pytest.mark.django_db
def test_a_draft_plan_of_an_unpublished_plan_is_not_owed(no_demo_plan, finance_unit, caizheng):
    draft = make_plan(status="draft")
    make_task(draft, "1.1.1", lead=finance_unit)

    assert plans_to_file(unit=caizheng.unit, as_of=date(2012, 5, 1)) == []


@pytest.mark.django_db
def test_nothing_is_missing_before_the_deadline(plan_2012, finance_task):
    assert late_or_missing_plans(plan=plan_2012, as_of=date(2012, 5, 20)) == []


@pytest.mark.django_db
def test_after_the_deadline_a_plan_never_submitted_is_missing(plan_2012, finance_task, reform_task):
    late = late_or_missing_plans(plan=plan_2012, as_of=date(2012, 5, 25))

    assert {(row.unit.short_name, row.missing, row.days_late) for row in late} == {
        ("省财政厅", True, 5),
        ("省发展改革委", True, 5),
    }


@pytest.mark.django_db
def test_a_late_submission_stays_late_and_a_timely_one_drops_out(
    plan_2012, finance_task, reform_task, caizheng, fagai
):
    timely = ready_plan(plan_2012, finance_task, caizheng)
    with time_machine.travel(datetime(2012, 5, 18, 10, tzinfo=SHANGHAI), tick=False):
        implementation_plan_submit(implementation_plan=timely, by=caizheng)
    tardy = ready_plan(plan_2012, reform_task, fagai)
    with time_machine.travel(datetime(2012, 6, 2, 10, tzinfo=SHANGHAI), tick=False):
        implementation_plan_submit(implementation_plan=tardy, by=fagai)

    late = late_or_missing_plans(plan=plan_2012, as_of=date(2012, 9, 30))

    assert [(row.implementation_plan, row.missing, row.days_late) for row in late] == [
        (tardy, False, 13)
    ]
    # Seen as of a day before it came in, the same plan was still missing.
    [before] = late_or_missing_plans(plan=plan_2012, as_of=date(2012, 6, 1))
    assert (before.unit, before.missing) == (fagai.unit, True)
