"""Importing the founding document builds the whole 2012 plan, every department mapped."""

import pytest

from duban.plans.models import Assignment, CitedDocument, Task
from duban.plans.selectors import plan_summary, unresolved_names
from duban.plans.services import plan_import_file
from duban.plans.tests.conftest import FOUNDING_DOCUMENT

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(coordinator):
    return plan_import_file(path=FOUNDING_DOCUMENT, year=2012, by=coordinator)


def test_it_builds_nine_areas_39_tasks_and_45_units_of_work(plan):
    summary = plan_summary(plan)
    assert (summary.areas, summary.tasks, summary.units_of_work) == (9, 39, 45)


def test_every_one_of_the_46_department_names_resolves_to_a_unit(plan):
    names = Assignment.objects.filter(task__plan=plan).values_list("name_as_written", flat=True)
    assert len(set(names)) == 46
    assert unresolved_names(plan) == []
    assert plan_summary(plan).unresolved == 0


def test_it_records_the_18_cited_documents_with_the_tasks_citing_them(plan):
    assert CitedDocument.objects.filter(plan=plan).count() == 18
    cited = CitedDocument.objects.get(plan=plan, number="甘政发〔2011〕41号")
    assert [t.path for t in cited.tasks.all()] == ["1.1"]


def test_it_keeps_the_source_and_its_meta(plan):
    source = plan.source
    assert source.doc_number == "甘政发〔2012〕53号"
    assert str(source.issued_on) == "2012-04-28"
    assert plan.title == "甘肃省2012年经济体制改革重点工作意见"
    assert plan.status == "draft"
    assert source.file.read() == FOUNDING_DOCUMENT.read_bytes()
    # 5月中旬前报省政府备案 → proposed filing deadline May 20.
    assert str(plan.filing_deadline) == "2012-05-20"


def test_every_unit_of_work_has_its_span_in_the_source_text(plan):
    text = plan.source.text
    for task in Task.objects.filter(plan=plan, level__gt=1):
        assert task.source_start is not None, task.path
        assert text[task.source_start : task.source_end].strip()


def test_it_suggests_kinds_from_the_deadlines(plan):
    kinds = dict(Task.objects.filter(plan=plan, level__gt=1).values_list("path", "kind"))
    assert set(kinds.values()) <= {"within_year", "multi_year"}
    multi = Task.objects.filter(plan=plan, kind="multi_year")
    assert multi.exists()
    assert all(t.due_date.year > 2012 for t in multi)
    undated = Task.objects.filter(plan=plan, level__gt=1, due_text="")
    assert all(str(t.due_date) == "2012-12-31" for t in undated)
