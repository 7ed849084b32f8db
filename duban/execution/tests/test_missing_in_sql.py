"""The missing reports counted in SQL are the slots the Python rule (`_slots`) leaves unfiled."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from duban.execution.models import ProgressReport
from duban.execution.progress import is_late
from duban.execution.selectors.missing import FILED, missing_report_tally
from duban.execution.selectors.reports import _assignments, _slots, missing_reports
from duban.execution.tests.test_report_demo_history import demo_plan, history  # noqa: F401
from duban.plans.models import Assignment


def _by_the_rule(plan, as_of):
    """(assignment, period start, draft, last report) of every late unfiled slot, walked in
    Python as before."""
    assignments = list(_assignments(task__plan=plan))
    reports = list(ProgressReport.objects.filter(task__plan=plan))
    return [
        (assignment.pk, start, _pk(report), _pk(last))
        for assignment, start, end, report, last in _slots(assignments, reports, as_of)
        if is_late(end, as_of) and (report is None or report.review not in FILED)
    ]


def _pk(report):
    return report.pk if report else None


def _slot(owed):
    return owed.assignment.pk, owed.period_start, _pk(owed.report), _pk(owed.last_report)


@pytest.mark.parametrize("seed", [1, 2])
def test_sql_and_the_python_rule_agree_on_a_shuffled_demo_year(demo_plan, history, seed):  # noqa: F811
    rng = random.Random(seed)
    # Some shares assigned during the year (or the next), some reports sent back to draft.
    shares = list(Assignment.objects.filter(task__plan=demo_plan))
    for share in rng.sample(shares, len(shares) // 4):
        share.assigned_on = date(2012, 1, 1) + timedelta(days=rng.randrange(-30, 400))
        share.save(update_fields=["assigned_on"])
    reports = list(ProgressReport.objects.filter(task__plan=demo_plan).exclude(review="accepted"))
    for report in rng.sample(reports, len(reports) // 10):
        report.review = rng.choice(["draft", "returned", "submitted"])
        report.save(update_fields=["review"])

    for as_of in (date(2012, 1, 3), date(2012, 4, 6), date(2012, 9, 30), date(2013, 2, 1)):
        expected = _by_the_rule(demo_plan, as_of)
        listed = missing_reports(plan=demo_plan, as_of=as_of)
        assert [_slot(o) for o in listed] == expected
        tally = missing_report_tally(plan=demo_plan, as_of=as_of)
        units = {a.pk: a.unit_id for a in Assignment.objects.all()}
        assert tally.by_unit_period == dict(Counter((units[a], s) for a, s, *_ in expected))
        page = missing_reports(plan=demo_plan, as_of=as_of, limit=7, offset=5)
        assert [_slot(o) for o in page] == expected[5:12]
