"""The plan pages: a department drafts and submits from its workspace; the reform office files
or returns; every URL refuses another unit (404) and a read-only role (403)."""

from datetime import date

import pytest
from django.urls import reverse

from duban.execution.models import ImplementationPlan, Milestone
from duban.execution.services.implementation_plans import implementation_plan_submit

from .conftest import ready_plan

Status = ImplementationPlan.Status


@pytest.fixture
def draft(plan_2012, finance_task, caizheng):
    return ready_plan(plan_2012, finance_task, caizheng)


@pytest.fixture
def submitted(draft, caizheng):
    return implementation_plan_submit(implementation_plan=draft, by=caizheng)


def edit_data(ip, **overrides):
    commitment = ip.commitments.get()
    data = {
        "version": ip.version,
        "narrative": "分三步推进。",
        f"c{commitment.pk}-version": commitment.version,
        f"c{commitment.pk}-criterion": "出台实施办法",
        f"c{commitment.pk}-steps": "",
    }
    return data | overrides


@pytest.mark.django_db
def test_an_editor_starts_a_plan_from_the_workspace_and_lands_on_its_form(
    client, plan_2012, finance_task, caizheng
):
    client.force_login(caizheng)
    workspace = client.get(reverse("execution:workspace"))
    start = reverse("execution:plan-start", args=[plan_2012.pk])
    assert start in workspace.content.decode()

    response = client.post(start)

    ip = ImplementationPlan.objects.get(unit=caizheng.unit, plan=plan_2012)
    assert response.url == reverse("execution:plan-edit", args=[ip.pk])
    page = client.get(response.url).content.decode()
    assert "深化预算管理制度改革" in page
    assert "添加里程碑" in page


@pytest.mark.django_db
def test_a_unit_that_leads_nothing_cannot_start_a_plan(client, plan_2012, finance_task, fagai):
    client.force_login(fagai)

    assert client.post(reverse("execution:plan-start", args=[plan_2012.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status"), [("viewer", 403), ("coordinator", 403)])
def test_only_an_editor_starts_a_plan(
    client, demo_accounts, plan_2012, finance_task, persona, status
):
    client.force_login(demo_accounts[persona])
    if persona == "coordinator":
        # The reform office leads tasks of its own as 省发展改革委, but it never drafts one.
        from .conftest import make_task

        make_task(plan_2012, "2.1.1", lead=demo_accounts[persona].unit)

    assert client.post(reverse("execution:plan-start", args=[plan_2012.pk])).status_code == status


@pytest.mark.django_db
def test_saving_and_submitting_from_the_form(client, draft, caizheng):
    client.force_login(caizheng)
    url = reverse("execution:plan-edit", args=[draft.pk])

    response = client.post(url, edit_data(draft, submit="1"))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert draft.narrative == "分三步推进。"


@pytest.mark.django_db
def test_a_stale_save_is_refused_with_a_message_in_the_form(client, draft, caizheng):
    client.force_login(caizheng)
    data = edit_data(draft, version=draft.version - 1 if draft.version > 1 else 99)

    response = client.post(reverse("execution:plan-edit", args=[draft.pk]), data)

    assert response.status_code == 200
    assert "已被他人修改" in response.content.decode()


@pytest.mark.django_db
def test_submitting_with_gaps_returns_to_the_form_with_the_gaps(
    client, plan_2012, finance_task, caizheng
):
    client.force_login(caizheng)
    client.post(reverse("execution:plan-start", args=[plan_2012.pk]))
    ip = ImplementationPlan.objects.get(unit=caizheng.unit, plan=plan_2012)

    response = client.post(reverse("execution:plan-submit", args=[ip.pk]), follow=True)

    assert "至少需要一个里程碑" in response.content.decode()
    ip.refresh_from_db()
    assert ip.status == Status.DRAFT


@pytest.mark.django_db
def test_the_coordinator_files_a_plan_from_its_page(client, submitted, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("execution:plan-detail", args=[submitted.pk])).content.decode()
    assert "备案" in page and "退回修改" in page

    client.post(
        reverse("execution:plan-file", args=[submitted.pk]),
        {"version": submitted.version, "comment": ""},
    )

    submitted.refresh_from_db()
    assert submitted.status == Status.FILED
    assert Milestone.objects.get(implementation_plan=submitted).baseline_due == date(2012, 6, 30)


@pytest.mark.django_db
def test_returning_without_a_comment_is_refused_with_a_message(client, submitted, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("execution:plan-return", args=[submitted.pk]),
        {"version": submitted.version, "comment": ""},
        follow=True,
    )

    assert "须写明修改意见" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


@pytest.mark.django_db
def test_a_returned_plan_shows_the_comment_on_the_workspace(
    client, submitted, coordinator, caizheng
):
    client.force_login(coordinator)
    client.post(
        reverse("execution:plan-return", args=[submitted.pk]),
        {"version": submitted.version, "comment": "请细化第二季度节点", "next": "queue"},
    )
    client.force_login(caizheng)

    page = client.get(reverse("execution:workspace")).content.decode()

    assert "请细化第二季度节点" in page
    assert "修改后重新报送" in page


# Every plan URL, the persona asking, and what they get. 省发展改革委 (fagai) is another unit.
DENIED = [
    ("plan-detail", "get", "fagai", 404),
    ("plan-edit", "get", "fagai", 404),
    ("plan-edit", "post", "fagai", 404),
    ("plan-submit", "post", "fagai", 404),
    ("plan-file", "post", "fagai", 404),
    ("plan-return", "post", "fagai", 404),
    ("plan-detail", "get", "lanzhou", 404),
    ("plan-edit", "get", "viewer", 403),
    ("plan-edit", "post", "viewer", 403),
    ("plan-submit", "post", "viewer", 403),
    ("plan-file", "post", "viewer", 403),
    ("plan-edit", "get", "coordinator", 403),
    ("plan-submit", "post", "coordinator", 403),
    ("plan-edit", "get", "leader", 403),
    ("plan-file", "post", "leader", 403),
    ("plan-return", "post", "leader", 403),
    ("plan-file", "post", "caizheng", 403),
    ("plan-return", "post", "caizheng", 403),
    ("plan-detail", "get", "admin", 404),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "persona", "status"), DENIED)
def test_a_plan_url_refuses_who_may_not(
    client, demo_accounts, submitted, name, method, persona, status
):
    client.force_login(demo_accounts[persona])
    url = reverse(f"execution:{name}", args=[submitted.pk])

    response = getattr(client, method)(url, {"version": submitted.version, "comment": "x"})

    assert response.status_code == status
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["caizheng", "viewer", "coordinator", "leader"])
def test_the_unit_the_reform_office_and_leaders_read_the_plan(
    client, demo_accounts, submitted, persona
):
    client.force_login(demo_accounts[persona])

    response = client.get(reverse("execution:plan-detail", args=[submitted.pk]))

    assert response.status_code == 200
    assert "完成调研" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["plan-detail", "plan-edit"])
def test_the_plan_pages_take_a_bounded_number_of_queries(
    client, plan_2012, finance_unit, caizheng, name, django_assert_max_num_queries
):
    from .conftest import make_task

    for n in range(1, 7):
        task = make_task(plan_2012, f"2.{n}.1", lead=finance_unit)
        ip = ready_plan(plan_2012, task, caizheng)
    client.force_login(caizheng)

    # 11 today, whatever the number of tasks: a query per task would pass 15 at once.
    with django_assert_max_num_queries(15):
        response = client.get(reverse(f"execution:{name}", args=[ip.pk]))
    assert response.status_code == 200
