"""Records of one unit (省财政厅) for the API tests, made through the services the pages call.

`finance_records` gives 省财政厅's implementation plan (a draft), a milestone, a June report
with an evidence file, an extension request, a 催办 notice to the unit and the notification it
sent, a token of its editor, its coordination issue (naming 省发展改革委), the joint meeting
it is preparing on that issue, and a decision it owes from a meeting it held — everything
another unit's token must not reach. `assessment_records` adds a computed (draft) version of
the year's assessment, 省财政厅's score in it and its objection (a separate fixture: computing
takes seconds).
"""

from dataclasses import dataclass
from datetime import date

import pytest

from duban.api.models import ApiToken
from duban.api.services import api_token_create
from duban.assessment.models import Assessment, Objection, Score
from duban.assessment.services import assessment_compute, objection_file
from duban.coordination import services as coordination
from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.execution.models import (
    Evidence,
    Extension,
    ImplementationPlan,
    Milestone,
    ProgressReport,
)
from duban.execution.services.evidence import evidence_attach
from duban.execution.services.extensions import extension_request
from duban.execution.services.implementation_plans import implementation_plan_start
from duban.execution.services.milestones import milestone_add
from duban.execution.services.reports import ReportContent, progress_report_save
from duban.notifications.models import Notification
from duban.plans.models import Assignment, Plan, Task
from duban.supervision.models import Urge
from duban.supervision.services import urge_send

# The demo's date: mid-year, the June report due, the milestone still ahead.
AS_OF = date(2012, 6, 15)
PDF = b"%PDF-1.4\n% evidence for the API tests\n"


@dataclass
class FinanceRecords:
    plan: Plan
    task: Task
    assignment: Assignment
    implementation_plan: ImplementationPlan
    milestone: Milestone
    report: ProgressReport
    evidence: Evidence
    extension: Extension
    urge: Urge
    notification: Notification
    token: ApiToken
    issue: CoordinationIssue
    meeting: Meeting
    decision: Outcome


@pytest.fixture
def as_of(settings):
    settings.DUBAN_TODAY = AS_OF
    return AS_OF


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def token_for(user, scope: str = ApiToken.Scope.WRITE) -> str:
    return api_token_create(user=user, name="测试脚本", scope=scope, by=user)[1]


def _meeting(plan, title: str, by) -> Meeting:
    return coordination.meeting_create(
        plan=plan,
        title=title,
        date=date(2012, 6, 12),
        place="省财政厅会议室",
        chair="省财政厅副厅长 李华",
        by=by,
    )


def _decision_held(plan, task, units, by) -> Outcome:
    """A meeting 省财政厅 convened, held and closed on `task`, with one decision it owes."""
    meeting = _meeting(plan, "预算改革推进会", by)
    item = coordination.agenda_add_task(meeting=meeting, task=task, reason="共同推进", by=by)
    coordination.meeting_set_units(meeting=meeting, units=units, by=by, seen_version=1)
    meeting = coordination.meeting_convene(meeting=meeting, by=by, seen_version=2)
    meeting = coordination.meeting_start(meeting=meeting, by=by, seen_version=3)
    decision = coordination.outcome_record(
        meeting=meeting,
        kind=Outcome.Kind.DECISION,
        text="省财政厅牵头制定预算项目库共享办法。",
        agenda_item=item,
        owner_unit=by.unit,
        due_date=date(2012, 10, 15),
        by=by,
    )
    coordination.meeting_close(meeting=meeting, summary="", by=by, seen_version=4)
    return decision


@pytest.fixture
def finance_records(as_of, caizheng, coordinator, lanzhou, fagai) -> FinanceRecords:
    plan = Plan.objects.published().get()
    implementation_plan = implementation_plan_start(plan=plan, unit=caizheng.unit, by=caizheng)
    # A task 省财政厅 leads and 兰州市 has no share of, so 兰州市 cannot reach its records.
    commitment = (
        implementation_plan.commitments.exclude(task__assignments__unit=lanzhou.unit)
        .select_related("task")
        .first()
    )
    task = commitment.task
    milestone = milestone_add(
        implementation_plan=implementation_plan,
        task=task,
        title="制定工作方案",
        due_date=date(2012, 11, 30),
        by=caizheng,
    )
    report = progress_report_save(
        task=task,
        unit=caizheng.unit,
        period_start=date(2012, 6, 1),
        content=ReportContent(status=ProgressReport.Status.ON_TRACK, percent=None),
        by=caizheng,
    )
    urge = urge_send(unit=caizheng.unit, message="请加快推进。", by=coordinator)
    issue = coordination.issue_raise(
        task=task,
        title="项目库数据无法共享",
        blocker="投资项目库与预算系统不联通。",
        needed_units=[fagai.unit],
        by=caizheng,
    )
    meeting = _meeting(plan, "项目库数据共享协调会", caizheng)
    coordination.agenda_add_issue(meeting=meeting, issue=issue, by=caizheng)
    units = [caizheng.unit, fagai.unit]
    decision = _decision_held(plan, task, units, caizheng)
    return FinanceRecords(
        plan=plan,
        task=task,
        assignment=task.assignments.get(unit=caizheng.unit),
        implementation_plan=implementation_plan,
        milestone=milestone,
        report=report,
        evidence=evidence_attach(report=report, name="进展.pdf", content=PDF, by=caizheng),
        extension=extension_request(
            task=task,
            milestone=milestone,
            new_due=date(2012, 12, 20),
            reason="需要等待国家政策出台。",
            by=caizheng,
        ),
        urge=urge,
        notification=Notification.objects.filter(user=caizheng).latest("id"),
        token=api_token_create(user=caizheng, name="省财政厅脚本", scope="write", by=caizheng)[0],
        issue=CoordinationIssue.objects.get(pk=issue.pk),
        meeting=Meeting.objects.get(pk=meeting.pk),
        decision=Outcome.objects.get(pk=decision.pk),
    )


@dataclass
class AssessmentRecords:
    plan: Plan
    multi_year_task: Task
    assessment: Assessment
    score: Score
    objection: Objection


@pytest.fixture
def assessment_records(finance_records, coordinator, caizheng) -> AssessmentRecords:
    plan = finance_records.plan
    assessment = assessment_compute(plan=plan, as_of=AS_OF, by=coordinator)
    score = assessment.scores.get(unit=caizheng.unit)
    return AssessmentRecords(
        plan=plan,
        multi_year_task=Task.objects.active().filter(plan=plan, kind=Task.Kind.MULTI_YEAR).first(),
        assessment=assessment,
        score=score,
        objection=objection_file(score=score, reason="六月报告按时报送，未计入。", by=caizheng),
    )
