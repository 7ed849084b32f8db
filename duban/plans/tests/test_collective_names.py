"""A collective name (`各市州`, `有关部门`) is mapped to the set it stands for, or left to the lead."""

import pytest
from django.urls import reverse

from duban.audit.services import DomainError
from duban.directory.collectives import collective_sets
from duban.directory.models import Unit
from duban.plans.models import Assignment
from duban.plans.selectors import unresolved_names
from duban.plans.services import name_map_to_set, plan_import_file
from duban.plans.services.publishing import publish_problems
from duban.plans.tests.conftest import write_document

pytestmark = pytest.mark.django_db

DOCUMENT = """甘肃省人民政府关于2013年县域改革工作的意见
甘政发〔2013〕2号

一、深化县域改革
（一）推进扩权强县。年底前下放一批审批事项。（省发展改革委牵头，各市州政府配合）
（二）完善考核办法。6月底前出台办法。（省财政厅、有关部门负责）

甘肃省人民政府
2013年3月1日
"""


@pytest.fixture
def plan(coordinator, tmp_path):
    return plan_import_file(path=write_document(tmp_path, DOCUMENT), year=2013, by=coordinator)


def shares(plan, path):
    live = Assignment.objects.filter(task__plan=plan, task__path=path, withdrawn=False)
    return list(live.select_related("unit").order_by("pk"))


def test_collective_names_wait_for_a_decision_and_block_publishing(plan):
    entries = {entry.name: entry for entry in unresolved_names(plan)}
    assert set(entries) == {"各市州政府", "有关部门"}
    assert all(entry.collective for entry in entries.values())
    assert len(publish_problems(plan)) == 2


def test_the_region_offers_its_cities_and_its_departments(plan):
    sets = {found.key: found for found in collective_sets(plan.region)}
    assert len(sets["cities"].units) == 14
    assert all(unit.kind == Unit.Kind.GOVERNMENT for unit in sets["cities"].units)
    assert "kind:department" in sets


def test_each_city_becomes_a_co_operating_unit(plan, coordinator):
    created = name_map_to_set(plan=plan, name="各市州政府", members="cities", by=coordinator)
    assert created == 14
    co = [share for share in shares(plan, "1.1") if share.role == Assignment.Role.CO]
    assert len(co) == 14
    assert {share.name_as_written for share in co} == {"各市州政府"}
    written = Assignment.objects.get(task__path="1.1", task__plan=plan, unit__isnull=True)
    assert written.withdrawn
    assert "14个" in written.history.first().history_change_reason


def test_left_to_the_lead_the_name_no_longer_blocks_publishing(plan, coordinator):
    name_map_to_set(plan=plan, name="各市州政府", members="cities", by=coordinator)
    assert name_map_to_set(plan=plan, name="有关部门", members="lead", by=coordinator) == 0
    assert [unit.unit.short_name for unit in shares(plan, "1.2")] == ["省财政厅"]
    assert unresolved_names(plan) == []
    assert publish_problems(plan) == []


def test_an_unknown_set_is_refused_and_nothing_changes(plan, coordinator):
    with pytest.raises(DomainError):
        name_map_to_set(plan=plan, name="各市州政府", members="galaxies", by=coordinator)
    assert len(unresolved_names(plan)) == 2


def test_the_review_page_offers_the_sets_and_maps_through_them(client, coordinator, plan):
    client.force_login(coordinator)
    page = client.get(reverse("plans:plan-review", args=[plan.pk])).content.decode()
    assert 'name="members"' in page and "本区域各市州人民政府（14个）" in page
    assert page.count('<datalist id="directory-units">') == 1
    url = reverse("plans:name-map", args=[plan.pk])
    client.post(url, {"name": "各市州政府", "members": "cities"})
    client.post(url, {"name": "有关部门", "members": "lead"})
    assert unresolved_names(plan) == []


def test_a_unit_typed_by_its_full_name_is_mapped(client, coordinator, plan):
    client.force_login(coordinator)
    url = reverse("plans:name-map", args=[plan.pk])
    client.post(url, {"name": "有关部门", "unit_name": "甘肃省审计厅"})
    assert "甘肃省审计厅" in [share.unit.name for share in shares(plan, "1.2") if share.unit]
    response = client.post(url, {"name": "各市州政府", "unit_name": "甘肃省不存在厅"}, follow=True)
    assert "名录中没有名为“甘肃省不存在厅”的单位" in response.content.decode()


@pytest.mark.parametrize("persona", ["fagai", "leader", "viewer"])
def test_only_the_coordinator_maps_names(client, request, persona, plan):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("plans:name-map", args=[plan.pk])
    response = client.post(url, {"name": "各市州政府", "members": "cities"})
    assert response.status_code in (403, 404)
    assert len(unresolved_names(plan)) == 2


def test_a_unit_the_directory_lacks_is_created_in_the_plans_region_and_mapped(
    client, coordinator, small_plan
):
    client.force_login(coordinator)
    url = reverse("plans:name-new-unit", args=[small_plan.pk])
    response = client.post(
        url,
        {"name": "省改革试点协调中心", "full_name": "甘肃省改革试点协调中心", "kind": "department"},
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="甘肃省改革试点协调中心")
    assert unit.short_name == "省改革试点协调中心"
    assert unit.region == small_plan.region
    assert unresolved_names(small_plan) == []
    assert unit.history.first().history_user == coordinator
    again = client.post(
        url,
        {"name": "省改革试点协调中心", "full_name": "甘肃省改革试点协调中心", "kind": "department"},
        follow=True,
    )
    assert "名录中已有" in again.content.decode()


@pytest.mark.parametrize("persona", ["fagai", "leader", "viewer"])
def test_only_the_coordinator_creates_units_from_the_review_page(
    client, request, persona, small_plan
):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("plans:name-new-unit", args=[small_plan.pk])
    response = client.post(url, {"name": "X", "full_name": "甘肃省某中心", "kind": "department"})
    assert response.status_code in (403, 404)
    assert not Unit.objects.filter(name="甘肃省某中心").exists()
