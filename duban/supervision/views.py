"""Supervision pages: the coordinator's dashboard, 催办 notices and their acknowledgement,
judgements, and each unit's calendar feed."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.lib import clock
from duban.lib.clock import today
from duban.plans.models import Plan
from duban.plans.selectors import plans_beside
from duban.supervision import ical
from duban.supervision.forms import AcknowledgeForm, JudgementForm, UrgeForm
from duban.supervision.models import CalendarToken, Judgement
from duban.supervision.permissions import (
    access_calendar,
    access_calendar_token,
    access_dashboard,
    access_task_to_supervise,
    access_unit_inbox,
    access_unit_to_urge,
    access_urge,
    can_acknowledge_urge,
    can_judge,
    can_manage_calendar,
    can_urge,
)
from duban.supervision.selectors import calendar_events, supervision_dashboard, urges_for_unit
from duban.supervision.services import (
    calendar_token_create,
    calendar_token_revoke,
    judgement_record,
    urge_acknowledge,
    urge_send,
)

# ---- Dashboard ------------------------------------------------------------------------------


TASKS_PER_PAGE = 100


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    access_dashboard(request.user)
    plans = Plan.objects.published().order_by("-year")
    plan = plans.filter(pk=request.GET.get("plan")).first() if request.GET.get("plan") else None
    plan = plan or plans.first()
    board = supervision_dashboard(plan=plan, as_of=today()) if plan else None
    context = {
        "board": board,
        # Every task's light feeds the groups; the table of all of them is shown a page at a time.
        "tasks_page": Paginator(board.rows if board else [], TASKS_PER_PAGE).get_page(
            request.GET.get("page")
        ),
        "query": urlencode({"plan": plan.pk}) if plan else "",
        "plans": plans_beside(plan),
        "can_urge": can_urge(request.user),
        "can_judge": can_judge(request.user),
    }
    return render(request, "supervision/dashboard.html", context)


# ---- 催办 notices ---------------------------------------------------------------------------


def _send(request, form, *, unit, task=None):
    try:
        urge = urge_send(
            unit=unit,
            task=task,
            step=form.cleaned_data["step"],
            message=form.cleaned_data["message"],
            by=request.user,
        )
    except audit.DomainError as error:
        form.add_error(None, str(error))
        return None
    messages.success(request, f"已向{unit.short_name or unit.name}发出{urge.get_step_display()}。")
    return redirect("supervision:urge-detail", urge.pk)


@login_required
def urge_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access_unit_to_urge(request.user, unit_id)
    form = UrgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if response := _send(request, form, unit=unit):
            return response
    return render(request, "supervision/urge_form.html", {"form": form, "unit": unit})


@login_required
def urge_task(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task_to_supervise(request.user, task_id)
    assignments = task.assignments.filter(withdrawn=False, unit__isnull=False).select_related(
        "unit"
    )
    units = [a.unit for a in sorted(assignments, key=lambda a: not a.is_lead)]
    form = UrgeForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
        if response := _send(request, form, unit=unit, task=task):
            return response
    return render(request, "supervision/urge_form.html", {"form": form, "task": task})


@login_required
def urge_detail(request: HttpRequest, urge_id: int) -> HttpResponse:
    urge = access_urge(request.user, urge_id)
    form = AcknowledgeForm(initial={"version": urge.version})
    can_acknowledge = can_acknowledge_urge(request.user, urge)
    context = {"urge": urge, "form": form, "can_acknowledge": can_acknowledge}
    return render(request, "supervision/urge_detail.html", context)


@require_POST
@login_required
def urge_acknowledge_view(request: HttpRequest, urge_id: int) -> HttpResponse:
    urge = access_urge(request.user, urge_id, acknowledge=True)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            urge_acknowledge(
                urge=urge,
                note=form.cleaned_data["note"],
                seen_version=form.cleaned_data["version"],
                by=request.user,
            )
        except (audit.DomainError, audit.StaleEdit) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已签收。")
            return redirect("supervision:urge-detail", urge.pk)
    context = {"urge": urge, "form": form, "can_acknowledge": True}
    return render(request, "supervision/urge_detail.html", context, status=422)


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    unit = access_unit_inbox(request.user)
    return render(request, "supervision/inbox.html", {"unit": unit, "urges": urges_for_unit(unit)})


# ---- Judgements -----------------------------------------------------------------------------


@login_required
def judgement(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task_to_supervise(request.user, task_id)
    form = JudgementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            judgement_record(task=task, by=request.user, **form.cleaned_data)
        except audit.DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "研判已记录。")
            return redirect("supervision:dashboard")
    earlier = Judgement.objects.filter(task=task).select_related("by")
    context = {"task": task, "form": form, "earlier": earlier}
    return render(request, "supervision/judgement_form.html", context)


# ---- Calendar feed --------------------------------------------------------------------------


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    unit = access_calendar(request.user, write=request.method == "POST")
    if request.method == "POST":
        calendar_token_create(unit=unit, by=request.user)
        messages.success(request, "已生成新的订阅地址。")
        return redirect("supervision:calendar")
    tokens = CalendarToken.objects.filter(unit=unit)
    context = {"unit": unit, "tokens": tokens, "can_manage": can_manage_calendar(request.user)}
    return render(request, "supervision/calendar.html", context)


@require_POST
@login_required
def calendar_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = access_calendar_token(request.user, token_id)
    calendar_token_revoke(token=token, by=request.user)
    messages.success(request, "订阅地址已作废。")
    return redirect("supervision:calendar")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The unit's due dates as iCalendar; the secret in the address is the only key."""
    found = get_object_or_404(CalendarToken.objects.select_related("unit"), token=token)
    if found.revoked_at is not None:
        raise Http404
    name = f"督办 · {found.unit.short_name or found.unit.name}"
    body = ical.calendar(name, calendar_events(found.unit), stamp=clock.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
