"""Milestone pages: added inline (htmx), edited, withdrawn, ticked — by the unit's editor only."""

from datetime import date

import pytest
from django.urls import reverse

from duban.execution.models import Milestone

from .conftest import ready_plan


@pytest.fixture
def draft(plan_2012, finance_task, caizheng):
    return ready_plan(plan_2012, finance_task, caizheng)


def milestone_data(task_id, **overrides):
    prefix = f"m{task_id}-"
    data = {
        "title": "形成初稿",
        "due_date": "2012-08-15",
        "deliverable": "文件初稿",
        "responsible_person": "李处长",
    }
    return {prefix + key: value for key, value in (data | overrides).items()}


@pytest.mark.django_db
def test_adding_a_milestone_inline_returns_the_tasks_milestone_block(
    client, draft, finance_task, caizheng
):
    client.force_login(caizheng)
    url = reverse("execution:milestone-add", args=[draft.pk, finance_task.pk])

    response = client.post(url, milestone_data(finance_task.pk), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "execution/_plan_task_milestones.html"
    assert "形成初稿" in response.content.decode()
    assert Milestone.objects.filter(implementation_plan=draft).count() == 2


@pytest.mark.django_db
def test_an_inline_milestone_without_a_date_shows_the_error_in_place(
    client, draft, finance_task, caizheng
):
    client.force_login(caizheng)
    url = reverse("execution:milestone-add", args=[draft.pk, finance_task.pk])

    response = client.post(
        url, milestone_data(finance_task.pk, due_date=""), HTTP_HX_REQUEST="true"
    )

    assert "field-error" in response.content.decode()
    assert Milestone.objects.filter(implementation_plan=draft).count() == 1


@pytest.mark.django_db
def test_without_htmx_adding_a_milestone_goes_back_to_the_form(
    client, draft, finance_task, caizheng
):
    client.force_login(caizheng)
    url = reverse("execution:milestone-add", args=[draft.pk, finance_task.pk])

    response = client.post(url, milestone_data(finance_task.pk))

    assert response.url == reverse("execution:plan-edit", args=[draft.pk])


@pytest.mark.django_db
def test_an_editor_edits_and_withdraws_a_milestone(client, draft, caizheng):
    client.force_login(caizheng)
    milestone = draft.milestones.get()

    client.post(
        reverse("execution:milestone-edit", args=[milestone.pk]),
        {
            "version": milestone.version,
            "title": "完成专题调研",
            "due_date": "2012-07-10",
            "deliverable": "",
            "responsible_person": "",
        },
    )
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_date) == ("完成专题调研", date(2012, 7, 10))

    client.post(
        reverse("execution:milestone-withdraw", args=[milestone.pk]), {"version": milestone.version}
    )
    milestone.refresh_from_db()
    assert milestone.withdrawn


@pytest.mark.django_db
def test_an_editor_ticks_a_milestone_with_its_date_and_evidence(client, filed_plan, caizheng):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()
    url = reverse("execution:milestone-tick", args=[milestone.pk])
    assert "确认完成" in client.get(url).content.decode()

    client.post(
        url,
        {"version": milestone.version, "met_on": "2012-06-29", "met_note": "调研报告已报厅党组"},
    )

    milestone.refresh_from_db()
    assert milestone.met_on == date(2012, 6, 29)


@pytest.mark.django_db
def test_a_stale_tick_is_refused_in_the_form(client, filed_plan, caizheng):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    response = client.post(
        reverse("execution:milestone-tick", args=[milestone.pk]),
        {"version": milestone.version + 5, "met_on": "2012-06-29", "met_note": "完成"},
    )

    assert "已被他人修改" in response.content.decode()


MILESTONE_URLS = ["milestone-edit", "milestone-withdraw", "milestone-tick", "extension-request"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", MILESTONE_URLS)
@pytest.mark.parametrize(
    ("persona", "status"),
    [("fagai", 404), ("lanzhou", 404), ("viewer", 403), ("coordinator", 403), ("leader", 403)],
)
def test_a_milestone_url_refuses_who_may_not_write(
    client, demo_accounts, filed_plan, name, persona, status
):
    client.force_login(demo_accounts[persona])
    milestone = filed_plan.milestones.get()
    url = reverse(f"execution:{name}", args=[milestone.pk])

    if name != "milestone-withdraw":  # a POST-only action
        assert client.get(url).status_code == status
    assert client.post(url, {"version": milestone.version}).status_code == status
    milestone.refresh_from_db()
    assert (milestone.withdrawn, milestone.met_on) == (False, None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"), [("fagai", 404), ("viewer", 403), ("coordinator", 403)]
)
def test_adding_a_milestone_refuses_who_may_not_write(
    client, demo_accounts, draft, finance_task, persona, status
):
    client.force_login(demo_accounts[persona])
    url = reverse("execution:milestone-add", args=[draft.pk, finance_task.pk])

    assert client.post(url, milestone_data(finance_task.pk)).status_code == status
    assert Milestone.objects.filter(implementation_plan=draft).count() == 1


@pytest.mark.django_db
def test_after_filing_the_form_offers_milestones_only_and_an_addition_shows_as_drift(
    client, filed_plan, finance_task, caizheng
):
    client.force_login(caizheng)
    page = client.get(reverse("execution:plan-edit", args=[filed_plan.pk])).content.decode()
    assert "增补或撤销里程碑" in page and "保存并报送" not in page

    client.post(
        reverse("execution:milestone-add", args=[filed_plan.pk, finance_task.pk]),
        milestone_data(finance_task.pk, title="补充节点", due_date="2012-11-30"),
    )

    detail = client.get(reverse("execution:plan-detail", args=[filed_plan.pk])).content.decode()
    assert "与备案方案的差异" in detail
    assert "补充节点" in detail
