"""Supervision writes: the periodic scan, 催办 notices and their acknowledgement, judgements,
calendar tokens. Every message goes out through `notifications.notify` (queued on commit).
"""

from datetime import date

from django.conf import settings
from django.db import connection, transaction
from django.db.models.constants import OnConflict
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Unit, User
from duban.directory.selectors import unit_recipients
from duban.lib import clock, owed, progress
from duban.lib.clock import as_of_or_today
from duban.notifications.services import Message, notify, notify_many
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


# Items a round trip: each statement stays far below the parameter limits of both databases,
# and the number of queries grows with the chunks, not with the items.
CHUNK = 2000


def supervise(*, as_of: date | None = None, rules: RuleSet | None = None) -> dict[str, int]:
    """Make sure every reminder due on `as_of` exists, exactly once; returns what it did.

    What is owed comes from every provider registered with `duban.lib.owed`.
    Safe to run any number of times, by any number of workers: each reminder is keyed by
    (kind, item, fire date) under a unique constraint, and only the run whose insert wrote the
    row sends its messages.
    """
    as_of = as_of_or_today(as_of)
    rules = rules or active_rules()
    items = owed.due_items(as_of=as_of, lookahead_days=_lookahead(rules))
    people = unit_recipients({item.unit_id for item in items})
    counts = {"items": len(items), "created": 0, "queued": 0, "existing": 0}
    with audit.cause(Cause.SCHEDULE, f"定时督办扫描 {as_of.isoformat()}"):
        for chunk in progress.chunks(items, CHUNK, "督办扫描"):
            wanted = _reminders_due(chunk, as_of, rules)
            created = _remind(wanted, as_of, people)
            counts["created"] += len(created)
            counts["queued"] += sum(reminder.queued for reminder in created)
            counts["existing"] += len(wanted) - len(created)
    return counts


def _lookahead(rules: RuleSet) -> int:
    """How far ahead the earliest before-due reminder looks, in days."""
    return max(rules.reminders.get("before_due_days", [7, 1]) or [0])


def _reminders_due(items: list[owed.DueItem], as_of: date, rules: RuleSet) -> list[Reminder]:
    """The reminders (unsaved) a scan on `as_of` must make sure exist for `items`."""
    queue_after = rules.reminders.get("queue_after_days", 15)
    wanted = []
    for item in items:
        due = reminder_due(item.due, as_of, rules.reminders)
        if due is None:
            continue
        days_overdue = max(0, (as_of - item.due).days)
        reminder = Reminder(
            kind=due[0],
            target_key=item.key,
            fire_date=due[1],
            target=item.target,
            unit_id=item.unit_id,
            plan_id=item.plan_id,
            task_id=item.task_id,
            milestone_id=item.milestone_id,
            period_start=item.period_start,
            title=item.title[:300],
            due_date=item.due,
            days_overdue=days_overdue,
            queued=days_overdue > queue_after,
        )
        reminder.item = item  # the link and the untruncated title, for the message
        wanted.append(reminder)
    return wanted


_KEY_FIELDS = ("kind", "target_key", "fire_date")  # the unique constraint's


def _key(reminder: Reminder) -> tuple:
    return tuple(getattr(reminder, name) for name in _KEY_FIELDS)


@transaction.atomic
def _remind(wanted: list[Reminder], as_of: date, people) -> list[Reminder]:
    """Create those of `wanted` that do not exist yet, with their ladder rungs and messages;
    returns the ones this call created."""
    created = _insert_new(wanted)
    # A weekly reminder of an overdue item is the first rung of the ladder, taken by the scan.
    EscalationStep.objects.bulk_create(
        EscalationStep(
            unit_id=reminder.unit_id,
            task_id=reminder.task_id,
            step=Step.REMINDER,
            reminder=reminder,
            note=f"{reminder.item.title}{due_phrase(reminder.due_date, as_of)}",
        )
        for reminder in created
        if reminder.kind == OVERDUE_WEEKLY
    )
    notify_many(
        Message(
            users=people.get(reminder.unit_id, []),
            kind=f"reminder.{reminder.kind}",
            title=f"{reminder.get_kind_display()}：{reminder.item.title}"
            f"{due_phrase(reminder.due_date, as_of)}",
            body=f"请按时完成并在督办系统中报送。到期日：{reminder.due_date.isoformat()}。",
            link=reminder.item.link,
        )
        for reminder in created
    )
    return created


def _insert_new(reminders: list[Reminder]) -> list[Reminder]:
    """Insert `reminders`, skipping every one whose key a row holds already (written by an
    earlier run, or by a worker running now); returns those this call wrote, with their ids.

    `bulk_create(ignore_conflicts=True)` cannot say which rows it wrote, and reading the keys
    afterwards would count a concurrent worker's rows as ours. INSERT … ON CONFLICT DO NOTHING
    RETURNING id (PostgreSQL; SQLite since 3.35) returns the ids of exactly the rows it wrote;
    Django builds it through the `_insert` that `bulk_create` uses, a batch at a time.
    """
    fields = [f for f in Reminder._meta.concrete_fields if not f.primary_key]
    batch = connection.ops.bulk_batch_size(fields, reminders) or 1
    # In key order: two workers at once then wait on each other's rows in one order, never
    # each on the other's (a deadlock).
    ordered = sorted(reminders, key=_key)
    ids = []
    for start in range(0, len(ordered), batch):
        rows = Reminder.objects._insert(
            ordered[start : start + batch],
            fields=fields,
            returning_fields=[Reminder._meta.pk],
            on_conflict=OnConflict.IGNORE,
        )
        ids += [row[0] for row in rows if row]  # a lone skipped row comes back as None
    by_key = {}
    for reminder in reminders:
        by_key.setdefault(_key(reminder), reminder)  # an item listed twice is reminded once
    for pk, *key in Reminder.objects.filter(pk__in=ids).values_list("pk", *_KEY_FIELDS):
        reminder = by_key[tuple(key)]
        reminder.pk = pk
        reminder._state.adding, reminder._state.db = False, Reminder.objects.db
    # In the items' order (overdue first), as the messages went out one by one before.
    return [reminder for reminder in reminders if reminder.pk is not None]


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
