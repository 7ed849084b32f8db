"""Milestones: added to a plan's tasks, frozen by filing, ticked with the date and evidence."""

from datetime import date

import pytest

from duban.audit import services as audit
from duban.execution.services.milestones import (
    milestone_add,
    milestone_tick,
    milestone_update,
    milestone_withdraw,
)

from .conftest import ready_plan


@pytest.mark.django_db
def test_a_milestone_goes_only_on_a_task_of_the_plan(
    plan_2012, finance_task, reform_task, caizheng
):
    ip = ready_plan(plan_2012, finance_task, caizheng)

    with pytest.raises(audit.DomainError, match="不在本单位"):
        milestone_add(
            implementation_plan=ip,
            task=reform_task,
            title="x",
            due_date=date(2012, 7, 1),
            by=caizheng,
        )


@pytest.mark.django_db
def test_milestones_are_numbered_in_the_order_they_are_added(plan_2012, finance_task, caizheng):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    second = milestone_add(
        implementation_plan=ip,
        task=finance_task,
        title="起草",
        due_date=date(2012, 8, 1),
        by=caizheng,
    )

    assert second.position == 2
    assert second.unit == caizheng.unit
    assert not second.added_after_filing


@pytest.mark.django_db
def test_after_filing_a_due_date_moves_only_by_extension(filed_plan, caizheng):
    milestone = filed_plan.milestones.get()

    with pytest.raises(audit.DomainError, match="申请延期"):
        milestone_update(
            milestone=milestone,
            title=milestone.title,
            due_date=date(2012, 9, 30),
            deliverable="调研报告",
            responsible_person="张三",
            seen_version=milestone.version,
            by=caizheng,
        )
    # The wording may still be corrected.
    milestone_update(
        milestone=milestone,
        title="完成专题调研",
        due_date=milestone.due_date,
        deliverable="调研报告",
        responsible_person="张三",
        seen_version=milestone.version,
        by=caizheng,
    )
    milestone.refresh_from_db()
    assert milestone.title == "完成专题调研"


@pytest.mark.django_db
def test_a_milestone_added_after_filing_is_marked_so(filed_plan, finance_task, caizheng):
    added = milestone_add(
        implementation_plan=filed_plan,
        task=finance_task,
        title="补充节点",
        due_date=date(2012, 11, 30),
        by=caizheng,
    )

    assert added.added_after_filing


@pytest.mark.django_db
def test_a_milestone_is_ticked_with_its_date_and_evidence(filed_plan, caizheng):
    milestone = filed_plan.milestones.get()

    milestone_tick(
        milestone=milestone,
        met_on=date(2012, 6, 28),
        met_note="调研报告已印发（甘财预〔2012〕12号）",
        seen_version=milestone.version,
        by=caizheng,
        as_of=date(2012, 7, 1),
    )

    milestone.refresh_from_db()
    assert milestone.met_on == date(2012, 6, 28)
    assert "甘财预" in milestone.met_note


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("met_on", "note", "message"),
    [(date(2012, 7, 2), "已完成", "不能晚于今天"), (date(2012, 6, 28), " ", "完成情况")],
)
def test_a_tick_needs_a_past_date_and_a_note(filed_plan, caizheng, met_on, note, message):
    milestone = filed_plan.milestones.get()

    with pytest.raises(audit.DomainError, match=message):
        milestone_tick(
            milestone=milestone,
            met_on=met_on,
            met_note=note,
            seen_version=milestone.version,
            by=caizheng,
            as_of=date(2012, 7, 1),
        )


@pytest.mark.django_db
def test_a_withdrawn_milestone_is_kept_but_a_met_one_cannot_be_withdrawn(filed_plan, caizheng):
    milestone = filed_plan.milestones.get()
    milestone_withdraw(milestone=milestone, seen_version=milestone.version, by=caizheng)
    milestone.refresh_from_db()
    assert milestone.withdrawn

    met = milestone_add(
        implementation_plan=filed_plan,
        task=milestone.task,
        title="已完成节点",
        due_date=date(2012, 6, 1),
        by=caizheng,
    )
    milestone_tick(
        milestone=met,
        met_on=date(2012, 6, 1),
        met_note="完成",
        seen_version=met.version,
        by=caizheng,
        as_of=date(2012, 7, 1),
    )
    with pytest.raises(audit.DomainError, match="已完成"):
        milestone_withdraw(milestone=met, seen_version=met.version + 1, by=caizheng)
