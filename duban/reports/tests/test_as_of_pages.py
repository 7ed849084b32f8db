"""The glance as of a past day (?as_of=), its monthly trend, and the tasks page its charts open."""

import json
from datetime import date

import pytest
from django.urls import reverse

from duban.reports.charts import glance_charts
from duban.reports.selectors import month_ends, plan_at_a_glance
from duban.reports.tests.conftest import SEP_30
from duban.web.tests.personas import REFUSED, get_as

SEP_20 = date(2012, 9, 20)


def charts_data(html: str) -> dict:
    start = html.index('<script id="glance-charts" type="application/json">')
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.loads(body)


def test_month_ends_run_to_the_day_itself():
    assert month_ends(2012, date(2012, 3, 15)) == [
        date(2012, 1, 31),
        date(2012, 2, 29),
        date(2012, 3, 15),
    ]
    assert month_ends(2012, date(2013, 2, 1))[-1] == date(2012, 12, 31)
    assert month_ends(2012, date(2011, 12, 1)) == [date(2011, 12, 1)]


def test_each_point_of_the_trend_is_the_glance_of_that_day(small_plan):
    glance = plan_at_a_glance(plan=small_plan, as_of=SEP_30)
    assert [p.day for p in glance.trend] == month_ends(2012, SEP_30)
    assert glance.trend[-1].lights == glance.lights
    for point in glance.trend[5:]:  # from June on, when the milestones start to slip
        assert point.lights == plan_at_a_glance(plan=small_plan, as_of=point.day).lights
    assert glance.trend[5].lights["red"] == 0  # 30 June: the milestone is due that very day
    assert glance.trend[6].lights["red"] == 1  # 31 July: 31 days late


def test_the_trend_chart_has_one_series_per_light_present(small_plan):
    trend = glance_charts(plan_at_a_glance(plan=small_plan, as_of=SEP_30))["trend"]
    assert trend["labels"][0] == "1月" and trend["labels"][-1] == "9月"
    assert {s["key"] for s in trend["series"]} == {"red", "yellow", "green", "done"}
    red = next(s for s in trend["series"] if s["key"] == "red")
    assert red["values"][-1] == 1 and trend["days"][-1] == "2012-09-30"


def test_the_leaders_home_as_of_an_earlier_day(client, leader, small_plan):
    status, html = get_as(client, leader, reverse("web:home") + "?as_of=2012-09-20")
    assert status == 200
    assert "截至2012年9月20日" in html
    assert "正在查看2012年9月20日的情况" in html
    assert 'value="2012-09-20"' in html and 'max="2012-09-30"' in html
    data = charts_data(html)
    assert data["as_of"] == "2012-09-20"
    assert data["tasks_url"] == reverse("reports:tasks", args=[small_plan.pk])
    # On 20 September the September reports (28 and 29 September) were not yet filed.
    assert data["percent"] == round(plan_at_a_glance(plan=small_plan, as_of=SEP_20).percent, 1)
    assert data["percent"] < round(plan_at_a_glance(plan=small_plan, as_of=SEP_30).percent, 1)


def test_the_coordinators_report_buttons_carry_the_day(client, coordinator, small_plan):
    _, html = get_as(client, coordinator, reverse("web:home") + "?as_of=2012-09-20")
    url = reverse("reports:progress-report", args=[small_plan.pk])
    assert f'href="{url}?as_of=2012-09-20"' in html
    assert f'href="{url}?format=pdf&amp;as_of=2012-09-20"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2012-13-01", "查看日期（as_of）格式不正确"),
        ("2012-10-01", "查看日期（as_of）不能晚于今天"),
    ],
)
def test_a_bad_or_future_day_is_named_and_today_shown(client, leader, small_plan, value, message):
    status, html = get_as(client, leader, reverse("web:home") + f"?as_of={value}")
    assert status == 200
    assert message in html
    assert "截至2012年9月30日" in html


# ---- The tasks behind a chart ---------------------------------------------------------------


def tasks_url(plan, **query) -> str:
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return reverse("reports:tasks", args=[plan.pk]) + (f"?{params}" if params else "")


@pytest.mark.parametrize("who", ["coordinator", "leader"])
def test_the_readers_of_the_glance_open_the_red_tasks(client, request, who, small_plan):
    status, html = get_as(client, request.getfixturevalue(who), tasks_url(small_plan, light="red"))
    assert status == 200
    assert "亮灯：红灯" in html and "共1项" in html
    task = small_plan.tasks.get(path="1.1.1")
    assert reverse("plans:task-detail", args=[task.pk]) in html
    assert "推进资源性产品价格改革" not in html  # green


def test_an_area_and_an_earlier_day(client, leader, small_plan):
    _, html = get_as(client, leader, tasks_url(small_plan, area="2", as_of="2012-09-20"))
    assert "改革领域：2." in html and "截至2012年9月20日" in html
    assert "推进省级财政资金整合" in html and "完善价格调节基金制度" in html
    assert "深化预算管理制度改革" not in html


def test_no_task_was_red_on_the_30th_of_june(client, leader, small_plan):
    _, html = get_as(client, leader, tasks_url(small_plan, light="red", as_of="2012-06-30"))
    assert "共0项" in html and "没有符合条件的工作任务。" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [({"light": "purple"}, "亮灯（light）无效"), ({"area": "99"}, "改革领域（area）不存在")],
)
def test_a_bad_filter_is_named_and_dropped(client, leader, small_plan, query, message):
    status, html = get_as(client, leader, tasks_url(small_plan, **query))
    assert status == 200 and message in html and "共4项" in html


@pytest.mark.parametrize("who", ["fagai", "caizheng", "lanzhou", "viewer", "admin_user"])
def test_the_others_are_refused_the_tasks_page(client, request, who, small_plan):
    status, _ = get_as(client, request.getfixturevalue(who), tasks_url(small_plan))
    assert status in REFUSED


def test_an_unknown_plan_is_404(client, leader, small_plan):
    status, _ = get_as(client, leader, reverse("reports:tasks", args=[99999]))
    assert status == 404
