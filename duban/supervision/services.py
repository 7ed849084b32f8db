"""Supervision writes: the periodic scan, 催办 notices and their acknowledgement, judgements,
calendar tokens. Every message goes out through `notifications.notify` (queued on commit).
"""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Unit, User
from duban.directory.selectors import unit_recipients
from duban.lib import clock, owed, progress
from duban.lib.clock import as_of_or_today
from duban.notifications.services import notify
from duban.plans.models import Plan, Task
from duban.supervision.lights import RuleSet
from duban.supervision.models import CalendarToken, EscalationStep, Judgement, Reminder, Step, Urge
from duban.supervision.schedule import OVERDUE_WEEKLY, due_phrase, reminder_due
from duban.supervision.selectors import active_rules, lights_for_tasks, supervised_tasks

MESSAGE_REQUIRED = _("请填写督办内容。")
REASON_REQUIRED = _("请写明研判理由。")
ALREADY_ACKNOWLEDGED = _("这份督办通知已经签收。")
NOT_A_MANUAL_STEP = _("提醒由系统定时发出；人工督办请选择催办通知、书面预警或通报。")
NOT_ASSIGNED = _("该单位未承担这项任务，不能就此任务催办。")
NOT_THE_UNIT = _("只有被督办单位的人员可以签收。")


# ---- The periodic scan ----------------------------------------------------------------------


def _remind(item: owed.DueItem, kind: str, fire_date: date, as_of: date, rules: RuleSet, people):
    """Create the reminder once; returns it if this call created it, else None."""
    days_overdue = max(0, (as_of - item.due).days)
    queue_after = rules.reminders.get("queue_after_days", 15)
    try:
        with transaction.atomic():
            reminder, created = Reminder.objects.get_or_create(
                kind=kind,
                target_key=item.key,
                fire_date=fire_date,
                defaults={
                    "target": item.target,
                    "unit_id": item.unit_id,
                    "plan_id": item.plan_id,
                    "task_id": item.task_id,
                    "milestone_id": item.milestone_id,
                    "period_start": item.period_start,
                    "title": item.title[:300],
                    "due_date": item.due,
                    "days_overdue": days_overdue,
                    "queued": days_overdue > queue_after,
                },
            )
            if not created:
                return None
            if kind == OVERDUE_WEEKLY:
                # The first rung of the ladder, taken by the scan itself.
                EscalationStep.objects.create(
                    unit_id=item.unit_id,
                    task_id=item.task_id,
                    step=Step.REMINDER,
                    reminder=reminder,
                    note=f"{item.title}{due_phrase(item.due, as_of)}",
                )
            notify(
                users=people.get(item.unit_id, []),
                kind=f"reminder.{kind}",
                title=f"{Reminder.Kind(kind).label}：{item.title}{due_phrase(item.due, as_of)}",
                body=f"请按时完成并在督办系统中报送。到期日：{item.due.isoformat()}。",
                link=item.link,
            )
            return reminder
    except IntegrityError:
        return None  # another worker created it between our look and our write


def _lookahead(rules: RuleSet) -> int:
    """How far ahead the earliest before-due reminder looks, in days."""
    return max(rules.reminders.get("before_due_days", [7, 1]) or [0])


def supervise(*, as_of: date | None = None, rules: RuleSet | None = None) -> dict[str, int]:
    """Make sure every reminder due on `as_of` exists, exactly once; returns what it did.

    What is owed comes from every provider registered with `duban.lib.owed`.
    Safe to run any number of times, by any number of workers: each reminder is keyed by
    (kind, item, fire date) under a unique constraint, and only the call that creates it
    sends its messages.
    """
    as_of = as_of_or_today(as_of)
    rules = rules or active_rules()
    items = owed.due_items(as_of=as_of, lookahead_days=_lookahead(rules))
    people = unit_recipients({item.unit_id for item in items})
    counts = {"items": len(items), "created": 0, "queued": 0, "existing": 0}
    with audit.cause(Cause.SCHEDULE, f"定时督办扫描 {as_of.isoformat()}"):
        for item in progress.track(items, "督办扫描"):
            due = reminder_due(item.due, as_of, rules.reminders)
            if due is None:
                continue
            reminder = _remind(item, *due, as_of, rules, people)
            if reminder is None:
                counts["existing"] += 1
                continue
            counts["created"] += 1
            counts["queued"] += reminder.queued
    return counts


# ---- 催办 notices ---------------------------------------------------------------------------


@transaction.atomic
def urge_send(
    *, unit: Unit, message: str, by: User, task: Task | None = None, step: str = Step.URGE
) -> Urge:
    """Send a 催办 notice (or a formal warning, or a bulletin listing) to `unit`.

    Raises `audit.DomainError` for an empty message, for the `reminder` rung (which only the
    scan takes) and for a task `unit` is not assigned to. The unit's people are told in-app, by e-mail and on its chat robot.
    """
    if not message.strip():
        raise audit.DomainError(MESSAGE_REQUIRED)
    if step not in (Step.URGE, Step.WARNING, Step.BULLETIN):
        raise audit.DomainError(NOT_A_MANUAL_STEP)
    if task is not None and not task.assignments.live().for_unit(unit).exists():
        raise audit.DomainError(NOT_ASSIGNED)
    urge = audit.save(
        Urge(unit=unit, task=task, step=step, message=message.strip(), sent_by=by),
        by=by,
        reason=Step(step).label,
    )
    EscalationStep.objects.create(
        unit=unit, task=task, step=step, urge=urge, by=by, note=message.strip()[:300]
    )
    about = f"（{task.path} {task.title}）" if task else ""
    notify(
        users=unit_recipients([unit.pk]).get(unit.pk, []),
        kind=f"urge.{step}",
        title=f"{Step(step).label}{about}"[:200],
        body=f"{message.strip()}\n\n请登录督办系统签收。",
        link=reverse("supervision:urge-detail", args=[urge.pk]),
        by=by,
    )
    return urge


@transaction.atomic
def urge_acknowledge(*, urge: Urge, note: str, by: User, seen_version: int) -> Urge:
    """Record that `by` (of the urged unit) received the notice; the coordinator is told."""
    if urge.acknowledged_at is not None:
        raise audit.DomainError(ALREADY_ACKNOWLEDGED)
    if by.unit_id != urge.unit_id:
        raise audit.DomainError(NOT_THE_UNIT)
    urge.acknowledged_at = clock.now()
    urge.acknowledged_by = by
    urge.ack_note = note.strip()
    audit.save(
        urge,
        by=by,
        fields=["acknowledged_at", "acknowledged_by", "ack_note"],
        seen_version=seen_version,
        reason="签收催办",
    )
    notify(
        users=[urge.sent_by],
        kind="urge.acknowledged",
        title=f"{urge.unit.short_name or urge.unit.name}已签收{urge.get_step_display()}",
        body=urge.ack_note,
        link=reverse("supervision:urge-detail", args=[urge.pk]),
        by=by,
    )
    return urge


# ---- Judgements and calendar tokens ---------------------------------------------------------


@transaction.atomic
def judgement_record(*, task: Task, level: int, reason: str, by: User) -> Judgement:
    """Record the coordinator's delivery-confidence judgement; the newest one is current."""
    if not reason.strip():
        raise audit.DomainError(REASON_REQUIRED)
    judgement = Judgement(task=task, level=level, reason=reason.strip(), by=by)
    judgement.full_clean()
    return audit.save(judgement, by=by, reason="完成把握研判")


@transaction.atomic
def calendar_token_create(*, unit: Unit, by: User) -> CalendarToken:
    return audit.save(CalendarToken(unit=unit, created_by=by), by=by, reason="日历订阅地址")


@transaction.atomic
def calendar_token_revoke(*, token: CalendarToken, by: User) -> CalendarToken:
    if token.revoked_at is None:
        token.revoked_at = clock.now()
        audit.save(token, by=by, fields=["revoked_at"], reason="作废日历订阅地址")
    return token


# ---- Lights kept for the day ----------------------------------------------------------------


def lights_store(*, as_of: date | None = None) -> int:
    """Work out and keep the day's light of every task of every published plan, in the site's
    language, so that no reader of the day pays for it (`stored_lights`); returns how many."""
    as_of = as_of_or_today(as_of)
    rules = active_rules()
    kept = 0
    with translation.override(settings.LANGUAGE_CODE):
        for plan in progress.track(list(Plan.objects.published()), "预警灯"):
            kept += len(lights_for_tasks(supervised_tasks(plan), as_of, rules))
    return kept
