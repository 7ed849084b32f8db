"""What a unit owes, what came back, what waits for review and what is late."""

from datetime import date

import pytest

from duban.execution.selectors.reports import (
    missing_reports,
    reports_awaiting_review,
    reports_owed,
    returned_reports,
)
from duban.execution.tests.conftest import make_plan, make_task

pytestmark = pytest.mark.usefixtures("no_demo_plan")

SEP_30 = date(2012, 9, 30)


def test_a_unit_owes_every_period_of_the_year_so_far_on_each_task(
    finance_task, reform_task, finance_unit
):
    owed = reports_owed(unit=finance_unit, as_of=SEP_30)
    # Lead on 1.1.1 and co on 1.2.1: nine months each.
    assert len(owed) == 18
    assert {o.task.path for o in owed} == {"1.1.1", "1.2.1"}
    assert {o.is_lead for o in owed if o.task.path == "1.2.1"} == {False}


def test_past_periods_are_late_and_the_current_one_is_not(finance_task, finance_unit):
    owed = reports_owed(unit=finance_unit, as_of=SEP_30)
    late = {o.period_start.month for o in owed if o.late}
    assert late == set(range(1, 9))
    september = [o for o in owed if o.period_start.month == 9][0]
    assert september.due == date(2012, 10, 5) and not september.late


def test_a_filed_report_is_no_longer_owed_and_becomes_the_last_report(
    finance_task, finance_unit, caizheng, file_report
):
    august = file_report(finance_task, caizheng, date(2012, 8, 1))
    owed = reports_owed(unit=finance_unit, as_of=SEP_30)
    assert 8 not in {o.period_start.month for o in owed if o.task == finance_task}
    september = [o for o in owed if o.task == finance_task and o.period_start.month == 9][0]
    assert september.last_report == august


def test_a_draft_is_still_owed_and_carries_the_draft(
    finance_task, finance_unit, caizheng, file_report
):
    draft = file_report(finance_task, caizheng, date(2012, 9, 1), review="draft")
    owed = [o for o in reports_owed(unit=finance_unit, as_of=SEP_30) if o.task == finance_task]
    assert owed[-1].report == draft


def test_nothing_is_owed_after_an_accepted_completion(
    finance_task, finance_unit, caizheng, file_report
):
    for month in range(1, 7):
        file_report(finance_task, caizheng, date(2012, month, 1))
    file_report(finance_task, caizheng, date(2012, 7, 1), status="done", review="accepted")
    owed = [o for o in reports_owed(unit=finance_unit, as_of=SEP_30) if o.task == finance_task]
    assert owed == []


def test_an_unpublished_plan_or_a_withdrawn_task_owes_nothing(finance_unit):
    draft_plan = make_plan(status="draft")
    make_task(draft_plan, "1.1.1", lead=finance_unit)
    plan = make_plan(title="另一计划")
    task = make_task(plan, "1.1.1", lead=finance_unit)
    task.withdrawn = True
    task.save(update_fields=["withdrawn"])
    assert reports_owed(unit=finance_unit, as_of=SEP_30) == []


def test_quarterly_plans_owe_a_report_per_quarter(finance_unit):
    plan = make_plan(report_cadence="quarterly")
    make_task(plan, "1.1.1", lead=finance_unit)
    owed = reports_owed(unit=finance_unit, as_of=SEP_30)
    assert [o.period_end for o in owed] == [date(2012, 3, 31), date(2012, 6, 30), date(2012, 9, 30)]


def test_missing_reports_lists_every_unit_past_due(
    plan_2012, finance_task, caizheng, fagai, file_report
):
    for month in range(1, 9):
        file_report(finance_task, caizheng, date(2012, month, 1))
    file_report(finance_task, fagai, date(2012, 8, 1), review="returned")
    missing = missing_reports(plan=plan_2012, as_of=SEP_30)
    # 省财政厅 is up to date; 省发展改革委 (co) missed Jan–Jul (its August one came back).
    assert {o.unit.short_name for o in missing} == {fagai.unit.short_name}
    assert sorted(o.period_start.month for o in missing) == list(range(1, 8))


def test_returned_and_awaiting_review_lists(plan_2012, finance_task, caizheng, file_report):
    returned = file_report(finance_task, caizheng, date(2012, 7, 1), review="returned")
    waiting = file_report(finance_task, caizheng, date(2012, 8, 1))
    file_report(finance_task, caizheng, date(2012, 9, 1), review="draft")
    assert list(returned_reports(unit=caizheng.unit)) == [returned]
    assert list(reports_awaiting_review(plan=plan_2012)) == [waiting]
