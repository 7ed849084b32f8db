"""Extensions: asked before the date falls due, decided by the reform office, shown as drift."""

from datetime import date

import pytest

from duban.audit import services as audit
from duban.execution.models import Extension
from duban.execution.selectors.implementation_plans import drift
from duban.execution.services.extensions import (
    extension_approve,
    extension_refuse,
    extension_request,
)
from duban.execution.services.milestones import milestone_add, milestone_withdraw


def ask(milestone, editor, *, new_due=date(2012, 8, 31), as_of=date(2012, 6, 20)):
    return extension_request(
        task=milestone.task,
        milestone=milestone,
        new_due=new_due,
        reason="需与财政部衔接",
        by=editor,
        as_of=as_of,
    )


@pytest.mark.django_db
def test_an_approved_extension_moves_the_date_and_shows_as_drift(filed_plan, caizheng, coordinator):
    milestone = filed_plan.milestones.get()
    extension = ask(milestone, caizheng)

    extension_approve(extension=extension, by=coordinator, comment="同意")

    milestone.refresh_from_db()
    assert (milestone.due_date, milestone.baseline_due) == (date(2012, 8, 31), date(2012, 6, 30))
    assert [(d.kind, d.baseline_due, d.due) for d in drift(filed_plan)] == [
        ("moved", date(2012, 6, 30), date(2012, 8, 31))
    ]
    filed_plan.refresh_from_db()
    assert filed_plan.baseline[0]["due"] == "2012-06-30"


@pytest.mark.django_db
def test_a_refused_extension_leaves_the_date_and_needs_a_reason(filed_plan, caizheng, coordinator):
    milestone = filed_plan.milestones.get()
    extension = ask(milestone, caizheng)

    with pytest.raises(audit.DomainError, match="理由"):
        extension_refuse(extension=extension, by=coordinator, comment="")
    extension_refuse(extension=extension, by=coordinator, comment="时限不宜推迟")

    milestone.refresh_from_db()
    extension.refresh_from_db()
    assert milestone.due_date == date(2012, 6, 30)
    assert extension.status == Extension.Status.REFUSED
    assert drift(filed_plan) == []


@pytest.mark.django_db
def test_an_extension_is_asked_before_the_date_falls_due(filed_plan, caizheng):
    milestone = filed_plan.milestones.get()

    ask(milestone, caizheng, as_of=date(2012, 6, 30))
    Extension.objects.filter(milestone=milestone).delete()
    with pytest.raises(audit.DomainError, match="到期前"):
        ask(milestone, caizheng, as_of=date(2012, 7, 1))


@pytest.mark.django_db
def test_the_new_date_stays_within_the_plans_horizon(filed_plan, caizheng):
    milestone = filed_plan.milestones.get()

    with pytest.raises(audit.DomainError, match="2016年12月31日"):
        ask(milestone, caizheng, new_due=date(9999, 12, 31))
    assert not Extension.objects.exists()
    assert ask(milestone, caizheng, new_due=date(2016, 12, 31)).new_due == date(2016, 12, 31)


@pytest.mark.django_db
def test_the_new_date_must_be_later_and_one_request_at_a_time(filed_plan, caizheng):
    milestone = filed_plan.milestones.get()

    with pytest.raises(audit.DomainError, match="晚于原时限"):
        ask(milestone, caizheng, new_due=date(2012, 6, 30))
    ask(milestone, caizheng)
    with pytest.raises(audit.DomainError, match="等待审批"):
        ask(milestone, caizheng, new_due=date(2012, 9, 30))


@pytest.mark.django_db
def test_a_decided_extension_cannot_be_decided_again(filed_plan, caizheng, coordinator):
    extension = ask(filed_plan.milestones.get(), caizheng)
    extension_approve(extension=extension, by=coordinator)

    with pytest.raises(audit.DomainError, match="已经审批"):
        extension_refuse(extension=extension, by=coordinator, comment="不同意")


@pytest.mark.django_db
def test_a_task_deadline_extension_moves_the_task(filed_plan, finance_task, caizheng, coordinator):
    extension = extension_request(
        task=finance_task,
        milestone=None,
        new_due=date(2013, 6, 30),
        reason="跨年度推进",
        by=caizheng,
        as_of=date(2012, 9, 30),
    )
    extension_approve(extension=extension, by=coordinator)

    finance_task.refresh_from_db()
    assert finance_task.due_date == date(2013, 6, 30)
    assert extension.unit == caizheng.unit


@pytest.mark.django_db
def test_drift_shows_milestones_added_and_withdrawn_after_filing(
    filed_plan, finance_task, caizheng
):
    milestone_withdraw(
        milestone=filed_plan.milestones.get(),
        seen_version=filed_plan.milestones.get().version,
        by=caizheng,
    )
    milestone_add(
        implementation_plan=filed_plan,
        task=finance_task,
        title="新增节点",
        due_date=date(2012, 10, 31),
        by=caizheng,
    )

    assert sorted((d.kind, d.title) for d in drift(filed_plan)) == [
        ("added", "新增节点"),
        ("withdrawn", "完成调研"),
    ]
