"""A long import says it is working: once the upload is sent, the import page shows a status
line counting the seconds, and the button cannot send the file twice."""

import re

import pytest
from playwright.sync_api import Page, expect

from duban.web.demo import FOUNDING_DOCUMENT

pytestmark = pytest.mark.browser


def test_the_import_page_shows_it_is_working(page: Page, login, console_errors):
    login(page, "coordinator")
    page.goto("/plans/import/")
    page.get_by_label("文件").set_input_files(FOUNDING_DOCUMENT)
    page.get_by_label("计划年度").fill("2013")
    # Keep the page from leaving so that what it shows while a long upload runs can be read:
    # this listener runs after duban.js's own and stops the form's navigation.
    page.evaluate("document.addEventListener('submit', (event) => event.preventDefault())")
    status = page.locator("[data-busy-status]")
    expect(status).to_be_hidden()
    page.get_by_role("button", name="上传并解析").click()
    expect(status).to_be_visible()
    expect(status).to_contain_text("正在上传并解析文件")
    expect(status).to_contain_text(re.compile(r"[1-9]\d* s$"), timeout=3000)
    expect(page.get_by_role("button", name="上传并解析")).to_be_disabled()
    assert console_errors == []
