"""Lights for many tasks from the database: the lead's reports only, in a fixed number of queries."""

from datetime import date

from django.template.loader import render_to_string

from duban.execution.models import ProgressReport
from duban.plans.models import Task
from duban.supervision.selectors import lights_for_tasks
from duban.supervision.tests.conftest import make_milestone, make_report, make_task

AS_OF = date(2012, 9, 30)


def reported_through_august(task, unit, **last):
    for month in range(1, 8):
        make_report(task, unit, month)
    make_report(task, unit, 8, **last)


def test_a_task_with_an_overdue_milestone_is_red_and_says_why(finance_task, finance_unit):
    reported_through_august(finance_task, finance_unit)
    make_milestone(finance_task, finance_unit, "起草条例", date(2012, 8, 29))
    light = lights_for_tasks([finance_task], AS_OF)[finance_task.id]
    assert light.colour == "red"
    assert light.reasons == ("红灯：里程碑“起草条例”已逾期32天",)


def test_only_the_lead_units_report_sets_the_status(finance_task, finance_unit, reform_unit):
    reported_through_august(finance_task, finance_unit)
    # 省发展改革委 co-operates and says it is delayed on its part: not the task's status.
    make_report(finance_task, reform_unit, 8, status=ProgressReport.Status.DELAYED)
    assert lights_for_tasks([finance_task], AS_OF)[finance_task.id].colour == "green"


def test_drafts_do_not_count_as_reports(finance_task, finance_unit):
    for month in range(1, 8):
        make_report(finance_task, finance_unit, month)
    make_report(finance_task, finance_unit, 8, review=ProgressReport.Review.DRAFT)
    light = lights_for_tasks([finance_task], AS_OF)[finance_task.id]
    assert light.reasons == ("黄灯：2012年8月进展报告未报送",)


def test_an_accepted_completion_claim_is_done(finance_task, finance_unit):
    for month in range(1, 8):
        make_report(finance_task, finance_unit, month)
    make_report(
        finance_task,
        finance_unit,
        8,
        status=ProgressReport.Status.DONE,
        review=ProgressReport.Review.ACCEPTED,
    )
    assert lights_for_tasks([finance_task], AS_OF)[finance_task.id].colour == "done"


def test_query_count_does_not_grow_with_tasks(
    plan_2012, finance_unit, reform_unit, django_assert_num_queries
):
    tasks = []
    for n in range(1, 13):
        task = make_task(plan_2012, f"2.1.{n}", lead=finance_unit, co=(reform_unit,))
        reported_through_august(task, finance_unit)
        make_milestone(task, finance_unit, f"节点{n}", date(2012, 9, 1))
        tasks.append(task)
    tasks = list(Task.objects.filter(pk__in=[t.pk for t in tasks]))
    # Worked out: the stamps, the stored lights, four for the facts, one to store them.
    with django_assert_num_queries(7):
        lights = lights_for_tasks(tasks, AS_OF)
    assert {light.colour for light in lights.values()} == {"red"}
    # Kept: the stamps and the stored lights.
    with django_assert_num_queries(2):
        assert lights_for_tasks(tasks, AS_OF) == lights


def test_the_badge_carries_its_reasons(finance_task, finance_unit):
    make_milestone(finance_task, finance_unit, "起草条例", date(2012, 8, 29))
    light = lights_for_tasks([finance_task], AS_OF)[finance_task.id]
    html = render_to_string("supervision/_light.html", {"light": light})
    assert 'class="badge badge-red"' in html
    assert "里程碑“起草条例”已逾期32天" in html


def test_the_last_report_is_the_latest_period_whatever_the_order_it_was_filed_in(
    finance_task, finance_unit
):
    from duban.supervision.selectors import facts_for_tasks

    # August is filed first (delayed), then July is caught up on: August is still the last.
    make_report(finance_task, finance_unit, 8, status=ProgressReport.Status.DELAYED)
    for month in range(1, 8):
        make_report(finance_task, finance_unit, month)
    facts = facts_for_tasks([finance_task])[finance_task.id]
    assert [r.period_start.month for r in facts.reports] == list(range(1, 9))
    light = lights_for_tasks([finance_task], AS_OF)[finance_task.id]
    assert light.reasons == ("红灯：最近一期（2012年8月）进展报告自报“滞后”",)


def share_the_lead(task, unit):
    task.assignments.filter(unit=unit).update(role="lead")


def test_of_two_leads_the_one_behind_sets_the_status(finance_task, finance_unit, reform_unit):
    share_the_lead(finance_task, reform_unit)
    reported_through_august(finance_task, finance_unit)
    make_report(finance_task, reform_unit, 8, status=ProgressReport.Status.DELAYED)
    assert lights_for_tasks([finance_task], AS_OF)[finance_task.id].colour == "red"


def test_a_shared_task_is_done_when_every_lead_is_accepted_done(
    finance_task, finance_unit, reform_unit
):
    share_the_lead(finance_task, reform_unit)
    done = {"status": ProgressReport.Status.DONE, "review": ProgressReport.Review.ACCEPTED}
    reported_through_august(finance_task, finance_unit, **done)
    assert lights_for_tasks([finance_task], AS_OF)[finance_task.id].colour != "done"
    make_report(finance_task, reform_unit, 8, **done)
    assert lights_for_tasks([finance_task], AS_OF)[finance_task.id].colour == "done"


def test_many_tasks_are_read_by_plan_and_give_the_same_facts(demo_accounts, monkeypatch):
    """Past `MANY_TASKS` the facts are read by plan, not by a list of every id: same answers,
    and only the tasks asked for (the demo's first 30 units of work, of every plan)."""
    from duban.supervision import selectors
    from duban.supervision.selectors import facts_for_tasks, latest_judgements

    tasks = list(Task.objects.filter(level=3).order_by("plan_id", "pk")[:30])
    assert tasks, "the demo loads units of work"
    by_id = facts_for_tasks(tasks)
    judged = latest_judgements(tasks)
    monkeypatch.setattr(selectors, "MANY_TASKS", 0)
    assert selectors.TaskScope.of(tasks).plan_ids
    assert facts_for_tasks(tasks) == by_id
    assert latest_judgements(tasks) == judged
    assert set(by_id) == {task.pk for task in tasks}
