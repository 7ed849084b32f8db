"""The bulletin (通报) of red lights to the leadership: each red unit of work with its lead, why,
and the notices sent about it by the bulletin's day; downloaded by the reform office only."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from duban.lib import clock
from duban.reports.bulletin import red_bulletin, steps_taken
from duban.reports.tests.conftest import SEP_30
from duban.supervision.models import Step
from duban.supervision.services import urge_send


def test_steps_read_as_words():
    assert steps_taken({}) == "尚未督办"
    assert steps_taken({Step.URGE: 2, Step.BULLETIN: 1}) == "催办2次、通报1次"


def test_each_red_unit_of_work_is_listed_with_its_lead_and_reason(small_plan):
    document = red_bulletin(plan=small_plan, as_of=SEP_30)
    facts = document.sections[0]
    assert facts.paragraphs[0] == (
        "截至2012年9月30日，全省4项改革工作中有1项亮红灯，涉及1个牵头单位。现将有关情况通报如下。"
    )
    assert facts.table[1] == [
        "1",
        "深化预算管理制度改革",
        "省财政厅",
        "里程碑“完成调研”已逾期92天",
        "尚未督办",
    ]
    assert "甘肃省财政厅（1项）" in document.sections[1].paragraphs[0]
    assert "2012年10月10日前" in document.sections[2].paragraphs[0]


def test_the_notices_sent_by_the_day_are_counted(small_plan, coordinator, finance_unit):
    task = small_plan.tasks.get(path="1.1.1")
    for day, step in ((SEP_30, Step.URGE), (SEP_30, Step.BULLETIN)):
        with clock.on_day(day):
            urge_send(unit=finance_unit, task=task, message="请加快推进", by=coordinator, step=step)
    with clock.on_day(date(2012, 10, 8)):
        urge_send(unit=finance_unit, task=task, message="再次催办", by=coordinator)
    row = red_bulletin(plan=small_plan, as_of=SEP_30).sections[0].table[1]
    assert row[-1] == "催办1次、通报1次"


def test_no_red_no_table(small_plan):
    small_plan.tasks.filter(path="1.1.1").update(withdrawn=True)
    facts = red_bulletin(plan=small_plan, as_of=SEP_30).sections[0]
    assert "没有亮红灯的事项" in facts.paragraphs[0] and facts.table is None


def test_the_command_writes_the_bulletin(small_plan, tmp_path):
    out = tmp_path / "b.docx"
    args = ["bulletin", str(small_plan.pk), "--as-of", "2012-09-30", "-o", str(out)]
    call_command("report", *args)
    doc = Document(out)
    texts = [p.text for p in doc.paragraphs]
    assert "关于《关于2012年经济体制改革的意见》红灯事项的通报" in texts
    assert "省政府领导同志：" in texts
    assert doc.tables[0].rows[1].cells[1].text == "深化预算管理制度改革"


def test_the_coordinator_downloads_it_from_the_home_page(client, coordinator, small_plan):
    client.force_login(coordinator)
    url = reverse("reports:bulletin", args=[small_plan.pk])
    assert url in client.get(reverse("web:home")).content.decode()
    response = client.get(url, {"as_of": "2012-09-30"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "红灯事项的通报" in text


@pytest.mark.parametrize("who", ["leader", "fagai", "caizheng", "lanzhou", "viewer", "admin_user"])
def test_everyone_else_is_refused_and_sees_no_button(client, request, who, small_plan):
    client.force_login(request.getfixturevalue(who))
    url = reverse("reports:bulletin", args=[small_plan.pk])
    assert client.get(url).status_code == 403
    assert url not in client.get(reverse("web:home")).content.decode()
