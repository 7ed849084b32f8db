"""Each execution page shows a button exactly when its `can_*` function says so, for every demo
account; and when the button is not shown, the server refuses the action itself."""

from datetime import date

import pytest
from django.urls import reverse

from duban.directory.roles import reads_everything
from duban.execution.models import ImplementationPlan
from duban.execution.permissions import (
    can_comment,
    can_edit_implementation_plan,
    can_review_implementation_plan,
)
from duban.execution.selectors.reports import period_reports
from duban.execution.services.implementation_plans import implementation_plan_submit
from duban.web.tests.personas import PERSONAS, REFUSED, get_as

from .conftest import ready_plan


def _detail_offers(client, user, ip, url, *, allowed: bool) -> str:
    """The plan's page for `user`, checked to link `url` exactly when `allowed`; "" if a 404."""
    status, page = get_as(client, user, reverse("execution:plan-detail", args=[ip.pk]))
    if status == 404:
        assert not allowed
        return ""
    assert status == 200 and (url in page) is allowed
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_file_and_return_buttons_follow_can_review(
    client, demo_accounts, persona, plan_2012, finance_task
):
    user, caizheng = demo_accounts[persona], demo_accounts["caizheng"]
    ip = implementation_plan_submit(
        implementation_plan=ready_plan(plan_2012, finance_task, caizheng), by=caizheng
    )
    allowed = can_review_implementation_plan(user, ip)
    file_url = reverse("execution:plan-file", args=[ip.pk])

    page = _detail_offers(client, user, ip, file_url, allowed=allowed)

    assert not page or ("返回审核督办" in page) is reads_everything(user)
    if not allowed:
        response = client.post(file_url, {"version": ip.version, "comment": ""})
        assert response.status_code in REFUSED
        ip.refresh_from_db()
        assert ip.status == ImplementationPlan.Status.SUBMITTED
    assert persona != "coordinator" or allowed


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_continue_editing_link_follows_can_edit(
    client, demo_accounts, persona, plan_2012, finance_task
):
    user, caizheng = demo_accounts[persona], demo_accounts["caizheng"]
    ip = ready_plan(plan_2012, finance_task, caizheng)
    allowed = can_edit_implementation_plan(user, ip)
    edit_url = reverse("execution:plan-edit", args=[ip.pk])

    _detail_offers(client, user, ip, edit_url, allowed=allowed)

    if not allowed:
        assert client.get(edit_url).status_code in REFUSED
        assert client.post(reverse("execution:plan-submit", args=[ip.pk])).status_code in REFUSED
        ip.refresh_from_db()
        assert ip.status == ImplementationPlan.Status.DRAFT
    assert (persona == "caizheng") is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_queue_comment_link_follows_can_comment(client, demo_accounts, persona, filed_plan):
    user = demo_accounts[persona]
    task = filed_plan.commitments.get().task
    comment_url = reverse("execution:comment-add", args=[task.pk])

    # The milestone due 2012-06-30 is overdue by mid-July, so the queue lists it.
    status, page = get_as(client, user, reverse("execution:queue") + "?as_of=2012-07-15")

    if status == 200:
        assert "完成调研" in page
        assert (comment_url in page) is can_comment(user)
    else:
        assert status == 403 and not reads_everything(user)
    if not can_comment(user):
        response = client.post(comment_url, {"text": "请加快进度。"})
        assert response.status_code in REFUSED
        assert not task.leader_comments.exists()
    assert (persona == "leader") is can_comment(user)


@pytest.mark.django_db
def test_the_report_page_tags_the_other_parts_by_assignment(
    client, demo_accounts, finance_task, file_report
):
    caizheng, fagai = demo_accounts["caizheng"], demo_accounts["fagai"]
    lead_part = file_report(finance_task, caizheng, date(2012, 3, 1))
    co_part = file_report(finance_task, fagai, date(2012, 3, 1))

    parts = {r.unit_id: r.is_lead for r in period_reports(report=lead_part)}
    _, co_page = get_as(client, fagai, reverse("execution:report-detail", args=[co_part.pk]))
    _, lead_page = get_as(client, caizheng, reverse("execution:report-detail", args=[lead_part.pk]))

    assert parts == {caizheng.unit_id: True, fagai.unit_id: False}
    assert '<span class="role-tag">牵头</span>' in co_page
    assert '<span class="role-tag">配合</span>' in lead_page
