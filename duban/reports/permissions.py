"""Who may read the province-wide picture, and draft the reports Duban writes for the leadership."""

from django.core.exceptions import PermissionDenied

from duban.directory.models import User
from duban.directory.roles import is_coordinator, reads_everything
from duban.plans.models import Plan
from duban.plans.permissions import access_plan


def can_draft_report(user: User) -> bool:
    # The reform office reports progress and major problems to the provincial government.
    return is_coordinator(user)


def can_read_glance(user: User) -> bool:
    # The province-wide picture (全局概览) is for the reform office and the leadership.
    return reads_everything(user)


def access_plan_to_report(user: User, plan_id: int) -> Plan:
    """The plan, if `user` may draft its progress report; 404 if unseen, 403 if only readable."""
    plan = access_plan(user, plan_id)
    if not can_draft_report(user):
        raise PermissionDenied
    return plan


def access_plan_glance(user: User, plan_id: int) -> Plan:
    """The plan, if `user` reads the province-wide picture; 404 if unseen, 403 otherwise."""
    plan = access_plan(user, plan_id)
    if not can_read_glance(user):
        raise PermissionDenied
    return plan


def can_choose_public_page(user: User) -> bool:
    # The reform office decides what of a plan is published (政务公开).
    return is_coordinator(user)


def access_plan_public_settings(user: User, plan_id: int) -> Plan:
    """The plan, if `user` chooses its public page; 404 if unseen, 403 otherwise."""
    plan = access_plan(user, plan_id)
    if not can_choose_public_page(user):
        raise PermissionDenied
    return plan
