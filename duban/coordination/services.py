"""Coordination writes: issues and their threads, joint meetings and their agenda, outcomes, and
the owner's reports on a decision. Each is one transaction, audited with its cause; the people
concerned are told through `notifications.notify` (deliveries leave on commit).

Issue: open → on agenda → decided → closed, or withdrawn before it is decided.
Meeting: draft → convened (the notice goes out) → in progress (outcomes recorded) → closed.
Decision: open → done (the owner reports it, with evidence) → accepted (the reform office).
"""

from collections.abc import Iterable
from datetime import date, time

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.coordination.models import (
    AgendaItem,
    CoordinationIssue,
    DecisionProgress,
    IssueReply,
    Meeting,
    Outcome,
)
from duban.directory.models import Unit, User
from duban.directory.selectors import unit_recipients
from duban.lib.clock import today
from duban.notifications.services import notify
from duban.plans.models import Plan, Task

Status = CoordinationIssue.Status
MeetingStatus = Meeting.Status

NEEDS_UNITS = _("请至少选择一个需协调的单位。")
NOT_OWN_UNIT = _("需协调单位不能只是本单位：本单位能解决的问题不需要协调。")
NOT_OPEN = _("该协调事项已办结或撤回，不能再修改。")
ONLY_WAITING = _("只有待协调或已列入议题的事项可以撤回。")
NOT_PUBLISHED = _("只能在已发布的年度计划中提出协调事项或召开联席会议。")
MEETING_NOT_DRAFT = _("会议通知已发出，参会单位和议题不能再改；如需调整请另行通知。")
NEEDS_AGENDA = _("请先确定参会单位和至少一项议题，再发会议通知。")
NOT_CONVENED = _("会议通知发出后才能开始会议。")
NOT_IN_PROGRESS = _("只能在会议进行中记录会议结果。")
DECISION_FIELDS = _("议定事项须写明责任单位和完成时限。")
OTHER_PLAN = _("议题须是本年度计划中的协调事项或任务。")
ALREADY_ON_AGENDA = _("该事项已列入本次会议议题。")
ALREADY_ACCEPTED = _("该议定事项已确认办结。")
NOT_DONE = _("责任单位报告办结后才能确认。")
EVIDENCE_REQUIRED = _("请写明办结依据（文件名称、文号或成果）。")
TEXT_REQUIRED = _("请填写内容。")


def _unit_people(unit_ids: Iterable[int]) -> list[User]:
    people = unit_recipients(set(unit_ids))
    return [user for users in people.values() for user in users]


def _reform_office() -> list[User]:
    return list(User.objects.filter(role=User.Role.COORDINATOR, is_active=True))


def _required(text: str, message=TEXT_REQUIRED) -> str:
    if not (text or "").strip():
        raise audit.DomainError(message)
    return text.strip()


# ---- Issues ---------------------------------------------------------------------------------


@transaction.atomic
def issue_raise(
    *,
    task: Task,
    title: str,
    blocker: str,
    needed_units: Iterable[Unit],
    by: User,
    urgency: str = CoordinationIssue.Urgency.NORMAL,
    evidence: str = "",
) -> CoordinationIssue:
    """Raise an issue on `task` for `by`'s unit; the units named are told and asked to answer."""
    if task.plan.status != Plan.Status.PUBLISHED:
        raise audit.DomainError(NOT_PUBLISHED)
    named = list(needed_units)
    units = {unit.pk: unit for unit in named if unit.pk != by.unit_id}
    if not units:
        raise audit.DomainError(NOT_OWN_UNIT if named else NEEDS_UNITS)
    issue = CoordinationIssue(
        task=task,
        raised_by_unit_id=by.unit_id,
        raised_by=by,
        title=_required(title),
        blocker=_required(blocker),
        urgency=urgency,
        evidence=(evidence or "").strip(),
    )
    issue.full_clean()
    audit.save(issue, by=by, reason="提出协调事项")
    issue.needed_units.set(units.values())
    notify(
        users=_unit_people(units),
        kind="coordination.issue",
        title=f"请协调：{task.path} {issue.title}（{issue.get_urgency_display()}）"[:200],
        body=f"{by.unit}提出：{issue.blocker}\n\n请在督办系统中答复。",
        link=reverse("coordination:issue-detail", args=[issue.pk]),
        by=by,
    )
    return issue


@transaction.atomic
def issue_reply(*, issue: CoordinationIssue, text: str, by: User) -> IssueReply:
    """Answer in the thread; everyone else the issue concerns is told."""
    if not issue.is_open:
        raise audit.DomainError(NOT_OPEN)
    reply = IssueReply(issue=issue, unit_id=by.unit_id, author=by, text=_required(text))
    audit.save(reply, by=by, reason="答复协调事项")
    others = {issue.raised_by_unit_id, *issue.needed_units.values_list("pk", flat=True)}
    others.discard(by.unit_id)
    notify(
        users=_unit_people(others) + ([] if by.role == User.Role.COORDINATOR else _reform_office()),
        kind="coordination.reply",
        title=f"{by.unit}答复了协调事项：{issue.title}"[:200],
        body=reply.text,
        link=reverse("coordination:issue-detail", args=[issue.pk]),
        by=by,
    )
    return reply


def _move(issue: CoordinationIssue, status: str, *, by: User, reason: str, cause=Cause.PERSON):
    issue.status = status
    audit.save(issue, by=by, fields=["status", "closing_note"], cause=cause, reason=reason)
    return issue


@transaction.atomic
def issue_withdraw(
    *, issue: CoordinationIssue, by: User, seen_version: int, reason: str = ""
) -> CoordinationIssue:
    """The raiser takes its issue back (solved another way); kept on record, hidden from lists."""
    if issue.status not in (Status.OPEN, Status.ON_AGENDA):
        raise audit.DomainError(ONLY_WAITING)
    issue.version = seen_version
    issue.closing_note = (reason or "").strip()
    return _move(issue, Status.WITHDRAWN, by=by, reason=f"撤回协调事项 {reason}".strip())


@transaction.atomic
def issue_close(
    *, issue: CoordinationIssue, note: str, by: User, seen_version: int
) -> CoordinationIssue:
    """The reform office records that the issue is settled."""
    if not issue.is_open:
        raise audit.DomainError(NOT_OPEN)
    issue.version = seen_version
    issue.closing_note = _required(note)
    return _move(issue, Status.CLOSED, by=by, reason="协调事项办结")


# ---- Meetings and their agenda --------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    plan: Plan,
    title: str,
    date: date,
    place: str,
    chair: str,
    by: User,
    start_time: time | None = None,
) -> Meeting:
    """A draft meeting convened by `by`'s unit; nothing is sent until it is convened."""
    if plan.status != Plan.Status.PUBLISHED:
        raise audit.DomainError(NOT_PUBLISHED)
    meeting = Meeting(
        plan=plan,
        title=_required(title),
        convened_by_unit_id=by.unit_id,
        convened_by=by,
        date=date,
        start_time=start_time,
        place=_required(place),
        chair=_required(chair),
    )
    meeting.full_clean()
    return audit.save(meeting, by=by, reason="筹备联席会议")


def _require_draft(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.DRAFT:
        raise audit.DomainError(MEETING_NOT_DRAFT)


@transaction.atomic
def meeting_set_units(
    *, meeting: Meeting, units: Iterable[Unit], by: User, seen_version: int
) -> Meeting:
    """Choose the participating units (the convenor always attends)."""
    _require_draft(meeting)
    chosen = {unit.pk: unit for unit in units}
    chosen.setdefault(meeting.convened_by_unit_id, meeting.convened_by_unit)
    meeting.version = seen_version
    names = "、".join(sorted(str(unit) for unit in chosen.values()))
    audit.save(meeting, by=by, fields=[], reason=f"参会单位：{names}")
    meeting.units.set(chosen.values())
    return meeting


def _next_position(meeting: Meeting) -> int:
    last = meeting.agenda.aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


@transaction.atomic
def agenda_add_issue(*, meeting: Meeting, issue: CoordinationIssue, by: User) -> AgendaItem:
    """Put an open issue on the agenda; the issue moves to 已列入议题."""
    _require_draft(meeting)
    if issue.task.plan_id != meeting.plan_id or not issue.is_open:
        raise audit.DomainError(OTHER_PLAN if issue.is_open else NOT_OPEN)
    if meeting.agenda.filter(issue=issue).exists():
        raise audit.DomainError(ALREADY_ON_AGENDA)
    item = AgendaItem(
        meeting=meeting,
        position=_next_position(meeting),
        title=issue.title,
        issue=issue,
        task=issue.task,
        reason=f"{issue.raised_by_unit}提出的协调事项",
    )
    audit.save(item, by=by, reason="列入议题")
    if issue.status == Status.OPEN:
        _move(issue, Status.ON_AGENDA, by=by, reason=f"列入{meeting.title}议题")
    return item


@transaction.atomic
def agenda_add_task(*, meeting: Meeting, task: Task, reason: str, by: User) -> AgendaItem:
    """Put a task that is red, blocked or shared by several departments on the agenda."""
    _require_draft(meeting)
    if task.plan_id != meeting.plan_id:
        raise audit.DomainError(OTHER_PLAN)
    if meeting.agenda.filter(task=task, issue__isnull=True).exists():
        raise audit.DomainError(ALREADY_ON_AGENDA)
    item = AgendaItem(
        meeting=meeting,
        position=_next_position(meeting),
        title=f"研究{task.path} {task.title}推进中的问题"[:300],
        task=task,
        reason=(reason or "").strip()[:200],
    )
    return audit.save(item, by=by, reason="列入议题")


@transaction.atomic
def meeting_convene(*, meeting: Meeting, by: User, seen_version: int) -> Meeting:
    """Send the meeting notice (会议通知) to every participating unit; the meeting gets its number."""
    _require_draft(meeting)
    if not meeting.agenda.exists() or meeting.units.count() < 2:
        raise audit.DomainError(NEEDS_AGENDA)
    last = Meeting.objects.filter(plan=meeting.plan).aggregate(last=Max("number"))["last"]
    meeting.number = (last or 0) + 1
    meeting.status = MeetingStatus.CONVENED
    meeting.convened_at = timezone.now()
    audit.save(
        meeting,
        by=by,
        fields=["number", "status", "convened_at"],
        seen_version=seen_version,
        reason="发出会议通知",
    )
    when = f"{meeting.date:%Y年%m月%d日}".replace("年0", "年").replace("月0", "月")
    notify(
        users=_unit_people(meeting.units.values_list("pk", flat=True)),
        kind="coordination.notice",
        title=f"会议通知：{meeting.title}（{when}，{meeting.place}）"[:200],
        body=f"请准时参会。主持人：{meeting.chair}。会议通知可在督办系统中下载。",
        link=reverse("coordination:meeting-detail", args=[meeting.pk]),
        by=by,
    )
    return meeting


@transaction.atomic
def meeting_start(*, meeting: Meeting, by: User, seen_version: int) -> Meeting:
    if meeting.status != MeetingStatus.CONVENED:
        raise audit.DomainError(NOT_CONVENED)
    meeting.status = MeetingStatus.IN_PROGRESS
    return audit.save(
        meeting, by=by, fields=["status"], seen_version=seen_version, reason="会议开始"
    )


@transaction.atomic
def outcome_record(
    *,
    meeting: Meeting,
    kind: str,
    text: str,
    by: User,
    agenda_item: AgendaItem | None = None,
    owner_unit: Unit | None = None,
    co_units: Iterable[Unit] = (),
    due_date: date | None = None,
    issues: Iterable[CoordinationIssue] = (),
) -> Outcome:
    """Record what the meeting concluded; a decision settles its issues (they become 已议定)."""
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise audit.DomainError(NOT_IN_PROGRESS)
    outcome = Outcome(meeting=meeting, agenda_item=agenda_item, kind=kind, text=_required(text))
    if outcome.is_owed:
        if owner_unit is None or due_date is None:
            raise audit.DomainError(DECISION_FIELDS)
        outcome.owner_unit, outcome.due_date = owner_unit, due_date
    last = meeting.outcomes.aggregate(last=Max("position"))["last"]
    outcome.position = (last or 0) + 1
    outcome.full_clean()
    audit.save(outcome, by=by, cause=Cause.MEETING, reason=f"{meeting.title}议定")
    issues = [i for i in issues if i.task.plan_id == meeting.plan_id]
    if agenda_item and agenda_item.issue and agenda_item.issue not in issues:
        issues.append(agenda_item.issue)
    if outcome.is_owed:
        outcome.co_units.set([u for u in co_units if u.pk != owner_unit.pk])
        outcome.issues.set(issues)
        _settle(issues, meeting=meeting, by=by)
    tasks = {issue.task_id for issue in issues} | ({agenda_item.task_id} if agenda_item else set())
    outcome.tasks.set(tasks)
    return outcome


def _settle(issues: list[CoordinationIssue], *, meeting: Meeting, by: User) -> None:
    for issue in issues:
        if issue.status in (Status.OPEN, Status.ON_AGENDA):
            _move(issue, Status.DECIDED, by=by, reason=f"{meeting.title}议定", cause=Cause.MEETING)


@transaction.atomic
def meeting_close(*, meeting: Meeting, summary: str, by: User, seen_version: int) -> Meeting:
    """End the meeting: its minutes can be issued and its decisions become owed work."""
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise audit.DomainError(NOT_IN_PROGRESS)
    meeting.summary = (summary or "").strip()
    meeting.status = MeetingStatus.CLOSED
    meeting.closed_at = timezone.now()
    audit.save(
        meeting,
        by=by,
        fields=["summary", "status", "closed_at"],
        seen_version=seen_version,
        reason="会议结束，印发纪要",
    )
    for outcome in meeting.outcomes.filter(kind__in=[Outcome.Kind.DECISION, Outcome.Kind.ACTION]):
        _tell_owner(outcome, by=by)
    return meeting


def _tell_owner(outcome: Outcome, *, by: User) -> None:
    supporters = list(outcome.co_units.values_list("pk", flat=True))
    notify(
        users=_unit_people([outcome.owner_unit_id, *supporters]),
        kind="coordination.decision",
        title=f"会议议定事项（{outcome.due_date:%Y-%m-%d}前）：{outcome.text}"[:200],
        body=f"{outcome.owner_unit}牵头办理。请按时报送进展，办结后报告办结依据。",
        link=reverse("coordination:decision-detail", args=[outcome.pk]),
        by=by,
    )


# ---- Reporting on a decision ----------------------------------------------------------------


@transaction.atomic
def decision_report_progress(*, outcome: Outcome, note: str, by: User) -> DecisionProgress:
    """The owner files a short progress note; the reform office sees it on the decision."""
    if outcome.status == Outcome.Status.ACCEPTED:
        raise audit.DomainError(ALREADY_ACCEPTED)
    progress = DecisionProgress(
        outcome=outcome, unit_id=by.unit_id, author=by, note=_required(note), reported_on=today()
    )
    return audit.save(progress, by=by, reason="报送议定事项进展")


@transaction.atomic
def decision_mark_done(
    *, outcome: Outcome, met_on: date, evidence: str, by: User, seen_version: int
) -> Outcome:
    """The owner reports the decision carried out on `met_on`, naming the evidence."""
    if outcome.status == Outcome.Status.ACCEPTED:
        raise audit.DomainError(ALREADY_ACCEPTED)
    if met_on > today():
        raise audit.DomainError(_("办结日期不能晚于今天。"))
    outcome.met_on, outcome.evidence = met_on, _required(evidence, EVIDENCE_REQUIRED)
    outcome.status = Outcome.Status.DONE
    audit.save(
        outcome,
        by=by,
        fields=["met_on", "evidence", "status"],
        seen_version=seen_version,
        reason="报告议定事项办结",
    )
    notify(
        users=_reform_office(),
        kind="coordination.decision_done",
        title=f"{outcome.owner_unit}报告议定事项办结：{outcome.text}"[:200],
        body=outcome.evidence,
        link=reverse("coordination:decision-detail", args=[outcome.pk]),
        by=by,
    )
    return outcome


@transaction.atomic
def decision_accept(*, outcome: Outcome, by: User, seen_version: int) -> Outcome:
    """The reform office accepts the owner's report: the decision's light turns to done."""
    if outcome.status != Outcome.Status.DONE:
        raise audit.DomainError(NOT_DONE)
    outcome.status = Outcome.Status.ACCEPTED
    outcome.accepted_on = today()
    audit.save(
        outcome,
        by=by,
        fields=["status", "accepted_on"],
        seen_version=seen_version,
        reason="确认议定事项办结",
    )
    notify(
        users=_unit_people([outcome.owner_unit_id]),
        kind="coordination.decision_accepted",
        title=f"议定事项已确认办结：{outcome.text}"[:200],
        link=reverse("coordination:decision-detail", args=[outcome.pk]),
        by=by,
    )
    return outcome
