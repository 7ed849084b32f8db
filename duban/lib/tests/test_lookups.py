import pytest
from django.db.models import F

from duban.execution.models import ProgressReport
from duban.lib.lookups import AnyOf
from duban.plans.models import Plan, Task
from duban.web.demo import _demo_history


@pytest.mark.django_db
def test_any_of_a_subquery_selects_what_the_join_selects(demo_accounts):
    _demo_history()  # the demo's year of reports
    plan = Plan.objects.get(source__isnull=False, year=2012)
    other = Task.objects.exclude(plan=plan).values("id")
    for plan_tasks in (Task.objects.filter(plan=plan).values("id"), other):
        by_any_of = ProgressReport.objects.filter(AnyOf(F("task_id"), plan_tasks))
        by_join = ProgressReport.objects.filter(task_id__in=plan_tasks)
        assert sorted(by_any_of.values_list("id", flat=True)) == sorted(
            by_join.values_list("id", flat=True)
        )
    assert ProgressReport.objects.filter(
        AnyOf(F("task_id"), Task.objects.filter(plan=plan).values("id"))
    ).exists()
