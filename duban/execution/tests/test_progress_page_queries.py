"""The progress roll-up page costs the same queries however many cities carry a task."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.directory.models import Region
from duban.execution.tests.conftest import make_task

pytestmark = pytest.mark.usefixtures("no_demo_plan")


def test_city_instances_add_no_queries_to_the_page(
    client, coordinator, plan_2012, finance_unit, django_assert_num_queries
):
    # Each city's instance shows its city's name: read with the task, not one query a row.
    task = make_task(plan_2012, "1.1.1", lead=finance_unit)
    cities = list(Region.objects.filter(level=Region.Level.CITY).order_by("code"))
    make_task(plan_2012, "1.1.1", region=cities[0], origin=task)
    client.force_login(coordinator)
    url = reverse("execution:progress-plan", args=[plan_2012.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as one_city:
        client.get(url)
    for city in cities[1:]:
        make_task(plan_2012, "1.1.1", region=city, origin=task)

    with django_assert_num_queries(len(one_city)):
        response = client.get(url)

    assert response.status_code == 200
    assert len(cities) == 14
    assert cities[-1].name in response.content.decode()
