import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults


@pytest.fixture(autouse=True)
def _chinese_interface():
    # These views run without LocaleMiddleware; an earlier request may have left English active.
    with translation.override("zh-hans"):
        yield


def test_the_server_error_page_renders_without_a_request_or_database():
    # Django renders 500.html with no request: no context processors, no user, no queries.
    page = defaults.server_error(RequestFactory().get("/"))
    assert page.status_code == 500
    html = page.content.decode()
    assert "系统错误" in html
    assert "duban/duban.css" in html


def test_the_not_found_page_keeps_the_layout_for_a_signed_in_user(rf, caizheng):
    request = rf.get("/nowhere/")
    request.user = caizheng
    page = defaults.page_not_found(request, Http404())
    html = page.content.decode()
    assert page.status_code == 404
    assert "页面不存在" in html
    assert "省财政厅" in html  # the header still says who is signed in


def test_the_permission_denied_page_says_whom_to_ask(rf, viewer):
    request = rf.get("/somewhere/")
    request.user = viewer
    page = defaults.permission_denied(request, PermissionDenied())
    html = page.content.decode()
    assert page.status_code == 403
    assert "无权访问" in html
    assert "统筹协调处室" in html
