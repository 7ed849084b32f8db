"""`duban plan export` → `duban plan import` → `duban plan export` of the founding document gives
the same cells: the table is a faithful carrier of the plan, title included."""

from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from duban.plans.models import Plan
from duban.plans.services.tasktable import task_table_filename

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


def cells(path) -> list[tuple]:
    sheet = load_workbook(path).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def export(plan: Plan, path) -> list[tuple]:
    run("export", str(plan.pk), "--format", "xlsx", "-o", str(path))
    return cells(path)


def test_export_import_export_of_the_founding_document_gives_identical_cells(coordinator, tmp_path):
    founding = Plan.objects.get(year=2012, source__original_name="gansu-2012-reform-opinions.txt")
    first = export(founding, tmp_path / "first.xlsx")
    run("import", str(tmp_path / "first.xlsx"), "--year", "2012")
    imported = Plan.objects.exclude(pk=founding.pk).get(year=2012)
    second = export(imported, tmp_path / "second.xlsx")
    assert imported.title == founding.title
    assert second[0] == first[0]  # the title row: 任务分解表 once
    assert second == first
    assert imported.title == founding.title


@pytest.mark.parametrize(
    "title",
    ["甘肃省2012年经济体制改革重点工作意见", "云阳市2012年农村改革重点任务分解表"],
)
def test_the_title_row_names_the_table_once(title):
    assert task_table_filename(Plan(title=title, year=2012)).count("任务分解表") == 1
