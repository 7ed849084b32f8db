# ruff: noqa: F811 (pytest fixtures imported from the execution tests, then used as arguments)
"""Fixtures for the assessment tests: a small hand-built plan beside the (closed) demo plan.

`small_plan` is published with two units of work: 1.1.1 led by 省财政厅 with 省发展改革委
co-operating (within the year, due 2012-12-31) and 1.2.1 led by 省发展改革委 (multi-year), and
a city instance of 1.1.1 led by 兰州市人民政府.
"""

from datetime import date
from decimal import Decimal

import pytest

from duban.directory.models import Region
from duban.execution.tests.conftest import (  # noqa: F401 (fixtures)
    file_report,
    finance_task,
    finance_unit,
    lanzhou_unit,
    make_plan,
    make_task,
    no_demo_plan,
    plan_2012,
    reform_task,
    reform_unit,
)
from duban.plans.models import Task


@pytest.fixture
def city_task(plan_2012, finance_task, lanzhou_unit) -> Task:
    """兰州市's instance of 1.1.1, which the city leads."""
    return make_task(
        plan_2012,
        "1.1.1",
        title=finance_task.title,
        lead=lanzhou_unit,
        region=Region.objects.get(pk=lanzhou_unit.region_id),
        origin=finance_task,
        due_date=date(2012, 12, 31),
    )


@pytest.fixture
def small_plan(plan_2012, finance_task, reform_task, city_task):
    return plan_2012


@pytest.fixture
def set_points(coordinator):
    """`set_points(plan, measure, points)`: the coordinator sets one component's points."""
    from duban.assessment.services import scheme_ensure, scheme_update

    def set_(plan, measure: str, points: str) -> None:
        scheme = scheme_ensure(plan=plan, by=coordinator)
        component = scheme.components.get(measure=measure)
        scheme_update(
            scheme=scheme,
            lead_weight=scheme.lead_weight,
            co_weight=scheme.co_weight,
            components={component.pk: (Decimal(points), component.cap)},
            seen_version=scheme.version,
            by=coordinator,
        )

    return set_
