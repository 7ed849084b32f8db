"""Pages of the assessment: the plan's hub, the scheme, ratings, versions, breakdowns, objections."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.assessment import selectors
from duban.assessment.forms import AnswerForm, ComputeForm, ObjectionForm, RatingForm, SchemeForm
from duban.assessment.models import Frozen
from duban.assessment.permissions import (
    access_assessment,
    access_objection,
    access_plan,
    access_score,
    can_answer,
    can_manage,
    can_object,
    can_read_ranking,
)
from duban.assessment.services import (
    assessment_compute,
    assessment_lock,
    assessment_publish,
    breakthrough_rate,
    objection_answer,
    objection_file,
    scheme_ensure,
    scheme_preview,
    scheme_update,
)
from duban.assessment.xlsx import write_assessment_table
from duban.audit import services as audit
from duban.lib import measures
from duban.lib.clock import today
from duban.plans.models import Plan, Task

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def index(request: HttpRequest) -> HttpResponse:
    plan = Plan.objects.published().order_by("-year").first()
    if plan is None:
        return render(request, "assessment/empty.html")
    return redirect("assessment:plan", plan.pk)


@login_required
def plan_hub(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    user = request.user
    versions = [a for a in selectors.assessments_of(plan) if can_read_ranking(user, a)]
    own = []
    if user.unit_id:
        own = [
            (a, selectors.score_of_unit(a, user.unit_id)) for a in selectors.assessments_of(plan)
        ]
    context = {
        "plan": plan,
        "versions": versions,
        "own_scores": [(a, s) for a, s in own if s is not None],
        "can_manage": can_manage(user),
        "compute_form": ComputeForm(initial={"as_of": today()}),
        "to_rate": selectors.multi_year_tasks(plan) if can_manage(user) else [],
        "open_objections": selectors.open_objections(plan) if can_manage(user) else [],
    }
    return render(request, "assessment/plan.html", context)


@login_required
def scheme_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, manage=True)
    scheme = scheme_ensure(plan=plan, by=request.user)
    components = list(scheme.components.order_by("position"))
    initial = {"version": scheme.version, "lead_weight": scheme.lead_weight}
    initial |= {"co_weight": scheme.co_weight}
    initial |= {f"weight_{c.pk}": c.weight for c in components}
    initial |= {f"cap_{c.pk}": c.cap for c in components}
    data = request.POST if request.method == "POST" else None
    form = SchemeForm(data, initial=initial, components=components)
    if request.method == "POST" and form.is_valid():
        try:
            scheme_update(
                scheme=scheme,
                lead_weight=form.cleaned_data["lead_weight"],
                co_weight=form.cleaned_data["co_weight"],
                components=form.component_values(),
                seen_version=form.cleaned_data["version"],
                by=request.user,
            )
        except (audit.StaleEdit, audit.DomainError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("考核方案已保存；重新计算后按新方案生成新版本。"))
            return redirect("assessment:plan", plan.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "assessment/scheme.html", {"plan": plan, "form": form}, status=status)


@login_required
def method(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The rules and weights in force, for everyone assessed to read."""
    plan = access_plan(request.user, plan_id)
    assessment_id = request.GET.get("version")
    assessment = None
    if assessment_id and assessment_id.isdigit():
        assessment = access_assessment(request.user, int(assessment_id))
        rules = selectors.Rules.from_json(assessment.rules)
    else:
        rules = scheme_preview(plan)
    described = [(rule, measures.get(rule.measure)) for rule in rules.components]
    context = {"plan": plan, "rules": rules, "described": described, "assessment": assessment}
    return render(request, "assessment/method.html", context)


@require_POST
@login_required
def rate(request: HttpRequest, plan_id: int, task_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, manage=True)
    task = get_object_or_404(Task.objects.active(), plan=plan, pk=task_id)
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("assessment:plan", plan.pk)
    try:
        breakthrough_rate(
            task=task,
            rating=form.cleaned_data["rating"],
            reason=form.cleaned_data["reason"],
            seen_version=form.cleaned_data.get("version"),
            by=request.user,
        )
    except (audit.StaleEdit, audit.DomainError) as error:
        messages.error(request, str(error))
    return redirect("assessment:plan", plan.pk)


@require_POST
@login_required
def compute(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, manage=True)
    form = ComputeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写有效的考核截止日期。"))
        return redirect("assessment:plan", plan.pk)
    assessment = assessment_compute(plan=plan, as_of=form.cleaned_data["as_of"], by=request.user)
    return redirect("assessment:assessment", assessment.pk)


@login_required
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = access_assessment(request.user, assessment_id)
    table = selectors.ranking(assessment)
    context = {
        "assessment": assessment,
        "table": table,
        "can_manage": can_manage(request.user),
        "objections": selectors.objections_of(assessment),
    }
    return render(request, "assessment/assessment.html", context)


@login_required
def assessment_xlsx(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = access_assessment(request.user, assessment_id)
    stream = io.BytesIO()
    write_assessment_table(selectors.ranking(assessment), stream)
    response = HttpResponse(stream.getvalue(), content_type=XLSX)
    name = f"assessment-{assessment.plan.year}-v{assessment.number}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@login_required
def assessment_lock_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = access_assessment(request.user, assessment_id, manage=True)
    try:
        assessment_lock(assessment=assessment, by=request.user)
    except (Frozen, audit.DomainError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("考核结果已锁定，不再改变；如需调整，请重新计算生成新版本。"))
    return redirect("assessment:assessment", assessment.pk)


@require_POST
@login_required
def assessment_publish_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = access_assessment(request.user, assessment_id, manage=True)
    try:
        assessment_publish(assessment=assessment, by=request.user)
    except (Frozen, audit.DomainError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("考核结果已公布。"))
    return redirect("assessment:assessment", assessment.pk)


@login_required
def score_detail(request: HttpRequest, score_id: int) -> HttpResponse:
    score = access_score(request.user, score_id)
    assessment = score.assessment
    rules = selectors.Rules.from_json(assessment.rules)
    context = {
        "score": score,
        "assessment": assessment,
        "parts": selectors.breakdown(score),
        "objections": score.objections.select_related("filed_by", "answered_by"),
        "can_object": can_object(request.user, score),
        "objection_form": ObjectionForm(components=rules.components),
        "can_read_ranking": can_read_ranking(request.user, assessment),
    }
    return render(request, "assessment/score.html", context)


@require_POST
@login_required
def objection_create(request: HttpRequest, score_id: int) -> HttpResponse:
    score = access_score(request.user, score_id, object=True)
    rules = selectors.Rules.from_json(score.assessment.rules)
    form = ObjectionForm(request.POST, components=rules.components)
    if form.is_valid():
        try:
            objection_file(
                score=score,
                reason=form.cleaned_data["reason"],
                component=form.cleaned_data["component"],
                by=request.user,
            )
        except audit.DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("异议已提交，统筹协调处室将逐条答复。"))
    else:
        messages.error(request, _("请写明异议理由。"))
    return redirect("assessment:score", score.pk)


@login_required
def objection_detail(request: HttpRequest, objection_id: int) -> HttpResponse:
    objection = access_objection(request.user, objection_id)
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(data, initial={"version": objection.version})
    if request.method == "POST":
        objection = access_objection(request.user, objection_id, answer=True)
        if form.is_valid():
            try:
                objection_answer(
                    objection=objection,
                    answer=form.cleaned_data["answer"],
                    seen_version=form.cleaned_data["version"],
                    by=request.user,
                )
            except (audit.StaleEdit, audit.DomainError) as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("已答复。"))
                return redirect("assessment:objection-detail", objection.pk)
    context = {
        "objection": objection,
        "form": form,
        "can_answer": can_answer(request.user, objection),
    }
    return render(request, "assessment/objection.html", context, status=422 if form.errors else 200)
