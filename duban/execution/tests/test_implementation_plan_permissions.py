"""The access functions every execution page goes through, persona by persona.

Expected answers: "ok" (returned), 404 (not theirs: cannot even learn it exists), 403 (theirs to
read, not to do this).
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from duban.execution.permissions import (
    access_extension,
    access_implementation_plan,
    access_lead_task,
    access_milestone,
    access_plan_to_file,
    access_task_to_comment,
)
from duban.execution.services.extensions import extension_request

PERSONAS = ["caizheng", "viewer", "fagai", "lanzhou", "coordinator", "leader", "admin"]


def outcome(call):
    try:
        call()
    except Http404:
        return 404
    except PermissionDenied:
        return 403
    return "ok"


def table(demo_accounts, call) -> dict:
    return {p: outcome(lambda p=p: call(demo_accounts[p])) for p in PERSONAS}


@pytest.mark.django_db
def test_implementation_plan_reading(demo_accounts, filed_plan):
    answers = table(demo_accounts, lambda u: access_implementation_plan(u, filed_plan.pk))

    assert answers == {
        "caizheng": "ok", "viewer": "ok", "fagai": 404, "lanzhou": 404,
        "coordinator": "ok", "leader": "ok", "admin": 404,
    }  # fmt: skip


@pytest.mark.django_db
def test_implementation_plan_filling_in(demo_accounts, filed_plan):
    answers = table(
        demo_accounts, lambda u: access_implementation_plan(u, filed_plan.pk, write=True)
    )

    assert answers == {
        "caizheng": "ok", "viewer": 403, "fagai": 404, "lanzhou": 404,
        "coordinator": 403, "leader": 403, "admin": 404,
    }  # fmt: skip


@pytest.mark.django_db
def test_implementation_plan_review(demo_accounts, filed_plan):
    answers = table(
        demo_accounts, lambda u: access_implementation_plan(u, filed_plan.pk, review=True)
    )

    assert answers == {
        "caizheng": 403, "viewer": 403, "fagai": 404, "lanzhou": 404,
        "coordinator": "ok", "leader": 403, "admin": 404,
    }  # fmt: skip


@pytest.mark.django_db
def test_milestone_writing(demo_accounts, filed_plan):
    milestone = filed_plan.milestones.get()

    answers = table(demo_accounts, lambda u: access_milestone(u, milestone.pk, write=True))

    assert answers == {
        "caizheng": "ok", "viewer": 403, "fagai": 404, "lanzhou": 404,
        "coordinator": 403, "leader": 403, "admin": 404,
    }  # fmt: skip


@pytest.mark.django_db
def test_extension_deciding(demo_accounts, filed_plan, caizheng):
    from datetime import date

    milestone = filed_plan.milestones.get()
    extension = extension_request(
        task=milestone.task, milestone=milestone, new_due=date(2012, 8, 1), reason="r",
        by=caizheng, as_of=date(2012, 6, 1),
    )  # fmt: skip

    answers = table(demo_accounts, lambda u: access_extension(u, extension.pk, decide=True))

    assert answers == {
        "caizheng": 403, "viewer": 403, "fagai": 404, "lanzhou": 404,
        "coordinator": "ok", "leader": 403, "admin": 404,
    }  # fmt: skip


@pytest.mark.django_db
def test_starting_a_plan_and_moving_a_task(demo_accounts, plan_2012, finance_task):
    # 1.1.1 is led by 省财政厅, with 省发展改革委 co-operating.
    start = table(demo_accounts, lambda u: access_plan_to_file(u, plan_2012.pk))
    move = table(demo_accounts, lambda u: access_lead_task(u, finance_task.pk))

    expected = {
        "caizheng": "ok", "viewer": 403, "fagai": 404, "lanzhou": 404,
        "coordinator": 404, "leader": 404, "admin": 404,
    }  # fmt: skip
    assert start == expected
    assert move == expected


@pytest.mark.django_db
def test_commenting(demo_accounts, finance_task):
    answers = table(demo_accounts, lambda u: access_task_to_comment(u, finance_task.pk))

    # A published plan is open to every signed-in user; only leaders write 批示.
    assert answers == {
        "caizheng": 403, "viewer": 403, "fagai": 403, "lanzhou": 403,
        "coordinator": 403, "leader": "ok", "admin": 403,
    }  # fmt: skip


@pytest.mark.django_db
def test_a_draft_plans_task_takes_no_comment(demo_accounts, no_demo_plan, finance_unit):
    from .conftest import make_plan, make_task

    task = make_task(make_plan(status="draft"), "1.1.1", lead=finance_unit)

    assert outcome(lambda: access_task_to_comment(demo_accounts["leader"], task.pk)) == 404
