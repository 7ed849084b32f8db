"""Coordination pages: issues and their threads, joint meetings from draft to minutes, decisions
and the owner's reports on them, and the reform office's collaboration view."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.coordination import documents, forms, permissions, selectors, services
from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.execution.selectors.queue import current_plan
from duban.lib.clock import today
from duban.plans.models import Plan, Task
from duban.plans.selectors import plans_beside
from duban.reports.docx_writer import write_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REFUSED = (audit.DomainError, audit.StaleEdit)


# ---- The coordination page ------------------------------------------------------------------


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    permissions.access_coordination_home(user)
    plans = plans_beside(current_plan())
    context = {
        "issues": selectors.issues_for_user(user)[:100],
        "meetings": selectors.meetings_for_user(user)[:50],
        "convene_plans": [plan for plan in plans if permissions.can_convene(user, plan)],
        "can_see_collaboration": permissions.can_see_collaboration(user),
    }
    return render(request, "coordination/index.html", context)


# ---- Issues ---------------------------------------------------------------------------------


@login_required
def issue_raise(request: HttpRequest, task_id: int) -> HttpResponse:
    task = permissions.access_task_for_issue(request.user, task_id)
    units = selectors.plan_units(task.plan).exclude(pk=request.user.unit_id)
    form = forms.IssueForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.issue_raise(task=task, by=request.user, **form.cleaned_data)
        except REFUSED as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("协调事项已提出，已通知需协调单位。"))
            return redirect("coordination:issue-detail", issue.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "coordination/issue_form.html", {"form": form, "task": task}, status=status
    )


@login_required
def issue_detail(request: HttpRequest, issue_id: int) -> HttpResponse:
    user = request.user
    issue = permissions.access_issue(user, issue_id)
    context = {
        "issue": issue,
        "replies": issue.replies.select_related("unit", "author"),
        "history": issue.history.select_related("history_user").order_by("-history_date"),
        "outcomes": selectors.decision_rows(issue.outcomes.select_related("meeting", "owner_unit")),
        "reply_form": forms.ReplyForm(),
        "can_answer": permissions.can_answer_issue(user, issue),
        "can_withdraw": permissions.can_withdraw_issue(user, issue),
        "can_close": permissions.can_close_issue(user, issue),
    }
    return render(request, "coordination/issue_detail.html", context)


def _act(request, form, act, *, done: str, invalid: str, back: HttpResponse) -> HttpResponse:
    """Run `act(cleaned_data)` when the form is valid, say what happened, and go `back`.

    A refusal (a business rule, a stale version) is shown as the message; nothing was saved.
    """
    if not form.is_valid():
        messages.error(request, invalid)
        return back
    try:
        act(form.cleaned_data)
    except REFUSED as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return back


@require_POST
@login_required
def issue_reply(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = permissions.access_issue(request.user, issue_id, answer=True)
    return _act(
        request,
        forms.ReplyForm(request.POST),
        lambda data: services.issue_reply(issue=issue, text=data["text"], by=request.user),
        done=_("已答复。"),
        invalid=_("请填写答复意见。"),
        back=redirect("coordination:issue-detail", issue.pk),
    )


@require_POST
@login_required
def issue_withdraw(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = permissions.access_issue(request.user, issue_id, withdraw=True)
    return _act(
        request,
        forms.WithdrawIssueForm(request.POST),
        lambda data: services.issue_withdraw(
            issue=issue, reason=data["reason"], seen_version=data["version"], by=request.user
        ),
        done=_("协调事项已撤回。"),
        invalid=_("撤回理由过长。"),
        back=redirect("coordination:issue-detail", issue.pk),
    )


@require_POST
@login_required
def issue_close(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = permissions.access_issue(request.user, issue_id, close=True)
    return _act(
        request,
        forms.CloseIssueForm(request.POST),
        lambda data: services.issue_close(
            issue=issue, note=data["note"], seen_version=data["version"], by=request.user
        ),
        done=_("协调事项已办结。"),
        invalid=_("请写明办结说明。"),
        back=redirect("coordination:issue-detail", issue.pk),
    )


# ---- Meetings -------------------------------------------------------------------------------


@login_required
def meeting_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = permissions.access_plan_to_convene(request.user, plan_id)
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(plan=plan, by=request.user, **form.cleaned_data)
        except REFUSED as error:
            form.add_error(None, str(error))
        else:
            return redirect("coordination:meeting-detail", meeting.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "plan": plan}
    return render(request, "coordination/meeting_form.html", context, status=status)


def _meeting_context(request, meeting: Meeting) -> dict:
    user = request.user
    can_run = permissions.can_run_meeting(user, meeting)
    draft = meeting.status == Meeting.Status.DRAFT
    in_progress = meeting.status == Meeting.Status.IN_PROGRESS
    units = selectors.plan_units(meeting.plan)
    outcomes = meeting.outcomes.select_related("owner_unit", "agenda_item").prefetch_related(
        "co_units", "issues"
    )
    context = {
        "meeting": meeting,
        "agenda": meeting.agenda.select_related("issue", "task"),
        "participants": meeting.units.order_by("region__code", "kind", "name"),
        "outcomes": outcomes,
        "can_run": can_run,
        "version_form": forms.VersionForm(initial={"version": meeting.version}),
    }
    if can_run and draft:
        suggestions = selectors.suggested_units(meeting)
        # Until units are chosen, the suggestions come ticked: the convenor confirms or trims.
        chosen = list(meeting.units.all()) or [s.unit for s in suggestions]
        context["suggestions"] = suggestions
        context["candidates"] = selectors.agenda_candidates(meeting, as_of=today())[:40]
        context["units_form"] = forms.MeetingUnitsForm(
            initial={"version": meeting.version, "units": chosen}, units=units
        )
    if can_run and in_progress:
        issues = CoordinationIssue.objects.filter(agenda_items__meeting=meeting)
        context["outcome_form"] = forms.OutcomeForm(meeting=meeting, units=units, issues=issues)
        context["close_form"] = forms.CloseMeetingForm(initial={"version": meeting.version})
    return context


@login_required
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id)
    return render(request, "coordination/meeting_detail.html", _meeting_context(request, meeting))


@require_POST
@login_required
def meeting_units(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id, run=True)
    return _act(
        request,
        forms.MeetingUnitsForm(request.POST, units=selectors.plan_units(meeting.plan)),
        lambda data: services.meeting_set_units(
            meeting=meeting, units=data["units"], seen_version=data["version"], by=request.user
        ),
        done=_("参会单位已保存。"),
        invalid=_("参会单位选择有误，请重新选择。"),
        back=redirect("coordination:meeting-detail", meeting.pk),
    )


@require_POST
@login_required
def agenda_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id, run=True)
    form = forms.AgendaForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择要列入议题的协调事项或任务。"))
        return redirect("coordination:meeting-detail", meeting.pk)
    data = form.cleaned_data
    try:
        if data.get("issue"):
            issue = permissions.access_issue(request.user, data["issue"])
            services.agenda_add_issue(meeting=meeting, issue=issue, by=request.user)
        else:
            task = Task.objects.get(pk=data["task"], plan=meeting.plan)
            reason = data.get("reason", "")
            services.agenda_add_task(meeting=meeting, task=task, reason=reason, by=request.user)
    except Task.DoesNotExist:
        messages.error(request, services.OTHER_PLAN)
    except REFUSED as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已列入议题。"))
    return redirect("coordination:meeting-detail", meeting.pk)


def _step(request, meeting_id: int, service, done: str) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id, run=True)
    return _act(
        request,
        forms.VersionForm(request.POST),
        lambda data: service(meeting=meeting, seen_version=data["version"], by=request.user),
        done=done,
        invalid=_("页面已过期，请刷新后重试。"),
        back=redirect("coordination:meeting-detail", meeting.pk),
    )


@require_POST
@login_required
def meeting_convene(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _step(request, meeting_id, services.meeting_convene, _("会议通知已发出。"))


@require_POST
@login_required
def meeting_start(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _step(request, meeting_id, services.meeting_start, _("会议开始，可记录会议结果。"))


@require_POST
@login_required
def outcome_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id, run=True)
    issues = CoordinationIssue.objects.filter(agenda_items__meeting=meeting)
    units = selectors.plan_units(meeting.plan)
    form = forms.OutcomeForm(request.POST, meeting=meeting, units=units, issues=issues)
    if form.is_valid():
        data = dict(form.cleaned_data)
        item_id = data.pop("agenda_item")
        item = meeting.agenda.filter(pk=item_id).first() if item_id else None
        try:
            services.outcome_record(meeting=meeting, agenda_item=item, by=request.user, **data)
        except REFUSED as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("会议结果已记录。"))
            return redirect("coordination:meeting-detail", meeting.pk)
    context = _meeting_context(request, meeting) | {"outcome_form": form}
    return render(request, "coordination/meeting_detail.html", context, status=422)


@require_POST
@login_required
def meeting_close(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id, run=True)
    return _act(
        request,
        forms.CloseMeetingForm(request.POST),
        lambda data: services.meeting_close(
            meeting=meeting, summary=data["summary"], seen_version=data["version"], by=request.user
        ),
        done=_("会议已结束，议定事项已交办责任单位。"),
        invalid=_("会议概况过长。"),
        back=redirect("coordination:meeting-detail", meeting.pk),
    )


def _docx(document, name: str) -> HttpResponse:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "document.docx"
        write_docx(document, path)
        response = HttpResponse(path.read_bytes(), content_type=DOCX)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
def meeting_notice(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id)
    if meeting.status == Meeting.Status.DRAFT and not permissions.can_run_meeting(
        request.user, meeting
    ):
        messages.error(request, _("会议通知尚未发出。"))
        return redirect("coordination:meeting-detail", meeting.pk)
    return _docx(documents.notice(meeting), f"关于召开{meeting.title}的通知.docx")


@login_required
def meeting_minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = permissions.access_meeting(request.user, meeting_id)
    if meeting.status in (Meeting.Status.DRAFT, Meeting.Status.CONVENED):
        messages.error(request, _("会议尚未召开，没有纪要。"))
        return redirect("coordination:meeting-detail", meeting.pk)
    return _docx(documents.minutes(meeting), f"{meeting.title}纪要.docx")


# ---- Decisions ------------------------------------------------------------------------------


def _decision_context(request, outcome: Outcome) -> dict:
    user = request.user
    return {
        "row": selectors.decision_rows([outcome], as_of=today())[0],
        "outcome": outcome,
        "progress": outcome.progress.select_related("unit", "author"),
        "history": outcome.history.select_related("history_user").order_by("-history_date"),
        "can_report": permissions.can_report_decision(user, outcome),
        "can_accept": permissions.can_accept_decision(user, outcome),
        "progress_form": forms.ProgressForm(),
        "done_form": forms.DoneForm(initial={"version": outcome.version}),
        "version_form": forms.VersionForm(initial={"version": outcome.version}),
    }


@login_required
def decision_detail(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = permissions.access_decision(request.user, outcome_id)
    return render(request, "coordination/decision_detail.html", _decision_context(request, outcome))


@require_POST
@login_required
def decision_progress(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = permissions.access_decision(request.user, outcome_id, report=True)
    return _act(
        request,
        forms.ProgressForm(request.POST),
        lambda data: services.decision_report_progress(
            outcome=outcome, note=data["note"], by=request.user
        ),
        done=_("进展情况已报送。"),
        invalid=_("请填写进展情况。"),
        back=redirect("coordination:decision-detail", outcome.pk),
    )


@require_POST
@login_required
def decision_done(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = permissions.access_decision(request.user, outcome_id, report=True)
    form = forms.DoneForm(request.POST)
    if form.is_valid():
        try:
            services.decision_mark_done(
                outcome=outcome,
                met_on=form.cleaned_data["met_on"],
                evidence=form.cleaned_data["evidence"],
                seen_version=form.cleaned_data["version"],
                by=request.user,
            )
        except REFUSED as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已报告办结，待省发展改革委确认。"))
            return redirect("coordination:decision-detail", outcome.pk)
    context = _decision_context(request, outcome) | {"done_form": form}
    return render(request, "coordination/decision_detail.html", context, status=422)


@require_POST
@login_required
def decision_accept(request: HttpRequest, outcome_id: int) -> HttpResponse:
    outcome = permissions.access_decision(request.user, outcome_id, accept=True)
    return _act(
        request,
        forms.VersionForm(request.POST),
        lambda data: services.decision_accept(
            outcome=outcome, seen_version=data["version"], by=request.user
        ),
        done=_("已确认办结。"),
        invalid=_("页面已过期，请刷新后重试。"),
        back=redirect("coordination:decision-detail", outcome.pk),
    )


# ---- The collaboration view -----------------------------------------------------------------


@login_required
def collaboration(request: HttpRequest) -> HttpResponse:
    permissions.access_collaboration(request.user)
    plans = Plan.objects.published().order_by("-year")
    chosen = request.GET.get("plan")
    plan = (
        plans.filter(pk=chosen).first() if chosen and chosen.isdigit() else None
    ) or plans.first()
    picture = selectors.collaboration(plan) if plan else None
    context = {
        "plan": plan,
        "plans": plans_beside(plan),
        "picture": picture,
        "network": selectors.network_data(picture) if picture else None,
        "issues": selectors.open_issues(plan)[:30] if plan else [],
    }
    return render(request, "coordination/collaboration.html", context)
