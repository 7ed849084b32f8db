"""Who may reach which coordination record: one `access_*` per model, one `can_*` per button.

The rules, each written once below:
- an editor raises an issue only on a task its own unit is assigned to (lead or co);
- an issue is seen by the reform office, leaders, the raising unit, the units it names and the
  units assigned to its task; everyone else gets a 404;
- the named units, the raising unit and the reform office answer in the thread (editors only);
- the raising unit withdraws its own open issue; the reform office closes a decided one;
- a joint meeting is convened by the reform office or by a unit that leads a task of the plan;
  the convening unit's editors and the reform office run it; participating units, the units
  that own or support its decisions and leaders read it;
- a decision's owner unit reports on it and marks it done; the reform office accepts it;
- the collaboration view (unit × unit) is the reform office's and the leaders'.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.directory.models import User
from duban.directory.roles import is_coordinator, is_editor, is_viewer, reads_everything
from duban.plans.models import Assignment, Plan, Task
from duban.plans.permissions import access_task

Status = CoordinationIssue.Status


def _unit_staff(user: User) -> bool:
    return bool(user.unit_id) and (is_editor(user) or is_viewer(user))


def _assigned(user: User, task: Task) -> bool:
    return Assignment.objects.live().filter(task=task, unit_id=user.unit_id).exists()


# ---- Issues ---------------------------------------------------------------------------------


def issue_units(issue: CoordinationIssue) -> set[int]:
    """The units an issue concerns: its raiser and the units it names."""
    return {issue.raised_by_unit_id, *(u.pk for u in issue.needed_units.all())}


def can_raise_issue(user: User, task: Task) -> bool:
    """Editors of a unit assigned to a live task of a published plan raise issues on it."""
    published = task.plan.status == Plan.Status.PUBLISHED and not task.withdrawn
    return published and is_editor(user) and _assigned(user, task)


def can_answer_issue(user: User, issue: CoordinationIssue) -> bool:
    """The reform office, and the editors of the units it concerns, answer while it is open."""
    if not issue.is_open:
        return False
    if is_coordinator(user):
        return True
    return is_editor(user) and user.unit_id in issue_units(issue)


def can_withdraw_issue(user: User, issue: CoordinationIssue) -> bool:
    """The raising unit's editors withdraw their issue until it is decided."""
    waiting = issue.status in (Status.OPEN, Status.ON_AGENDA)
    return waiting and is_editor(user) and user.unit_id == issue.raised_by_unit_id


def can_close_issue(user: User, issue: CoordinationIssue) -> bool:
    """The reform office closes an issue once it is decided (or settled without a meeting)."""
    return is_coordinator(user) and issue.is_open


def access_task_for_issue(user: User, task_id: int) -> Task:
    """The task to raise an issue on: 404 if not readable, 403 if not the user's to raise on."""
    task = access_task(user, task_id)
    if not can_raise_issue(user, task):
        raise PermissionDenied
    return task


def access_issue(user: User, issue_id: int, *, answer=False, withdraw=False, close=False):
    """The issue, if `user` may see it (and answer, withdraw or close it); else 404 or 403."""
    issue = get_object_or_404(
        CoordinationIssue.objects.select_related("task__plan", "raised_by_unit", "raised_by"),
        pk=issue_id,
    )
    # The reform office and leaders read every issue.
    if not reads_everything(user):
        # Unit staff see issues their unit raised, is named in, or shares the task of.
        if not _unit_staff(user):
            raise Http404
        if user.unit_id not in issue_units(issue) and not _assigned(user, issue.task):
            raise Http404
    checks = ((answer, can_answer_issue), (withdraw, can_withdraw_issue), (close, can_close_issue))
    for asked, allowed in checks:
        if asked and not allowed(user, issue):
            raise PermissionDenied
    return issue


# ---- Meetings -------------------------------------------------------------------------------


def leads_in_plan(user: User, plan: Plan) -> bool:
    return Assignment.objects.leads().filter(task__plan=plan, unit_id=user.unit_id).exists()


def can_convene(user: User, plan: Plan | None = None) -> bool:
    """The reform office, or the editors of a unit that leads a task (of `plan`, if given)."""
    if is_coordinator(user):
        return True
    if not (is_editor(user) and user.unit_id):
        return False
    leads = Assignment.objects.leads().published().filter(unit_id=user.unit_id)
    return (leads.filter(task__plan=plan) if plan else leads).exists()


def can_run_meeting(user: User, meeting: Meeting) -> bool:
    """The reform office and the convening unit's editors prepare, hold and close the meeting."""
    if meeting.status == Meeting.Status.CLOSED:
        return False
    if is_coordinator(user):
        return True
    return is_editor(user) and user.unit_id == meeting.convened_by_unit_id


def meeting_units(meeting: Meeting) -> set[int]:
    """Units a meeting concerns: convenor, participants, owners and supporters of its decisions."""
    units = {meeting.convened_by_unit_id, *(u.pk for u in meeting.units.all())}
    for outcome in meeting.outcomes.prefetch_related("co_units"):
        units.add(outcome.owner_unit_id)
        units.update(u.pk for u in outcome.co_units.all())
    return units - {None}


def access_plan_to_convene(user: User, plan_id: int) -> Plan:
    plan = get_object_or_404(Plan.objects.published(), pk=plan_id)
    if not can_convene(user, plan):
        raise PermissionDenied if reads_everything(user) or _unit_staff(user) else Http404
    return plan


def access_meeting(user: User, meeting_id: int, *, run: bool = False) -> Meeting:
    """The meeting, if `user` may read it (prepare, hold or close it with `run`); else 404/403."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("plan", "convened_by_unit", "convened_by"), pk=meeting_id
    )
    # The reform office and leaders read every meeting.
    if not reads_everything(user):
        # Unit staff read the meetings their unit convened, attends or owes work from.
        if not _unit_staff(user) or user.unit_id not in meeting_units(meeting):
            raise Http404
    if run and not can_run_meeting(user, meeting):
        raise PermissionDenied
    return meeting


# ---- Decisions ------------------------------------------------------------------------------


def can_report_decision(user: User, outcome: Outcome) -> bool:
    """The owner unit's editors report progress and mark done, once the minutes hand it out and
    until the reform office accepts it."""
    handed_out = outcome.meeting.status == Meeting.Status.CLOSED
    open_ = outcome.status != Outcome.Status.ACCEPTED
    return handed_out and open_ and is_editor(user) and user.unit_id == outcome.owner_unit_id


def can_accept_decision(user: User, outcome: Outcome) -> bool:
    """The reform office accepts a decision the owner reported done."""
    return is_coordinator(user) and outcome.status == Outcome.Status.DONE


def access_decision(user: User, outcome_id: int, *, report=False, accept=False) -> Outcome:
    """The decision, if `user` may read it (report on it, accept it); else 404 or 403."""
    outcome = get_object_or_404(
        Outcome.objects.select_related("meeting__plan", "owner_unit").filter(
            kind__in=[Outcome.Kind.DECISION, Outcome.Kind.ACTION]
        ),
        pk=outcome_id,
    )
    if not reads_everything(user):
        # Unit staff read decisions of the meetings their unit takes part in.
        if not _unit_staff(user) or user.unit_id not in meeting_units(outcome.meeting):
            raise Http404
    if report and not can_report_decision(user, outcome):
        raise PermissionDenied
    if accept and not can_accept_decision(user, outcome):
        raise PermissionDenied
    return outcome


# ---- The collaboration view -----------------------------------------------------------------


def can_see_collaboration(user: User) -> bool:
    return reads_everything(user)


def access_collaboration(user: User) -> None:
    """The unit × unit view spans every unit: the reform office's and the leaders' only."""
    if not can_see_collaboration(user):
        raise PermissionDenied


def access_coordination_home(user: User) -> None:
    """Everyone with a unit or an overview role has a coordination page; admins run accounts."""
    if not (reads_everything(user) or _unit_staff(user)):
        raise PermissionDenied
