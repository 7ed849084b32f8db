"""Every plan view, allowed and denied: drafts are the coordinator's (404 for others); the
published plan is read by every role and written by the coordinator only (403 for others)."""

import pytest
from django.urls import reverse

from duban.plans.models import Assignment, Plan, Task
from duban.plans.permissions import access_plan, access_source, access_task

pytestmark = pytest.mark.django_db

READ_VIEWS = [
    "plan-detail",
    "unit-tasks",
    "cited-documents",
    "targets",
    "city-matrix",
    "plan-export",
]
# (name, method): every view that changes a plan.
WRITE_VIEWS = [
    ("plan-review", "get"),
    ("plan-edit", "post"),
    ("plan-publish", "post"),
    ("name-map", "post"),
    ("table-import", "get"),
    ("table-apply", "post"),
]
TASK_WRITE_VIEWS = [
    ("task-edit", "get"),
    ("task-split", "post"),
    ("task-merge", "post"),
    ("task-cities", "post"),
    ("assignment-add", "post"),
]


@pytest.fixture
def published(coordinator) -> Plan:
    return Plan.objects.get(year=2012, source__original_name="gansu-2012-reform-opinions.txt")


def first_task(plan: Plan) -> Task:
    return Task.objects.get(plan=plan, path="1.1", region__isnull=True)


@pytest.mark.parametrize("name", READ_VIEWS)
@pytest.mark.parametrize("persona", ["coordinator", "leader", "caizheng", "viewer", "admin"])
def test_every_role_reads_the_published_plan(client, demo_accounts, published, name, persona):
    client.force_login(demo_accounts[persona])
    assert client.get(reverse(f"plans:{name}", args=[published.pk])).status_code == 200


@pytest.mark.parametrize("name", READ_VIEWS + [n for n, _ in WRITE_VIEWS])
@pytest.mark.parametrize("persona", ["leader", "caizheng", "viewer", "admin"])
def test_a_draft_is_hidden_from_all_but_the_coordinator(
    client, demo_accounts, small_plan, name, persona
):
    client.force_login(demo_accounts[persona])
    assert client.get(reverse(f"plans:{name}", args=[small_plan.pk])).status_code in (404, 405)
    assert client.post(reverse(f"plans:{name}", args=[small_plan.pk])).status_code == 404


@pytest.mark.parametrize("name", READ_VIEWS + ["plan-review", "table-import"])
def test_the_coordinator_opens_the_draft(client, coordinator, small_plan, name):
    client.force_login(coordinator)
    assert client.get(reverse(f"plans:{name}", args=[small_plan.pk])).status_code == 200


@pytest.mark.parametrize(("name", "method"), WRITE_VIEWS)
@pytest.mark.parametrize("persona", ["leader", "fagai", "viewer", "admin"])
def test_only_the_coordinator_writes_to_a_published_plan(
    client, demo_accounts, published, name, method, persona
):
    client.force_login(demo_accounts[persona])
    response = getattr(client, method)(reverse(f"plans:{name}", args=[published.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "method"), TASK_WRITE_VIEWS)
def test_task_writes_are_the_coordinators(client, demo_accounts, published, name, method):
    task = first_task(published)
    url = reverse(f"plans:{name}", args=[task.pk])
    client.force_login(demo_accounts["fagai"])  # 省发展改革委 is assigned to 1.1, still no
    assert getattr(client, method)(url).status_code == 403
    client.force_login(demo_accounts["coordinator"])
    assert getattr(client, method)(url).status_code in (200, 302)


def test_task_moves_and_assignment_changes_are_the_coordinators(client, demo_accounts, small_plan):
    task = first_task(small_plan)
    assignment = task.assignments.first()
    urls = [
        reverse("plans:task-move", args=[task.pk, "down"]),
        reverse("plans:assignment-change", args=[assignment.pk, "lead"]),
        reverse("plans:assignment-change", args=[assignment.pk, "remove"]),
    ]
    client.force_login(demo_accounts["leader"])
    assert [client.post(url).status_code for url in urls] == [404, 404, 404]
    client.force_login(demo_accounts["coordinator"])
    assert [client.post(url).status_code for url in urls] == [302, 302, 302]
    assert Assignment.objects.get(pk=assignment.pk).withdrawn


def test_task_detail_follows_its_plan(client, demo_accounts, small_plan, published):
    client.force_login(demo_accounts["viewer"])
    assert (
        client.get(reverse("plans:task-detail", args=[first_task(published).pk])).status_code == 200
    )
    assert (
        client.get(reverse("plans:task-detail", args=[first_task(small_plan).pk])).status_code
        == 404
    )


def test_importing_is_the_coordinators(client, demo_accounts):
    client.force_login(demo_accounts["leader"])
    assert client.get(reverse("plans:plan-import")).status_code == 403
    client.force_login(demo_accounts["coordinator"])
    assert client.get(reverse("plans:plan-import")).status_code == 200


def test_the_source_file_follows_its_plans(client, demo_accounts, small_plan):
    url = reverse("plans:source-file", args=[small_plan.source_id])
    client.force_login(demo_accounts["caizheng"])
    assert client.get(url).status_code == 404
    client.force_login(demo_accounts["coordinator"])
    assert client.get(url).status_code == 200
    Plan.objects.filter(pk=small_plan.pk).update(status=Plan.Status.PUBLISHED)
    client.force_login(demo_accounts["caizheng"])
    assert client.get(url).status_code == 200


def test_the_plan_list_shows_drafts_to_the_coordinator_only(client, demo_accounts, small_plan):
    client.force_login(demo_accounts["leader"])
    assert small_plan.title not in client.get(reverse("plans:plan-list")).content.decode()
    client.force_login(demo_accounts["coordinator"])
    assert small_plan.title in client.get(reverse("plans:plan-list")).content.decode()


def test_the_access_functions_directly(demo_accounts, small_plan, published):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    leader, coordinator = demo_accounts["leader"], demo_accounts["coordinator"]
    assert access_plan(coordinator, small_plan.pk, write=True) == small_plan
    assert access_plan(leader, published.pk) == published
    with pytest.raises(Http404):
        access_plan(leader, small_plan.pk)
    with pytest.raises(PermissionDenied):
        access_task(leader, first_task(published).pk, write=True)
    with pytest.raises(Http404):
        access_source(leader, small_plan.source_id)
    withdrawn = first_task(published)
    Task.objects.filter(pk=withdrawn.pk).update(withdrawn=True)
    with pytest.raises(PermissionDenied):
        access_task(coordinator, withdrawn.pk, write=True)
