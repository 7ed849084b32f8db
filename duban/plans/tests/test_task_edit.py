"""Editing a task: a stale version is refused; after publishing every change is an amendment that
needs a reason, which the task's history shows."""

import pytest
from django.urls import reverse

from duban.audit import services as audit
from duban.plans.models import Plan
from duban.plans.services import assignment_remove, task_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(small_plan) -> Plan:
    Plan.objects.filter(pk=small_plan.pk).update(status=Plan.Status.PUBLISHED)
    small_plan.refresh_from_db()
    return small_plan


def test_a_stale_edit_is_refused_with_a_clear_message(small_plan, coordinator):
    task = small_plan.tasks.get(path="1.1")
    seen = task.version
    task_update(task=task, by=coordinator, seen_version=seen, title="推进预算公开工作")
    stale = small_plan.tasks.get(path="1.1")
    with pytest.raises(audit.StaleEdit, match="刷新"):
        task_update(task=stale, by=coordinator, seen_version=seen, title="别的标题")
    stale.refresh_from_db()
    assert stale.title == "推进预算公开工作"


def test_an_amendment_without_a_reason_is_refused(published, coordinator):
    task = published.tasks.get(path="1.1")
    with pytest.raises(audit.DomainError, match="理由"):
        task_update(task=task, by=coordinator, seen_version=task.version, title="新标题")
    assignment = task.assignments.first()
    with pytest.raises(audit.DomainError, match="理由"):
        assignment_remove(assignment=assignment, by=coordinator)


def test_an_amendment_with_a_reason_is_in_the_history(client, published, coordinator):
    task = published.tasks.get(path="1.1")
    task_update(
        task=task,
        by=coordinator,
        seen_version=task.version,
        reason="省政府常务会议调整时限",
        due_text="9月底前",
    )
    record = task.history.first()
    assert record.history_change_reason == "省政府常务会议调整时限"
    assert record.history_user == coordinator
    client.force_login(coordinator)
    page = client.get(reverse("plans:task-detail", args=[task.pk])).content.decode()
    assert "省政府常务会议调整时限" in page


def test_the_edit_form_shows_the_due_date_the_date_input_understands(
    client, small_plan, coordinator
):
    task = small_plan.tasks.get(path="1.1")
    client.force_login(coordinator)
    page = client.get(reverse("plans:task-edit", args=[task.pk])).content.decode()
    assert 'value="2013-12-31"' in page


def test_the_htmx_edit_returns_the_tasks_fragment(client, small_plan, coordinator):
    task = small_plan.tasks.get(path="1.1")
    client.force_login(coordinator)
    prefix = f"t{task.pk}-"
    data = {
        prefix + "version": task.version,
        prefix + "title": "推进预算全面公开",
        prefix + "text": task.text,
        prefix + "kind": "within_year",
        prefix + "due_date": "2013-12-31",
        prefix + "due_text": "年底前",
        prefix + "lead_note": "",
        prefix + "reason": "",
    }
    response = client.post(reverse("plans:task-edit", args=[task.pk]), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith("<article") and "推进预算全面公开" in body
    assert "拆分" in body  # the fragment keeps the row's structure controls
    # The same form again, on the old version: refused in the form, nothing saved.
    data[prefix + "title"] = "又一个标题"
    response = client.post(reverse("plans:task-edit", args=[task.pk]), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "刷新" in response.content.decode()
