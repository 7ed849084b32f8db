"""Each plan page shows a control exactly when its `can_*` function says so, for every demo
account; and when the control is not shown, the server refuses the action itself."""

import pytest
from django.urls import reverse

from duban.plans.models import Plan, Task
from duban.plans.permissions import (
    can_change_plan,
    can_edit_task,
    can_import_plan,
    can_review_plan,
)
from duban.web.tests.personas import PERSONAS, REFUSED, get_as

pytestmark = pytest.mark.django_db

TABBED_PAGES = ["plan-detail", "unit-tasks", "cited-documents", "targets", "city-matrix"]


@pytest.fixture
def published(coordinator) -> Plan:
    return Plan.objects.get(year=2012, source__original_name="gansu-2012-reform-opinions.txt")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_import_button_follows_can_import(client, demo_accounts, persona):
    user = demo_accounts[persona]
    import_url = reverse("plans:plan-import")

    status, page = get_as(client, user, reverse("plans:plan-list"))

    assert status == 200
    assert (import_url in page) is can_import_plan(user)
    if not can_import_plan(user):
        assert client.get(import_url).status_code in REFUSED
        assert client.post(import_url, {"year": 2013}).status_code in REFUSED
    assert (persona == "coordinator") is can_import_plan(user)


@pytest.mark.parametrize("name", TABBED_PAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_review_tab_follows_can_review_plan(client, demo_accounts, published, persona, name):
    user = demo_accounts[persona]
    review_url = reverse("plans:plan-review", args=[published.pk])

    status, page = get_as(client, user, reverse(f"plans:{name}", args=[published.pk]))

    assert status == 200
    assert (review_url in page) is can_review_plan(user, published)
    if not can_review_plan(user, published):
        assert client.get(review_url).status_code in REFUSED
        assert client.post(reverse("plans:plan-publish", args=[published.pk])).status_code in (
            REFUSED
        )
    assert (persona == "coordinator") is can_review_plan(user, published)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_table_import_button_follows_can_change_plan(client, demo_accounts, published, persona):
    user = demo_accounts[persona]
    import_url = reverse("plans:table-import", args=[published.pk])

    status, page = get_as(client, user, reverse("plans:plan-detail", args=[published.pk]))

    assert status == 200
    assert (import_url in page) is can_change_plan(user, published)
    if not can_change_plan(user, published):
        assert client.get(import_url).status_code in REFUSED
        apply_url = reverse("plans:table-apply", args=[published.pk])
        assert client.post(apply_url, {"token": "abc"}).status_code in REFUSED
    assert (persona == "coordinator") is can_change_plan(user, published)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_task_controls_follow_can_edit_task(client, demo_accounts, published, persona):
    user = demo_accounts[persona]
    task = (
        Task.objects.filter(plan=published, level__gt=1, region__isnull=True, withdrawn=False)
        .order_by("path")
        .first()
    )
    edit_url = reverse("plans:task-edit", args=[task.pk])
    cities_url = reverse("plans:task-cities", args=[task.pk])

    status, page = get_as(client, user, reverse("plans:task-detail", args=[task.pk]))

    assert status == 200
    assert (edit_url in page) is can_edit_task(user, task)
    assert (cities_url in page) is can_edit_task(user, task)
    if not can_edit_task(user, task):
        assert client.get(edit_url).status_code in REFUSED
        data = {"version": task.version, "applies": "on", "reason": "分解到各市州"}
        assert client.post(cities_url, data).status_code in REFUSED
        assert Task.objects.get(pk=task.pk).applies_to_cities == task.applies_to_cities
    assert (persona == "coordinator") is can_edit_task(user, task)


def test_a_withdrawn_task_offers_no_edit_even_to_the_coordinator(client, coordinator, published):
    task = Task.objects.filter(plan=published, level__gt=1).order_by("path").first()
    Task.objects.filter(pk=task.pk).update(withdrawn=True)
    task.refresh_from_db()

    _, page = get_as(client, coordinator, reverse("plans:task-detail", args=[task.pk]))

    assert not can_edit_task(coordinator, task)
    assert reverse("plans:task-edit", args=[task.pk]) not in page
    assert client.get(reverse("plans:task-edit", args=[task.pk])).status_code == 403


def test_the_task_page_marks_the_lead_unit(client, viewer, published):
    task = Task.objects.filter(plan=published, assignments__role="lead").order_by("path").first()
    lead = task.assignments.leads().select_related("unit").first()

    _, page = get_as(client, viewer, reverse("plans:task-detail", args=[task.pk]))

    assert lead.is_lead
    assert f'<span class="unit unit--lead">{lead.unit.name}</span>' in page
