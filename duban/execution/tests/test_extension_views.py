"""Extension pages: the unit asks from its workspace; the reform office decides in the queue."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from duban.execution.models import Extension
from duban.execution.services.extensions import extension_request

ASKING_DAY = date(2012, 6, 20)


@pytest.fixture
def requested(filed_plan, caizheng):
    milestone = filed_plan.milestones.get()
    return extension_request(
        task=milestone.task,
        milestone=milestone,
        new_due=date(2012, 8, 31),
        reason="需与财政部衔接",
        by=caizheng,
        as_of=ASKING_DAY,
    )


@pytest.mark.django_db
def test_an_editor_asks_for_an_extension_of_a_milestone(client, filed_plan, caizheng):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    with time_machine.travel(ASKING_DAY, tick=False):
        response = client.post(
            reverse("execution:extension-request", args=[milestone.pk]),
            {"new_due": "2012-08-31", "reason": "需与财政部衔接"},
        )

    assert response.url == reverse("execution:workspace")
    assert Extension.objects.get(milestone=milestone).new_due == date(2012, 8, 31)


@pytest.mark.django_db
def test_asking_after_the_date_fell_due_is_refused_in_the_form(client, filed_plan, caizheng):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    with time_machine.travel(date(2012, 7, 5), tick=False):
        response = client.post(
            reverse("execution:extension-request", args=[milestone.pk]),
            {"new_due": "2012-08-31", "reason": "来不及"},
        )

    assert "到期前申请" in response.content.decode()
    assert not Extension.objects.filter(milestone=milestone).exists()


@pytest.mark.django_db
def test_the_lead_unit_asks_to_move_the_task_deadline(client, filed_plan, finance_task, caizheng):
    client.force_login(caizheng)

    with time_machine.travel(ASKING_DAY, tick=False):
        client.post(
            reverse("execution:extension-request-task", args=[finance_task.pk]),
            {"new_due": "2013-06-30", "reason": "跨年度推进"},
        )

    assert Extension.objects.get(task=finance_task, milestone=None).old_due == date(2012, 12, 31)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"), [("fagai", 404), ("viewer", 403), ("coordinator", 404)]
)
def test_only_the_lead_units_editor_asks_to_move_a_task(
    client, demo_accounts, finance_task, persona, status
):
    # 省发展改革委 only co-operates on 1.1.1, so for fagai and the reform office it is not theirs.
    client.force_login(demo_accounts[persona])

    url = reverse("execution:extension-request-task", args=[finance_task.pk])
    assert client.post(url, {"new_due": "2013-06-30", "reason": "x"}).status_code == status


@pytest.mark.django_db
def test_the_coordinator_approves_from_the_queue(client, requested, coordinator):
    client.force_login(coordinator)
    assert "需与财政部衔接" in client.get(reverse("execution:queue")).content.decode()

    client.post(
        reverse("execution:extension-approve", args=[requested.pk]),
        {"version": requested.version, "comment": "同意"},
    )

    requested.refresh_from_db()
    requested.milestone.refresh_from_db()
    assert requested.status == Extension.Status.APPROVED
    assert requested.milestone.due_date == date(2012, 8, 31)


@pytest.mark.django_db
def test_refusing_without_a_reason_is_refused(client, requested, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("execution:extension-refuse", args=[requested.pk]),
        {"version": requested.version, "comment": ""},
        follow=True,
    )

    assert "须写明理由" in response.content.decode()
    requested.refresh_from_db()
    assert requested.status == Extension.Status.REQUESTED


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["extension-approve", "extension-refuse"])
@pytest.mark.parametrize(
    ("persona", "status"),
    [("caizheng", 403), ("viewer", 403), ("leader", 403), ("fagai", 404), ("lanzhou", 404)],
)
def test_only_the_coordinator_decides(client, demo_accounts, requested, name, persona, status):
    client.force_login(demo_accounts[persona])

    response = client.post(
        reverse(f"execution:{name}", args=[requested.pk]),
        {"version": requested.version, "comment": "x"},
    )

    assert response.status_code == status
    requested.refresh_from_db()
    assert requested.status == Extension.Status.REQUESTED


@pytest.mark.django_db
def test_the_form_proposes_a_month_later(client, filed_plan, caizheng):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    # Before the milestone falls due: the only time the form is offered.
    with time_machine.travel(date(2012, 6, 1), tick=False):
        url = reverse("execution:extension-request", args=[milestone.pk])
        page = client.get(url).content.decode()

    assert 'value="2012-07-30"' in page


@pytest.mark.django_db
def test_a_request_that_could_only_be_refused_is_not_offered_and_the_page_says_why(
    client, filed_plan, caizheng
):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    with time_machine.travel(date(2012, 7, 5), tick=False):
        page = client.get(reverse("execution:extension-request", args=[milestone.pk]))

    html = page.content.decode()
    assert page.status_code == 409
    assert 'data-role="refusal"' in html and "到期前申请" in html
    assert 'name="reason"' not in html  # nothing to type into
