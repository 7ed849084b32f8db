"""What execution makes units owe, as the demo plan shows it."""

from datetime import date

from duban.execution.models import ImplementationPlan
from duban.execution.owed import due_implementation_plans
from duban.lib import owed
from duban.plans.models import Assignment, Plan


def test_on_the_demo_exactly_the_lead_units_owe_an_implementation_plan(demo_accounts):
    plan = Plan.objects.published().get(year=2012)
    owing = {item.unit_id for item in due_implementation_plans(as_of=date(2012, 5, 10))}
    leads = set(
        Assignment.objects.leads()
        .filter(task__plan=plan, unit__isnull=False)
        .values_list("unit_id", flat=True)
    )
    co_only = (
        set(Assignment.objects.live().filter(task__plan=plan).values_list("unit_id", flat=True))
        - leads
    )
    filed_early = set(
        ImplementationPlan.objects.filter(
            plan=plan, first_submitted_at__date__lte=date(2012, 5, 10)
        ).values_list("unit_id", flat=True)
    )
    assert owing == leads - filed_early
    assert co_only and not owing & co_only


def test_execution_registers_its_three_kinds_of_owed_work():
    assert {p.target for p in owed.providers()} >= {"implementation_plan", "milestone", "report"}
    assert owed.label("milestone") == "里程碑"
