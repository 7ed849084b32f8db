"""Public disclosure (政务公开): off until the reform office turns it on, only the chosen
fields, no login, cached until the choice changes."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from duban.audit import services as audit
from duban.reports.models import PublicPage
from duban.reports.services import public_page_update
from duban.web.tests.personas import REFUSED


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def public(client, plan):
    return client.get(reverse("reports:public-plan", args=[plan.pk]))


def test_the_page_is_off_until_the_office_publishes_it(client, small_plan):
    assert public(client, small_plan).status_code == 404


def test_only_the_chosen_fields_show_and_nothing_internal(client, coordinator, small_plan):
    public_page_update(
        plan=small_plan,
        published=True,
        fields=["progress", "tasks"],
        by=coordinator,
        seen_version=None,
    )
    html = public(client, small_plan).content.decode()
    assert "总体进度" in html and "年度时间进度 75%" in html
    assert "深化预算管理制度改革" in html and "甘肃省财政厅" in html
    assert "各改革领域推进情况" not in html and "工作任务亮灯分布" not in html
    assert "完成调研" not in html  # a light's reason is never published
    assert "请省财政厅抓紧推进" not in html  # nor a leader's comment


def test_a_visitor_costs_one_query_once_cached(
    client, coordinator, small_plan, django_assert_num_queries
):
    public_page_update(
        plan=small_plan, published=True, fields=["areas"], by=coordinator, seen_version=None
    )
    public(client, small_plan)
    with django_assert_num_queries(1):  # the page's record, its plan joined
        assert public(client, small_plan).status_code == 200


def test_a_new_choice_shows_at_once(client, coordinator, small_plan):
    page = public_page_update(
        plan=small_plan, published=True, fields=["areas"], by=coordinator, seen_version=None
    )
    assert "各改革领域推进情况" in public(client, small_plan).content.decode()
    public_page_update(
        plan=small_plan,
        published=True,
        fields=["lights"],
        by=coordinator,
        seen_version=page.version,
    )
    html = public(client, small_plan).content.decode()
    assert "工作任务亮灯分布" in html and "各改革领域推进情况" not in html


def test_a_stale_or_bad_choice_is_refused(coordinator, small_plan):
    page = public_page_update(
        plan=small_plan, published=False, fields=[], by=coordinator, seen_version=None
    )
    public_page_update(
        plan=small_plan, published=True, fields=[], by=coordinator, seen_version=page.version
    )
    with pytest.raises(audit.StaleEdit):
        public_page_update(
            plan=small_plan, published=True, fields=[], by=coordinator, seen_version=page.version
        )
    with pytest.raises(audit.DomainError, match="公开内容（fields）无效：reasons"):
        public_page_update(
            plan=small_plan, published=True, fields=["reasons"], by=coordinator, seen_version=None
        )


def test_the_coordinator_chooses_on_the_settings_page(client, coordinator, small_plan):
    client.force_login(coordinator)
    url = reverse("reports:public-settings", args=[small_plan.pk])
    assert url in client.get(reverse("web:home")).content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url, {"published": "on", "fields": ["progress", "lights"]})
    assert response.status_code == 302
    page = PublicPage.objects.get(plan=small_plan)
    assert page.published and page.fields == ["progress", "lights"]
    assert page.history.first().history_user == coordinator
    client.logout()
    assert public(client, small_plan).status_code == 200


@pytest.mark.parametrize("who", ["leader", "fagai", "caizheng", "lanzhou", "viewer", "admin_user"])
def test_everyone_else_is_refused_the_settings(client, request, who, small_plan):
    client.force_login(request.getfixturevalue(who))
    url = reverse("reports:public-settings", args=[small_plan.pk])
    assert client.get(url).status_code in REFUSED
    assert client.post(url, {"published": "on", "fields": ["tasks"]}).status_code in REFUSED
    assert not PublicPage.objects.filter(plan=small_plan).exists()
