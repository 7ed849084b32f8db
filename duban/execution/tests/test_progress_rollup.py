"""The roll-up: a weighted mean over non-withdrawn children, with weights normalised."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from duban.execution.progress import Node, normalised_weights, roll_up
from duban.execution.selectors.progress import latest_lead_reports, plan_progress
from duban.execution.tests.conftest import make_task
from duban.plans.models import Assignment

pytestmark = pytest.mark.usefixtures("no_demo_plan")


def leaf(key, reported, weight=1, **kwargs):
    return Node(key=key, weight=Decimal(weight), reported=reported, **kwargs)


def test_weights_are_normalised_to_shares():
    assert normalised_weights([Decimal(1), Decimal(3)]) == [0.25, 0.75]


def test_all_zero_weights_share_equally():
    assert normalised_weights([Decimal(0), Decimal(0)]) == [0.5, 0.5]


def test_a_parent_is_the_weighted_mean_of_its_children():
    parent = Node(key=1, weight=Decimal(1), children=[leaf(2, 40, 1), leaf(3, 80, 3)])
    assert roll_up(parent) == pytest.approx(70)
    assert [c.share for c in parent.children] == [0.25, 0.75]


def test_withdrawn_children_do_not_count():
    withdrawn = leaf(3, 0, 5, withdrawn=True)
    parent = Node(key=1, weight=Decimal(1), children=[leaf(2, 60), withdrawn])
    assert roll_up(parent) == 60
    assert withdrawn.share == 0


def test_an_unreported_unit_of_work_counts_as_zero_and_done_counts_as_full():
    parent = Node(key=1, weight=Decimal(1), children=[leaf(2, None), leaf(3, 50, done=True)])
    assert roll_up(parent) == 50
    assert not parent.done


def test_the_plan_tree_takes_the_leads_latest_filed_report(
    plan_2012, finance_task, reform_task, caizheng, fagai, file_report
):
    file_report(finance_task, caizheng, date(2012, 8, 1), status="on_track")  # 65% (Aug 31)
    file_report(finance_task, caizheng, date(2012, 9, 1), status="at_risk")  # 65%
    file_report(reform_task, fagai, date(2012, 9, 1), status="done")  # not yet accepted
    # A co unit's part never stands for the task.
    file_report(reform_task, caizheng, date(2012, 9, 1), status="not_started")
    progress = plan_progress(plan=plan_2012)
    rows = {row.task.path: row for row in progress.rows}
    assert rows["1.1.1"].node.percent == 65
    assert rows["1.2.1"].node.percent == 99 and rows["1.2.1"].awaiting_confirmation
    assert rows["1"].node.percent == pytest.approx((65 + 99) / 2)
    assert progress.percent == pytest.approx((65 + 99) / 2)


def test_a_jointly_led_task_takes_the_later_period_whichever_lead_filed_it(
    plan_2012, finance_unit, reform_unit, caizheng, fagai, file_report
):
    joint = make_task(plan_2012, "1.3.1", lead=finance_unit)
    Assignment.objects.create(task=joint, unit=reform_unit, role=Assignment.Role.LEAD, position=2)
    file_report(joint, caizheng, date(2012, 8, 1), status="at_risk")
    file_report(joint, fagai, date(2012, 7, 1), status="on_track")
    file_report(joint, fagai, date(2012, 9, 1), status="not_started", review="draft")
    latest = latest_lead_reports(plan_2012, as_of=None)
    assert (latest[joint.pk].unit_id, latest[joint.pk].period_start) == (
        finance_unit.pk,
        date(2012, 8, 1),
    )


def test_seen_from_a_past_day_a_report_filed_later_is_not_yet_known(
    plan_2012, finance_task, caizheng, file_report, time_machine
):
    time_machine.move_to(datetime(2012, 8, 5, 10, tzinfo=UTC))
    file_report(finance_task, caizheng, date(2012, 7, 1), status="on_track")
    time_machine.move_to(datetime(2012, 9, 5, 10, tzinfo=UTC))
    file_report(finance_task, caizheng, date(2012, 8, 1), status="at_risk")
    assert latest_lead_reports(plan_2012, as_of=date(2012, 8, 31))[
        finance_task.pk
    ].period_start == date(2012, 7, 1)
    assert latest_lead_reports(plan_2012, as_of=date(2012, 9, 30))[
        finance_task.pk
    ].period_start == date(2012, 8, 1)


def test_an_accepted_completion_makes_the_task_done(plan_2012, finance_task, caizheng, file_report):
    file_report(finance_task, caizheng, date(2012, 9, 1), status="done", review="accepted")
    rows = {row.task.path: row for row in plan_progress(plan=plan_2012).rows}
    assert rows["1.1.1"].node.done and rows["1.1.1"].node.percent == 100


def test_a_draft_does_not_count(plan_2012, finance_task, caizheng, file_report):
    file_report(finance_task, caizheng, date(2012, 9, 1), status="done", review="draft")
    rows = {row.task.path: row for row in plan_progress(plan=plan_2012).rows}
    assert rows["1.1.1"].report is None and rows["1.1.1"].node.percent == 0


def test_a_withdrawn_task_leaves_the_mean(
    plan_2012, finance_task, finance_unit, caizheng, file_report
):
    other = make_task(plan_2012, "1.1.2", lead=finance_unit)
    other.withdrawn = True
    other.save(update_fields=["withdrawn"])
    file_report(finance_task, caizheng, date(2012, 6, 1), status="on_track")  # 50%
    assert plan_progress(plan=plan_2012).percent == 50


def test_the_page_query_count_does_not_grow_with_the_plan(
    plan_2012, finance_unit, caizheng, file_report, django_assert_max_num_queries
):
    for n in range(1, 8):
        task = make_task(plan_2012, f"2.{n}.1", lead=finance_unit)
        file_report(task, caizheng, date(2012, 9, 1))
    with django_assert_max_num_queries(3):
        plan_progress(plan=plan_2012)
