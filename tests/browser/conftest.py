"""Browser journeys: Playwright drives Debian's Chromium against Duban on pytest-django's live
server (a free port, the test database, static files served by Django).

Pages open in Chinese (the browser asks for zh-CN, as the office's machines do), and every
page is checked under the real Content-Security-Policy. A failing test leaves a screenshot of
its page in var/screenshots/.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from duban.web.demo import DEMO_PASSWORD

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told that this one is safe (it is: nothing awaits here).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args():
    # Debian's Chromium, not a browser build downloaded by Playwright.
    return {
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    """Lets `page.goto("/…")` reach the live server."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args) -> dict:
    # An office desktop: Chinese first, a laptop-sized window.
    return {
        **browser_context_args,
        "locale": "zh-CN",
        "viewport": {"width": 1366, "height": 800},
    }


@pytest.fixture
def console_errors(page: Page) -> list[str]:
    """Errors the page reports, Content-Security-Policy violations included; assert it stays empty."""
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the login form, as a person would, and wait for the page that follows."""
    page.goto("/accounts/login/")
    page.get_by_label("账号").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def take_screenshot(page: Page, name: str) -> Path:
    """The whole page as var/screenshots/<name>.png, for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


@pytest.fixture
def login(demo_accounts):
    """`login(page, username)`: the demo accounts exist, sign one in (password `duban-demo`)."""
    return sign_in


@pytest.fixture
def screenshot():
    """`screenshot(page, name)` saves the whole page under var/screenshots/."""
    return take_screenshot


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.split("::", 1)[-1])
        try:
            path = take_screenshot(page, f"failed-{name}")
        except Exception as error:  # a crashed page must not hide the test's own failure
            report.sections.append(("screenshot", f"none taken: {error}"))
        else:
            report.sections.append(("screenshot", str(path)))
