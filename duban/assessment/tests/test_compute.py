"""Computing a version from a small hand-built record: who is assessed, what each line says,
new versions on change, the same version when nothing changed, a changed weight re-ranking."""

from datetime import date, datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from duban.assessment.models import Assessment, Score
from duban.assessment.selectors import breakdown, ranking
from duban.assessment.services import (
    assessment_compute,
    breakthrough_rate,
)
from duban.audit.services import DomainError

DEC_31 = date(2012, 12, 31)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def scores(assessment) -> dict[str, Score]:
    return {s.unit.short_name: s for s in assessment.scores.select_related("unit")}


def test_every_assigned_unit_and_the_city_get_a_score(small_plan, coordinator):
    assessment = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    by_name = scores(assessment)
    assert set(by_name) == {"省财政厅", "省发展改革委", "兰州市"}
    assert by_name["兰州市"].group == "city" and by_name["省财政厅"].group == "unit"
    assert assessment.number == 1 and assessment.status == Assessment.Status.DRAFT


def test_the_breakdown_adds_up_and_names_its_records(small_plan, coordinator):
    assessment = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    for score in assessment.scores.all():
        parts = breakdown(score)
        assert sum(p.points for p in parts) == score.total
    finance = scores(assessment)["省财政厅"]
    labels = [line.label for line in finance.lines.filter(component="plan_on_time")]
    # Nothing submitted by the 2012-05-20 deadline: the line says so.
    assert labels == ["2012年实施方案 未报送（逾期，截止2012-05-20）"]
    reports = finance.lines.filter(component="reports_on_time")
    # Twelve months on its two tasks, December's report not yet due on 12-31: 11 × 2.
    assert reports.count() == 22 and all(line.points == 0 for line in reports)


def test_an_on_time_report_earns_its_share(
    small_plan, finance_task, caizheng, coordinator, file_report
):
    with time_machine.travel(datetime(2012, 2, 3, 10, tzinfo=SHANGHAI)):
        report = file_report(finance_task, caizheng, date(2012, 1, 1))
    assessment = assessment_compute(plan=small_plan, as_of=date(2012, 2, 10), by=coordinator)
    lines = scores(assessment)["省财政厅"].lines.filter(component="reports_on_time")
    line = lines.get(label__startswith="1.1.1")
    assert "按时" in line.label and line.link == reverse(
        "execution:report-detail", args=[report.pk]
    )


def test_a_breakthrough_rating_scores_every_unit_on_the_task(small_plan, reform_task, coordinator):
    breakthrough_rate(task=reform_task, rating=D("0.5"), reason="完成试点方案", by=coordinator)
    assessment = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    line = scores(assessment)["省发展改革委"].lines.get(component="breakthrough")
    # Full marks 20, one lead line rated 0.5.
    assert line.points == D("10.00") and "完成试点方案" in line.label


def test_a_rating_needs_a_reason_and_a_multi_year_task(
    small_plan, reform_task, finance_task, coordinator
):
    with pytest.raises(DomainError):
        breakthrough_rate(task=reform_task, rating=D("1"), reason=" ", by=coordinator)
    with pytest.raises(DomainError):
        breakthrough_rate(task=finance_task, rating=D("1"), reason="好", by=coordinator)


def test_the_same_record_gives_the_same_version_and_a_change_a_new_one(
    small_plan, coordinator, set_points
):
    first = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    assert assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator) == first
    set_points(small_plan, "reports_on_time", "40")
    second = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    assert second.number == 2
    assert {c["measure"]: c["weight"] for c in second.rules["components"]}[
        "reports_on_time"
    ] == "40.00"
    assert first.rules != second.rules  # the first keeps the rules it was computed with


def test_changing_one_weight_re_ranks_as_predicted(
    small_plan, finance_task, caizheng, coordinator, file_report, set_points
):
    # 省财政厅 files January's report on time; nobody else reports. As of 2012-02-10 only
    # January's reports are due, and nothing else is: plan (05-20), milestones, tasks (12-31)
    # and the unrated multi-year task count full marks, 10 + 20 + 30 + 20 = 80, for both.
    with time_machine.travel(datetime(2012, 2, 3, 10, tzinfo=SHANGHAI)):
        file_report(finance_task, caizheng, date(2012, 1, 1))
    as_of = date(2012, 2, 10)
    # Only the five default components count here: any other app's measure weighs nothing.
    from duban.assessment import measures as own
    from duban.assessment.services import scheme_ensure

    defaults = {own.PLAN_ON_TIME, own.REPORTS_ON_TIME, own.MILESTONES_ON_TIME}
    defaults |= {own.WITHIN_YEAR_DONE, own.BREAKTHROUGH}
    for component in scheme_ensure(plan=small_plan, by=coordinator).components.all():
        if component.kind == "rate" and component.measure not in defaults:
            set_points(small_plan, component.measure, "0")

    def totals():
        table = ranking(assessment_compute(plan=small_plan, as_of=as_of, by=coordinator))
        return {row.score.unit.short_name: (row.score.total, row.score.rank) for row in table.units}

    # Reports: 省财政厅 lead 1.1.1 on time, co 1.2.1 missing: 20 × 1 / 1.5 = 13.33;
    # 省发展改革委 missed both: 0.
    assert totals() == {"省财政厅": (D("93.33"), 1), "省发展改革委": (D("80.00"), 2)}
    # Reports weigh nothing any more: the two tie, and share the first rank.
    set_points(small_plan, "reports_on_time", "0")
    assert totals() == {"省财政厅": (D("80.00"), 1), "省发展改革委": (D("80.00"), 1)}
    # Reports weigh 40: the gap doubles.
    set_points(small_plan, "reports_on_time", "40")
    assert totals() == {"省财政厅": (D("106.67"), 1), "省发展改革委": (D("80.00"), 2)}
