"""The report list and the report page cost the same number of queries however much is owed."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.execution.tests.conftest import make_task

pytestmark = pytest.mark.usefixtures("no_demo_plan")


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def add_tasks(plan, unit, co, first: int, last: int, editor, file_report):
    for n in range(first, last):
        task = make_task(plan, f"2.{n}.1", lead=unit, co=(co,))
        file_report(task, editor, date(2012, 7, 1))
        file_report(task, editor, date(2012, 8, 1), review="returned")


def test_the_report_list_does_not_grow_with_the_tasks(
    client, caizheng, fagai, plan_2012, settings, file_report
):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    client.force_login(caizheng)
    url = reverse("execution:report-list")
    add_tasks(plan_2012, caizheng.unit, fagai.unit, 1, 3, caizheng, file_report)
    few = queries(client, url)
    add_tasks(plan_2012, caizheng.unit, fagai.unit, 3, 9, caizheng, file_report)
    assert queries(client, url) == few


def test_the_report_page_does_not_grow_with_the_co_units(
    client, caizheng, plan_2012, lanzhou, fagai, file_report
):
    task = make_task(plan_2012, "2.1.1", lead=caizheng.unit, co=(fagai.unit, lanzhou.unit))
    report = file_report(task, caizheng, date(2012, 9, 1))
    client.force_login(caizheng)
    url = reverse("execution:report-detail", args=[report.pk])
    file_report(task, fagai, date(2012, 9, 1))
    one = queries(client, url)
    file_report(task, lanzhou, date(2012, 9, 1))
    assert queries(client, url) == one
