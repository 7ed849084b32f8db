"""Each supervision page shows a button exactly when its `can_*` function says so, for every demo
account; and when the button is not shown, the server refuses the action itself."""

import pytest
from django.urls import reverse

from duban.directory.roles import reads_everything
from duban.supervision.models import CalendarToken, Judgement, Urge
from duban.supervision.permissions import (
    can_acknowledge_urge,
    can_judge,
    can_manage_calendar,
    can_urge,
)
from duban.supervision.services import calendar_token_create, urge_send
from duban.web.tests.personas import PERSONAS, REFUSED, get_as


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_acknowledge_form_follows_can_acknowledge(client, demo_accounts, persona, finance_unit):
    user = demo_accounts[persona]
    urge = urge_send(unit=finance_unit, message="请报送8月进展。", by=demo_accounts["coordinator"])
    allowed = can_acknowledge_urge(user, urge)
    url = reverse("supervision:urge-acknowledge", args=[urge.pk])

    status, page = get_as(client, user, reverse("supervision:urge-detail", args=[urge.pk]))

    assert status == 404 if status != 200 else (url in page) is allowed
    assert status == 200 or not allowed
    if not allowed:
        assert client.post(url, {"version": urge.version, "note": "收到"}).status_code in REFUSED
        assert Urge.objects.get(pk=urge.pk).acknowledged_at is None
    assert (persona in ("caizheng",)) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_calendar_controls_follow_can_manage_calendar(
    client, demo_accounts, persona, finance_unit
):
    user = demo_accounts[persona]
    token = calendar_token_create(unit=finance_unit, by=demo_accounts["caizheng"])
    allowed = can_manage_calendar(user)
    revoke_url = reverse("supervision:calendar-revoke", args=[token.pk])

    status, page = get_as(client, user, reverse("supervision:calendar"))

    if status == 200:
        assert ("生成订阅地址" in page) is allowed
        assert (revoke_url in page) is (allowed and user.unit_id == finance_unit.pk)
    else:
        assert status == 403 and not allowed
    if not allowed:
        before = CalendarToken.objects.count()
        assert client.post(reverse("supervision:calendar")).status_code in REFUSED
        assert client.post(revoke_url).status_code in REFUSED
        assert CalendarToken.objects.count() == before
        assert CalendarToken.objects.get(pk=token.pk).revoked_at is None
    assert (persona in ("caizheng", "fagai", "lanzhou")) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_dashboard_buttons_follow_can_urge_and_can_judge(
    client, demo_accounts, persona, red_task, finance_unit
):
    user = demo_accounts[persona]
    urge_url = reverse("supervision:urge-task", args=[red_task.pk])
    judge_url = reverse("supervision:judgement", args=[red_task.pk])

    status, page = get_as(client, user, reverse("supervision:dashboard"))

    if status == 200:
        assert (urge_url in page) is can_urge(user)
        assert (judge_url in page) is can_judge(user)
    else:
        assert status == 403 and not reads_everything(user)
    if not can_urge(user):
        data = {"unit": finance_unit.pk, "step": "urge", "message": "请加快。"}
        assert client.post(urge_url, data).status_code in REFUSED
        assert not Urge.objects.exists()
    if not can_judge(user):
        assert client.post(judge_url, {"light": "red", "note": "进度滞后"}).status_code in REFUSED
        assert not Judgement.objects.exists()
    assert (persona == "coordinator") is can_urge(user) is can_judge(user)
