"""The data the page benchmarks run on: the demo's 2012 plan (small) and a generated plan (large).

Both go into whatever database Django is configured with; `pages_bench.py` points it at a
throwaway one. Deterministic (no randomness), so two runs measure the same rows.

- `load_small()` is the demo: the directory (93 units), the demo accounts, the 2012 plan
  imported from the founding document and published, its filing history (实施方案, milestones,
  ticks, extensions, 批示) and its January–September reports — all `demo_load()`.
- `load_large()` adds a generated 2012 plan of 9 areas × 40 tasks × 3 units of work (1,080
  units of work) with 3–8 assignments each across the directory's units, 14 city instances
  for 20 tasks, one filed 实施方案 per lead unit with 2–4 milestones per unit of work, and
  a monthly report from every lead for January–September.
- Both then run the daily scan (`supervise`, which writes the reminders and queues the overdue
  ones for the dashboard) and the reform office sends a 催办 notice on one lagging task in ten
  and records a 研判 judgement on one in fifteen (`urge_send`, `judgement_record`).

What goes through Duban's services: the import (`plan_import`, the parse given as the
`duban.document/1` dict a task table would produce), `plan_update`, the cities' instances
(`task_set_applies_to_cities`), `plan_publish`, and each 实施方案's start, submit and file.
What is bulk-written, because a service call per row would take minutes for some 4,000
milestones and 12,000 reports: the commitments' wording (one UPDATE), the milestones and
reports (`bulk_create_with_history`, so they keep their audit history), and the ticks of
milestones met (one UPDATE).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from duban.audit.models import Cause
from duban.directory.models import Unit, User
from duban.execution.models import Commitment, ImplementationPlan, Milestone, ProgressReport
from duban.execution.progress import default_percent, period_for, periods_of_year
from duban.execution.selectors.implementation_plans import units_leading
from duban.execution.services.implementation_plans import (
    implementation_plan_file,
    implementation_plan_start,
    implementation_plan_submit,
)
from duban.plans.models import Assignment, Plan, Task
from duban.plans.services import plan_import, plan_publish, plan_update, task_set_applies_to_cities
from duban.supervision.models import Judgement
from duban.supervision.services import judgement_record, supervise, urge_send
from duban.web.demo import FOUNDING_DOCUMENT, demo_load

YEAR = 2012
AS_OF = date(YEAR, 9, 30)  # the demo's day; reports run January–September
AREAS, TASKS_PER_AREA, UNITS_PER_TASK = 9, 40, 3
CITY_TASKS = 20  # tasks every city (市州) carries out on its own: 14 instances each
# The unit whose workspace is measured: 省发展改革委 leads about one unit of work in eight.
BUSY_UNIT = "甘肃省发展和改革委员会"
GENERATED_NAME = "bench-generated-plan.json"

Status = ProgressReport.Status
Review = ProgressReport.Review


@dataclass(frozen=True)
class Sizes:
    units_of_work: int
    city_instances: int
    assignments: int
    milestones: int
    reports: int

    def describe(self) -> str:
        return (
            f"{self.units_of_work:,} units of work and {self.city_instances:,} city instances, "
            f"{self.assignments:,} assignments, {self.milestones:,} milestones, "
            f"{self.reports:,} reports"
        )


def sizes(plan: Plan) -> Sizes:
    tasks = Task.objects.active().filter(plan=plan)
    parents = set(tasks.exclude(parent=None).values_list("parent_id", flat=True))
    leaves = tasks.provincial().filter(level__gt=1).exclude(pk__in=parents)
    return Sizes(
        units_of_work=leaves.count(),
        city_instances=tasks.exclude(region=None).count(),
        assignments=Assignment.objects.filter(task__plan=plan, withdrawn=False).count(),
        milestones=Milestone.objects.filter(task__plan=plan, withdrawn=False).count(),
        reports=ProgressReport.objects.filter(task__plan=plan).count(),
    )


def coordinator() -> User:
    return User.objects.get(username="coordinator")


def load_small() -> Plan:
    """The demo as `make run` shows it, with its filing and reporting history."""
    demo_load()  # with its history: filing, milestones, extensions, 批示, reports
    plan = Plan.objects.get(year=YEAR, source__original_name=FOUNDING_DOCUMENT.name)
    supervision_history(plan)
    return plan


# ---- The generated plan ----------------------------------------------------------------------


def _departments(index: int, units: list[Unit], busy: Unit) -> list[dict]:
    """1 lead and 2–7 co units, spread over the directory; the busy unit leads one in eight."""
    count = 3 + index % 6
    lead = busy if index % 8 == 0 else units[(index * 7) % len(units)]
    chosen = [lead]
    step = 11 + index % 5
    k = index
    while len(chosen) < count:
        k += step
        unit = units[k % len(units)]
        if unit not in chosen:
            chosen.append(unit)
    return [
        {"name": unit.name, "role": "lead" if n == 0 else "co", "canonical": None}
        for n, unit in enumerate(chosen)
    ]


def _deadline(index: int) -> list[dict]:
    # Most units of work are due within the year; every fifth is a multi-year reform.
    if index % 5 == 4:
        return [{"text": "力争用2-3年时间", "start": None, "end": f"{YEAR + 2}-12-31"}]
    month = 6 + index % 7
    end = date(YEAR, month, 28 if month == 2 else 30 if month in (6, 9, 11) else 31)
    return [{"text": f"{month}月底前", "start": None, "end": end.isoformat()}]


def _item(path: str, level: int, label: str, title: str, **more) -> dict:
    base = {
        "path": path,
        "level": level,
        "label": label,
        "title": title,
        "text": title,
        "departments": [],
        "cited_documents": [],
        "deadlines": [],
        "targets": [],
        "children": [],
    }
    return base | more


def generated_parse(units: list[Unit], busy: Unit) -> dict:
    """A `duban.document/1` parse of a plan with AREAS × TASKS_PER_AREA × UNITS_PER_TASK."""
    areas = []
    index = 0
    for a in range(1, AREAS + 1):
        tasks = []
        for t in range(1, TASKS_PER_AREA + 1):
            children = []
            for u in range(1, UNITS_PER_TASK + 1):
                title = f"第{a}领域第{t}项改革的第{u}项工作：完善制度，推进试点，形成可复制的经验"
                text = f"{title}。（{'、'.join(d['name'] for d in _departments(index, units, busy))}负责）"
                children.append(
                    _item(
                        f"{a}.{t}.{u}",
                        3,
                        f"{u}.",
                        title,
                        text=text,
                        departments=_departments(index, units, busy),
                        deadlines=_deadline(index),
                    )
                )
                index += 1
            tasks.append(
                _item(f"{a}.{t}", 2, f"（{t}）", f"第{a}领域第{t}项改革", children=children)
            )
        areas.append(_item(f"{a}", 1, f"{a}、", f"第{a}个改革领域", children=tasks))
    return {
        "schema": "duban.document/1",
        "meta": {"title": f"{YEAR}年经济体制改革重点工作（生成数据）", "date": f"{YEAR}-03-01"},
        "items": areas,
        "cited_documents": [],
        "closing": {"text": "", "deadlines": []},
    }


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _month_end(month: int) -> date:
    return period_for(date(YEAR, month, 1), Plan.Cadence.MONTHLY)[1]


@transaction.atomic
def load_large() -> Plan:
    """Add the generated plan (see the module's docstring); returns it, published and filled."""
    office = coordinator()
    existing = Plan.objects.filter(source__original_name=GENERATED_NAME).first()
    if existing:
        return existing
    units = list(Unit.objects.active().order_by("region__code", "kind", "name"))
    busy = Unit.objects.get(name=BUSY_UNIT)
    parse = generated_parse(units, busy)
    content = json.dumps(parse, ensure_ascii=False).encode("utf-8")
    plan = plan_import(
        parse=parse, year=YEAR, by=office, original_name=GENERATED_NAME, content=content
    )
    plan = plan_update(
        plan=plan,
        by=office,
        seen_version=plan.version,
        filing_deadline=date(YEAR, 5, 20),
        filing_deadline_text="5月中旬前",
        report_cadence=Plan.Cadence.MONTHLY,
    )
    # Every 18th unit of work, 20 in all, is one each city carries out for itself.
    leaves = list(Task.objects.filter(plan=plan, level=3).order_by("pk"))
    for task in leaves[::18][:CITY_TASKS]:
        task_set_applies_to_cities(task=task, applies=True, by=office, seen_version=task.version)
    plan = plan_publish(plan=plan, by=office, seen_version=plan.version)
    _implementation_plans(plan, office)
    _reports(plan, office)
    supervision_history(plan)
    return plan


def _milestones(ip: ImplementationPlan, tasks: list[Task]) -> list[Milestone]:
    steps = ["开展调研摸底", "研究起草工作方案", "征求意见并修改完善", "报批印发并组织实施"]
    rows = []
    for task in tasks:
        count = 2 + task.pk % 3
        for k in range(count):
            month = 3 + round(k * 9 / (count - 1))  # March to December
            rows.append(
                Milestone(
                    implementation_plan=ip,
                    task=task,
                    unit=ip.unit,
                    position=k + 1,
                    title=steps[k if k < count - 1 else -1],
                    due_date=_month_end(month),
                    deliverable="工作方案",
                    responsible_person="综合处处长",
                )
            )
    return rows


def _implementation_plans(plan: Plan, office: User) -> None:
    for unit in units_leading(plan).order_by("pk"):
        ip = implementation_plan_start(plan=plan, unit=unit, by=office)
        Commitment.objects.filter(implementation_plan=ip).update(
            criterion="年底前完成工作方案并组织实施。", steps="调研、起草、征求意见、报批。"
        )
        tasks = [c.task for c in ip.commitments.select_related("task")]
        bulk_create_with_history(
            _milestones(ip, tasks),
            Milestone,
            batch_size=500,
            default_user=office,
            custom_historical_attrs={
                "history_cause": Cause.SETUP,
                "history_cause_detail": "基准数据",
            },
        )
        ip = implementation_plan_submit(implementation_plan=ip, by=office)
        implementation_plan_file(implementation_plan=ip, by=office, comment="同意备案。")
    # Milestones due by 30 September are met, except every fourth (overdue: lights turn).
    due = Milestone.objects.filter(task__plan=plan, due_date__lte=AS_OF)
    overdue = [pk for pk in due.values_list("pk", flat=True).order_by("pk") if pk % 4 == 0]
    due.exclude(pk__in=overdue).update(met_on=AS_OF - timedelta(days=3))


def supervision_history(plan: Plan) -> None:
    """The daily scan as of AS_OF, then the office's 催办 and 研判 on tasks behind schedule."""
    supervise(as_of=AS_OF)
    office = coordinator()
    behind = (
        Milestone.objects.filter(task__plan=plan, withdrawn=False, met_on=None, due_date__lt=AS_OF)
        .select_related("task", "unit")
        .order_by("task__path", "pk")
    )
    tasks: set[int] = set()
    for milestone in behind:
        if milestone.task_id in tasks:
            continue
        tasks.add(milestone.task_id)
        if len(tasks) % 10 == 1:
            urge_send(
                unit=milestone.unit,
                task=milestone.task,
                message=f"“{milestone.title}”已逾期，请抓紧推进并于三日内报送进展。",
                by=office,
            )
        if len(tasks) % 15 == 2:
            judgement_record(
                task=milestone.task,
                level=Judgement.Level.DOUBTFUL,
                reason="节点逾期，牵头单位未说明原因。",
                by=office,
            )


def _status(index: int, month: int) -> str:
    if index % 13 == 0 and month >= 8:
        return Status.DONE
    if index % 11 == 0 and month >= 6:
        return Status.DELAYED
    if index % 7 == 0 and month >= 5:
        return Status.AT_RISK
    return Status.ON_TRACK


def _reports(plan: Plan, office: User) -> None:
    """A report from every lead, January to September; September's still awaiting review."""
    leads = (
        Assignment.objects.filter(task__plan=plan, role=Assignment.Role.LEAD, withdrawn=False)
        .exclude(unit=None)
        .order_by("task_id")
        .values_list("task_id", "unit_id")
    )
    rows = []
    for index, (task_id, unit_id) in enumerate(leads):
        for start, end in periods_of_year(YEAR, Plan.Cadence.MONTHLY, until=AS_OF):
            status = _status(index, start.month)
            review = Review.SUBMITTED if start.month == 9 else Review.ACCEPTED
            submitted = _at(end + timedelta(days=1 + index % 4))
            rows.append(
                ProgressReport(
                    task_id=task_id,
                    unit_id=unit_id,
                    period_start=start,
                    period_end=end,
                    status=status,
                    percent=default_percent(status, end),
                    work_done=f"{start.month}月按计划推进各项工作，完成阶段性任务。",
                    next_steps="继续推进。",
                    review=review,
                    submitted_at=submitted,
                    reviewed_at=submitted + timedelta(days=3)
                    if review == Review.ACCEPTED
                    else None,
                    reviewed_by=office if review == Review.ACCEPTED else None,
                )
            )
    bulk_create_with_history(
        rows,
        ProgressReport,
        batch_size=500,
        default_user=office,
        custom_historical_attrs={"history_cause": Cause.SETUP, "history_cause_detail": "基准数据"},
    )
