"""Coordination (协调): issues raised on a task and their threads, joint meetings (联席会议) from
draft to minutes, their outcomes, and the owner's reports on a decision. Each endpoint:
`coordination.permissions.access_*` → the service the page calls. Registered from the
coordination app's `ready()`."""

from datetime import date, datetime, time
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from duban.api.v1.common import Id, Text, Version, answers, filtered, one_of, paged
from duban.coordination import selectors, services
from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.coordination.permissions import (
    access_decision,
    access_issue,
    access_meeting,
    access_plan_to_convene,
    access_task_for_issue,
)
from duban.lib.clock import today
from duban.plans.models import Task

router = Router(tags=["coordination"])

Title = Annotated[Text, Field(min_length=1, max_length=200)]
Short = Annotated[Text, Field(max_length=200)]
Ids = Annotated[list[Id], Field(max_length=200)]


# ---- shapes ------------------------------------------------------------------------------------


class IssueOut(Schema):
    id: int
    task_id: int
    raised_by_unit_id: int
    title: str
    blocker: str
    needed_unit_ids: list[int]
    urgency: str
    evidence: str
    status: str
    closing_note: str
    created_at: datetime
    version: int

    @staticmethod
    def resolve_needed_unit_ids(issue: CoordinationIssue) -> list[int]:
        return sorted(unit.pk for unit in issue.needed_units.all())


class ReplyOut(Schema):
    id: int
    unit_id: int | None
    text: str
    created_at: datetime


class IssueDetailOut(IssueOut):
    replies: list[ReplyOut]

    @staticmethod
    def resolve_replies(issue: CoordinationIssue):
        return issue.replies.all()


class IssueFilter(Schema):
    plan: Id | None = None
    task: Id | None = None
    raised_by_unit: Id | None = None
    status: one_of(CoordinationIssue.Status) | None = None
    urgency: one_of(CoordinationIssue.Urgency) | None = None


class IssueIn(Schema):
    title: Title
    blocker: Text
    needed_unit_ids: Annotated[list[Id], Field(min_length=1, max_length=200)]
    urgency: one_of(CoordinationIssue.Urgency) = CoordinationIssue.Urgency.NORMAL
    evidence: Text = ""


class ReplyIn(Schema):
    text: Text


class WithdrawIn(Schema):
    version: Version
    reason: Annotated[Text, Field(max_length=300)] = ""


class CloseIssueIn(Schema):
    version: Version
    note: Text


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str
    issue_id: int | None
    task_id: int
    reason: str


class OutcomeOut(Schema):
    id: int
    meeting_id: int
    agenda_item_id: int | None
    kind: str
    text: str
    owner_unit_id: int | None
    co_unit_ids: list[int]
    due_date: date | None
    issue_ids: list[int]
    task_ids: list[int]
    status: str
    met_on: date | None
    evidence: str
    accepted_on: date | None
    position: int
    version: int

    @staticmethod
    def resolve_co_unit_ids(outcome: Outcome) -> list[int]:
        return sorted(unit.pk for unit in outcome.co_units.all())

    @staticmethod
    def resolve_issue_ids(outcome: Outcome) -> list[int]:
        return sorted(issue.pk for issue in outcome.issues.all())

    @staticmethod
    def resolve_task_ids(outcome: Outcome) -> list[int]:
        return sorted(task.pk for task in outcome.tasks.all())


class MeetingOut(Schema):
    id: int
    plan_id: int
    title: str
    convened_by_unit_id: int
    date: date
    start_time: time | None
    place: str
    chair: str
    unit_ids: list[int]
    status: str
    number: int | None
    summary: str
    convened_at: datetime | None
    closed_at: datetime | None
    version: int

    @staticmethod
    def resolve_unit_ids(meeting: Meeting) -> list[int]:
        return sorted(unit.pk for unit in meeting.units.all())


class MeetingDetailOut(MeetingOut):
    agenda: list[AgendaItemOut]
    outcomes: list[OutcomeOut]

    @staticmethod
    def resolve_agenda(meeting: Meeting):
        return meeting.agenda.all()

    @staticmethod
    def resolve_outcomes(meeting: Meeting):
        return meeting.outcomes.prefetch_related("co_units", "issues", "tasks")


class MeetingFilter(Schema):
    plan: Id | None = None
    status: one_of(Meeting.Status) | None = None
    convened_by_unit: Id | None = None


class MeetingIn(Schema):
    title: Title
    date: date
    start_time: time | None = None
    place: Title
    chair: Annotated[Text, Field(min_length=1, max_length=100)]


class UnitsIn(Schema):
    version: Version
    unit_ids: Ids


class AgendaIn(Schema):
    """An open issue of the meeting's plan (`issue_id`), or one of its tasks (`task_id`)."""

    issue_id: Id | None = None
    task_id: Id | None = None
    reason: Short = ""


class VersionIn(Schema):
    version: Version


class OutcomeIn(Schema):
    """Decisions and actions need `owner_unit_id` and `due_date`; information needs neither."""

    kind: one_of(Outcome.Kind)
    text: Text
    agenda_item_id: Id | None = None
    owner_unit_id: Id | None = None
    co_unit_ids: Ids = []
    due_date: date | None = None
    issue_ids: Ids = []


class CloseMeetingIn(Schema):
    version: Version
    summary: Text = ""


class ProgressOut(Schema):
    id: int
    unit_id: int
    note: str
    reported_on: date
    created_at: datetime


class DecisionLightOut(Schema):
    colour: str
    label: str
    reasons: list[str]


class DecisionDetailOut(OutcomeOut):
    light: DecisionLightOut
    progress: list[ProgressOut]

    @staticmethod
    def resolve_light(outcome: Outcome) -> dict:
        light = selectors.light_of(outcome, today())
        reasons = [str(reason) for reason in light.reasons]
        return {"colour": light.colour, "label": str(light.label), "reasons": reasons}

    @staticmethod
    def resolve_progress(outcome: Outcome):
        return outcome.progress.all()


class DecisionFilter(Schema):
    plan: Id | None = None
    meeting: Id | None = None
    owner_unit: Id | None = None
    status: one_of(Outcome.Status) | None = None


class ProgressIn(Schema):
    note: Text


class DoneIn(Schema):
    version: Version
    met_on: date
    evidence: Text


# ---- picking what an input names ---------------------------------------------------------------


def _units(queryset, ids: list[int], field: str) -> list:
    """The units `ids` names, each one the page would offer (a unit with a share in the plan)."""
    found = list(queryset.filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise ValidationError({field: _("所选单位不在本年度计划的责任单位中。")})
    return found


def _issue_out(issue_id: int) -> CoordinationIssue:
    return CoordinationIssue.objects.prefetch_related("needed_units", "replies").get(pk=issue_id)


def _meeting_out(meeting_id: int) -> Meeting:
    return Meeting.objects.prefetch_related("units", "agenda").get(pk=meeting_id)


def _decision_out(outcome: Outcome) -> Outcome:
    related = ("co_units", "issues", "tasks", "progress")
    return Outcome.objects.select_related("meeting").prefetch_related(*related).get(pk=outcome.pk)


# ---- issues ------------------------------------------------------------------------------------


@router.get("/coordination-issues", response=answers(list[IssueOut]), operation_id="issue_list")
@paged("-id")
def issue_list(request, filters: Query[IssueFilter]):
    """Issues the caller may see (withdrawn ones hidden): the office and leaders see all; a unit
    those it raised, is named in, or shares the task of."""
    found = selectors.issues_for_user(request.user)
    return filtered(
        found,
        filters,
        {
            "plan": "task__plan",
            "task": "task",
            "raised_by_unit": "raised_by_unit",
            "status": "status",
            "urgency": "urgency",
        },
    )


@router.get(
    "/coordination-issues/{issue_id}", response=answers(IssueDetailOut), operation_id="issue_read"
)
def issue_read(request, issue_id: Id):
    access_issue(request.user, issue_id)
    return _issue_out(issue_id)


@router.post(
    "/tasks/{task_id}/coordination-issues",
    response=answers(IssueDetailOut, 201),
    operation_id="issue_raise",
)
def issue_raise(request, task_id: Id, payload: IssueIn):
    """Raise an issue on a task the caller's unit is assigned to; the units named are told."""
    task = access_task_for_issue(request.user, task_id)
    offered = selectors.plan_units(task.plan).exclude(pk=request.user.unit_id)
    raised = services.issue_raise(
        task=task,
        title=payload.title,
        blocker=payload.blocker,
        needed_units=_units(offered, payload.needed_unit_ids, "needed_unit_ids"),
        urgency=payload.urgency,
        evidence=payload.evidence,
        by=request.user,
    )
    return Status(201, _issue_out(raised.pk))


@router.post(
    "/coordination-issues/{issue_id}/replies",
    response=answers(ReplyOut, 201),
    operation_id="issue_reply",
)
def issue_reply(request, issue_id: Id, payload: ReplyIn):
    issue = access_issue(request.user, issue_id, answer=True)
    return Status(201, services.issue_reply(issue=issue, text=payload.text, by=request.user))


@router.post(
    "/coordination-issues/{issue_id}/withdraw",
    response=answers(IssueDetailOut),
    operation_id="issue_withdraw",
)
def issue_withdraw(request, issue_id: Id, payload: WithdrawIn):
    """The raising unit takes its issue back until it is decided."""
    issue = access_issue(request.user, issue_id, withdraw=True)
    services.issue_withdraw(
        issue=issue, reason=payload.reason, seen_version=payload.version, by=request.user
    )
    return _issue_out(issue.pk)


@router.post(
    "/coordination-issues/{issue_id}/close",
    response=answers(IssueDetailOut),
    operation_id="issue_close",
)
def issue_close(request, issue_id: Id, payload: CloseIssueIn):
    """The reform office records the issue as settled."""
    issue = access_issue(request.user, issue_id, close=True)
    services.issue_close(
        issue=issue, note=payload.note, seen_version=payload.version, by=request.user
    )
    return _issue_out(issue.pk)


# ---- meetings ----------------------------------------------------------------------------------


@router.get("/meetings", response=answers(list[MeetingOut]), operation_id="meeting_list")
@paged("-id")
def meeting_list(request, filters: Query[MeetingFilter]):
    """Meetings the caller may read: the office and leaders all; a unit those it convened,
    attends, or owes or supports a decision of."""
    found = selectors.meetings_for_user(request.user).prefetch_related("units")
    return filtered(
        found, filters, {"plan": "plan", "status": "status", "convened_by_unit": "convened_by_unit"}
    )


@router.get(
    "/meetings/{meeting_id}", response=answers(MeetingDetailOut), operation_id="meeting_read"
)
def meeting_read(request, meeting_id: Id):
    access_meeting(request.user, meeting_id)
    return _meeting_out(meeting_id)


@router.post(
    "/plans/{plan_id}/meetings",
    response=answers(MeetingDetailOut, 201),
    operation_id="meeting_create",
)
def meeting_create(request, plan_id: Id, payload: MeetingIn):
    """A draft meeting convened by the caller's unit (or the reform office); nothing is sent."""
    plan = access_plan_to_convene(request.user, plan_id)
    made = services.meeting_create(plan=plan, by=request.user, **payload.dict())
    return Status(201, _meeting_out(made.pk))


@router.put(
    "/meetings/{meeting_id}/units",
    response=answers(MeetingDetailOut),
    operation_id="meeting_units_set",
)
def meeting_units_set(request, meeting_id: Id, payload: UnitsIn):
    """The participating units of a draft meeting (the convening unit always attends)."""
    meeting = access_meeting(request.user, meeting_id, run=True)
    units = _units(selectors.plan_units(meeting.plan), payload.unit_ids, "unit_ids")
    services.meeting_set_units(
        meeting=meeting, units=units, seen_version=payload.version, by=request.user
    )
    return _meeting_out(meeting.pk)


@router.post(
    "/meetings/{meeting_id}/agenda",
    response=answers(AgendaItemOut, 201),
    operation_id="agenda_add",
)
def agenda_add(request, meeting_id: Id, payload: AgendaIn):
    """Put an open issue, or a task of the meeting's plan, on a draft meeting's agenda."""
    meeting = access_meeting(request.user, meeting_id, run=True)
    if payload.issue_id:
        issue = access_issue(request.user, payload.issue_id)
        item = services.agenda_add_issue(meeting=meeting, issue=issue, by=request.user)
        return Status(201, item)
    if not payload.task_id:
        raise ValidationError({"issue_id": _("请选择要列入议题的协调事项或任务。")})
    task = Task.objects.filter(pk=payload.task_id, plan=meeting.plan).first()
    if task is None:
        raise ValidationError({"task_id": services.OTHER_PLAN})
    item = services.agenda_add_task(
        meeting=meeting, task=task, reason=payload.reason, by=request.user
    )
    return Status(201, item)


def _step(request, meeting_id: int, version: int, service) -> Meeting:
    meeting = access_meeting(request.user, meeting_id, run=True)
    service(meeting=meeting, seen_version=version, by=request.user)
    return _meeting_out(meeting.pk)


@router.post(
    "/meetings/{meeting_id}/convene",
    response=answers(MeetingDetailOut),
    operation_id="meeting_convene",
)
def meeting_convene(request, meeting_id: Id, payload: VersionIn):
    """Send the meeting notice (会议通知) to every participating unit; the meeting is numbered."""
    return _step(request, meeting_id, payload.version, services.meeting_convene)


@router.post(
    "/meetings/{meeting_id}/start",
    response=answers(MeetingDetailOut),
    operation_id="meeting_start",
)
def meeting_start(request, meeting_id: Id, payload: VersionIn):
    return _step(request, meeting_id, payload.version, services.meeting_start)


@router.post(
    "/meetings/{meeting_id}/outcomes",
    response=answers(OutcomeOut, 201),
    operation_id="outcome_record",
)
def outcome_record(request, meeting_id: Id, payload: OutcomeIn):
    """Record what the meeting concluded; a decision settles the issues it names."""
    meeting = access_meeting(request.user, meeting_id, run=True)
    item = None
    if payload.agenda_item_id:
        item = meeting.agenda.filter(pk=payload.agenda_item_id).first()
        if item is None:
            raise ValidationError({"agenda_item_id": _("该议题不属于本次会议。")})
    units = selectors.plan_units(meeting.plan)
    owner = _units(units, [payload.owner_unit_id], "owner_unit_id") if payload.owner_unit_id else []
    on_agenda = CoordinationIssue.objects.filter(agenda_items__meeting=meeting)
    issues = list(on_agenda.filter(pk__in=payload.issue_ids))
    if len(issues) != len(set(payload.issue_ids)):
        raise ValidationError({"issue_ids": _("所选协调事项不在本次会议的议题中。")})
    made = services.outcome_record(
        meeting=meeting,
        kind=payload.kind,
        text=payload.text,
        agenda_item=item,
        owner_unit=owner[0] if owner else None,
        co_units=_units(units, payload.co_unit_ids, "co_unit_ids"),
        due_date=payload.due_date,
        issues=issues,
        by=request.user,
    )
    return Status(201, made)


@router.post(
    "/meetings/{meeting_id}/close",
    response=answers(MeetingDetailOut),
    operation_id="meeting_close",
)
def meeting_close(request, meeting_id: Id, payload: CloseMeetingIn):
    """End the meeting: the minutes can be issued and its decisions are handed out."""
    meeting = access_meeting(request.user, meeting_id, run=True)
    services.meeting_close(
        meeting=meeting, summary=payload.summary, seen_version=payload.version, by=request.user
    )
    return _meeting_out(meeting.pk)


# ---- decisions ---------------------------------------------------------------------------------


@router.get("/decisions", response=answers(list[OutcomeOut]), operation_id="decision_list")
@paged("id")
def decision_list(request, filters: Query[DecisionFilter]):
    """Decisions and actions (议定事项) of the meetings the caller may read."""
    found = selectors.decisions_for_user(request.user).prefetch_related(
        "co_units", "issues", "tasks"
    )
    return filtered(
        found,
        filters,
        {
            "plan": "meeting__plan",
            "meeting": "meeting",
            "owner_unit": "owner_unit",
            "status": "status",
        },
    )


@router.get(
    "/decisions/{outcome_id}", response=answers(DecisionDetailOut), operation_id="decision_read"
)
def decision_read(request, outcome_id: Id):
    """A decision with its light (judged by the milestone rules) and the owner's progress notes."""
    return _decision_out(access_decision(request.user, outcome_id))


@router.post(
    "/decisions/{outcome_id}/progress",
    response=answers(ProgressOut, 201),
    operation_id="decision_progress",
)
def decision_progress(request, outcome_id: Id, payload: ProgressIn):
    outcome = access_decision(request.user, outcome_id, report=True)
    made = services.decision_report_progress(outcome=outcome, note=payload.note, by=request.user)
    return Status(201, made)


@router.post(
    "/decisions/{outcome_id}/done",
    response=answers(DecisionDetailOut),
    operation_id="decision_done",
)
def decision_done(request, outcome_id: Id, payload: DoneIn):
    """The owner unit reports the decision carried out, naming the evidence."""
    outcome = access_decision(request.user, outcome_id, report=True)
    services.decision_mark_done(
        outcome=outcome,
        met_on=payload.met_on,
        evidence=payload.evidence,
        seen_version=payload.version,
        by=request.user,
    )
    return _decision_out(outcome)


@router.post(
    "/decisions/{outcome_id}/accept",
    response=answers(DecisionDetailOut),
    operation_id="decision_accept",
)
def decision_accept(request, outcome_id: Id, payload: VersionIn):
    """The reform office accepts the owner's report: the decision is done."""
    outcome = access_decision(request.user, outcome_id, accept=True)
    services.decision_accept(outcome=outcome, seen_version=payload.version, by=request.user)
    return _decision_out(outcome)
