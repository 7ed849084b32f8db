"""A department the directory does not know is listed with suggestions; the coordinator's choice
is applied and remembered, so the next import resolves the name by itself."""

import pytest

from duban.directory.models import Unit, UnitAlias
from duban.plans.models import Assignment
from duban.plans.selectors import unresolved_names
from duban.plans.services import name_map_to_unit, plan_import_file
from duban.plans.tests.conftest import write_document

pytestmark = pytest.mark.django_db

UNKNOWN = "省改革试点协调中心"


def test_an_unknown_name_is_listed_with_the_tasks_it_appears_in(small_plan):
    [entry] = unresolved_names(small_plan)
    assert entry.name == UNKNOWN
    assert entry.tasks == ["2.1"]
    assert not entry.collective


def test_the_list_offers_suggestions_from_the_directory(coordinator, tmp_path):
    text = write_document(tmp_path).read_text().replace(UNKNOWN, "省发展改革委员会体改处")
    plan = plan_import_file(path=write_document(tmp_path, text, "b.txt"), year=2013, by=coordinator)
    [entry] = unresolved_names(plan)
    assert entry.suggestions
    assert entry.suggestions[0].full_name == "甘肃省发展和改革委员会"


def test_the_coordinators_choice_maps_the_name_and_is_remembered(small_plan, coordinator, tmp_path):
    unit = Unit.objects.get(name="甘肃省发展和改革委员会")
    name_map_to_unit(plan=small_plan, name=UNKNOWN, unit=unit, by=coordinator)
    assert unresolved_names(small_plan) == []
    assert UnitAlias.objects.filter(unit=unit, name=UNKNOWN).exists()
    again = plan_import_file(path=write_document(tmp_path), year=2013, by=coordinator)
    assert unresolved_names(again) == []
    assigned = Assignment.objects.get(task__plan=again, name_as_written=UNKNOWN)
    assert assigned.unit == unit


def test_mapping_onto_a_unit_already_on_the_task_withdraws_the_duplicate(small_plan, coordinator):
    # 2.1 names 省改革试点协调中心 and 省发展改革委; mapping the first onto the second leaves one.
    unit = Unit.objects.get(name="甘肃省发展和改革委员会")
    name_map_to_unit(plan=small_plan, name=UNKNOWN, unit=unit, by=coordinator, remember=False)
    task = small_plan.tasks.get(path="2.1")
    active = task.assignments.filter(withdrawn=False)
    assert [a.unit_id for a in active] == [unit.pk]
    assert not UnitAlias.objects.filter(name=UNKNOWN).exists()


def test_the_mapping_page_refuses_a_leader_and_hides_a_draft(client, leader, small_plan):
    from django.urls import reverse

    client.force_login(leader)
    response = client.post(
        reverse("plans:name-map", args=[small_plan.pk]), {"name": UNKNOWN, "unit": 1}
    )
    assert response.status_code == 404


def test_the_coordinator_maps_a_name_on_the_review_screen(client, coordinator, small_plan):
    from django.urls import reverse

    client.force_login(coordinator)
    page = client.get(reverse("plans:plan-review", args=[small_plan.pk])).content.decode()
    assert UNKNOWN in page and "待确认的单位名称" in page
    unit = Unit.objects.get(name="甘肃省财政厅")
    response = client.post(
        reverse("plans:name-map", args=[small_plan.pk]), {"name": UNKNOWN, "unit": unit.pk}
    )
    assert response.status_code == 302
    assert unresolved_names(small_plan) == []


def test_no_unit_is_pre_selected_for_an_unresolved_name(client, coordinator, tmp_path):
    from django.urls import reverse

    text = write_document(tmp_path).read_text().replace(UNKNOWN, "省发展改革委员会体改处")
    plan = plan_import_file(path=write_document(tmp_path, text, "c.txt"), year=2013, by=coordinator)
    client.force_login(coordinator)
    page = client.get(reverse("plans:plan-review", args=[plan.pk])).content.decode()
    form = page[page.index('name="unit"') : page.index("</select>", page.index('name="unit"'))]
    assert form.count(" selected") == 1
    assert '<option value="" selected>' in form
    assert "甘肃省发展和改革委员会（职能相同：发改）" in form


def test_a_choice_remembered_for_one_region_does_not_map_another_regions_plan(
    small_plan, coordinator, tmp_path
):
    from duban.directory.models import Region

    assert small_plan.region.name == "甘肃省"
    unit = Unit.objects.get(name="甘肃省发展和改革委员会")
    name_map_to_unit(plan=small_plan, name=UNKNOWN, unit=unit, by=coordinator)
    assert UnitAlias.objects.get(name=UNKNOWN).region == small_plan.region
    # Another province does not inherit Gansu's aliases (a city of Gansu would).
    other = Region.objects.create(code="510000", name="四川省", level=Region.Level.PROVINCE)
    elsewhere = plan_import_file(
        path=write_document(tmp_path), year=2013, by=coordinator, region=other
    )
    # Nor Gansu's units: 省财政厅 of a Sichuan document is Sichuan's.
    assert {entry.name for entry in unresolved_names(elsewhere)} == {
        UNKNOWN,
        "省财政厅",
        "省审计厅",
        "省发展改革委",
    }
