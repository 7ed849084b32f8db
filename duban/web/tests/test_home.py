import pytest

HEADINGS = {
    "coordinator": "统筹协调工作台",
    "leader": "领导驾驶舱",
    "caizheng": "省财政厅工作台",
    "lanzhou": "兰州市工作台",
    "viewer": "省财政厅工作台",
    "admin": "系统管理",
}


@pytest.mark.parametrize("username", sorted(HEADINGS))
def test_each_role_sees_its_home_page(client, demo_accounts, username):
    client.force_login(demo_accounts[username])
    page = client.get("/")
    assert page.status_code == 200
    assert HEADINGS[username] in page.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    page = client.get("/")
    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/login/")


def test_the_login_page_logs_a_demo_account_in(client, demo_accounts):
    page = client.post("/accounts/login/", {"username": "caizheng", "password": "duban-demo"})
    assert page.status_code == 302
    assert "省财政厅工作台" in client.get("/").content.decode()


def test_english_is_available(client, coordinator):
    client.force_login(coordinator)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["Content-Language"] == "en"
