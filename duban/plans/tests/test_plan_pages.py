"""Every plan page renders for the roles that may read it, with the plan's content."""

import pytest
from django.urls import reverse

from duban.plans.models import Plan, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(coordinator) -> Plan:
    """The published 2012 plan `duban demo load` imports from the founding document."""
    return Plan.objects.get(year=2012, source__original_name="gansu-2012-reform-opinions.txt")


def test_the_demo_plan_is_published_with_its_filing_deadline(demo_plan):
    assert demo_plan.status == Plan.Status.PUBLISHED
    assert str(demo_plan.filing_deadline) == "2012-05-20"
    assert demo_plan.filing_deadline_text == "5月中旬前"
    assert demo_plan.report_cadence == Plan.Cadence.MONTHLY


def test_the_tree_shows_areas_tasks_units_and_due_dates(client, leader, demo_plan):
    client.force_login(leader)
    page = client.get(reverse("plans:plan-detail", args=[demo_plan.pk])).content.decode()
    assert "继续深化国有企业改革重组，推动非公有制经济加快发展" in page
    assert "深化省属国有企业改革重组" in page
    assert "省工信委" in page
    assert "2012年12月31日" in page or "2012-12-31" in page


def test_the_review_screen_marks_each_span_of_the_source(client, coordinator, demo_plan):
    client.force_login(coordinator)
    page = client.get(reverse("plans:plan-review", args=[demo_plan.pk])).content.decode()
    task = Task.objects.get(plan=demo_plan, path="1.1", region__isnull=True)
    assert f'<mark id="span-{task.pk}"' in page
    assert f'href="#span-{task.pk}"' in page


def test_the_per_unit_view_lists_the_units_tasks(client, caizheng, demo_plan):
    client.force_login(caizheng)
    page = client.get(reverse("plans:unit-tasks", args=[demo_plan.pk])).content.decode()
    assert "甘肃省财政厅" in page
    assert "抓紧搞好厂办大集体改革" in page


def test_the_cited_documents_list_names_the_citing_tasks(client, viewer, demo_plan):
    client.force_login(viewer)
    page = client.get(reverse("plans:cited-documents", args=[demo_plan.pk])).content.decode()
    assert page.count("〔20") >= 18
    assert "甘政发〔2011〕41号" in page


def test_the_targets_list_shows_the_indicators(client, leader, demo_plan):
    client.force_login(leader)
    page = client.get(reverse("plans:targets", args=[demo_plan.pk])).content.decode()
    assert "超千亿元" in page


def test_the_plan_list_and_task_page_render(client, coordinator, demo_plan):
    client.force_login(coordinator)
    assert demo_plan.title in client.get(reverse("plans:plan-list")).content.decode()
    task = Task.objects.get(plan=demo_plan, path="1.1", region__isnull=True)
    page = client.get(reverse("plans:task-detail", args=[task.pk])).content.decode()
    assert "修改记录" in page and "文件导入" in page
    edit = client.get(reverse("plans:task-edit", args=[task.pk]), HTTP_HX_REQUEST="true")
    assert edit.status_code == 200 and "修改理由" in edit.content.decode()


def test_the_export_is_an_xlsx_named_after_the_plan(client, leader, demo_plan):
    client.force_login(leader)
    response = client.get(reverse("plans:plan-export", args=[demo_plan.pk]))
    assert response.status_code == 200
    assert "2012%E5%B9%B4" in response["Content-Disposition"]  # 2012年…
    assert b"".join(response.streaming_content)[:2] == b"PK"


@pytest.mark.parametrize("page", ["plans:plan-detail", "execution:progress-plan"])
def test_a_large_tree_is_shown_one_area_at_a_time(client, leader, demo_plan, monkeypatch, page):
    from duban.plans import selectors

    monkeypatch.setattr(selectors, "WHOLE_TREE_UP_TO", 0)  # the demo's 45 units count as large
    client.force_login(leader)
    url = reverse(page, args=[demo_plan.pk])
    first = client.get(url).content.decode()
    second = client.get(url + "?area=2").content.decode()
    one_one = Task.objects.get(plan=demo_plan, path="1.1", region__isnull=True).title
    two_one = Task.objects.get(plan=demo_plan, path="2.1", region__isnull=True).title
    assert one_one[:20] in first and two_one[:20] not in first
    assert two_one[:20] in second and one_one[:20] not in second
    assert 'href="?area=2' in first and 'href="?area=1' in second
