"""The big pages run as many queries for a larger plan as for a smaller one (no query per row)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.execution.tests.conftest import make_task

PAGES = [
    ("web:home", False),
    ("plans:plan-detail", True),
    ("execution:queue", False),
    ("execution:progress-plan", True),
    ("execution:report-list", False),
    ("supervision:dashboard", False),
    ("execution:review-queue", False),
]


def _grow(plan, first: int, count: int, units, editors, file_report):
    """`count` more units of work, each led by one unit with another co-operating, and a
    few months of reports in every review state (some late, some sent back, one accepted)."""
    for n in range(first, first + count):
        lead, co = units[n % 2], units[(n + 1) % 2]
        task = make_task(plan, f"{n % 3 + 1}.{n}.1", lead=lead, co=(co,))
        editor = editors[n % 2]
        file_report(task, editor, date(2012, 1, 1))
        file_report(task, editor, date(2012, 2, 1), review="accepted")
        file_report(task, editor, date(2012, 3, 1), review="returned")
        file_report(task, editors[(n + 1) % 2], date(2012, 3, 1), review="draft")


def _counts(client, plan) -> dict[str, int]:
    counts = {}
    for name, takes_plan in PAGES:
        url = reverse(name, args=[plan.pk] if takes_plan else [])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url + "?as_of=2012-09-30")
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


@pytest.mark.django_db
def test_the_big_pages_query_as_often_for_three_times_the_plan(
    client, coordinator, plan_2012, finance_unit, reform_unit, caizheng, fagai, file_report
):
    units, editors = (finance_unit, reform_unit), (caizheng, fagai)
    client.force_login(coordinator)
    _grow(plan_2012, 0, 2, units, editors, file_report)
    _counts(client, plan_2012)  # warm the caches (rules, menus) that a first render fills
    small = _counts(client, plan_2012)
    _grow(plan_2012, 2, 4, units, editors, file_report)
    _counts(client, plan_2012)  # the new tasks' lights are worked out and stored
    assert _counts(client, plan_2012) == small
