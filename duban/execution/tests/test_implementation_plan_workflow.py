"""The filing workflow: draft → submitted → filed (备案) or returned → submitted again."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from duban.audit import services as audit
from duban.execution.models import ImplementationPlan, Milestone
from duban.execution.selectors.implementation_plans import filing_deadline_of, submitted_late
from duban.execution.services.implementation_plans import (
    implementation_plan_file,
    implementation_plan_return,
    implementation_plan_start,
    implementation_plan_submit,
    implementation_plan_update,
)

from .conftest import ready_plan

Status = ImplementationPlan.Status
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.django_db
def test_starting_a_plan_gives_one_commitment_per_lead_task_only(
    plan_2012, finance_task, reform_task, caizheng
):
    ip = implementation_plan_start(plan=plan_2012, unit=caizheng.unit, by=caizheng)

    assert ip.status == Status.DRAFT
    assert [c.task for c in ip.commitments.all()] == [finance_task]


@pytest.mark.django_db
def test_starting_twice_returns_the_same_draft(plan_2012, finance_task, caizheng):
    first = implementation_plan_start(plan=plan_2012, unit=caizheng.unit, by=caizheng)
    second = implementation_plan_start(plan=plan_2012, unit=caizheng.unit, by=caizheng)

    assert first.pk == second.pk
    assert second.commitments.count() == 1


@pytest.mark.django_db
def test_submitting_names_every_gap_a_unit_must_fill(plan_2012, finance_task, reform_task, fagai):
    ip = implementation_plan_start(plan=plan_2012, unit=fagai.unit, by=fagai)

    with pytest.raises(audit.DomainError) as error:
        implementation_plan_submit(implementation_plan=ip, by=fagai)

    # 1.2.1 is multi-year: it must state this year's breakthrough, not a completion criterion.
    assert "1.2.1 尚未写明今年要取得的突破" in str(error.value)
    assert "1.2.1 至少需要一个里程碑" in str(error.value)
    ip.refresh_from_db()
    assert ip.status == Status.DRAFT


@pytest.mark.django_db
def test_a_complete_draft_is_submitted_and_its_first_submission_kept(
    plan_2012, finance_task, caizheng
):
    ip = ready_plan(plan_2012, finance_task, caizheng)

    implementation_plan_submit(implementation_plan=ip, by=caizheng)

    ip.refresh_from_db()
    assert ip.status == Status.SUBMITTED
    assert ip.first_submitted_at == ip.submitted_at
    assert ip.history.first().history_user == caizheng


@pytest.mark.django_db
def test_filing_snapshots_the_milestones_as_the_baseline(
    plan_2012, finance_task, caizheng, coordinator
):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    implementation_plan_submit(implementation_plan=ip, by=caizheng)

    implementation_plan_file(implementation_plan=ip, by=coordinator, comment="同意备案")

    ip.refresh_from_db()
    milestone = Milestone.objects.get(implementation_plan=ip)
    assert ip.status == Status.FILED
    assert ip.filed_by == coordinator
    assert ip.baseline == [
        {"id": milestone.pk, "task": "1.1.1", "title": "完成调研", "due": "2012-06-30"}
    ]
    assert milestone.baseline_due == date(2012, 6, 30)


@pytest.mark.django_db
def test_a_returned_plan_carries_the_comment_and_can_be_resubmitted(
    plan_2012, finance_task, caizheng, coordinator
):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    implementation_plan_submit(implementation_plan=ip, by=caizheng)
    first = ImplementationPlan.objects.get(pk=ip.pk).first_submitted_at

    implementation_plan_return(implementation_plan=ip, by=coordinator, comment="时限过于宽松")
    ip.refresh_from_db()
    assert (ip.status, ip.review_comment) == (Status.RETURNED, "时限过于宽松")

    implementation_plan_update(
        implementation_plan=ip, narrative="压缩时限", seen_version=ip.version, by=caizheng
    )
    implementation_plan_submit(implementation_plan=ip, by=caizheng)
    ip.refresh_from_db()
    assert ip.status == Status.SUBMITTED
    assert ip.first_submitted_at == first
    assert [h.status for h in ip.history.order_by("history_date", "history_id")][-3:] == [
        Status.RETURNED,
        Status.RETURNED,
        Status.SUBMITTED,
    ]


@pytest.mark.django_db
def test_returning_needs_a_comment(plan_2012, finance_task, caizheng, coordinator):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    implementation_plan_submit(implementation_plan=ip, by=caizheng)

    with pytest.raises(audit.DomainError, match="修改意见"):
        implementation_plan_return(implementation_plan=ip, by=coordinator, comment="  ")


@pytest.mark.django_db
def test_only_a_submitted_plan_can_be_filed(plan_2012, finance_task, caizheng, coordinator):
    ip = ready_plan(plan_2012, finance_task, caizheng)

    with pytest.raises(audit.DomainError, match="已报送"):
        implementation_plan_file(implementation_plan=ip, by=coordinator)


@pytest.mark.django_db
def test_a_submitted_plan_cannot_be_edited_until_returned(plan_2012, finance_task, caizheng):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    implementation_plan_submit(implementation_plan=ip, by=caizheng)

    with pytest.raises(audit.DomainError, match="正在审核"):
        implementation_plan_update(
            implementation_plan=ip, narrative="x", seen_version=ip.version, by=caizheng
        )


@pytest.mark.django_db
def test_it_refuses_a_stale_version(plan_2012, finance_task, caizheng):
    ip = implementation_plan_start(plan=plan_2012, unit=caizheng.unit, by=caizheng)
    seen = ip.version
    implementation_plan_update(
        implementation_plan=ip, narrative="甲", seen_version=seen, by=caizheng
    )

    stale = ImplementationPlan.objects.get(pk=ip.pk)
    with pytest.raises(audit.StaleEdit):
        implementation_plan_update(
            implementation_plan=stale, narrative="乙", seen_version=seen, by=caizheng
        )
    assert ImplementationPlan.objects.get(pk=ip.pk).narrative == "甲"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("submitted_on", "late"),
    [
        (datetime(2012, 5, 20, 23, 0, tzinfo=SHANGHAI), False),
        (datetime(2012, 5, 21, 9, 0, tzinfo=SHANGHAI), True),
    ],
)
def test_a_plan_first_submitted_after_the_deadline_is_late(
    plan_2012, finance_task, caizheng, submitted_on, late
):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    with time_machine.travel(submitted_on, tick=False):
        implementation_plan_submit(implementation_plan=ip, by=caizheng)

    ip.refresh_from_db()
    assert submitted_late(ip, filing_deadline_of(ip)) is late
