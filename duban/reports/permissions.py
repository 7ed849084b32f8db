"""Who may draft the reports Duban writes for the leadership."""

from django.core.exceptions import PermissionDenied

from duban.directory.models import User
from duban.directory.roles import is_coordinator
from duban.plans.models import Plan
from duban.plans.permissions import access_plan


def can_draft_report(user: User) -> bool:
    # The reform office reports progress and major problems to the provincial government.
    return is_coordinator(user)


def access_plan_to_report(user: User, plan_id: int) -> Plan:
    """The plan, if `user` may draft its progress report; 404 if unseen, 403 if only readable."""
    plan = access_plan(user, plan_id)
    if not can_draft_report(user):
        raise PermissionDenied
    return plan
