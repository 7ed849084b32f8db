"""The plan at a glance: its numbers on a small plan with a known record, and on the demo's year.

The structure only gathers what other selectors own, so each number is checked against the
record built by hand (`conftest.small_plan`), and the progress against `plan_progress` itself.
"""

from datetime import date

import pytest

from duban.execution.models import ImplementationPlan
from duban.execution.selectors.progress import plan_progress
from duban.reports.charts import area_label, glance_charts
from duban.reports.selectors import current_round, plan_at_a_glance
from duban.reports.tests.conftest import SEP_30
from duban.supervision.tests.conftest import at

# The number of queries the glance takes, whatever the size of the plan.
# (The missing reports are one counting query; the lead units come with the lights' facts.)
GLANCE_QUERIES = 16


def test_it_counts_the_units_of_work_by_light(small_plan):
    glance = plan_at_a_glance(plan=small_plan, as_of=SEP_30)
    assert glance.units_of_work == 4
    assert glance.lights == {
        "red": 1,
        "orange": 0,
        "yellow": 1,
        "green": 1,
        "done": 1,
        "grey": 0,
    }


def test_it_lists_the_red_ones_with_their_first_reason_and_lead(small_plan, finance_unit):
    (red,) = plan_at_a_glance(plan=small_plan, as_of=SEP_30).red
    assert red.task.path == "1.1.1"
    assert red.lead == finance_unit
    # The most overdue milestone comes first, without the 红灯： every row would repeat.
    assert red.reason == "里程碑“完成调研”已逾期92天"
    assert red.more_reasons == 1  # “形成初稿”, 5 days late, is a second (yellow) reason


def test_progress_is_the_progress_selectors_own(small_plan):
    glance = plan_at_a_glance(plan=small_plan, as_of=SEP_30)
    progress = plan_progress(plan=small_plan)
    assert glance.percent == pytest.approx(progress.percent)
    areas = {row.task.path: row.node.percent for row in progress.rows if row.task.level == 1}
    assert [(a.path, a.percent) for a in glance.areas] == list(areas.items())
    assert glance.time_elapsed == 75  # 30 September: three quarters of the year


def test_each_area_carries_its_lights(small_plan):
    areas = {a.path: a.tally for a in plan_at_a_glance(plan=small_plan, as_of=SEP_30).areas}
    assert (areas["1"]["red"], areas["1"]["green"], areas["1"]["done"]) == (1, 1, 0)
    assert (areas["2"]["yellow"], areas["2"]["done"], areas["2"]["red"]) == (1, 1, 0)


def test_the_units_with_red_come_first_and_only_they(small_plan, finance_unit):
    rows = plan_at_a_glance(plan=small_plan, as_of=SEP_30).units_most_red
    assert [(row.unit, row.tally["red"], row.total) for row in rows] == [(finance_unit, 1, 2)]


def test_implementation_plans_on_time_and_missing(small_plan):
    filing = plan_at_a_glance(plan=small_plan, as_of=SEP_30).filing
    assert filing.deadline == date(2012, 5, 20)
    assert (filing.owed, filing.on_time, filing.late, filing.missing) == (2, 1, 0, 1)
    assert (filing.returned, filing.awaiting, filing.not_yet) == (0, 0, 0)


@pytest.mark.parametrize(
    ("status", "first_submitted", "field"),
    [
        (ImplementationPlan.Status.FILED, date(2012, 5, 25), "late"),
        (ImplementationPlan.Status.RETURNED, date(2012, 5, 18), "returned"),
        (ImplementationPlan.Status.SUBMITTED, date(2012, 5, 19), "awaiting"),
    ],
)
def test_late_returned_and_waiting_plans(small_plan, reform_unit, status, first_submitted, field):
    ImplementationPlan.objects.create(
        plan=small_plan, unit=reform_unit, status=status, first_submitted_at=at(first_submitted)
    )
    filing = plan_at_a_glance(plan=small_plan, as_of=SEP_30).filing
    assert getattr(filing, field) == 1
    assert filing.missing == 0
    assert filing.on_time + filing.late + filing.returned + filing.awaiting == filing.owed


def test_before_the_deadline_an_unsent_plan_is_not_yet_missing(small_plan):
    # On 10 May neither plan has been sent: 省财政厅's, submitted on 15 May, is not counted yet.
    filing = plan_at_a_glance(plan=small_plan, as_of=date(2012, 5, 10)).filing
    assert (filing.missing, filing.not_yet, filing.on_time) == (0, 2, 0)


def test_the_filing_buckets_always_add_up_to_the_units_owing(small_plan):
    for day in (date(2012, 5, 10), date(2012, 5, 16), SEP_30):
        f = plan_at_a_glance(plan=small_plan, as_of=day).filing
        buckets = f.on_time + f.late + f.returned + f.awaiting + f.missing + f.not_yet
        assert buckets == f.owed


def test_this_rounds_reports(small_plan):
    round_ = plan_at_a_glance(plan=small_plan, as_of=SEP_30).reports
    assert (round_.period_start, round_.period_end) == (date(2012, 9, 1), date(2012, 9, 30))
    assert round_.due == date(2012, 10, 5)
    # Owed: 1.1.1 by its lead and its co unit, 1.1.2, 2.1.2; 2.1.1 was completed in August.
    assert (round_.expected, round_.filed, round_.accepted, round_.unfiled) == (4, 2, 1, 2)
    assert not round_.past_due and round_.missing == 0
    assert round_.overdue_total == 1  # 2.1.2's August report


def test_once_septembers_reports_are_due_the_round_moves_on(small_plan):
    round_ = plan_at_a_glance(plan=small_plan, as_of=date(2012, 10, 6)).reports
    assert (round_.period_start, round_.expected, round_.filed) == (date(2012, 10, 1), 4, 0)
    assert round_.overdue_total == 3  # 2.1.2 for August and September, 1.1.1's co unit


def test_after_the_year_what_its_last_round_lacks_is_missing(small_plan):
    round_ = plan_at_a_glance(plan=small_plan, as_of=date(2013, 1, 10)).reports
    assert round_.period_start == date(2012, 12, 1)
    assert round_.past_due and round_.missing == round_.expected == 4


@pytest.mark.parametrize(
    ("as_of", "period_start"),
    [
        (date(2012, 9, 3), date(2012, 8, 1)),  # August's reports are due on 5 September
        (date(2012, 9, 5), date(2012, 8, 1)),
        (date(2012, 9, 6), date(2012, 9, 1)),
        (date(2012, 1, 2), date(2012, 1, 1)),  # the year's first round
        (date(2013, 2, 1), date(2012, 12, 1)),  # after the year: its last round
    ],
)
def test_the_round_in_course_is_the_one_due_next(small_plan, as_of, period_start):
    assert current_round(small_plan, as_of)[0] == period_start


def test_there_is_no_round_before_the_plan_year(small_plan):
    assert plan_at_a_glance(plan=small_plan, as_of=date(2011, 12, 1)).reports is None


def test_milestones_met_late_overdue_and_coming_due(small_plan):
    milestones = plan_at_a_glance(plan=small_plan, as_of=SEP_30).milestones
    assert milestones.total == 6
    assert (milestones.met_on_time, milestones.met_late) == (1, 1)
    assert (milestones.overdue, milestones.coming_due, milestones.later) == (2, 1, 1)


def test_a_milestone_met_after_the_day_was_still_open_on_it(small_plan):
    milestones = plan_at_a_glance(plan=small_plan, as_of=date(2012, 8, 1)).milestones
    assert milestones.met_late == 0  # “印发文件” was met on 10 August
    assert milestones.overdue == 2  # “完成调研” and “印发文件”


def test_the_latest_comments_made_by_the_day_newest_first(small_plan):
    comments = plan_at_a_glance(plan=small_plan, as_of=SEP_30).comments
    assert [c.text for c in comments] == [
        "请省财政厅抓紧推进，10月底前完成调研。",
        "进展较好，请继续抓好落实。",
    ]


def test_the_charts_draw_the_same_numbers(small_plan):
    glance = plan_at_a_glance(plan=small_plan, as_of=SEP_30)
    charts = glance_charts(glance)
    assert charts["percent"] == round(glance.percent, 1)
    assert charts["elapsed"] == 75
    assert [a["percent"] for a in charts["areas"]] == [round(a.percent, 1) for a in glance.areas]
    assert {(light["label"], light["value"]) for light in charts["lights"]} == {
        ("红灯", 1),
        ("黄灯", 1),
        ("绿灯", 1),
        ("已完成", 1),
    }


def test_an_areas_chart_label_is_its_numeral_and_first_clause():
    title = "继续深化国有企业改革重组，推动非公有制经济加快发展"
    assert area_label("1", title) == "一、继续深化国有企业改革重组"
    assert (
        area_label("12", "进一步深化文化、教育、科技体制改革") == "十二、进一步深化文化、教育、科…"
    )


def test_a_fixed_number_of_queries_on_a_small_plan(small_plan, django_assert_num_queries):
    plan_at_a_glance(plan=small_plan, as_of=SEP_30)  # the first look stores the lights
    with django_assert_num_queries(GLANCE_QUERIES):
        plan_at_a_glance(plan=small_plan, as_of=SEP_30)


# ---- The demo's year ----------------------------------------------------------------------------


def test_the_demo_year_at_a_glance(demo_history):
    glance = plan_at_a_glance(plan=demo_history, as_of=SEP_30)
    assert glance.units_of_work == 45
    assert sum(glance.lights.values()) == 45
    assert glance.lights["red"] == len(glance.red)
    assert glance.lights["done"] >= 1
    assert len(glance.areas) == 9
    # The demo's filing cycle: 19 filed (3 late), 1 returned, 2 never sent.
    filing = glance.filing
    assert (filing.owed, filing.on_time, filing.late) == (22, 16, 3)
    assert (filing.returned, filing.missing, filing.awaiting) == (1, 2, 0)
    # September's reports are half in on the 30th.
    assert 0.3 * glance.reports.expected < glance.reports.filed < 0.9 * glance.reports.expected
    assert [c.created_at for c in glance.comments] == sorted(
        (c.created_at for c in glance.comments), reverse=True
    )
    assert len(glance.comments) == 2


def test_the_same_number_of_queries_on_the_demo_year(demo_history, django_assert_num_queries):
    plan_at_a_glance(plan=demo_history, as_of=SEP_30)
    with django_assert_num_queries(GLANCE_QUERIES):
        plan_at_a_glance(plan=demo_history, as_of=SEP_30)
