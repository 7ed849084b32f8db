from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from duban.web.templatetags.duban_extras import (
    cn_date,
    demo_accounts,
    light_badge,
    percent,
    role_label,
)


@pytest.fixture(autouse=True)
def _chinese_interface():
    # A request handled earlier in this thread may have left English active.
    with translation.override("zh-hans"):
        yield


def render(source: str, **context) -> str:
    return Template("{% load duban_extras %}" + source).render(Context(context))


# cn_date


def test_cn_date_writes_a_date_the_way_documents_do():
    assert cn_date(date(2012, 5, 20)) == "2012年5月20日"
    assert cn_date(date(2012, 12, 31)) == "2012年12月31日"


def test_cn_date_shows_an_aware_datetime_on_its_shanghai_calendar_day():
    # 17:30 UTC on 19 May is 01:30 on 20 May in Asia/Shanghai.
    assert cn_date(datetime(2012, 5, 19, 17, 30, tzinfo=UTC)) == "2012年5月20日"


def test_cn_date_leaves_a_missing_date_blank():
    assert cn_date(None) == ""
    assert render("[{{ d|cn_date }}]", d=None) == "[]"


def test_cn_date_is_written_the_english_way_in_the_english_interface():
    with translation.override("en"):
        assert render("{{ d|cn_date }}", d=date(2012, 9, 30)) == "Sept. 30, 2012"
    with translation.override("zh-hans"):
        assert render("{{ d|cn_date }}", d=date(2012, 9, 30)) == "2012年9月30日"


# percent


def test_percent_rounds_a_report_percentage():
    assert percent(45) == "45%"
    assert percent(45.6) == "46%"
    assert percent(Decimal("100")) == "100%"
    assert render("{{ p|percent:1 }}", p=33.333) == "33.3%"


def test_percent_shows_a_dash_when_nothing_was_reported():
    assert percent(None) == "—"
    assert percent(0) == "0%"


# light_badge


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("red", "红灯"),
        ("yellow", "黄灯"),
        ("green", "绿灯"),
        ("done", "已完成"),
        ("grey", "未开始"),
    ],
)
def test_light_badge_carries_the_light_as_class_and_chinese_label(key, label):
    assert light_badge(key) == f'<span class="badge badge-{key}">{label}</span>'


def test_light_badge_is_not_escaped_again_in_a_template():
    assert render("{{ light|light_badge }}", light="red") == (
        '<span class="badge badge-red">红灯</span>'
    )


def test_a_task_without_a_light_yet_is_grey():
    assert light_badge(None) == '<span class="badge badge-grey">未开始</span>'


def test_light_badge_refuses_an_unknown_light():
    with pytest.raises(ValueError, match="purple"):
        light_badge("purple")


def test_light_badge_speaks_english_in_the_english_interface():
    with translation.override("en"):
        assert light_badge("yellow") == '<span class="badge badge-yellow">Yellow</span>'


# role_label


def test_role_label_names_each_role():
    assert role_label("coordinator") == "统筹协调"
    assert role_label("editor") == "单位填报员"
    assert render("{{ r|role_label }}", r="viewer") == "单位查阅员"


def test_role_label_is_blank_without_a_role_and_refuses_an_unknown_one():
    assert role_label("") == ""
    assert role_label(None) == ""
    with pytest.raises(ValueError):
        role_label("superuser")


# demo_accounts


def test_demo_accounts_lists_every_persona_and_the_shared_password():
    demo = demo_accounts()
    usernames = [account.username for account in demo["accounts"]]
    assert {"coordinator", "leader", "fagai", "caizheng", "lanzhou", "viewer", "admin"} <= set(
        usernames
    )
    assert demo["password"] == "duban-demo"
