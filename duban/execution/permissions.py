"""Who may reach which execution record: one `access_*` function per model, used by every view.

The rules, each written once below:
- an editor works only on its own unit's implementation plan, milestones and extensions;
- a viewer reads its own unit's work and never writes;
- the coordinator reads everything and reviews (files, returns, approves), but never fills in
  a unit's plan;
- leaders read everything and comment (批示);
- another unit's record is a 404, never a 403, so that no one can probe what exists elsewhere;
  a role that may read but not do the thing asked gets a 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.directory.models import Unit, User
from duban.directory.roles import (
    is_coordinator,
    is_editor,
    is_leader,
    is_viewer,
    reads_everything,
)
from duban.execution.models import (
    Evidence,
    Extension,
    ImplementationPlan,
    Milestone,
    ProgressReport,
)
from duban.plans.models import Assignment, Plan, Task
from duban.plans.permissions import access_task


def _own_unit(user: User, unit_id: int) -> bool:
    return bool(user.unit_id) and user.unit_id == unit_id and (is_editor(user) or is_viewer(user))


def _unit_record(user: User, unit_id: int, *, write: bool, review: bool) -> None:
    """The shared rule for a record that belongs to one unit; raises unless `user` may proceed."""
    # The reform office reads everything and reviews; it never fills in a unit's record.
    if is_coordinator(user):
        if write:
            raise PermissionDenied
        return
    # Leaders read everything; their only write is a comment, which has its own check.
    if is_leader(user):
        if write or review:
            raise PermissionDenied
        return
    # Everyone else reaches only their own unit's records; others' do not exist for them.
    if not _own_unit(user, unit_id):
        raise Http404
    # Reviewing is the coordinator's.
    if review:
        raise PermissionDenied
    # Viewers read; only the unit's editors write.
    if write and not is_editor(user):
        raise PermissionDenied


# ---- What a page offers: one `can_*` per button, the same rules the `access_*` below apply ----


def _own_editor(user: User, unit_id: int) -> bool:
    return _own_unit(user, unit_id) and is_editor(user)


def can_edit_implementation_plan(user: User, implementation_plan: ImplementationPlan) -> bool:
    """The unit's editors fill in their plan while it is a draft or has been returned."""
    editable = (ImplementationPlan.Status.DRAFT, ImplementationPlan.Status.RETURNED)
    return _own_editor(user, implementation_plan.unit_id) and implementation_plan.status in editable


def can_tick_milestones(user: User, implementation_plan: ImplementationPlan) -> bool:
    """Once the plan is filed, the unit's editors tick its milestones off as they are done."""
    filed = implementation_plan.status == ImplementationPlan.Status.FILED
    return _own_editor(user, implementation_plan.unit_id) and filed


def can_review_implementation_plan(user: User, implementation_plan: ImplementationPlan) -> bool:
    """The reform office files or returns a plan the unit has submitted."""
    submitted = implementation_plan.status == ImplementationPlan.Status.SUBMITTED
    return is_coordinator(user) and submitted


def can_review_report(user: User, report: ProgressReport) -> bool:
    """The reform office accepts or returns a report the unit has submitted."""
    return is_coordinator(user) and report.review == ProgressReport.Review.SUBMITTED


def can_see_review_queue(user: User) -> bool:
    """The reform office works the review queue; leaders read it to see where things stand."""
    return reads_everything(user)


def can_review_submissions(user: User) -> bool:
    """The reform office decides what units submit: files or returns implementation plans,
    approves or refuses extensions, accepts reports one by one or several at once."""
    return is_coordinator(user)


def can_comment(user: User) -> bool:
    """Leaders write 批示; nobody else does, on any task."""
    return is_leader(user)


def can_comment_task(user: User, task: Task) -> bool:
    """Leaders write 批示 on any task they can read (reading is `access_task`'s)."""
    return can_comment(user)


def access_implementation_plan(
    user: User, implementation_plan_id: int, *, write: bool = False, review: bool = False
) -> ImplementationPlan:
    """The implementation plan, if `user` may read it — fill it in with `write`, file or return
    it with `review`; else 404 (not yours) or 403 (yours to read, not to do this)."""
    implementation_plan = get_object_or_404(
        ImplementationPlan.objects.select_related("plan", "unit"), pk=implementation_plan_id
    )
    _unit_record(user, implementation_plan.unit_id, write=write, review=review)
    return implementation_plan


def access_milestone(user: User, milestone_id: int, *, write: bool = False) -> Milestone:
    """The milestone, if `user` may read it (edit, tick or withdraw it with `write`); else 404/403."""
    milestone = get_object_or_404(
        Milestone.objects.select_related("task", "unit", "implementation_plan__plan"),
        pk=milestone_id,
    )
    _unit_record(user, milestone.unit_id, write=write, review=False)
    return milestone


def access_extension(user: User, extension_id: int, *, decide: bool = False) -> Extension:
    """The extension request, if `user` may read it (approve or refuse it with `decide`)."""
    extension = get_object_or_404(
        Extension.objects.select_related("task", "milestone", "unit"), pk=extension_id
    )
    _unit_record(user, extension.unit_id, write=False, review=decide)
    return extension


def access_plan_to_file(user: User, plan_id: int) -> Plan:
    """A published plan in which `user`'s unit leads tasks, for its editor to start a 实施方案.

    404 when the unit leads nothing in it (or it is not published): there is nothing to file.
    """
    plan = get_object_or_404(Plan.objects.published(), pk=plan_id)
    leads = Assignment.objects.leads().filter(task__plan=plan, unit_id=user.unit_id)
    # Only a unit that leads a task files an implementation plan for it.
    if not user.unit_id or not leads.exists():
        raise Http404
    # The reform office reviews plans and leaders read them; only the unit's editors draft one.
    if not is_editor(user):
        raise PermissionDenied
    return plan


def access_lead_task(user: User, task_id: int) -> Task:
    """A task `user`'s unit leads, for its editor to ask for the task's deadline to move."""
    task = get_object_or_404(Task.objects.select_related("plan"), pk=task_id, withdrawn=False)
    leads = task.assignments.leads().filter(unit_id=user.unit_id)
    # Only the lead unit answers for the task's deadline; for anyone else the page is not there.
    if not user.unit_id or not leads.exists():
        raise Http404
    # The unit's viewers read; its editors ask.
    if not is_editor(user):
        raise PermissionDenied
    return task


def access_task_to_comment(user: User, task_id: int) -> Task:
    """A task a leader may comment on (批示); reading follows the plans app's `access_task`
    (a published plan's tasks are open to every signed-in user, a draft's to no one here)."""
    task = access_task(user, task_id)
    # Only leaders write 批示; everyone else who can read the task is refused the form.
    if not can_comment_task(user, task):
        raise PermissionDenied
    return task


# ---- Progress reports and evidence ------------------------------------------------------------


def access_progress_report(
    user: User, report_id: int, *, write: bool = False, review: bool = False
) -> ProgressReport:
    """The report, if `user` may read it — edit or submit it with `write`, accept or return it
    with `review`; else 404 (not yours) or 403 (yours to read, not to do this).

    Units assigned to the same task read each other's parts: the lead's report shows the co
    units' beside it, and co units report their part to the lead.
    """
    report = get_object_or_404(
        ProgressReport.objects.select_related("task__plan", "unit"), pk=report_id
    )
    # A unit on the same task reads the other units' parts, and writes none of them.
    if (
        user.unit_id != report.unit_id
        and (is_editor(user) or is_viewer(user))
        and report.task.assignments.live().filter(unit_id=user.unit_id).exists()
    ):
        if write or review:
            raise PermissionDenied
        return report
    _unit_record(user, report.unit_id, write=write, review=review)
    return report


def access_report_slot(user: User, task_id: int) -> Assignment:
    """The assignment of `user`'s unit on the task, for its editor to file a new report.

    404 when the unit is not assigned to the task (or the task is withdrawn or unpublished).
    """
    assignment = (
        Assignment.objects.select_related("task__plan", "unit")
        .filter(
            task_id=task_id,
            task__withdrawn=False,
            task__plan__status=Plan.Status.PUBLISHED,
            unit_id=user.unit_id,
            withdrawn=False,
        )
        .first()
    )
    # Only a unit assigned to the task reports on it; for anyone else the page is not there.
    if not user.unit_id or assignment is None:
        raise Http404
    # The unit's viewers read; its editors fill in.
    if not is_editor(user):
        raise PermissionDenied
    return assignment


def access_evidence(user: User, evidence_id: int, *, write: bool = False) -> Evidence:
    """The evidence file, if `user` may read (download) it, or withdraw it with `write`.

    A file follows the record it proves: its report, milestone or implementation plan.
    """
    evidence = get_object_or_404(Evidence.objects.filter(withdrawn=False), pk=evidence_id)
    if evidence.report_id:
        access_progress_report(user, evidence.report_id, write=write)
    elif evidence.milestone_id:
        access_milestone(user, evidence.milestone_id, write=write)
    else:
        access_implementation_plan(user, evidence.implementation_plan_id, write=write)
    return evidence


def access_unit_reports(user: User) -> Unit:
    """The unit whose reports `user` works on (its editors fill them in, its viewers read).

    The ledger and the unit's report list have no meaning for a user without a unit to report
    for: the reform office and leaders read reports through the plan, so they get a 404 here.
    """
    if not user.unit_id or not (is_editor(user) or is_viewer(user)):
        raise Http404
    return user.unit


# ---- Lists: the same rules as the access_* above, as filters ----------------------------------


def readable_unit_records(user: User, records: QuerySet) -> QuerySet:
    """Of `records` (each with a `unit`), those `user` reads: all for the reform office and
    leaders, their own unit's for its editors and viewers, none for anyone else."""
    if is_coordinator(user) or is_leader(user):
        return records
    if user.unit_id and (is_editor(user) or is_viewer(user)):
        return records.filter(unit_id=user.unit_id)
    return records.none()


def readable_reports(user: User, reports: QuerySet) -> QuerySet:
    """Of `reports`, those `user` reads: as `readable_unit_records`, and the parts of the other
    units on the tasks their unit is assigned to (as `access_progress_report`)."""
    if is_coordinator(user) or is_leader(user):
        return reports
    if user.unit_id and (is_editor(user) or is_viewer(user)):
        shared = Assignment.objects.live().filter(unit_id=user.unit_id).values("task_id")
        return reports.filter(Q(unit_id=user.unit_id) | Q(task_id__in=shared))
    return reports.none()


def reports_a_unit_may_read(
    user: User, reports: QuerySet[ProgressReport]
) -> QuerySet[ProgressReport]:
    """The reports `access_progress_report` could let `user` read, as a query (a superset: that
    function still decides each one). An editor or viewer reads its unit's reports and those of
    the tasks its unit shares; others are not narrowed here."""
    if not (is_editor(user) or is_viewer(user)):
        return reports
    if not user.unit_id:
        return reports.none()
    shared = Q(task__assignments__unit_id=user.unit_id, task__assignments__withdrawn=False)
    return reports.filter(Q(unit_id=user.unit_id) | shared).distinct()
