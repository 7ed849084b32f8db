"""Every assessment page for every demo account: who gets it, who is refused, and how.

Ranking and versions: the office and leaders always, units once published. A breakdown: its
own unit, the office, leaders; another unit's is a 404. Every write is the office's, except an
objection, which is the unit's editors' own.
"""

from datetime import date

import pytest
from django.urls import reverse

from duban.assessment.models import Objection
from duban.assessment.services import assessment_compute, assessment_lock, assessment_publish
from duban.web.tests.personas import PERSONAS, REFUSED, get_as

DEC_31 = date(2012, 12, 31)
READERS = {"coordinator", "leader"}
UNIT_STAFF = {"caizheng", "viewer"}  # 省财政厅, assessed on 1.1.1 and 1.2.1


@pytest.fixture
def draft(small_plan, coordinator):
    return assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)


@pytest.fixture
def accounts(demo_accounts):
    return {name: demo_accounts[name] for name in PERSONAS}


@pytest.mark.parametrize("name", PERSONAS)
def test_the_plan_hub_and_method_are_open_to_every_business_account(name, accounts, draft, client):
    for url in (
        reverse("assessment:plan", args=[draft.plan_id]),
        reverse("assessment:method", args=[draft.plan_id]),
    ):
        status, _html = get_as(client, accounts[name], url)
        assert (status == 200) == (name != "admin"), url
        if name == "admin":
            assert status in REFUSED


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_office_sets_the_scheme(name, accounts, draft, client):
    status, _html = get_as(
        client, accounts[name], reverse("assessment:scheme", args=[draft.plan_id])
    )
    assert status == 200 if name == "coordinator" else status in REFUSED


@pytest.mark.parametrize("name", PERSONAS)
def test_a_draft_ranking_is_for_the_office_and_leaders(name, accounts, draft, client):
    client.force_login(accounts[name])
    for view in ("assessment:assessment", "assessment:assessment-xlsx"):
        status = client.get(reverse(view, args=[draft.pk])).status_code
        assert status == 200 if name in READERS else status in REFUSED


@pytest.mark.parametrize("name", PERSONAS)
def test_a_published_ranking_is_for_every_unit_too(name, accounts, draft, client, coordinator):
    assessment_publish(assessment=assessment_lock(assessment=draft, by=coordinator), by=coordinator)
    status, _html = get_as(
        client, accounts[name], reverse("assessment:assessment", args=[draft.pk])
    )
    assert status == 200 if name != "admin" else status in REFUSED


@pytest.mark.parametrize("name", PERSONAS)
def test_a_breakdown_is_for_its_own_unit_the_office_and_leaders(
    name, accounts, draft, client, finance_unit
):
    score = draft.scores.get(unit=finance_unit)
    status, html = get_as(client, accounts[name], reverse("assessment:score", args=[score.pk]))
    if name in READERS | UNIT_STAFF:
        assert status == 200
        assert ('id="objection-form"' in html) == (name == "caizheng")
    else:
        # fagai and lanzhou are assessed too, but this is not their breakdown.
        assert status == 404


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_units_editor_objects(name, accounts, draft, client, finance_unit):
    score = draft.scores.get(unit=finance_unit)
    client.force_login(accounts[name])
    url = reverse("assessment:objection-create", args=[score.pk])
    response = client.post(url, {"reason": "1月报告已按时报送", "component": "reports_on_time"})
    if name == "caizheng":
        assert response.status_code == 302
        assert Objection.objects.get(score=score).component == "reports_on_time"
    else:
        assert response.status_code in REFUSED
        assert not Objection.objects.filter(score=score).exists()


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_office_answers(name, accounts, draft, client, finance_unit, caizheng):
    from duban.assessment.services import objection_file

    objection = objection_file(
        score=draft.scores.get(unit=finance_unit), reason="有误", by=caizheng
    )
    url = reverse("assessment:objection-detail", args=[objection.pk])
    status, html = get_as(client, accounts[name], url)
    readable = name in READERS | UNIT_STAFF
    assert status == 200 if readable else status == 404
    response = client.post(url, {"answer": "已核实", "version": objection.version})
    objection.refresh_from_db()
    if name == "coordinator":
        assert response.status_code == 302 and objection.status == "answered"
    else:
        assert response.status_code in REFUSED and objection.status == "open"


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_office_computes_locks_publishes_and_rates(
    name, accounts, draft, client, reform_task
):
    client.force_login(accounts[name])
    plan_id = draft.plan_id
    posts = [
        (reverse("assessment:compute", args=[plan_id]), {"as_of": "2012-11-30"}),
        (
            reverse("assessment:rate", args=[plan_id, reform_task.pk]),
            {"rating": "1", "reason": "好"},
        ),
        (reverse("assessment:assessment-lock", args=[draft.pk]), {}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert (
            response.status_code == 302
            if name == "coordinator"
            else response.status_code in REFUSED
        )
    draft.refresh_from_db()
    assert draft.status == ("locked" if name == "coordinator" else "draft")
    publish = client.post(reverse("assessment:assessment-publish", args=[draft.pk]))
    assert publish.status_code == 302 if name == "coordinator" else publish.status_code in REFUSED
