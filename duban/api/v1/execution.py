"""The units' side of the cycle: implementation plans, milestones, progress reports, evidence,
extensions and leaders' 批示. Each endpoint: `access_*` → the service the page calls."""

from datetime import date, datetime
from typing import Annotated

from django.db.models import F
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from ninja import File, Query, Router, Schema, Status, UploadedFile
from pydantic import Field

from duban.api.v1.common import Id, Text, Version, answers, one_of, paged
from duban.execution.models import (
    Evidence,
    Extension,
    ImplementationPlan,
    LeaderComment,
    Milestone,
    ProgressReport,
)
from duban.execution.permissions import (
    access_evidence,
    access_extension,
    access_implementation_plan,
    access_lead_task,
    access_milestone,
    access_plan_to_file,
    access_progress_report,
    access_report_slot,
    access_task_to_comment,
    readable_reports,
    readable_unit_records,
)
from duban.execution.selectors.implementation_plans import implementation_plan_detail
from duban.execution.services import comments, evidence, extensions, milestones, reports
from duban.execution.services import implementation_plans as plans
from duban.lib.lookups import AnyOf
from duban.plans.models import Task

router = Router(tags=["execution"])

# What an evidence download can be: the kinds `evidence.check_file` accepts.
EVIDENCE_TYPES = [kind.content_type for kind in evidence.ACCEPTED_KINDS]

Percent = Annotated[int, Field(ge=0, le=100)]
Short = Annotated[str, Field(max_length=255)]


# ---- shapes ------------------------------------------------------------------------------------


class CommitmentOut(Schema):
    id: int
    task_id: int
    criterion: str
    steps: str
    version: int


class ImplementationPlanOut(Schema):
    id: int
    plan_id: int
    unit_id: int
    status: str
    narrative: str
    submitted_at: datetime | None
    first_submitted_at: datetime | None
    filed_at: datetime | None
    review_comment: str
    version: int


class ImplementationPlanDetailOut(ImplementationPlanOut):
    commitments: list[CommitmentOut]


class ImplementationPlanFilter(Schema):
    plan: Id | None = None
    unit: Id | None = None
    status: one_of(ImplementationPlan.Status) | None = None


class NarrativeIn(Schema):
    version: Version
    narrative: Text


class CommitmentIn(Schema):
    version: Version
    criterion: Text
    steps: Text


class SubmitIn(Schema):
    version: Version | None = None


class ReviewIn(Schema):
    version: Version
    comment: Text = ""


class MilestoneOut(Schema):
    id: int
    task_id: int
    unit_id: int
    implementation_plan_id: int | None
    title: str
    due_date: date
    deliverable: str
    responsible_person: str
    baseline_due: date | None
    added_after_filing: bool
    met_on: date | None
    met_note: str
    withdrawn: bool
    version: int


class MilestoneFilter(Schema):
    task: Id | None = None
    unit: Id | None = None
    implementation_plan: Id | None = None
    open: bool | None = Field(None, description="true: not yet met; false: met")
    withdrawn: bool = False


class MilestoneIn(Schema):
    title: Annotated[str, Field(min_length=1, max_length=255)]
    due_date: date
    deliverable: Short = ""
    responsible_person: Annotated[str, Field(max_length=64)] = ""


class MilestonePatch(MilestoneIn):
    version: Version


class TickIn(Schema):
    version: Version
    met_on: date
    met_note: Text = ""


class WithdrawIn(Schema):
    version: Version
    reason: Annotated[str, Field(max_length=100)] = ""


class ExtensionOut(Schema):
    id: int
    task_id: int
    milestone_id: int | None
    unit_id: int
    requested_at: datetime
    reason: str
    old_due: date
    new_due: date
    status: str
    decided_at: datetime | None
    decision_comment: str
    version: int


class ExtensionFilter(Schema):
    task: Id | None = None
    unit: Id | None = None
    status: one_of(Extension.Status) | None = None


class ExtensionIn(Schema):
    new_due: date
    reason: Text


class ReportOut(Schema):
    id: int
    task_id: int
    unit_id: int
    period_start: date
    period_end: date
    status: str
    percent: int
    percent_reason: str
    work_done: str
    problems: str
    next_steps: str
    review: str
    submitted_at: datetime | None
    reviewed_at: datetime | None
    review_comment: str
    version: int


class ReportFilter(Schema):
    task: Id | None = None
    unit: Id | None = None
    plan: Id | None = None
    review: one_of(ProgressReport.Review) | None = None
    period_start: date | None = None


class ReportIn(Schema):
    """A report's content; `percent` null takes the status's default for the period."""

    version: Version | None = Field(None, description="null for a new report")
    status: one_of(ProgressReport.Status)
    percent: Percent | None = None
    percent_reason: Short = ""
    work_done: Text = ""
    problems: Text = ""
    next_steps: Text = ""
    submit: bool = False


class EvidenceOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    report_id: int | None
    milestone_id: int | None
    implementation_plan_id: int | None
    uploaded_at: datetime


class CommentIn(Schema):
    text: Text
    report_id: Id | None = None


class CommentOut(Schema):
    id: int
    task_id: int
    report_id: int | None
    text: str
    created_at: datetime


# ---- implementation plans ----------------------------------------------------------------------


@router.get(
    "/implementation-plans",
    response=answers(list[ImplementationPlanOut]),
    operation_id="implementation_plan_list",
)
@paged("id")
def implementation_plan_list(request, filters: Query[ImplementationPlanFilter]):
    found = readable_unit_records(request.user, ImplementationPlan.objects.all())
    for name in ("plan", "unit", "status"):
        if value := getattr(filters, name):
            found = found.filter(**{name: value})
    return found


@router.get(
    "/implementation-plans/{implementation_plan_id}",
    response=answers(ImplementationPlanDetailOut),
    operation_id="implementation_plan_read",
)
def implementation_plan_read(request, implementation_plan_id: Id):
    access_implementation_plan(request.user, implementation_plan_id)
    return _detail(implementation_plan_id)


def _detail(implementation_plan_id: int) -> dict:
    found = implementation_plan_detail(implementation_plan_id)
    return {**ImplementationPlanOut.from_orm(found).dict(), "commitments": found.commitments.all()}


@router.post(
    "/plans/{plan_id}/implementation-plan",
    response=answers(ImplementationPlanDetailOut, 201),
    operation_id="implementation_plan_start",
)
def implementation_plan_start(request, plan_id: Id):
    """Start (or reopen) the caller's unit's 实施方案 for a plan in which it leads tasks."""
    plan = access_plan_to_file(request.user, plan_id)
    started = plans.implementation_plan_start(plan=plan, unit=request.user.unit, by=request.user)
    return Status(201, _detail(started.pk))


@router.patch(
    "/implementation-plans/{implementation_plan_id}",
    response=answers(ImplementationPlanDetailOut),
    operation_id="implementation_plan_update",
)
def implementation_plan_update(request, implementation_plan_id: Id, payload: NarrativeIn):
    found = access_implementation_plan(request.user, implementation_plan_id, write=True)
    plans.implementation_plan_update(
        implementation_plan=found,
        narrative=payload.narrative,
        seen_version=payload.version,
        by=request.user,
    )
    return _detail(found.pk)


@router.patch(
    "/implementation-plans/{implementation_plan_id}/commitments/{task_id}",
    response=answers(CommitmentOut),
    operation_id="commitment_update",
)
def commitment_update(request, implementation_plan_id: Id, task_id: Id, payload: CommitmentIn):
    """What the unit commits to for one of its tasks: the criterion and the steps."""
    found = access_implementation_plan(request.user, implementation_plan_id, write=True)
    commitment = get_object_or_404(found.commitments.select_related("task"), task_id=task_id)
    return plans.commitment_update(
        commitment=commitment,
        criterion=payload.criterion,
        steps=payload.steps,
        seen_version=payload.version,
        by=request.user,
    )


@router.post(
    "/implementation-plans/{implementation_plan_id}/submit",
    response=answers(ImplementationPlanDetailOut),
    operation_id="implementation_plan_submit",
)
def implementation_plan_submit(request, implementation_plan_id: Id, payload: SubmitIn):
    found = access_implementation_plan(request.user, implementation_plan_id, write=True)
    plans.implementation_plan_submit(
        implementation_plan=found, by=request.user, seen_version=payload.version
    )
    return _detail(found.pk)


def _review(request, implementation_plan_id: int, payload: ReviewIn, service) -> dict:
    found = access_implementation_plan(request.user, implementation_plan_id, review=True)
    service(
        implementation_plan=found,
        by=request.user,
        comment=payload.comment,
        seen_version=payload.version,
    )
    return _detail(found.pk)


@router.post(
    "/implementation-plans/{implementation_plan_id}/file",
    response=answers(ImplementationPlanDetailOut),
    operation_id="implementation_plan_file",
)
def implementation_plan_file(request, implementation_plan_id: Id, payload: ReviewIn):
    """File (备案) a submitted plan — the reform office's."""
    return _review(request, implementation_plan_id, payload, plans.implementation_plan_file)


@router.post(
    "/implementation-plans/{implementation_plan_id}/return",
    response=answers(ImplementationPlanDetailOut),
    operation_id="implementation_plan_return",
)
def implementation_plan_return(request, implementation_plan_id: Id, payload: ReviewIn):
    """Return a submitted plan to its unit with comments — the reform office's."""
    return _review(request, implementation_plan_id, payload, plans.implementation_plan_return)


@router.post(
    "/implementation-plans/{implementation_plan_id}/attachments",
    response=answers(EvidenceOut, 201),
    operation_id="implementation_plan_attach",
)
def implementation_plan_attach(request, implementation_plan_id: Id, file: File[UploadedFile]):
    found = access_implementation_plan(request.user, implementation_plan_id, write=True)
    stored = plans.implementation_plan_attach(
        implementation_plan=found, name=file.name or "upload", content=file.read(), by=request.user
    )
    return Status(201, stored)


# ---- milestones --------------------------------------------------------------------------------


@router.get("/milestones", response=answers(list[MilestoneOut]), operation_id="milestone_list")
@paged("id")
def milestone_list(request, filters: Query[MilestoneFilter]):
    found = readable_unit_records(request.user, Milestone.objects.all())
    found = found.filter(withdrawn=filters.withdrawn)
    for name in ("task", "unit", "implementation_plan"):
        if value := getattr(filters, name):
            found = found.filter(**{name: value})
    if filters.open is not None:
        found = found.filter(met_on__isnull=filters.open)
    return found


@router.get(
    "/milestones/{milestone_id}", response=answers(MilestoneOut), operation_id="milestone_read"
)
def milestone_read(request, milestone_id: Id):
    return access_milestone(request.user, milestone_id)


@router.post(
    "/implementation-plans/{implementation_plan_id}/tasks/{task_id}/milestones",
    response=answers(MilestoneOut, 201),
    operation_id="milestone_add",
)
def milestone_add(request, implementation_plan_id: Id, task_id: Id, payload: MilestoneIn):
    found = access_implementation_plan(request.user, implementation_plan_id, write=True)
    commitment = get_object_or_404(found.commitments.select_related("task"), task_id=task_id)
    added = milestones.milestone_add(
        implementation_plan=found, task=commitment.task, by=request.user, **payload.dict()
    )
    return Status(201, added)


@router.patch(
    "/milestones/{milestone_id}", response=answers(MilestoneOut), operation_id="milestone_update"
)
def milestone_update(request, milestone_id: Id, payload: MilestonePatch):
    milestone = access_milestone(request.user, milestone_id, write=True)
    data = payload.dict()
    seen_version = data.pop("version")
    return milestones.milestone_update(
        milestone=milestone, seen_version=seen_version, by=request.user, **data
    )


@router.post(
    "/milestones/{milestone_id}/withdraw",
    response=answers(MilestoneOut),
    operation_id="milestone_withdraw",
)
def milestone_withdraw(request, milestone_id: Id, payload: WithdrawIn):
    milestone = access_milestone(request.user, milestone_id, write=True)
    return milestones.milestone_withdraw(
        milestone=milestone, by=request.user, seen_version=payload.version, reason=payload.reason
    )


@router.post(
    "/milestones/{milestone_id}/tick", response=answers(MilestoneOut), operation_id="milestone_tick"
)
def milestone_tick(request, milestone_id: Id, payload: TickIn):
    """Mark the milestone met on `met_on` (not in the future)."""
    milestone = access_milestone(request.user, milestone_id, write=True)
    return milestones.milestone_tick(
        milestone=milestone,
        met_on=payload.met_on,
        met_note=payload.met_note,
        seen_version=payload.version,
        by=request.user,
    )


@router.post(
    "/milestones/{milestone_id}/evidence",
    response=answers(EvidenceOut, 201),
    operation_id="milestone_evidence_attach",
)
def milestone_evidence_attach(request, milestone_id: Id, file: File[UploadedFile]):
    milestone = access_milestone(request.user, milestone_id, write=True)
    stored = milestones.milestone_evidence_attach(
        milestone=milestone, name=file.name or "upload", content=file.read(), by=request.user
    )
    return Status(201, stored)


# ---- extensions --------------------------------------------------------------------------------


@router.get("/extensions", response=answers(list[ExtensionOut]), operation_id="extension_list")
@paged("id")
def extension_list(request, filters: Query[ExtensionFilter]):
    found = readable_unit_records(request.user, Extension.objects.all())
    for name in ("task", "unit", "status"):
        if value := getattr(filters, name):
            found = found.filter(**{name: value})
    return found.order_by()


@router.get(
    "/extensions/{extension_id}", response=answers(ExtensionOut), operation_id="extension_read"
)
def extension_read(request, extension_id: Id):
    return access_extension(request.user, extension_id)


@router.post(
    "/milestones/{milestone_id}/extensions",
    response=answers(ExtensionOut, 201),
    operation_id="extension_request_milestone",
)
def extension_request_milestone(request, milestone_id: Id, payload: ExtensionIn):
    """Ask for a milestone's due date to move (延期申请)."""
    milestone = access_milestone(request.user, milestone_id, write=True)
    asked = extensions.extension_request(
        task=milestone.task, milestone=milestone, by=request.user, **payload.dict()
    )
    return Status(201, asked)


@router.post(
    "/tasks/{task_id}/extensions",
    response=answers(ExtensionOut, 201),
    operation_id="extension_request_task",
)
def extension_request_task(request, task_id: Id, payload: ExtensionIn):
    """Ask for the task's own deadline to move — its lead unit's editors only."""
    task = access_lead_task(request.user, task_id)
    asked = extensions.extension_request(
        task=task, milestone=None, by=request.user, **payload.dict()
    )
    return Status(201, asked)


def _decide(request, extension_id: int, payload: ReviewIn, service) -> Extension:
    extension = access_extension(request.user, extension_id, decide=True)
    service(
        extension=extension, by=request.user, comment=payload.comment, seen_version=payload.version
    )
    return access_extension(request.user, extension_id)


@router.post(
    "/extensions/{extension_id}/approve",
    response=answers(ExtensionOut),
    operation_id="extension_approve",
)
def extension_approve(request, extension_id: Id, payload: ReviewIn):
    return _decide(request, extension_id, payload, extensions.extension_approve)


@router.post(
    "/extensions/{extension_id}/refuse",
    response=answers(ExtensionOut),
    operation_id="extension_refuse",
)
def extension_refuse(request, extension_id: Id, payload: ReviewIn):
    return _decide(request, extension_id, payload, extensions.extension_refuse)


# ---- progress reports --------------------------------------------------------------------------


@router.get("/reports", response=answers(list[ReportOut]), operation_id="report_list")
@paged("id")
def report_list(request, filters: Query[ReportFilter]):
    found = readable_reports(request.user, ProgressReport.objects.all())
    for name in ("task", "unit", "review", "period_start"):
        if value := getattr(filters, name):
            found = found.filter(**{name: value})
    if filters.plan:
        found = found.filter(
            AnyOf(F("task_id"), Task.objects.filter(plan_id=filters.plan).values("id"))
        )
    return found.order_by()


@router.get("/reports/{report_id}", response=answers(ReportOut), operation_id="report_read")
def report_read(request, report_id: Id):
    return access_progress_report(request.user, report_id)


@router.put(
    "/tasks/{task_id}/reports/{period_start}",
    response=answers(ReportOut),
    operation_id="report_save",
)
def report_save(request, task_id: Id, period_start: date, payload: ReportIn):
    """Fill in the caller's unit's report on a task for the period starting `period_start`
    (a month's or quarter's first day); with `submit`, send it for review."""
    assignment = access_report_slot(request.user, task_id)
    content = reports.ReportContent(
        **payload.dict(exclude={"version", "submit"}),
    )
    return reports.progress_report_file(
        task=assignment.task,
        unit=assignment.unit,
        period_start=period_start,
        content=content,
        seen_version=payload.version,
        submit=payload.submit,
        by=request.user,
    )


@router.post(
    "/reports/{report_id}/submit", response=answers(ReportOut), operation_id="report_submit"
)
def report_submit(request, report_id: Id):
    report = access_progress_report(request.user, report_id, write=True)
    return reports.progress_report_submit(report=report, by=request.user)


@router.post(
    "/reports/{report_id}/accept", response=answers(ReportOut), operation_id="report_accept"
)
def report_accept(request, report_id: Id, payload: ReviewIn):
    report = access_progress_report(request.user, report_id, review=True)
    reports.progress_report_accept(
        report=report, comment=payload.comment, seen_version=payload.version, by=request.user
    )
    return access_progress_report(request.user, report_id)


@router.post(
    "/reports/{report_id}/return", response=answers(ReportOut), operation_id="report_return"
)
def report_return(request, report_id: Id, payload: ReviewIn):
    """Send a submitted report back with the reason (退回)."""
    report = access_progress_report(request.user, report_id, review=True)
    reports.progress_report_return(
        report=report, reason=payload.comment, seen_version=payload.version, by=request.user
    )
    return access_progress_report(request.user, report_id)


# ---- evidence ----------------------------------------------------------------------------------


@router.get(
    "/reports/{report_id}/evidence",
    response=answers(list[EvidenceOut]),
    operation_id="report_evidence_list",
)
def report_evidence_list(request, report_id: Id):
    report = access_progress_report(request.user, report_id)
    return report.evidence.filter(withdrawn=False).order_by("uploaded_at", "id")


@router.post(
    "/reports/{report_id}/evidence",
    response=answers(EvidenceOut, 201),
    operation_id="evidence_attach",
)
def evidence_attach(request, report_id: Id, file: File[UploadedFile]):
    report = access_progress_report(request.user, report_id, write=True)
    stored = evidence.evidence_attach(
        report=report, name=file.name or "upload", content=file.read(), by=request.user
    )
    return Status(201, stored)


@router.get("/evidence/{evidence_id}", response=answers(EvidenceOut), operation_id="evidence_read")
def evidence_read(request, evidence_id: Id):
    return access_evidence(request.user, evidence_id)


@router.get(
    "/evidence/{evidence_id}/file",
    response=answers(bytes),
    operation_id="evidence_download",
    openapi_extra={"responses": {200: {"content": {kind: {} for kind in EVIDENCE_TYPES}}}},
)
def evidence_download(request, evidence_id: Id):
    found: Evidence = access_evidence(request.user, evidence_id)
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )


@router.post(
    "/evidence/{evidence_id}/withdraw",
    response=answers(EvidenceOut),
    operation_id="evidence_withdraw",
)
def evidence_withdraw(request, evidence_id: Id):
    found = access_evidence(request.user, evidence_id, write=True)
    return evidence.evidence_withdraw(evidence=found, by=request.user)


# ---- leaders' comments -------------------------------------------------------------------------


@router.post(
    "/tasks/{task_id}/comments", response=answers(CommentOut, 201), operation_id="comment_add"
)
def comment_add(request, task_id: Id, payload: CommentIn):
    """A leader's 批示 on a task (and one of its reports)."""
    task = access_task_to_comment(request.user, task_id)
    report = get_object_or_404(task.reports, pk=payload.report_id) if payload.report_id else None
    made: LeaderComment = comments.leader_comment_create(
        task=task, report=report, text=payload.text, by=request.user
    )
    return Status(201, made)
