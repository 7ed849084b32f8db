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


@pytest.mark.parametrize("role", ["coordinator", "leader", "editor", "viewer"])
def test_business_roles_see_home_but_not_the_admin(role):
    context = navigation(request_for("/", User(username="u", role=role)))
    assert keys(context) == ["home"]


def test_the_admin_sees_home_and_system_administration():
    context = navigation(request_for("/", User(username="u", role="admin")))
    assert keys(context) == ["home", "admin"]
    assert [link.url for link in context["nav_links"]] == ["/", "/admin/"]


def test_a_signed_out_visitor_gets_no_navigation():
    context = navigation(request_for("/accounts/login/", AnonymousUser()))
    assert context["nav_links"] == []


def test_the_entry_of_the_current_page_is_active():
    on_home = navigation(request_for("/", User(username="u", role="admin")))
    assert [link.active for link in on_home["nav_links"]] == [True, False]
    in_admin = navigation(request_for("/admin/directory/unit/", User(username="u", role="admin")))
    assert [link.active for link in in_admin["nav_links"]] == [False, True]


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
