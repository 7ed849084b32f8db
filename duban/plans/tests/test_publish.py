"""Publishing checks every unit of work for a lead (or a note), then freezes."""

from datetime import date

import pytest

from duban.directory.models import Unit
from duban.plans.models import Plan, Task
from duban.plans.services import (
    PublishRefused,
    assignment_add,
    assignment_remove,
    name_map_to_unit,
    plan_import_file,
    plan_publish,
    plan_update,
    task_update,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped_plan(small_plan, coordinator) -> Plan:
    """SMALL_DOCUMENT with its unknown department mapped: ready to publish."""
    unit = Unit.objects.get(name="甘肃省财政厅")
    name_map_to_unit(
        plan=small_plan, name="省改革试点协调中心", unit=unit, by=coordinator, remember=False
    )
    return small_plan


def test_an_unmapped_name_blocks_publishing(small_plan, coordinator):
    with pytest.raises(PublishRefused) as refused:
        plan_publish(plan=small_plan, by=coordinator, seen_version=small_plan.version)
    assert any("省改革试点协调中心" in p for p in refused.value.problems)
    small_plan.refresh_from_db()
    assert small_plan.status == Plan.Status.DRAFT


def test_a_task_without_a_lead_is_refused_until_it_has_a_note(mapped_plan, coordinator):
    task = mapped_plan.tasks.get(path="1.2")
    for assignment in task.assignments.all():
        assignment_remove(assignment=assignment, by=coordinator)
    with pytest.raises(PublishRefused) as refused:
        plan_publish(plan=mapped_plan, by=coordinator, seen_version=mapped_plan.version)
    assert refused.value.problems == ["1.2 须有牵头单位，或写明说明"]
    task_update(
        task=task, by=coordinator, seen_version=task.version, lead_note="由省政府统筹，不设牵头单位"
    )
    plan = plan_publish(plan=mapped_plan, by=coordinator, seen_version=mapped_plan.version)
    assert plan.status == Plan.Status.PUBLISHED
    assert plan.published_by == coordinator


def test_two_leads_named_by_the_document_share_the_lead_and_publish(mapped_plan, coordinator):
    task = mapped_plan.tasks.get(path="1.2")
    lead = task.assignments.get(role="lead")
    # Adding a lead demotes the current one, so a second lead comes only from the document.
    lead.pk = None
    lead.unit = Unit.objects.get(name="甘肃省审计厅")
    lead.position += 1
    lead.save()
    plan = plan_publish(plan=mapped_plan, by=coordinator, seen_version=mapped_plan.version)
    assert plan.status == Plan.Status.PUBLISHED
    assert task.assignments.leads().count() == 2


def test_adding_a_lead_makes_the_former_lead_co(mapped_plan, coordinator):
    task = mapped_plan.tasks.get(path="1.2")
    audit_office = Unit.objects.get(name="甘肃省审计厅")
    assignment_add(task=task, unit=audit_office, role="lead", by=coordinator)
    roles = {a.unit.short_name: a.role for a in task.assignments.filter(withdrawn=False)}
    assert roles == {"省财政厅": "co", audit_office.short_name: "lead"}


def test_publishing_a_stale_version_is_refused(mapped_plan, coordinator):
    from duban.audit.services import StaleEdit

    with pytest.raises(StaleEdit):
        plan_publish(plan=mapped_plan, by=coordinator, seen_version=mapped_plan.version + 1)


def test_areas_and_tasks_split_into_units_need_no_lead(mapped_plan):
    from duban.plans.services.publishing import publish_problems

    assert publish_problems(mapped_plan) == []
    assert Task.objects.filter(plan=mapped_plan, level=1).count() == 2


def test_a_task_the_document_gives_two_leads_keeps_both_and_publishes(coordinator, tmp_path):
    from duban.execution.owed import due_implementation_plans
    from duban.plans.tests.conftest import write_document

    text = """甘肃省人民政府关于2013年联合改革工作的意见

一、深化联合改革
（一）推进联合监管。年底前建立联合监管机制。（省财政厅、省审计厅牵头，省发展改革委配合）

甘肃省人民政府
2013年3月1日
"""
    plan = plan_import_file(path=write_document(tmp_path, text), year=2013, by=coordinator)
    task = plan.tasks.get(path="1.1")
    assert [a.unit.short_name for a in task.assignments.leads().order_by("position")] == [
        "省财政厅",
        "省审计厅",
    ]
    plan = plan_update(
        plan=plan, by=coordinator, seen_version=plan.version, filing_deadline=date(2013, 5, 20)
    )
    plan = plan_publish(plan=plan, by=coordinator, seen_version=plan.version)
    # Each lead owes its own implementation plan.
    owing = {
        item.unit_id
        for item in due_implementation_plans(as_of=date(2013, 6, 1), lookahead_days=0, unit_id=None)
    }
    assert {a.unit_id for a in task.assignments.leads()} <= owing
