import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import resolve

from duban.directory.models import User
from duban.web.context_processors import navigation
from duban.web.navigation import NAVIGATION, NavItem, active_key, items_for_role


def request_for(path: str, user) -> object:
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = resolve(path)
    return request


def keys(context: dict) -> list[str]:
    return [link.key for link in context["nav_links"]]


# What each role's menu holds: the business roles never see the admin, the admin sees no business.
MENUS = {
    "coordinator": [
        "home",
        "plans",
        "plan-import",
        "reports",
        "queue",
        "supervision",
        "coordination",
        "assessment",
    ],
    "leader": ["home", "plans", "reports", "queue", "supervision", "coordination", "assessment"],
    "editor": ["home", "plans", "workspace", "reports", "coordination", "urges", "assessment"],
    "viewer": ["home", "plans", "workspace", "reports", "coordination", "urges", "assessment"],
    "admin": ["home", "plans", "admin"],
}


@pytest.mark.parametrize("role", sorted(MENUS))
def test_each_role_sees_its_own_menu(role):
    context = navigation(request_for("/", User(username="u", role=role)))
    assert keys(context) == MENUS[role]


def test_the_admin_entry_leads_to_the_admin_site():
    context = navigation(request_for("/", User(username="u", role="admin")))
    urls = {link.key: link.url for link in context["nav_links"]}
    assert urls["home"] == "/" and urls["admin"] == "/admin/"


def test_a_signed_out_visitor_gets_no_navigation():
    context = navigation(request_for("/accounts/login/", AnonymousUser()))
    assert context["nav_links"] == []


def test_the_entry_of_the_current_page_is_active():
    def active(path: str) -> list[str]:
        links = navigation(request_for(path, User(username="u", role="admin")))["nav_links"]
        return [link.key for link in links if link.active]

    assert active("/") == ["home"]
    assert active("/admin/directory/unit/") == ["admin"]


def test_a_page_without_an_entry_of_its_own_activates_its_apps_entry():
    items = [
        NavItem("home", "首页", "web:home", frozenset({"coordinator"})),
        NavItem("users", "用户", "admin:directory_user_changelist", frozenset({"coordinator"})),
    ]
    # The unit list has no entry: the admin namespace's entry lights up.
    assert active_key(items, resolve("/admin/directory/unit/")) == "users"
    assert active_key(items, resolve("/")) == "home"
    assert active_key(items, None) is None


def test_navigation_keeps_the_declared_order_and_each_key_once():
    all_keys = [item.key for item in NAVIGATION]
    assert all_keys[0] == "home"
    assert len(all_keys) == len(set(all_keys))
    assert [item.key for item in items_for_role("admin")] == [
        key for key in all_keys if "admin" in next(i for i in NAVIGATION if i.key == key).roles
    ]


def test_demo_mode_is_exposed_to_templates(settings):
    settings.DUBAN_DEMO = True
    assert navigation(request_for("/", AnonymousUser()))["DUBAN_DEMO"] is True
    settings.DUBAN_DEMO = False
    assert navigation(request_for("/", AnonymousUser()))["DUBAN_DEMO"] is False
