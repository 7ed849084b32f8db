"""Reads on implementation plans: what a unit must file, what awaits review, what is late, drift."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from duban.directory.models import Unit
from duban.execution.models import Commitment, Evidence, ImplementationPlan, Milestone
from duban.lib.clock import as_of_or_today
from duban.plans.models import Assignment, Plan, owed_from

Status = ImplementationPlan.Status


def filing_deadlines(plan: Plan) -> dict[int, date]:
    """unit id → the day its 实施方案 is due, for every unit leading a live task of `plan`.

    The plan's filing deadline, except for a unit first given a lead share after publication
    (a task split to the cities in September, a co unit made lead in August): it files within
    the plan's grace period of that day, not "133 days late" the moment it is assigned.
    """
    if plan.filing_deadline is None:
        return {}
    first: dict[int, date] = {}
    leads = Assignment.objects.leads().filter(task__plan=plan, unit__isnull=False)
    shares = leads.values_list("unit_id", "assigned_on", "lead_since")
    for unit_id, assigned_on, lead_since in shares:
        day = owed_from(plan.year, lead_since or assigned_on)
        first[unit_id] = min(day, first.get(unit_id, day))
    grace = timedelta(days=plan.filing_grace_days)
    return {unit_id: max(plan.filing_deadline, day + grace) for unit_id, day in first.items()}


def filing_deadline_of(implementation_plan: ImplementationPlan) -> date | None:
    plan = implementation_plan.plan
    return filing_deadlines(plan).get(implementation_plan.unit_id, plan.filing_deadline)


def submitted_late(implementation_plan: ImplementationPlan, deadline: date | None) -> bool:
    """A plan first submitted after its unit's filing deadline counts as late, even once filed."""
    first = implementation_plan.first_submitted_at
    return bool(deadline and first and timezone.localdate(first) > deadline)


def units_leading(plan: Plan):
    """The units that lead at least one live task of `plan`: those that owe a 实施方案."""
    return Unit.objects.filter(
        pk__in=Assignment.objects.leads().filter(task__plan=plan).values("unit_id")
    )


@dataclass(frozen=True)
class PlanToFile:
    plan: Plan
    implementation_plan: ImplementationPlan | None
    deadline: date | None
    overdue: bool

    @property
    def returned(self) -> bool:
        ip = self.implementation_plan
        return ip is not None and ip.status == Status.RETURNED


def plans_to_file(*, unit: Unit, as_of: date | None = None) -> list[PlanToFile]:
    """Published plans in which `unit` leads tasks and has not yet submitted its 实施方案.

    A returned plan is owed again; `overdue` once the filing deadline has passed.
    """
    today = as_of_or_today(as_of)
    plans = Plan.objects.published().filter(pk__in=_plans_led_by(unit)).order_by("-year")
    existing = {
        ip.plan_id: ip for ip in ImplementationPlan.objects.filter(unit=unit, plan__in=plans)
    }
    owed = []
    for plan in plans:
        ip = existing.get(plan.pk)
        if ip is not None and ip.status not in (Status.DRAFT, Status.RETURNED):
            continue
        deadline = filing_deadlines(plan).get(unit.pk, plan.filing_deadline)
        owed.append(PlanToFile(plan, ip, deadline, bool(deadline and today > deadline)))
    return owed


def _plans_led_by(unit: Unit):
    return Assignment.objects.leads().for_unit(unit).values("task__plan")


def implementation_plans_of_unit(*, unit: Unit):
    return (
        ImplementationPlan.objects.filter(unit=unit)
        .select_related("plan", "unit")
        .order_by("-plan__year")
    )


def plans_awaiting_review(*, plan: Plan):
    """Submitted plans waiting for the reform office, the longest-waiting first."""
    return (
        ImplementationPlan.objects.filter(plan=plan, status=Status.SUBMITTED)
        .select_related("plan", "unit")
        .order_by("submitted_at")
    )


@dataclass(frozen=True)
class LatePlan:
    unit: Unit
    implementation_plan: ImplementationPlan | None
    missing: bool  # not submitted at all by `as_of`
    days_late: int


def late_or_missing_plans(*, plan: Plan, as_of: date | None = None) -> list[LatePlan]:
    """Units whose plan was first submitted after the deadline, or not at all by `as_of`.

    Nothing is missing before the deadline has passed.
    """
    today = as_of_or_today(as_of)
    deadlines = filing_deadlines(plan)
    if not deadlines:
        return []
    by_unit = {ip.unit_id: ip for ip in ImplementationPlan.objects.filter(plan=plan)}
    late = []
    for unit in units_leading(plan).order_by("region__code", "kind", "name"):
        ip = by_unit.get(unit.pk)
        if ip is not None:
            # Both are in hand: joining them again into every row cost more than the rows.
            ip.plan, ip.unit = plan, unit
        deadline = deadlines[unit.pk]
        first = ip.first_submitted_at if ip else None
        if first is not None and timezone.localdate(first) <= today:
            if submitted_late(ip, deadline):
                late.append(LatePlan(unit, ip, False, (timezone.localdate(first) - deadline).days))
        elif today > deadline:
            late.append(LatePlan(unit, ip, True, (today - deadline).days))
    return late


def implementation_plan_detail(implementation_plan_id: int) -> ImplementationPlan:
    """The plan with its commitments (in task order) and each task's live milestones."""
    milestones = Milestone.objects.filter(withdrawn=False).order_by("due_date", "position")
    commitments = Commitment.objects.select_related("task").order_by("task__region", "task__path")
    return (
        ImplementationPlan.objects.select_related("plan", "unit", "filed_by")
        .prefetch_related(
            Prefetch("commitments", queryset=commitments),
            Prefetch("milestones", queryset=milestones, to_attr="live_milestones"),
            Prefetch(
                "attachments",
                queryset=Evidence.objects.filter(withdrawn=False).order_by("uploaded_at"),
                to_attr="live_attachments",
            ),
        )
        .get(pk=implementation_plan_id)
    )


@dataclass(frozen=True)
class Drift:
    kind: str  # "moved" | "added" | "withdrawn"
    task_path: str
    title: str
    baseline_due: date | None
    due: date | None


def drift(implementation_plan: ImplementationPlan) -> list[Drift]:
    """How the milestones now differ from the filed baseline: dates moved, added, withdrawn."""
    if not implementation_plan.baseline:
        return []
    baseline = {row["id"]: row for row in implementation_plan.baseline}
    changes = []
    milestones = Milestone.objects.filter(implementation_plan=implementation_plan).select_related(
        "task"
    )
    for m in milestones.order_by("task__path", "due_date", "position"):
        row = baseline.get(m.pk)
        if row is None:
            if not m.withdrawn:
                changes.append(Drift("added", m.task.path, m.title, None, m.due_date))
        elif m.withdrawn:
            changes.append(Drift("withdrawn", m.task.path, m.title, _d(row["due"]), None))
        elif m.due_date != _d(row["due"]):
            changes.append(Drift("moved", m.task.path, m.title, _d(row["due"]), m.due_date))
    return changes


def _d(iso: str) -> date:
    return date.fromisoformat(iso)
