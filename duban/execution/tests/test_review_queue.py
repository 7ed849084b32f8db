"""The review queue of progress reports: filters, pages, accept and next, bulk accept."""

from datetime import date

import pytest
from django.urls import reverse

from duban.execution.models import ProgressReport
from duban.execution.tests.conftest import make_plan, make_task
from duban.supervision.tests.conftest import make_milestone, make_report

Review = ProgressReport.Review
QUEUE = reverse("execution:review-queue")
BULK = reverse("execution:review-accept-many")


@pytest.fixture
def waiting(caizheng, fagai, settings):
    """18 submitted reports on a 2012 plan: 省财政厅 leads 1.1.1–1.1.5 (1.1.1 red: a milestone
    overdue since June), 省发展改革委 leads 2.1.1; July to September, one with a problem."""
    settings.DUBAN_TODAY = date(2012, 9, 30)
    plan = make_plan()
    finance, reform = caizheng.unit, fagai.unit
    tasks = [make_task(plan, f"1.1.{n}", title=f"财政任务{n}", lead=finance) for n in range(1, 6)]
    tasks.append(make_task(plan, "2.1.1", title="价格任务", lead=reform))
    make_milestone(tasks[0], finance, "完成调研", date(2012, 6, 30))
    reports = []
    for month in range(7, 10):
        for task in tasks:
            unit = reform if task.path.startswith("2.") else finance
            reports.append(make_report(task, unit, month, percent=50))
    flagged = reports[-1]
    flagged.problems = "资金未到位"
    flagged.save(update_fields=["problems"])
    return plan, reports


def test_the_queue_shows_the_reports_page_by_page(client, coordinator, waiting, monkeypatch):
    from duban.execution.views import review

    monkeypatch.setattr(review, "PER_PAGE", 5)
    plan, reports = waiting
    client.force_login(coordinator)
    pages = [client.get(QUEUE, {"plan": plan.pk, "page": n}).context["page"] for n in (1, 2, 4)]
    assert pages[0].paginator.count == len(reports) == 18
    assert [len(p.object_list) for p in pages] == [5, 5, 3]
    seen = {r.pk for p in pages for r in p.object_list}
    assert len(seen) == 13  # no report on two pages
    assert 'rel="next"' in client.get(QUEUE, {"plan": plan.pk}).content.decode()


def test_it_filters_by_unit_area_period_status_and_light(client, coordinator, fagai, waiting):
    plan, _ = waiting
    client.force_login(coordinator)

    def count(**params):
        return client.get(QUEUE, {"plan": plan.pk, **params}).context["page"].paginator.count

    assert count(unit=fagai.unit_id) == 3
    assert count(area="2") == 3
    assert count(period="2012-08-01") == 6
    assert count(status="delayed") == 0
    assert count(light="red") == 3  # 1.1.1's three reports: its milestone is overdue
    assert count(unit=fagai.unit_id, light="red") == 0


def test_accept_and_next_goes_to_the_next_report_of_the_same_filter(client, coordinator, waiting):
    plan, reports = waiting
    client.force_login(coordinator)
    first = reports[0]
    response = client.post(
        reverse("execution:report-accept", args=[first.pk]),
        {"version": first.version, "comment": "", "and_next": "1", "plan": plan.pk, "area": "1"},
    )
    first.refresh_from_db()
    assert first.review == Review.ACCEPTED
    assert response.status_code == 302
    following = ProgressReport.objects.get(pk=int(response["Location"].split("/")[-2]))
    assert following.review == Review.SUBMITTED and following.task.path.startswith("1.")
    assert "area=1" in response["Location"]


def test_bulk_accept_takes_the_ticked_unproblematic_reports_with_one_comment(
    client, coordinator, waiting
):
    plan, reports = waiting
    client.force_login(coordinator)
    ticked = [r.pk for r in reports[:4]]
    client.post(BULK, {"plan": plan.pk, "report": ticked, "comment": "同意，继续推进。"})
    accepted = ProgressReport.objects.filter(pk__in=ticked)
    assert {r.review for r in accepted} == {Review.ACCEPTED}
    assert {r.review_comment for r in accepted} == {"同意，继续推进。"}


def test_bulk_accept_refuses_a_report_with_problems_and_accepts_none(client, coordinator, waiting):
    plan, reports = waiting
    client.force_login(coordinator)
    ticked = [reports[0].pk, reports[-1].pk]  # the last one names a problem
    response = client.post(
        BULK, {"plan": plan.pk, "report": ticked, "comment": "同意。"}, follow=True
    )
    assert "逐份审核" in response.content.decode()
    assert not ProgressReport.objects.filter(pk__in=ticked, review=Review.ACCEPTED).exists()


def test_bulk_accept_needs_a_comment(client, coordinator, waiting):
    plan, reports = waiting
    client.force_login(coordinator)
    client.post(BULK, {"plan": plan.pk, "report": [reports[0].pk], "comment": " "})
    assert ProgressReport.objects.get(pk=reports[0].pk).review == Review.SUBMITTED


@pytest.mark.parametrize("persona", ["caizheng", "lanzhou", "viewer"])
def test_units_cannot_open_the_queue(client, demo_accounts, waiting, persona):
    client.force_login(demo_accounts[persona])
    assert client.get(QUEUE).status_code == 403


def test_a_leader_reads_the_queue_without_the_accept_controls(client, leader, waiting):
    plan, _ = waiting
    client.force_login(leader)
    response = client.get(QUEUE, {"plan": plan.pk})
    assert response.status_code == 200
    assert 'data-action="bulk-accept"' not in response.content.decode()


@pytest.mark.parametrize("persona", ["leader", "caizheng"])
def test_only_the_coordinator_may_bulk_accept(client, demo_accounts, waiting, persona):
    plan, reports = waiting
    client.force_login(demo_accounts[persona])
    response = client.post(BULK, {"plan": plan.pk, "report": [reports[0].pk], "comment": "同意"})
    assert response.status_code == 403
    assert ProgressReport.objects.get(pk=reports[0].pk).review == Review.SUBMITTED
