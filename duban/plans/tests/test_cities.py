"""A task marked for the cities gets one instance per city, led by the city's government."""

import pytest
from django.urls import reverse

from duban.directory.models import Region
from duban.plans.models import Plan, Task
from duban.plans.selectors import city_matrix, tasks_for_unit
from duban.plans.services import city_instances_sync, task_set_applies_to_cities

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(coordinator) -> Plan:
    return Plan.objects.get(year=2012, source__original_name="gansu-2012-reform-opinions.txt")


@pytest.fixture
def marked(demo_plan, coordinator) -> Task:
    task = Task.objects.get(plan=demo_plan, path="2.1", region__isnull=True)
    return task_set_applies_to_cities(
        task=task, applies=True, by=coordinator, seen_version=task.version, reason="各市州落实"
    )


def test_marking_creates_one_instance_per_city_led_by_its_government(marked):
    instances = marked.city_instances.select_related("region")
    assert instances.count() == Region.objects.filter(level="city").count() == 14
    lanzhou = instances.get(region__name="兰州市")
    lead = lanzhou.assignments.get()
    assert (lead.unit.name, lead.role) == ("兰州市人民政府", "lead")
    assert lanzhou.path == marked.path and lanzhou.origin == marked


def test_syncing_again_creates_nothing_new(marked, coordinator):
    first = set(marked.city_instances.values_list("pk", flat=True))
    city_instances_sync(task=marked, by=coordinator)
    city_instances_sync(task=marked, by=coordinator)
    assert set(marked.city_instances.values_list("pk", flat=True)) == first


def test_unmarking_withdraws_the_instances_and_marking_again_brings_them_back(marked, coordinator):
    marked.refresh_from_db()
    task_set_applies_to_cities(
        task=marked, applies=False, by=coordinator, seen_version=marked.version, reason="撤回"
    )
    assert not marked.city_instances.filter(withdrawn=False).exists()
    marked.refresh_from_db()
    task_set_applies_to_cities(
        task=marked, applies=True, by=coordinator, seen_version=marked.version, reason="恢复"
    )
    assert marked.city_instances.filter(withdrawn=False).count() == 14
    assert marked.city_instances.count() == 14


def test_the_matrix_has_a_row_per_marked_task_and_a_cell_per_city(marked, demo_plan):
    matrix = city_matrix(demo_plan)
    assert len(matrix["cities"]) == 14
    [row] = matrix["rows"]
    assert row["path"] == "2.1"
    assert all(cell["instance"] for cell in row["cells"])


def test_the_city_sees_its_instance_in_its_unit_view(client, marked, lanzhou, demo_plan):
    assert [t.region.name for t in tasks_for_unit(plan=demo_plan, unit=lanzhou.unit)] == ["兰州市"]
    client.force_login(lanzhou)
    page = client.get(reverse("plans:unit-tasks", args=[demo_plan.pk])).content.decode()
    assert marked.title in page


def test_the_matrix_page_shows_ticks(client, marked, leader, demo_plan):
    client.force_login(leader)
    page = client.get(reverse("plans:city-matrix", args=[demo_plan.pk])).content.decode()
    assert page.count("✓") >= 14


def test_reordering_a_draft_renumbers_the_city_instances_too(small_plan, coordinator):
    from duban.plans.services import task_move

    task = small_plan.tasks.get(path="1.1")
    task = task_set_applies_to_cities(
        task=task, applies=True, by=coordinator, seen_version=task.version
    )
    task.refresh_from_db()
    task_move(task=task, direction=1, by=coordinator, seen_version=task.version)
    assert set(task.city_instances.values_list("path", flat=True)) == {"1.2"}
