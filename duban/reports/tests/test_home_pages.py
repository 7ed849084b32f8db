"""The home pages that show the plan at a glance: the leader's and the reform office's.

Editors, viewers and admins keep their own pages: the province-wide picture is not theirs.
"""

import pytest
from django.urls import reverse

from duban.plans.models import Plan

# Queries of a leader's home page with the glance, whatever the plan's size.
LEADER_HOME_QUERIES = 25


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_leader_sees_the_plan_at_a_glance(client, leader, small_plan):
    html = home(client, leader)
    assert "领导驾驶舱" in html
    assert "截至2012年9月30日" in html
    assert 'id="glance-charts"' in html and 'id="chart-areas"' in html
    assert "红灯任务（1项）" in html
    # The red unit of work, linked to its page, with its lead and its reason.
    task = small_plan.tasks.get(path="1.1.1")
    assert f'href="{reverse("plans:task-detail", args=[task.pk])}">深化预算管理制度改革' in html
    assert "里程碑“完成调研”已逾期92天" in html
    assert "请省财政厅抓紧推进，10月底前完成调研。" in html
    assert "此条批示写于9月30日之后。" not in html
    assert "本期进展报告（9月，2012年10月5日前报送）" in html


def test_the_charts_data_is_json_not_script(client, leader, small_plan):
    html = home(client, leader)
    assert '<script id="glance-charts" type="application/json">' in html
    assert "<script>" not in html  # nothing inline: the Content-Security-Policy forbids it
    assert "static/reports/charts.js" in html and "vendor/echarts/echarts.min.js" in html


def test_the_coordinator_sees_the_glance_and_its_queue(client, coordinator, small_plan):
    html = home(client, coordinator)
    assert "统筹协调工作台" in html
    assert 'id="glance-charts"' in html
    queue = reverse("execution:queue")
    assert f'href="{queue}#missing-reports"><span class="queue-count__n">1</span>' in html
    assert f'href="{queue}#late-plans"><span class="queue-count__n">1</span>' in html
    assert f'href="{queue}#overdue-milestones"><span class="queue-count__n">2</span>' in html
    assert "单位名录" in html  # the directory panel stays


@pytest.mark.parametrize("username", ["caizheng", "viewer", "lanzhou", "admin"])
def test_others_do_not_see_the_province_wide_glance(client, demo_accounts, small_plan, username):
    html = home(client, demo_accounts[username])
    assert 'id="glance-charts"' not in html
    assert "红灯任务（" not in html
    assert "最新领导批示" not in html


def test_an_editor_keeps_its_units_panels(client, caizheng, small_plan):
    html = home(client, caizheng)
    assert "省财政厅工作台" in html
    assert "2012年本单位承担的改革任务" in html
    assert "深化预算管理制度改革" in html  # its own task
    assert "推进资源性产品价格改革" not in html  # 省发展改革委's alone


def test_without_a_published_plan_the_leader_is_told_so(client, leader, db):
    Plan.objects.filter(status=Plan.Status.PUBLISHED).update(status=Plan.Status.CLOSED)
    html = home(client, leader)
    assert "尚无已发布的年度改革计划。" in html
    assert 'id="glance-charts"' not in html


def test_the_leaders_home_on_a_small_plan_in_fixed_queries(
    client, leader, small_plan, django_assert_num_queries
):
    client.force_login(leader)
    client.get(reverse("web:home"))  # the first look stores the lights
    with django_assert_num_queries(LEADER_HOME_QUERIES):
        client.get(reverse("web:home"))


def test_the_leaders_home_on_the_demo_year_in_as_many(
    client, leader, demo_history, django_assert_num_queries
):
    client.force_login(leader)
    client.get(reverse("web:home"))
    with django_assert_num_queries(LEADER_HOME_QUERIES):
        response = client.get(reverse("web:home"))
    assert "红灯任务（" in response.content.decode()


def test_an_editor_sees_its_own_tasks_lights_only(client, caizheng, small_plan):
    html = home(client, caizheng)
    assert 'id="unit-lights"' in html
    assert "里程碑“完成调研”已逾期92天" in html  # 1.1.1, which 省财政厅 leads
    assert "完善价格调节基金制度" not in html  # 2.1.2, yellow, is 省发展改革委's alone


def test_a_co_operating_unit_sees_the_light_of_the_task_it_helps_with(client, fagai, small_plan):
    html = home(client, fagai)
    assert "里程碑“完成调研”已逾期92天" in html  # 1.1.1, where it co-operates
    assert "完善价格调节基金制度" in html  # its own yellow 2.1.2
    assert 'id="glance-charts"' not in html
