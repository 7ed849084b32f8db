"""What each role's home page shows; other apps add their panels here as they are built."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duban.directory.models import Unit, User
from duban.directory.roles import is_admin, is_coordinator, is_leader, reads_everything
from duban.directory.selectors import unit_counts_by_kind
from duban.execution.selectors.queue import Queue, coordinator_queue, current_plan
from duban.lib.clock import today
from duban.plans.permissions import can_carry_over
from duban.plans.selectors import home_panels
from duban.reports.charts import glance_charts
from duban.reports.permissions import can_choose_public_page, can_draft_report
from duban.reports.selectors import plan_at_a_glance, unit_at_a_glance


def home_template(user: User) -> str:
    """Each role's own home page; a unit's editors and viewers share the unit's."""
    if is_admin(user):
        return "web/home_admin.html"
    if is_coordinator(user):
        return "web/home_coordinator.html"
    if is_leader(user):
        return "web/home_leader.html"
    return "web/home_unit.html"


def home_context(user: User, *, as_of: date | None = None) -> dict:
    """What `user`'s home shows as of `as_of` (today by default)."""
    as_of = as_of or today()
    context = {}
    if is_admin(user) or is_coordinator(user):
        counts = {row["kind"]: row["n"] for row in unit_counts_by_kind()}
        context["unit_counts"] = [
            {"label": label, "n": counts[kind]}
            for kind, label in Unit.Kind.choices
            if kind in counts
        ]
        context["unit_total"] = sum(row["n"] for row in context["unit_counts"])
    if is_admin(user):
        context["user_counts"] = _user_counts()
    # The province-wide picture (全局概览) is for the reform office and the leadership.
    if reads_everything(user):
        context.update(_glance(user, as_of))
    context.update(home_panels(user))
    if context.get("home_unit_tasks"):
        # A unit's staff see their own tasks' lights, never the province-wide picture.
        context["unit_glance"] = unit_at_a_glance(tasks=context["home_unit_tasks"], as_of=as_of)
    if user.unit_id:
        context["colleagues"] = user.unit.users.filter(is_active=True).order_by("username")
    return context


def _glance(user: User, as_of: date) -> dict:
    """The latest published plan at a glance; the coordinator also gets its queue's counts."""
    plan = current_plan()
    if plan is None:
        return {}
    glance = plan_at_a_glance(plan=plan, as_of=as_of)
    charts = glance_charts(glance)
    # Each chart's bars and slices open the tasks behind them (reports:tasks).
    charts["tasks_url"] = reverse("reports:tasks", args=[plan.pk])
    context = {
        "glance": glance,
        "glance_charts": charts,
        "can_draft_report": can_draft_report(user),
        "can_carry_over": can_carry_over(user, plan),
        "can_choose_public_page": can_choose_public_page(user),
        "as_of_today": today(),
    }
    if is_coordinator(user):
        tally = glance.reports.tally if glance.reports else None
        context["queue_counts"] = queue_counts(
            coordinator_queue(plan=plan, as_of=as_of, tally=tally, counts_only=True)
        )
    return context


def queue_counts(queue: Queue) -> list[dict]:
    """One line per section of the queue page (`anchor` is the section's id there)."""
    return [
        _count(_("待审核实施方案"), queue.plans_awaiting_review, "awaiting-review"),
        _count(_("逾期及未报送实施方案"), queue.late_or_missing_plans, "late-plans", alarm=True),
        _count(_("待审批延期申请"), queue.extensions_awaiting_decision, "extensions"),
        _count(_("待审核进展报告"), queue.reports_awaiting_review, "reports"),
        _count(_("逾期未报进展报告"), queue.missing_reports, "missing-reports", alarm=True),
        _count(_("逾期未完成里程碑"), queue.overdue_milestones, "overdue-milestones", alarm=True),
    ]


def _count(label: str, items, anchor: str, *, alarm: bool = False) -> dict:
    """`items` is a `Shown` section of the queue, or the missing reports' tally."""
    return {"label": label, "n": items.total, "anchor": anchor, "alarm": alarm}


def _user_counts() -> list[dict]:
    roles = dict(User.Role.choices)
    counts = {}
    for role in User.objects.filter(is_active=True).values_list("role", flat=True):
        counts[role] = counts.get(role, 0) + 1
    return [{"label": roles[r], "n": counts.get(r, 0)} for r in roles]
