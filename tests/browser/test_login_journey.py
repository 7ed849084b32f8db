"""Signing in and out: what the reform office and a department see first.

Each home page is saved to var/screenshots/home_<account>.png for people to look at.
"""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# What a person sees after signing in: their unit and role in the header, their home page's
# heading, and the menu entries of their role, no more.
JOURNEYS = {
    "coordinator": {
        "unit": "省发展改革委",
        "role": "统筹协调",
        "heading": "统筹协调工作台",
        "nav": [
            "首页",
            "年度计划",
            "导入文件",
            "进展报告",
            "审核督办",
            "督查督办",
            "协调会议",
            "年度考核",
        ],
        "not_nav": ["系统管理", "本单位工作台"],
    },
    "caizheng": {
        "unit": "省财政厅",
        "role": "单位填报员",
        "heading": "省财政厅工作台",
        "nav": ["首页", "年度计划", "本单位工作台", "进展报告", "协调会议", "督办通知", "年度考核"],
        "not_nav": ["系统管理", "导入文件", "审核督办"],
    },
    "admin": {
        "unit": None,
        "role": "系统管理员",
        "heading": "系统管理",
        "nav": ["首页", "年度计划", "系统管理"],
        "not_nav": ["导入文件", "本单位工作台"],
    },
}


@pytest.mark.parametrize("username", sorted(JOURNEYS))
def test_each_account_sees_its_own_unit_role_home_and_menu(
    page: Page, login, screenshot, console_errors, username
):
    journey = JOURNEYS[username]
    login(page, username)

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    header = page.locator(".user-card")
    expect(header.locator(".user-card__role")).to_have_text(journey["role"])
    if journey["unit"]:
        expect(header.locator(".user-card__unit")).to_have_text(journey["unit"])
    else:
        expect(header.locator(".user-card__unit")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_text(journey["heading"])

    nav = page.get_by_role("navigation", name="主导航")
    expect(nav.get_by_role("link")).to_have_text(journey["nav"])
    for label in journey["not_nav"]:
        expect(nav.get_by_role("link", name=label)).to_have_count(0)
    expect(nav.get_by_role("link", name="首页")).to_have_attribute("aria-current", "page")

    screenshot(page, f"home_{username}")
    assert console_errors == []


def test_a_department_cannot_open_the_administration_it_is_not_offered(page: Page, login):
    login(page, "caizheng")
    page.goto("/admin/")
    # Django's admin sends a non-staff account to its own login form.
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_a_wrong_password_is_refused_with_a_message(page: Page, login, console_errors):
    login(page, "coordinator", password="not-the-password")

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("alert")).to_contain_text("请输入一个正确的用户名和密码")
    expect(page.locator(".user-card")).to_have_count(0)
    expect(page.get_by_role("navigation", name="主导航")).to_have_count(0)
    assert console_errors == []


def test_logging_out_ends_the_session(page: Page, login):
    login(page, "caizheng")
    expect(page.get_by_role("heading", level=1)).to_have_text("省财政厅工作台")

    page.get_by_role("button", name="退出").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("用户登录")


def test_the_login_page_lists_demo_accounts_only_in_demo_mode(
    page: Page, settings, screenshot, console_errors
):
    settings.DUBAN_DEMO = False
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="演示账号")).to_have_count(0)

    settings.DUBAN_DEMO = True
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="演示账号")).to_be_visible()
    expect(page.get_by_role("cell", name="caizheng", exact=True)).to_be_visible()
    screenshot(page, "login_demo")
    assert console_errors == []


def test_the_language_switch_turns_the_interface_to_english_and_back(page: Page, login, screenshot):
    login(page, "coordinator")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name="Home")).to_be_visible()
    screenshot(page, "home_coordinator_en")

    page.get_by_role("button", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("button", name="退出")).to_be_visible()


def test_an_unknown_address_shows_the_not_found_page_in_the_layout(
    page: Page, login, screenshot, console_errors
):
    login(page, "caizheng")
    response = page.goto("/no-such-page/")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("页面不存在")
    expect(page.locator(".user-card__unit")).to_have_text("省财政厅")
    screenshot(page, "not_found")
    # The page's own 404 status is the only error the console may report.
    assert [e for e in console_errors if "status of 404" not in e] == []

    page.get_by_role("link", name="返回首页").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("省财政厅工作台")


def test_htmx_requests_carry_the_csrf_token(page: Page, login, console_errors):
    login(page, "coordinator")
    assert page.evaluate("typeof window.htmx") == "object"

    # Django refuses a POST without the token; duban.js adds it to every htmx request.
    with page.expect_response(re.compile(r"/i18n/setlang/$")) as posted:
        page.evaluate(
            "htmx.ajax('POST', '/i18n/setlang/', {values: {language: 'en', next: '/'},"
            " target: 'body', swap: 'none'})"
        )
    assert posted.value.status in (200, 302)
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert console_errors == []
