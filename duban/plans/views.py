"""Plan pages: list, import, review, tree, per-unit view, cited documents, targets, cities,
the task table export and re-import. Each view: access_* → form → service → redirect/render.
"""

import tempfile
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.directory.collectives import collective_sets
from duban.directory.models import Unit
from duban.parsing.document import ParseError
from duban.plans import badges, selectors, services
from duban.plans.forms import (
    AssignmentAddForm,
    AssignmentChangeForm,
    CitiesForm,
    ImportForm,
    NameMapForm,
    NewUnitForm,
    PlanForm,
    SplitForm,
    StructureForm,
    TableForm,
    TaskForm,
)
from duban.plans.models import Assignment, Plan
from duban.plans.permissions import (
    access_plan,
    access_plan_to_carry_over,
    access_source,
    access_task,
    can_change_plan,
    can_edit_task,
    can_import_plan,
    can_review_plan,
)
from duban.plans.review import least_certain, source_segments, with_split_points
from duban.plans.services.publishing import publish_problems

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# How many of the least certain tasks the review screen lists first.
REVIEW_DOUBTS = 12
# Uploaded task tables wait here between the preview and the confirmation.
PENDING_TABLES = "tasktables/pending"
# A document kept between asking for its year and importing it (one per session).
HELD_IMPORTS = "imports/held"
HELD_IMPORT = "held-import"


def parse_error_text(error: ParseError) -> str:
    """The parser's refusal in the UI's language (its own message is English, for the CLI)."""
    if error.msgid:
        return _(error.msgid) % error.params
    return str(error)


def _refused(request: HttpRequest, error: Exception) -> None:
    messages.error(request, str(error))


def _form_errors(form) -> str:
    return " ".join(error for errors in form.errors.values() for error in errors)


def _plan_page(request: HttpRequest, plan: Plan) -> dict:
    """What every page under the plan's tabs needs: the plan, and whether its review tab shows."""
    return {"plan": plan, "can_review_plan": can_review_plan(request.user, plan)}


# --- plans -----------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.plans_for(request.user)
    rows = [(plan, selectors.plan_summary(plan)) for plan in plans]
    context = {"rows": rows, "can_import": can_import_plan(request.user)}
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_import(request: HttpRequest) -> HttpResponse:
    # 导入文件 is the coordinator's.
    if not can_import_plan(request.user):
        raise PermissionDenied
    held = request.session.get(HELD_IMPORT)
    form = ImportForm(request.POST or None, request.FILES or None, held=held)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        name, content = (upload.name, upload.read()) if upload else _held_file(held)
        plan = _import(request, form, Path(name).name, content)
        if plan is not None:
            _release_held(request)
            return redirect("plans:plan-review", plan.pk)
        held = request.session.get(HELD_IMPORT)
        form.held = held
    return render(
        request,
        "plans/plan_import.html",
        {"form": form, "held": held},
        status=422 if form.errors else 200,
    )


def _import(request: HttpRequest, form: ImportForm, name: str, content: bytes) -> Plan | None:
    """Import the file; on an error, say it on the form, and keep a file that lacks only
    its year so that the coordinator gives the year without choosing the file again."""
    data = form.cleaned_data
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            plan = services.plan_import_file(
                path=path, year=data["year"], by=request.user, region=data["region"]
            )
        except services.YearMissing as error:
            _hold(request, name, content)
            form.add_error("year", str(error))
            return None
        except ParseError as error:
            form.add_error("file", parse_error_text(error))
            return None
        except audit.DomainError as error:
            form.add_error("file", str(error))
            return None
    messages.success(request, _("文件已导入，请对照原文审核任务。"))
    for earlier in selectors.earlier_imports(plan):
        messages.warning(
            request,
            _("同一文件此前已导入为计划“%(title)s”（%(year)s年，编号%(id)s），请勿重复建立。")
            % {"title": earlier.title, "year": earlier.year, "id": earlier.pk},
        )
    return plan


def _hold(request: HttpRequest, name: str, content: bytes) -> None:
    _release_held(request)
    stored = default_storage.save(f"{HELD_IMPORTS}/{get_random_string(24)}", ContentFile(content))
    request.session[HELD_IMPORT] = {"name": name, "stored": stored}


def _held_file(held: dict) -> tuple[str, bytes]:
    with default_storage.open(held["stored"], "rb") as stream:
        return held["name"], stream.read()


def _release_held(request: HttpRequest) -> None:
    held = request.session.pop(HELD_IMPORT, None)
    if held:
        default_storage.delete(held["stored"])


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    summary = selectors.plan_summary(plan)
    areas = selectors.plan_tree_areas(plan, summary, request.GET.get("area"))
    shown = [area.node for area in areas if area.node]
    context = {
        **_plan_page(request, plan),
        "areas": areas,
        "columns": badges.columns(
            plan, [n.task for n in selectors.flatten(shown) if not n.children]
        ),
        "summary": summary,
        "my_unit": request.user.unit_id,
        "can_edit": can_change_plan(request.user, plan),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_review(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, write=True)
    tree = with_split_points(selectors.plan_tree(plan))
    context = {
        **_plan_page(request, plan),
        "tree": tree,
        "segments": source_segments(plan.source.text if plan.source else "", tree),
        "doubts": least_certain(plan.source.parse if plan.source else None, tree)[:REVIEW_DOUBTS],
        "unresolved": selectors.unresolved_names(plan),
        "problems": publish_problems(plan) if plan.status == Plan.Status.DRAFT else [],
        "summary": selectors.plan_summary(plan),
        "plan_form": PlanForm(initial=_plan_initial(plan)),
        "is_draft": plan.status == Plan.Status.DRAFT,
        "all_units": Unit.objects.active().only("pk", "name") if plan.status == "draft" else [],
        "collective_sets": collective_sets(plan.region),
        "unit_kinds": Unit.Kind.choices,
    }
    return render(request, "plans/plan_review.html", context)


def _plan_initial(plan: Plan) -> dict:
    fields = ("title", "filing_deadline", "filing_deadline_text", "report_cadence", "version")
    return {name: getattr(plan, name) for name in fields}


@require_POST
@login_required
def plan_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, write=True)
    form = PlanForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        seen, reason = data.pop("version"), data.pop("reason")
        try:
            services.plan_update(
                plan=plan, by=request.user, seen_version=seen, reason=reason, **data
            )
            messages.success(request, _("计划信息已保存。"))
        except (audit.DomainError, audit.StaleEdit) as error:
            _refused(request, error)
    else:
        _refused(request, form.errors.as_text())
    return redirect("plans:plan-review", plan.pk)


@require_POST
@login_required
def plan_publish(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, write=True)
    form = StructureForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.plan_publish(plan=plan, by=request.user, seen_version=form.cleaned_data["version"])
    except (audit.DomainError, audit.StaleEdit) as error:
        _refused(request, error)
        return redirect("plans:plan-review", plan.pk)
    messages.success(request, _("计划已发布，任务结构已冻结。"))
    return redirect("plans:plan-detail", plan.pk)


@require_POST
@login_required
def name_map(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, write=True)
    form = NameMapForm(request.POST)
    if not form.is_valid():
        _refused(request, _form_errors(form))
        return redirect("plans:plan-review", plan.pk)
    data = form.cleaned_data
    try:
        if data["members"]:
            services.name_map_to_set(
                plan=plan, name=data["name"], members=data["members"], by=request.user
            )
            messages.success(request, _("已按泛指名称的范围分配。"))
        else:
            services.name_map_to_unit(
                plan=plan, name=data["name"], unit=data["unit"], by=request.user
            )
            messages.success(request, _("已对应，并记住了这个名称。"))
    except audit.DomainError as error:
        _refused(request, error)
    return redirect("plans:plan-review", plan.pk)


@require_POST
@login_required
def name_new_unit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, write=True)
    form = NewUnitForm(request.POST)
    if not form.is_valid():
        _refused(request, _form_errors(form))
        return redirect("plans:plan-review", plan.pk)
    try:
        unit = services.name_map_to_new_unit(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, _("已新建单位%(unit)s并对应。") % {"unit": unit.name})
    except audit.DomainError as error:
        _refused(request, error)
    return redirect("plans:plan-review", plan.pk)


# --- tasks ------------------------------------------------------------------------------------


@login_required
def task_detail(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task(request.user, task_id)
    history = task.history.select_related("history_user").order_by("-history_date")[:50]
    assignments = task.assignments.filter(withdrawn=False).select_related("unit")
    context = {
        "task": task,
        "plan": task.plan,
        "history": history,
        "assignments": assignments,
        "can_edit_task": can_edit_task(request.user, task),
    }
    return render(request, "plans/task_detail.html", context)


@login_required
def task_edit(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task(request.user, task_id, write=True)
    form = TaskForm.for_task(task, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        seen, reason = data.pop("version"), data.pop("reason")
        try:
            task = services.task_update(
                task=task, by=request.user, seen_version=seen, reason=reason, **data
            )
        except (audit.DomainError, audit.StaleEdit) as error:
            form.add_error(None, str(error))
        else:
            if request.htmx:
                return _task_fragment(request, task)
            messages.success(request, _("任务已保存。"))
            return redirect(_back(task))
    template = "plans/_task_form.html" if request.htmx else "plans/task_edit.html"
    status = 422 if form.errors else 200
    context = {"task": task, "form": form, "assignment_form": AssignmentAddForm()}
    return render(request, template, context, status=status)


def _task_fragment(request: HttpRequest, task) -> HttpResponse:
    tree = with_split_points(selectors.plan_tree(task.plan))
    node = next(n for n in selectors.flatten(tree) if n.task.pk == task.pk)
    context = {"node": node, "plan": task.plan, "is_draft": task.plan.status == Plan.Status.DRAFT}
    return render(request, "plans/_review_task.html", context)


def _back(task) -> str:
    if task.plan.status == Plan.Status.DRAFT:
        return reverse("plans:plan-review", args=[task.plan_id]) + f"#task-{task.pk}"
    return reverse("plans:task-detail", args=[task.pk])


@require_POST
@login_required
def task_split(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task(request.user, task_id, write=True)
    form = SplitForm(request.POST)
    if not form.is_valid():
        _refused(request, _("请填写拆分位置。"))
        return redirect(_back(task))
    try:
        services.task_split(
            task=task,
            offset=form.cleaned_data["offset"],
            by=request.user,
            seen_version=form.cleaned_data["version"],
        )
        messages.success(request, _("任务已拆分为两项。"))
    except (audit.DomainError, audit.StaleEdit) as error:
        _refused(request, error)
    return redirect(_back(task))


@require_POST
@login_required
def task_merge(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task(request.user, task_id, write=True)
    form = StructureForm(request.POST)
    try:
        if not form.is_valid():
            raise audit.DomainError(_("请求不完整。"))
        services.task_merge_with_next(
            task=task, by=request.user, seen_version=form.cleaned_data["version"]
        )
        messages.success(request, _("已与下一项合并。"))
    except (audit.DomainError, audit.StaleEdit) as error:
        _refused(request, error)
    return redirect(_back(task))


@require_POST
@login_required
def task_move(request: HttpRequest, task_id: int, direction: str) -> HttpResponse:
    task = access_task(request.user, task_id, write=True)
    if direction not in ("up", "down"):
        raise Http404
    form = StructureForm(request.POST)
    try:
        if not form.is_valid():
            raise audit.DomainError(_("请求不完整。"))
        services.task_move(
            task=task,
            direction=-1 if direction == "up" else 1,
            by=request.user,
            seen_version=form.cleaned_data["version"],
        )
    except (audit.DomainError, audit.StaleEdit) as error:
        _refused(request, error)
    return redirect(_back(task))


@require_POST
@login_required
def task_cities(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task(request.user, task_id, write=True)
    form = CitiesForm(request.POST)
    try:
        if not form.is_valid():
            raise audit.DomainError(_("请求不完整。"))
        services.task_set_applies_to_cities(
            task=task,
            applies=form.cleaned_data["applies"],
            by=request.user,
            seen_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("市州分解已更新。"))
    except (audit.DomainError, audit.StaleEdit) as error:
        _refused(request, error)
    return redirect("plans:task-detail", task.pk)


# --- assignments ------------------------------------------------------------------------------


@require_POST
@login_required
def assignment_add(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task(request.user, task_id, write=True)
    form = AssignmentAddForm(request.POST)
    try:
        if not form.is_valid():
            raise audit.DomainError(_("请选择单位和职责。"))
        services.assignment_add(task=task, by=request.user, **form.cleaned_data)
    except audit.DomainError as error:
        _refused(request, error)
    return redirect(_back(task))


@require_POST
@login_required
def assignment_change(request: HttpRequest, assignment_id: int, action: str) -> HttpResponse:
    if action not in ("remove", "lead"):
        raise Http404
    assignment = get_object_or_404(Assignment, pk=assignment_id)
    task = access_task(request.user, assignment.task_id, write=True)
    form = AssignmentChangeForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    try:
        if action == "remove":
            services.assignment_remove(assignment=assignment, by=request.user, reason=reason)
        else:
            services.assignment_set_role(
                assignment=assignment, role=Assignment.Role.LEAD, by=request.user, reason=reason
            )
    except audit.DomainError as error:
        _refused(request, error)
    return redirect(_back(task))


# --- the task table ---------------------------------------------------------------------------


@login_required
def plan_export(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    stream = BytesIO()
    name = services.task_table_export(plan=plan, stream=stream)
    stream.seek(0)
    response = FileResponse(stream, content_type=XLSX, as_attachment=True, filename=name)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def table_import(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, write=True)
    form = TableForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = get_random_string(24)
        default_storage.save(f"{PENDING_TABLES}/{token}.xlsx", upload)
        request.session[f"table-{token}"] = upload.name
        return redirect(f"{request.path}?token={token}")
    token = request.GET.get("token", "")
    changes = None
    if token and f"table-{token}" in request.session:
        with default_storage.open(f"{PENDING_TABLES}/{token}.xlsx", "rb") as stream:
            changes = services.task_table_preview(plan=plan, path=BytesIO(stream.read()))
    context = {**_plan_page(request, plan), "form": form, "changes": changes, "token": token}
    return render(request, "plans/table_import.html", context)


@require_POST
@login_required
def table_apply(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id, write=True)
    token = request.POST.get("token", "")
    name = request.session.get(f"table-{token}")
    if not name or not token.isalnum():
        raise Http404
    with default_storage.open(f"{PENDING_TABLES}/{token}.xlsx", "rb") as stream:
        content = BytesIO(stream.read())
    try:
        changes = services.task_table_apply(
            plan=plan, path=content, by=request.user, original_name=name
        )
    except audit.DomainError as error:
        _refused(request, error)
        return redirect(f"{request.path.replace('apply', 'import')}?token={token}")
    default_storage.delete(f"{PENDING_TABLES}/{token}.xlsx")
    del request.session[f"table-{token}"]
    count = len(changes.changed) + len(changes.added) + len(changes.removed)
    messages.success(request, _("任务分解表已导入：%d 项任务有变化。") % count)
    return redirect("plans:plan-detail", plan.pk)


# --- views of a published plan ----------------------------------------------------------------


@login_required
def unit_tasks(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    unit_id = request.GET.get("unit") or request.user.unit_id
    unit = get_object_or_404(Unit, pk=unit_id) if unit_id else None
    tasks = selectors.tasks_for_unit(plan=plan, unit=unit) if unit else []
    context = {
        **_plan_page(request, plan),
        "unit": unit,
        "tasks": tasks,
        "columns": badges.columns(plan, tasks),
        "counts": selectors.unit_task_counts(plan),
    }
    return render(request, "plans/unit_tasks.html", context)


@login_required
def cited_documents(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    context = {**_plan_page(request, plan), "documents": selectors.cited_documents(plan)}
    return render(request, "plans/cited_documents.html", context)


@login_required
def targets(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    context = {**_plan_page(request, plan), "targets": selectors.targets(plan)}
    return render(request, "plans/targets.html", context)


@login_required
def city_matrix(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    context = {**_plan_page(request, plan), "matrix": selectors.city_matrix(plan)}
    return render(request, "plans/city_matrix.html", context)


@login_required
def source_file(request: HttpRequest, source_id: int) -> HttpResponse:
    source = access_source(request.user, source_id)
    if not source.file or not source.file.storage.exists(source.file.name):
        raise Http404
    return FileResponse(source.file.open("rb"), as_attachment=True, filename=source.original_name)


@require_POST
@login_required
def plan_carry_over(request: HttpRequest, plan_id: int) -> HttpResponse:
    """结转: next year's draft plan holding this plan's unfinished and multi-year tasks."""
    plan = access_plan_to_carry_over(request.user, plan_id)
    try:
        to_year = int(request.POST.get("to_year", ""))
    except ValueError:
        messages.error(request, _("结转年度（to_year）应为四位年份。"))
        return redirect("web:home")
    try:
        new = services.plan_carry_over(plan=plan, to_year=to_year, by=request.user)
    except audit.DomainError as error:
        _refused(request, error)
        return redirect("web:home")
    messages.success(request, _("已生成%(year)s年结转计划草稿，请审核后发布。") % {"year": to_year})
    return redirect("plans:plan-review", new.pk)
