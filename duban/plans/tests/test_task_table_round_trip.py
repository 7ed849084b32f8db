"""Export the task table, edit it offline, import it again: no edit → no change; an edited row →
exactly that change; a broken row → refused by its row number, nothing applied."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from duban.audit import services as audit
from duban.plans.models import Plan, Task
from duban.plans.services import task_table_apply, task_table_export, task_table_preview

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(coordinator) -> Plan:
    return Plan.objects.get(year=2012, source__original_name="gansu-2012-reform-opinions.txt")


def export(plan: Plan):
    stream = BytesIO()
    task_table_export(plan=plan, stream=stream)
    stream.seek(0)
    return load_workbook(stream)


def save(workbook) -> BytesIO:
    stream = BytesIO()
    workbook.save(stream)
    stream.seek(0)
    return stream


def row_of(sheet, number: str) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == number)


def test_the_table_has_a_title_row_and_one_row_per_unit_of_work(demo_plan):
    sheet = export(demo_plan).active
    assert sheet.cell(1, 1).value == "2012年经济体制改革重点工作任务分解表"
    assert "甘政发〔2012〕53号" in sheet.cell(2, 1).value
    numbers = [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)]
    units = [n for n in numbers if n and n[0].isdigit()]
    assert len(units) == 45
    assert sheet.page_setup.orientation == "landscape"


def test_export_then_import_unchanged_finds_no_change(demo_plan, coordinator):
    changes = task_table_preview(plan=demo_plan, path=save(export(demo_plan)))
    assert changes.errors == []
    assert changes.empty
    history = Task.history.count()
    task_table_apply(
        plan=demo_plan, path=save(export(demo_plan)), by=coordinator, original_name="same.xlsx"
    )
    assert Task.history.count() == history


def test_an_edited_row_is_applied_exactly(demo_plan, coordinator):
    workbook = export(demo_plan)
    sheet = workbook.active
    line = row_of(sheet, "1.1")
    sheet.cell(line, 6).value = "2012-09-30"
    sheet.cell(line, 5).value = "省发展改革委、省政府国资委、省财政厅"
    before = {t.pk: (t.version, t.title) for t in Task.objects.filter(plan=demo_plan)}
    changes = task_table_preview(plan=demo_plan, path=save(workbook))
    assert [c.path for c in changes.changed] == ["1.1"]
    [change] = changes.changed
    assert change.row == line
    assert set(change.fields) == {"due_date", "due_text"} or set(change.fields) == {"due_date"}
    assert change.units_added == ["省财政厅"]
    task_table_apply(plan=demo_plan, path=save(workbook), by=coordinator, original_name="t.xlsx")
    task = Task.objects.get(plan=demo_plan, path="1.1", region__isnull=True)
    assert str(task.due_date) == "2012-09-30"
    assert task.assignments.filter(unit__short_name="省财政厅", role="co").exists()
    assert task.history.first().history_change_reason == "任务分解表导入：t.xlsx"
    after = {t.pk: (t.version, t.title) for t in Task.objects.filter(plan=demo_plan)}
    assert {pk for pk in before if before[pk] != after[pk]} == {task.pk}
    # And the table now matches the plan again.
    assert task_table_preview(plan=demo_plan, path=save(export(demo_plan))).empty


def test_a_broken_row_is_refused_by_its_row_number_and_nothing_is_applied(demo_plan, coordinator):
    workbook = export(demo_plan)
    sheet = workbook.active
    unknown, bad_date, edited = row_of(sheet, "1.2"), row_of(sheet, "1.3"), row_of(sheet, "1.1")
    sheet.cell(unknown, 4).value = "省宇宙开发厅"
    sheet.cell(bad_date, 6).value = "2012-13-45"
    sheet.cell(edited, 2).value = "改过的标题"
    duplicate = row_of(sheet, "2.1")
    sheet.cell(duplicate, 1).value = "1.4"
    changes = task_table_preview(plan=demo_plan, path=save(workbook))
    rows = {row for row, _ in changes.errors}
    assert {unknown, bad_date, duplicate} <= rows
    assert any("省宇宙开发厅" in message for _, message in changes.errors)
    with pytest.raises(audit.DomainError):
        task_table_apply(plan=demo_plan, path=save(workbook), by=coordinator, original_name="x")
    assert Task.objects.get(plan=demo_plan, path="1.1", region__isnull=True).title != "改过的标题"


def test_a_published_plan_refuses_added_and_removed_rows(demo_plan):
    workbook = export(demo_plan)
    sheet = workbook.active
    sheet.cell(row_of(sheet, "1.1"), 1).value = "1.99"
    changes = task_table_preview(plan=demo_plan, path=save(workbook))
    assert changes.errors


def test_a_draft_takes_added_and_removed_rows(small_plan, coordinator):
    workbook = export(small_plan)
    sheet = workbook.active
    sheet.cell(row_of(sheet, "1.2"), 1).value = "1.3"
    sheet.cell(row_of(sheet, "2.1"), 4).value = "省财政厅"
    sheet.cell(row_of(sheet, "2.1"), 5).value = ""
    changes = task_table_preview(plan=small_plan, path=save(workbook))
    assert [v.number for v in changes.added] == ["1.3"]
    assert [t.path for t in changes.removed] == ["1.2"]
    task_table_apply(plan=small_plan, path=save(workbook), by=coordinator, original_name="x")
    titles = dict(
        Task.objects.filter(plan=small_plan, parent__path="1").values_list("path", "title")
    )
    assert titles == {"1.1": "推进预算公开", "1.2": "完善转移支付制度"}


def test_the_upload_preview_and_confirm_pages(client, coordinator, demo_plan):
    workbook = export(demo_plan)
    sheet = workbook.active
    sheet.cell(row_of(sheet, "1.1"), 2).value = "深化省属国有企业改革重组工作"
    client.force_login(coordinator)
    upload = save(workbook)
    upload.name = "分解表.xlsx"
    url = reverse("plans:table-import", args=[demo_plan.pk])
    response = client.post(url, {"file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "深化省属国有企业改革重组工作" in preview and "确认导入" in preview
    token = response["Location"].split("token=")[1]
    client.post(reverse("plans:table-apply", args=[demo_plan.pk]), {"token": token})
    task = Task.objects.get(plan=demo_plan, path="1.1", region__isnull=True)
    assert task.title == "深化省属国有企业改革重组工作"
