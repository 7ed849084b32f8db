"""The coordinator downloads the draft report; everyone else is refused, and sees no button."""

import io

import pytest
from django.urls import reverse
from docx import Document

from duban.plans.models import Plan
from duban.reports.permissions import can_draft_report


@pytest.fixture
def plan(demo_accounts):
    return Plan.objects.published().get(year=2012)


def test_the_coordinator_downloads_the_word_draft(client, coordinator, plan):
    client.force_login(coordinator)
    url = reverse("reports:progress-report", args=[plan.pk])
    response = client.get(url, {"as_of": "2012-09-30"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "省人民政府：" in text and "2012年9月30日" in text


@pytest.mark.parametrize("who", ["leader", "fagai", "caizheng", "lanzhou", "viewer", "admin_user"])
def test_everyone_else_is_refused_and_sees_no_button(client, request, who, plan):
    user = request.getfixturevalue(who)
    assert not can_draft_report(user)
    client.force_login(user)
    response = client.get(reverse("reports:progress-report", args=[plan.pk]))
    assert response.status_code == 403
    home = client.get(reverse("web:home")).content.decode()
    assert reverse("reports:progress-report", args=[plan.pk]) not in home


def test_the_coordinators_home_offers_the_draft(client, coordinator, plan):
    client.force_login(coordinator)
    home = client.get(reverse("web:home")).content.decode()
    assert reverse("reports:progress-report", args=[plan.pk]) in home


def test_a_bad_date_is_named_not_a_500(client, coordinator, plan):
    client.force_login(coordinator)
    url = reverse("reports:progress-report", args=[plan.pk])
    response = client.get(url, {"as_of": "2012-13-45"}, follow=True)
    assert "日期格式不正确" in response.content.decode()
