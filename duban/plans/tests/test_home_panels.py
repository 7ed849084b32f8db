"""The home page shows the year's plan: its summary to the office and leaders, a unit's own
tasks to the unit's staff."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["coordinator", "leader"])
def test_the_office_and_leaders_see_the_plan_summary(client, demo_accounts, persona):
    client.force_login(demo_accounts[persona])
    page = client.get(reverse("web:home")).content.decode()
    assert "甘肃省2012年经济体制改革重点工作意见" in page
    assert ">45<" in page and ">39<" in page


def test_an_editor_sees_the_units_tasks(client, caizheng):
    client.force_login(caizheng)
    page = client.get(reverse("web:home")).content.decode()
    assert "本单位承担的改革任务" in page
    assert "抓紧搞好厂办大集体改革" in page


def test_an_admin_sees_no_plan_panel(client, admin_user):
    client.force_login(admin_user)
    assert "本单位承担的改革任务" not in client.get(reverse("web:home")).content.decode()
