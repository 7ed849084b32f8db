"""A remembered alias holds for its region only, and the coordinator can withdraw a wrong one."""

import pytest
from django.urls import reverse

from duban.audit.services import DomainError
from duban.directory.models import Region, Unit, UnitAlias
from duban.directory.selectors import name_index
from duban.directory.services import unit_add_alias, unit_alias_withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture
def lanzhou_finance() -> Unit:
    return Unit.objects.create(
        name="兰州市财政局",
        short_name="兰州市财政局",
        kind=Unit.Kind.DEPARTMENT,
        region=Region.objects.get(name="兰州市"),
    )


@pytest.fixture
def remembered(lanzhou_finance, coordinator) -> UnitAlias:
    region = lanzhou_finance.region
    return unit_add_alias(unit=lanzhou_finance, name="市财政局", region=region, by=coordinator)


def test_an_alias_remembered_in_one_city_resolves_there_only(remembered, lanzhou_finance):
    tianshui = Region.objects.get(name="天水市")
    province = Region.objects.get(parent__isnull=True)
    assert name_index(lanzhou_finance.region).resolve("市财政局").unit == lanzhou_finance.pk
    assert name_index(tianshui).resolve("市财政局").unit is None
    assert name_index(province).resolve("市财政局").unit is None
    assert name_index().resolve("市财政局").unit is None


def test_the_same_name_may_mean_another_unit_in_another_city(remembered, coordinator):
    tianshui = Region.objects.get(name="天水市")
    other = Unit.objects.create(
        name="天水市财政局", short_name="天水市财政局", kind=Unit.Kind.DEPARTMENT, region=tianshui
    )
    unit_add_alias(unit=other, name="市财政局", region=tianshui, by=coordinator)
    assert name_index(tianshui).resolve("市财政局").unit == other.pk
    assert name_index(remembered.region).resolve("市财政局").unit == remembered.unit_id


def test_withdrawing_an_alias_restores_the_suggestion_list(
    remembered, coordinator, lanzhou_finance
):
    region = lanzhou_finance.region
    assert name_index(region).resolve("市财政局").certain
    unit_alias_withdraw(alias=remembered, by=coordinator, reason="认错了单位")
    resolution = name_index(region).resolve("市财政局")
    assert resolution.unit is None
    assert [s.full_name for s in resolution.suggestions] == ["兰州市财政局"]
    remembered.refresh_from_db()
    assert remembered.withdrawn
    assert remembered.history.first().history_change_reason == "认错了单位"


def test_a_withdrawal_needs_a_reason_and_happens_once(remembered, coordinator):
    with pytest.raises(DomainError):
        unit_alias_withdraw(alias=remembered, by=coordinator, reason=" ")
    unit_alias_withdraw(alias=remembered, by=coordinator, reason="认错")
    with pytest.raises(DomainError):
        unit_alias_withdraw(alias=remembered, by=coordinator, reason="认错")


def test_a_withdrawn_alias_can_be_remembered_again_for_another_unit(remembered, coordinator):
    unit_alias_withdraw(alias=remembered, by=coordinator, reason="认错")
    right = Unit.objects.create(
        name="兰州市财政局（新）",
        short_name="兰州财政",
        kind=Unit.Kind.DEPARTMENT,
        region=remembered.region,
    )
    again = unit_add_alias(unit=right, name="市财政局", region=remembered.region, by=coordinator)
    assert name_index(remembered.region).resolve("市财政局").unit == right.pk
    assert again.pk != remembered.pk


# --- the review page --------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["coordinator", "admin_user"])
def test_the_reviewers_see_every_alias(client, request, persona, remembered):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(reverse("directory:aliases")).content.decode()
    assert "市财政局" in page and "兰州市" in page


@pytest.mark.parametrize("persona", ["fagai", "leader", "viewer", "lanzhou"])
def test_nobody_else_reaches_the_aliases(client, request, persona, remembered):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("directory:aliases")).status_code == 404
    url = reverse("directory:alias-withdraw", args=[remembered.pk])
    assert client.post(url, {"reason": "试探"}).status_code == 404
    remembered.refresh_from_db()
    assert not remembered.withdrawn


def test_the_coordinator_withdraws_from_the_page(client, coordinator, remembered):
    client.force_login(coordinator)
    url = reverse("directory:alias-withdraw", args=[remembered.pk])
    response = client.post(url, {"reason": "认错了单位"})
    assert response.status_code == 302
    remembered.refresh_from_db()
    assert remembered.withdrawn


def test_a_withdrawal_without_a_reason_is_refused_on_the_page(client, coordinator, remembered):
    client.force_login(coordinator)
    url = reverse("directory:alias-withdraw", args=[remembered.pk])
    response = client.post(url, {"reason": ""}, follow=True)
    assert "请写明撤销原因" in response.content.decode()
    remembered.refresh_from_db()
    assert not remembered.withdrawn


def test_the_login_is_required(client, remembered):
    assert client.get(reverse("directory:aliases")).status_code == 302
