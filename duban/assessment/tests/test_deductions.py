"""The deductions measured on the small plan: red lights per task-month, 催办 notices left
unacknowledged, a late implementation plan — each capped as configured."""

from datetime import date, datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import time_machine

from duban.assessment.services import assessment_compute
from duban.supervision.services import urge_acknowledge, urge_send

SHANGHAI = ZoneInfo("Asia/Shanghai")


def lines(assessment, unit, component):
    return list(assessment.scores.get(unit=unit).lines.filter(component=component).order_by("id"))


def test_a_missing_plan_costs_one_occurrence_per_ten_days_up_to_the_cap(
    small_plan, coordinator, finance_unit
):
    # Deadline 2012-05-20; as of 06-15 nothing filed: 26 days late → 3 occurrences of 1 point.
    assessment = assessment_compute(plan=small_plan, as_of=date(2012, 6, 15), by=coordinator)
    [line] = lines(assessment, finance_unit, "plans_late")
    assert (line.achieved, line.points) == (D("3"), D("-3.00"))
    assert "逾期26天" in line.label
    # As of 12-31, 225 days: 23 occurrences, but the cap is 5.
    later = assessment_compute(plan=small_plan, as_of=date(2012, 12, 31), by=coordinator)
    [line] = lines(later, finance_unit, "plans_late")
    assert line.points == D("-5.00") and "上限" in line.label


def test_each_month_a_led_task_ends_on_red_costs_the_lead_half_a_point(
    small_plan, coordinator, finance_unit, reform_unit
):
    assessment = assessment_compute(plan=small_plan, as_of=date(2012, 4, 30), by=coordinator)
    red = lines(assessment, finance_unit, "red_lights")
    # No report at all on 1.1.1: red from the second month missing (Mar, Apr at month ends).
    assert [line.label.split(" ")[1] for line in red] == ["2012年3月末", "2012年4月末"]
    assert sum(line.points for line in red) == D("-1.00")
    # 1.1.1's light belongs to its lead; 省发展改革委 co-operates on it and is not charged for it.
    assert all(
        line.label.startswith("1.2.1") for line in lines(assessment, reform_unit, "red_lights")
    )


def test_an_unacknowledged_urge_costs_a_point_until_acknowledged(
    small_plan, finance_task, coordinator, caizheng, finance_unit
):
    with time_machine.travel(datetime(2012, 7, 2, 9, tzinfo=SHANGHAI)):
        urge = urge_send(unit=finance_unit, task=finance_task, message="请尽快报送", by=coordinator)
    july = assessment_compute(plan=small_plan, as_of=date(2012, 7, 31), by=coordinator)
    [line] = lines(july, finance_unit, "urges_unacknowledged")
    assert line.points == D("-1.00") and "2012-07-02发出，未签收" in line.label
    with time_machine.travel(datetime(2012, 8, 3, 9, tzinfo=SHANGHAI)):
        urge_acknowledge(urge=urge, note="已收到", by=caizheng, seen_version=urge.version)
    august = assessment_compute(plan=small_plan, as_of=date(2012, 8, 31), by=coordinator)
    assert lines(august, finance_unit, "urges_unacknowledged") == []
    # Looking back from July, it was still unacknowledged then.
    again = assessment_compute(plan=small_plan, as_of=date(2012, 7, 31), by=coordinator)
    assert len(lines(again, finance_unit, "urges_unacknowledged")) == 1
