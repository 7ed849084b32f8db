"""The review screen lists the tasks the parser was least sure of first, with its reasons."""

import re

import pytest
from django.urls import reverse

from duban.plans.models import Plan
from duban.plans.review import least_certain
from duban.plans.selectors import plan_tree
from duban.plans.services import plan_import_file

pytestmark = pytest.mark.django_db

NESTED = """川北市2024年扩大有效投资实施方案

一、推动重大项目提速
（一）加快项目前期工作
1．建立项目储备库。（市发展改革委负责）
2．实施重点领域项目。重点推进以下项目：
1.川北港区扩建项目。（市交通运输局负责）
2.城市更新项目。（市住房城乡建设局负责）
3．保障项目用地。按规定办理。
"""


@pytest.fixture
def nested_plan(coordinator, tmp_path) -> Plan:
    path = tmp_path / "川北.txt"
    path.write_text(NESTED, encoding="utf-8")
    return plan_import_file(path=path, year=2024, by=coordinator)


def test_the_least_certain_task_comes_first(nested_plan):
    doubts = least_certain(nested_plan.source.parse, plan_tree(nested_plan))
    assert [(d.path, d.doubts) for d in doubts] == [
        ("1.1.3", ["no-department"]),
        ("1.1.2.1", ["nested-restart"]),
    ]
    assert doubts[0].confidence < doubts[1].confidence < 1


def test_the_review_screen_shows_them_in_that_order(client, coordinator, nested_plan):
    client.force_login(coordinator)
    page = client.get(reverse("plans:plan-review", args=[nested_plan.pk])).content.decode()
    section = page[page.index('id="doubts"') :]
    section = section[: section.index("</section>")]
    assert re.findall(r'<li data-path="([\d.]+)"', section) == ["1.1.3", "1.1.2.1"]
    assert "未识别出承担单位" in section and "把握 65%" in section


def test_a_plan_the_parser_was_sure_of_shows_no_list(client, coordinator, tmp_path):
    path = tmp_path / "sure.txt"
    path.write_text("江川省2024年改革要点\n\n一、深化改革\n（一）推进改革。（省发展改革委负责）\n")
    plan = plan_import_file(path=path, year=2024, by=coordinator)
    client.force_login(coordinator)
    page = client.get(reverse("plans:plan-review", args=[plan.pk])).content.decode()
    assert 'id="doubts"' not in page
