"""Every number on the dashboards can be recounted from the records, whatever happened before.

Random valid actions go through the services on the demo year (reports sent, accepted and
returned, implementation plans sent, filed and returned, milestones ticked, extensions decided,
a task split to the cities, 批示, the clock moving on); then each KPI of the glance is checked
against a count written here directly over the tables, and no stamp is later than today.
"""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.db import models, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from duban.audit.services import DomainError
from duban.execution.demo_plans import _draft
from duban.execution.models import Extension, ImplementationPlan, Milestone, ProgressReport
from duban.execution.progress import period_for, periods_of_year, report_due
from duban.execution.selectors.implementation_plans import filing_deadlines
from duban.execution.services.comments import leader_comment_create
from duban.execution.services.extensions import extension_approve, extension_refuse
from duban.execution.services.implementation_plans import (
    implementation_plan_file,
    implementation_plan_return,
    implementation_plan_submit,
)
from duban.execution.services.milestones import milestone_tick
from duban.execution.services.reports import (
    ReportContent,
    progress_report_accept,
    progress_report_return,
    progress_report_save,
)
from duban.lib import clock
from duban.lib.owed import due_items
from duban.plans.models import Assignment, Task
from duban.plans.services import task_set_applies_to_cities
from duban.reports.selectors import plan_at_a_glance
from duban.supervision.selectors import supervised_tasks

Review = ProgressReport.Review
IPStatus = ImplementationPlan.Status
ACTIONS = (
    "report",
    "accept",
    "return_report",
    "plan_submit",
    "plan_file",
    "plan_return",
    "tick",
    "extension",
    "split",
    "comment",
    "days_pass",
)
STATUSES = ("on_track", "at_risk", "delayed", "done")


def _pick(queryset, n: int):
    count = queryset.count()
    return queryset[n % count] if count else None


def _act(action: str, n: int, plan, people) -> None:
    """One service call chosen by `action`, its object by `n`; refusals of the rules are fine."""
    try:
        with transaction.atomic():
            ACT[action](n, plan, people)
    except DomainError:
        pass


def _report(n, plan, people):
    assignment = _pick(Assignment.objects.live().filter(task__plan=plan).order_by("pk"), n)
    editor = assignment.unit.users.filter(role="editor").first() or people["coordinator"]
    periods = list(
        periods_of_year(
            plan.year, plan.report_cadence, until=clock.today(), since=assignment.owed_from
        )
    )
    start = periods[n % len(periods)][0]
    existing = ProgressReport.objects.filter(
        task=assignment.task, unit=assignment.unit, period_start=start
    ).first()
    progress_report_save(
        task=assignment.task,
        unit=assignment.unit,
        period_start=start,
        content=ReportContent(status=STATUSES[n % 4], percent=None, work_done="按计划推进。"),
        seen_version=existing.version if existing else None,
        submit=True,
        by=editor,
    )


def _submitted_report(n, plan):
    return _pick(
        ProgressReport.objects.filter(task__plan=plan, review=Review.SUBMITTED).order_by("pk"), n
    )


def _accept(n, plan, people):
    if report := _submitted_report(n, plan):
        progress_report_accept(report=report, seen_version=report.version, by=people["coordinator"])


def _return_report(n, plan, people):
    if report := _submitted_report(n, plan):
        progress_report_return(
            report=report,
            reason="请补充材料。",
            seen_version=report.version,
            by=people["coordinator"],
        )


def _plan_submit(n, plan, people):
    unsent = sorted(set(filing_deadlines(plan)) - set(_sent_plans(plan)))
    if not unsent:
        return
    unit_id = unsent[n % len(unsent)]
    ip = ImplementationPlan.objects.filter(plan=plan, unit_id=unit_id).first()
    if ip is None or ip.status == IPStatus.DRAFT:
        unit = Assignment.objects.filter(unit_id=unit_id).first().unit
        editor = unit.users.filter(role="editor").first() or people["coordinator"]
        ip = _draft(plan, unit, editor, n)
    implementation_plan_submit(implementation_plan=ip, by=people["coordinator"])


def _sent_plans(plan):
    return ImplementationPlan.objects.filter(plan=plan, status=IPStatus.SUBMITTED).values_list(
        "unit_id", flat=True
    )


def _awaiting_plan(n, plan):
    return _pick(
        ImplementationPlan.objects.filter(plan=plan, status=IPStatus.SUBMITTED).order_by("pk"), n
    )


def _plan_file(n, plan, people):
    if ip := _awaiting_plan(n, plan):
        implementation_plan_file(implementation_plan=ip, by=people["coordinator"], comment="同意")


def _plan_return(n, plan, people):
    if ip := _awaiting_plan(n, plan):
        implementation_plan_return(
            implementation_plan=ip, by=people["coordinator"], comment="请细化里程碑。"
        )


def _tick(n, plan, people):
    milestone = _pick(
        Milestone.objects.filter(task__plan=plan, met_on__isnull=True, withdrawn=False).order_by(
            "pk"
        ),
        n,
    )
    if milestone:
        milestone_tick(
            milestone=milestone,
            met_on=clock.today() - timedelta(days=n % 20),
            met_note="已完成。",
            by=people["coordinator"],
            seen_version=milestone.version,
        )


def _extension(n, plan, people):
    ext = _pick(Extension.objects.filter(status=Extension.Status.REQUESTED).order_by("pk"), n)
    if ext is None:
        return
    if n % 2:
        extension_approve(extension=ext, by=people["coordinator"], seen_version=ext.version)
    else:
        extension_refuse(
            extension=ext, by=people["coordinator"], comment="不同意。", seen_version=ext.version
        )


def _split(n, plan, people):
    candidates = Task.objects.filter(
        plan=plan, region__isnull=True, level__gt=1, withdrawn=False, applies_to_cities=False
    ).order_by("pk")
    if task := _pick(candidates, n):
        task_set_applies_to_cities(
            task=task, applies=True, by=people["coordinator"], seen_version=task.version
        )


def _comment(n, plan, people):
    task = _pick(supervised_queryset(plan), n)
    leader_comment_create(task=task, text="请抓紧推进。", by=people["leader"])


def supervised_queryset(plan):
    return Task.objects.filter(pk__in=[t.pk for t in supervised_tasks(plan)]).order_by("pk")


def _days_pass(n, plan, people):
    from django.conf import settings as django_settings

    django_settings.DUBAN_TODAY = clock.today() + timedelta(days=1 + n % 25)


ACT = {
    "report": _report,
    "accept": _accept,
    "return_report": _return_report,
    "plan_submit": _plan_submit,
    "plan_file": _plan_file,
    "plan_return": _plan_return,
    "tick": _tick,
    "extension": _extension,
    "split": _split,
    "comment": _comment,
    "days_pass": _days_pass,
}


# ---- Direct counts ----------------------------------------------------------------------------


def recount_filing(plan, today: date) -> dict[str, int]:
    deadlines = filing_deadlines(plan)
    owing = set(
        Assignment.objects.live()
        .filter(task__plan=plan, role="lead", unit__isnull=False)
        .values_list("unit_id", flat=True)
    )
    plans = {ip.unit_id: ip for ip in ImplementationPlan.objects.filter(plan=plan)}
    counts = Counter()
    for unit_id in owing:
        ip = plans.get(unit_id)
        if ip is None or ip.first_submitted_at is None:
            counts["missing" if today > deadlines[unit_id] else "not_yet"] += 1
        elif ip.status == IPStatus.FILED:
            late = clock_day(ip.first_submitted_at) > deadlines[unit_id]
            counts["late" if late else "on_time"] += 1
        elif ip.status == IPStatus.SUBMITTED:
            counts["awaiting"] += 1
        else:
            counts["returned"] += 1
    counts["owed"] = len(owing)
    return counts


def clock_day(moment) -> date:
    from django.utils import timezone

    return timezone.localdate(moment)


def recount_overdue_reports(plan, today: date) -> int:
    """Reports past due and not sent: every live share, from the period it was assigned in."""
    done = _accepted_done_periods(plan)
    filed = set(
        ProgressReport.objects.filter(task__plan=plan, review__in=list(FILED_REVIEWS)).values_list(
            "task_id", "unit_id", "period_start"
        )
    )
    count = 0
    shares = Assignment.objects.live().filter(task__plan=plan, unit__isnull=False)
    for a in shares.select_related("task__plan"):
        start = period_for(a.owed_from, plan.report_cadence)[0]
        while start.year == plan.year:
            end = period_for(start, plan.report_cadence)[1]
            if report_due(end) >= today or (a.task_id in done and start > done[a.task_id]):
                break
            count += (a.task_id, a.unit_id, start) not in filed
            start = end + timedelta(days=1)
    return count


FILED_REVIEWS = (Review.SUBMITTED, Review.ACCEPTED, Review.RETURNED)


def _accepted_done_periods(plan) -> dict[int, date]:
    leads = set(
        Assignment.objects.live()
        .filter(task__plan=plan, role="lead")
        .values_list("task_id", "unit_id")
    )
    done = {}
    for task_id, unit_id, start in ProgressReport.objects.filter(
        task__plan=plan, status="done", review=Review.ACCEPTED
    ).values_list("task_id", "unit_id", "period_start"):
        if (task_id, unit_id) in leads:
            done[task_id] = min(start, done.get(task_id, start))
    return done


def recount_milestones(plan, today: date) -> Counter:
    counts = Counter()
    soon = today + timedelta(days=30)
    live = Milestone.objects.filter(task__plan=plan, withdrawn=False, task__withdrawn=False)
    for m in live:
        if m.met_on and m.met_on <= today:
            counts["met_late" if m.met_on > m.due_date else "met_on_time"] += 1
        elif m.due_date < today:
            counts["overdue"] += 1
        elif m.due_date <= soon:
            counts["coming_due"] += 1
        else:
            counts["later"] += 1
    return counts


def stamps_after(day: date) -> list[str]:
    """Every time stamp in Duban's own tables later than the end of `day`."""
    end = clock.end_of_day(day)
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("duban."):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField):
                if model.objects.filter(**{f"{field.name}__gte": end}).exists():
                    found.append(f"{model.__name__}.{field.name}")
    return found


def check_the_glance(plan) -> None:
    today = clock.today()
    glance = plan_at_a_glance(plan=plan)
    filing = recount_filing(plan, today)
    for bucket in ("owed", "on_time", "late", "returned", "awaiting", "missing", "not_yet"):
        assert getattr(glance.filing, bucket) == filing[bucket], bucket
    queue = [i for i in due_items(as_of=today) if i.target == "implementation_plan"]
    assert glance.filing.missing == sum(1 for i in queue if i.plan_id == plan.pk and i.due < today)
    assert sum(glance.lights.values()) == glance.units_of_work == len(supervised_tasks(plan))
    assert len(glance.red) == glance.lights["red"]
    assert 0 <= glance.percent <= 100
    if glance.reports:
        r = glance.reports
        assert r.expected == r.filed + r.unfiled and min(r.accepted, r.returned, r.unfiled) >= 0
        in_round = ProgressReport.objects.filter(
            task__plan=plan, period_start=r.period_start, task__withdrawn=False
        )
        assert r.accepted <= in_round.filter(review=Review.ACCEPTED).count()
        assert r.overdue_total == recount_overdue_reports(plan, today)
    milestones = recount_milestones(plan, today)
    for kind in ("met_on_time", "met_late", "overdue", "coming_due", "later"):
        assert getattr(glance.milestones, kind) == milestones[kind], kind
    assert all(c.created_at < clock.end_of_day(today) for c in glance.comments)
    assert stamps_after(today) == []


@pytest.fixture
def people(coordinator, leader, lanzhou, caizheng) -> dict:
    return {"coordinator": coordinator, "leader": leader}


@pytest.mark.django_db
@settings(
    max_examples=5,
    deadline=None,
    # Each example replays services over the demo year: generate and report, no shrinking.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.integers(min_value=0, max_value=10_000)),
        min_size=4,
        max_size=14,
    )
)
def test_every_kpi_recounts_from_the_records_after_random_actions(
    demo_history, people, settings, steps
):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    with transaction.atomic():
        for action, n in steps:
            _act(action, n, demo_history, people)
        check_the_glance(demo_history)
        transaction.set_rollback(True)
    settings.DUBAN_TODAY = date(2012, 9, 30)
