"""`duban plan import`, `duban plan export`, `duban plan list`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from duban.plans.models import Plan
from duban.plans.tests.conftest import write_document

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


def test_import_creates_a_draft_and_says_what_it_holds(coordinator, tmp_path):
    line = run("import", str(write_document(tmp_path)), "--year", "2013")
    plan = Plan.objects.get(year=2013)
    assert line.strip() == (
        f"plan {plan.pk} 2013 [draft] {plan.title}: 2 areas, 3 tasks, 3 units of work, "
        "1 names to map"
    )


def test_import_of_an_unreadable_file_names_the_file(coordinator, tmp_path):
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="空白.txt"):
        run("import", str(empty), "--year", "2013")
    assert not Plan.objects.filter(year=2013).exists()


def test_export_writes_the_task_table(coordinator, tmp_path):
    plan = Plan.objects.get(year=2012)
    target = tmp_path / "table.xlsx"
    assert "written" in run("export", str(plan.pk), "--format", "xlsx", "-o", str(target))
    sheet = load_workbook(target).active
    assert sheet.cell(1, 1).value == "2012年经济体制改革重点工作任务分解表"


def test_list_names_every_plan(coordinator):
    assert "2012 [published] 甘肃省2012年经济体制改革重点工作意见: 9 areas, 39 tasks" in run("list")
