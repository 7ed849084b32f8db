"""Kept lights are the lights: whatever is stored reads back equal to a light worked out afresh
from the facts, before and after every kind of write a light depends on."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import translation

from duban.directory.models import User
from duban.execution.models import Milestone, ProgressReport
from duban.execution.services.milestones import milestone_tick
from duban.execution.services.reports import progress_report_accept
from duban.plans.models import Assignment, Plan
from duban.supervision.lights import compute_light
from duban.supervision.models import StoredLight
from duban.supervision.selectors import (
    active_rules,
    facts_for_tasks,
    lights_for_tasks,
    lights_on,
    supervised_tasks,
)
from duban.supervision.services import lights_store
from duban.supervision.tests.conftest import make_milestone, make_report
from duban.web.demo import _demo_history

AS_OF = date(2012, 9, 30)
DAYS = [date(2012, 3, 31), date(2012, 6, 30), AS_OF, date(2012, 12, 31)]


def worked_out(tasks, day):
    """The lights computed directly from the facts, bypassing anything stored."""
    rules = active_rules()
    return {pk: compute_light(f, day, rules) for pk, f in facts_for_tasks(tasks).items()}


def assert_kept_equals_worked_out(tasks, days=DAYS):
    for day in days:
        assert lights_for_tasks(tasks, day) == worked_out(tasks, day), day


@pytest.fixture
def demo_tasks(demo_accounts):
    _demo_history()
    return supervised_tasks(Plan.objects.get(source__isnull=False, year=2012))


def test_the_demo_year_reads_back_as_worked_out_on_every_day_in_both_languages(demo_tasks):
    for language in ("zh-hans", "en"):
        with translation.override(language):
            lights_on(demo_tasks, DAYS)  # stores them
            assert StoredLight.objects.filter(language=language).count() == len(demo_tasks) * 4
            assert_kept_equals_worked_out(demo_tasks)
    with translation.override("en"):
        assert lights_for_tasks(demo_tasks[:1], AS_OF)[demo_tasks[0].pk].reasons[0].isascii()


def test_every_write_a_light_depends_on_makes_it_read_afresh(demo_tasks, coordinator):
    lights_on(demo_tasks, DAYS)
    report = ProgressReport.objects.filter(
        task__in=demo_tasks, review=ProgressReport.Review.SUBMITTED, period_end__lte=AS_OF
    ).first()
    progress_report_accept(report=report, seen_version=report.version, by=coordinator)
    assert_kept_equals_worked_out(demo_tasks)

    milestone = Milestone.objects.filter(
        task__in=demo_tasks, met_on__isnull=True, withdrawn=False
    ).first()
    milestone_tick(
        milestone=milestone,
        met_on=AS_OF,
        met_note="已完成",
        by=User.objects.filter(unit=milestone.unit).first() or coordinator,
        seen_version=milestone.version,
        as_of=AS_OF,
    )
    assert_kept_equals_worked_out(demo_tasks)

    task = demo_tasks[0]
    task.due_date = date(2012, 6, 30)
    task.save()
    assert_kept_equals_worked_out(demo_tasks)

    lead = Assignment.objects.leads().filter(task=task).first()
    lead.delete()
    assert_kept_equals_worked_out(demo_tasks)

    plan = task.plan
    plan.report_cadence = "quarterly" if plan.report_cadence == "monthly" else "monthly"
    plan.save()
    assert_kept_equals_worked_out(demo_tasks)


def test_a_report_filed_after_the_light_was_kept_changes_it(finance_task, finance_unit):
    for month in range(1, 8):
        make_report(finance_task, finance_unit, month)
    before = lights_for_tasks([finance_task], AS_OF)[finance_task.pk]
    assert before.reasons == ("黄灯：2012年8月进展报告未报送",)
    make_report(finance_task, finance_unit, 8)
    assert lights_for_tasks([finance_task], AS_OF)[finance_task.pk].colour == "green"
    report = ProgressReport.objects.get(task=finance_task, period_start=date(2012, 8, 1))
    report.delete()
    assert lights_for_tasks([finance_task], AS_OF)[finance_task.pk] == before


def test_an_edited_rule_set_is_not_served_the_old_sets_lights(finance_task, finance_unit):
    make_milestone(finance_task, finance_unit, "起草条例", date(2012, 9, 20))
    rules = active_rules()
    strict = lights_for_tasks([finance_task], AS_OF, rules)[finance_task.pk]
    assert any("起草条例" in reason for reason in strict.reasons)
    lenient = rules.without("milestone_overdue")
    kept = lights_for_tasks([finance_task], AS_OF, lenient)[finance_task.pk]
    assert not any("起草条例" in reason for reason in kept.reasons)
    assert StoredLight.objects.filter(task=finance_task).values("rules").distinct().count() == 2


def test_a_task_with_units_and_kept_lights_can_be_deleted(finance_task):
    # Its assignments go first and bump a stamp the task's deletion leaves behind.
    lights_for_tasks([finance_task], AS_OF)
    finance_task.delete()
    assert not StoredLight.objects.exists()


def test_the_scan_keeps_the_days_lights_of_every_published_plan(
    demo_tasks, django_assert_num_queries
):
    kept = lights_store(as_of=AS_OF)
    assert kept >= len(demo_tasks)
    assert StoredLight.objects.filter(day=AS_OF, language="zh-hans").count() == kept
    with django_assert_num_queries(2):
        lights_for_tasks(demo_tasks, AS_OF)


def test_the_supervise_command_says_how_many_lights_it_kept(demo_tasks, capsys):
    call_command("supervise", "--as-of", AS_OF.isoformat())
    assert "task lights kept for the day" in capsys.readouterr().out


def test_days_read_for_their_colour_only_come_without_reasons(demo_tasks):
    lights_on(demo_tasks, DAYS)
    bare = lights_on(demo_tasks, DAYS, colour_only=DAYS[:2])
    for day in DAYS:
        full = worked_out(demo_tasks, day)
        assert {pk: light.colour for pk, light in bare[day].items()} == {
            pk: light.colour for pk, light in full.items()
        }
    assert all(not light.reasons for light in bare[DAYS[0]].values())
    assert bare[AS_OF] == worked_out(demo_tasks, AS_OF)
