"""The plan tree page costs the same few queries for 3 units of work as for 45 (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.plans.models import Plan

pytestmark = pytest.mark.django_db

# Session, user and the user's unit, plan, tasks, assignments with units, the summary's tasks
# and two counts, and the layout's unread-notifications badge.
TREE_PAGE_QUERIES = 10
# A published plan shows each unit of work's warning light, kept once worked out: the stamps
# and the stored lights (the first look also reads the facts and stores the lights).
LIGHT_QUERIES = 2


@pytest.fixture
def demo_plan(coordinator) -> Plan:
    return Plan.objects.get(year=2012, source__original_name="gansu-2012-reform-opinions.txt")


def test_the_tree_of_the_founding_document_takes_a_fixed_number_of_queries(
    client, leader, demo_plan, django_assert_num_queries
):
    client.force_login(leader)
    url = reverse("plans:plan-detail", args=[demo_plan.pk])
    client.get(url)
    with django_assert_num_queries(TREE_PAGE_QUERIES + LIGHT_QUERIES):
        page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('class="badge badge-') >= 45


def test_a_small_draft_takes_as_many_without_lights(
    client, coordinator, small_plan, django_assert_num_queries
):
    assert small_plan.status == Plan.Status.DRAFT
    client.force_login(coordinator)
    url = reverse("plans:plan-detail", args=[small_plan.pk])
    with django_assert_num_queries(TREE_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_the_review_screen_does_not_grow_with_the_plan(client, coordinator, demo_plan, small_plan):
    client.force_login(coordinator)
    counts = []
    for plan in (small_plan, demo_plan):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("plans:plan-review", args=[plan.pk]))
        counts.append(len(queries))
    # The small draft lists one name to map (name index: two more queries).
    assert counts[1] <= counts[0]
