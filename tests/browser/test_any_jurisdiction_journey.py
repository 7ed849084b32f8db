"""A city plan of a province the shipped directory lacks, and a State Council document, each
imported and published by the coordinator with a handful of choices.

Before the import the office does what the README says for a new jurisdiction: creates the
region with its usual units (`duban directory new-region`) and loads the State Council's units
(`duban directory load duban/directory/data/state-council.json`). Then every remaining choice
on the review page is counted: no unit is pre-selected, collective names map to sets, and a
task the document gives two leads keeps both.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from duban.plans.models import Assignment, Plan

pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DIRECTORY_DATA = Path(__file__).resolve().parents[2] / "duban" / "directory" / "data"


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def jurisdictions(demo_accounts):
    call_command("directory", "new-region", "四川省", "--level", "province", "--code", "510000")
    call_command(
        "directory",
        "new-region",
        "成都市",
        "--level",
        "city",
        "--parent",
        "510000",
        "--code",
        "510100",
    )
    call_command("directory", "load", str(DIRECTORY_DATA / "state-council.json"))


def import_document(page: Page, path: Path, region: str) -> None:
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="导入文件").click()
    page.get_by_label("文件").set_input_files(path)
    page.get_by_label("所属区域").select_option(label=region)
    page.get_by_role("button", name="上传并解析").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/review/$"))


def choose(page: Page, name: str, *, unit: str | None = None, members: str | None = None) -> None:
    """One manual choice on the review page: a unit for a name, or the set a collective means."""
    row = page.locator(f"tr[data-name='{name}']")
    select = row.get_by_label("泛指范围" if members else "对应单位")
    option = select.locator("option", has_text=members or unit).first
    select.select_option(option.get_attribute("value"))
    row.get_by_role("button", name="确认范围" if members else "确认对应").click()
    expect(page.locator(f"tr[data-name='{name}']")).to_have_count(0)


def nothing_pre_selected(page: Page) -> None:
    for select in page.locator(
        ".review-names select[name=unit], .review-names select[name=members]"
    ).all():
        assert select.input_value() == "", "a choice was pre-selected"


def publish(page: Page) -> Plan:
    expect(page.locator(".review-problems")).to_have_count(0)
    page.get_by_role("button", name="发布计划").click()
    expect(page.locator(".message--success")).to_be_visible()
    plan = Plan.objects.order_by("-pk").first()
    assert plan.status == Plan.Status.PUBLISHED
    return plan


def test_a_city_plan_of_another_province_publishes_with_few_choices(
    page: Page, login, jurisdictions, screenshot, console_errors
):
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, "coordinator")
    import_document(page, SAMPLES / "chengdu-2024-reform-arrangement.txt", "成都市")
    nothing_pre_selected(page)
    screenshot(page, "jurisdiction-city-review")
    names = page.locator(".review-names tr[data-name]")
    pending = [names.nth(i).get_attribute("data-name") for i in range(names.count())]
    choices = 0
    for name in pending:
        if name.startswith("各") or "有关" in name:
            choose(page, name, members="由牵头单位确定")
        else:  # 市经信局: Chengdu's name for its 工业和信息化局
            choose(page, name, unit="成都市工业和信息化局")
        choices += 1
    assert choices < 10
    plan = publish(page)
    two_leads = Assignment.objects.leads().filter(task__plan=plan, task__path="2.1")
    assert {a.unit.name for a in two_leads} == {"成都市人民政府办公室", "成都市数据局"}
    # Chengdu's own units, not Gansu's or another city's.
    units = Assignment.objects.live().filter(task__plan=plan, unit__isnull=False)
    assert {a.unit.region.name for a in units} == {"成都市"}
    assert console_errors == []


def test_a_state_council_document_publishes_with_few_choices(
    page: Page, login, jurisdictions, screenshot, console_errors
):
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, "coordinator")
    import_document(page, SAMPLES / "state-council-2024-key-tasks.txt", "中华人民共和国")
    nothing_pre_selected(page)
    screenshot(page, "jurisdiction-state-council-review")
    names = page.locator(".review-names tr[data-name]")
    pending = [names.nth(i).get_attribute("data-name") for i in range(names.count())]
    assert len(pending) < 10
    for name in pending:
        # 各省级人民政府: every province's government (the directory holds Gansu, Sichuan).
        choose(page, name, members="各省级人民政府" if "省" in name else "由牵头单位确定")
    plan = publish(page)
    provinces = Assignment.objects.live().filter(task__plan=plan, task__path="1.1", role="co")
    assert {a.unit.name for a in provinces} >= {"甘肃省人民政府", "四川省人民政府"}
    leads = Assignment.objects.leads().filter(task__plan=plan, task__path="2.2")
    assert {a.unit.short_name for a in leads} == {"国家发展改革委", "国家能源局"}
    assert console_errors == []
