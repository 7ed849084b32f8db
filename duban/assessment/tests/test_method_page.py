"""The published method: every rule and weight in force, read without writing anything."""

from datetime import date

from django.urls import reverse

from duban.assessment.models import Scheme
from duban.assessment.services import assessment_compute


def test_the_method_shows_every_component_and_weight_and_writes_nothing(small_plan, client, leader):
    client.force_login(leader)
    html = client.get(reverse("assessment:method", args=[small_plan.pk])).content.decode()
    for label, points in [
        ("实施方案按时报送", "10"),
        ("进展报告按时报送", "20"),
        ("年内任务按期完成", "30"),
    ]:
        assert label in html and points in html
    assert "每次0.5分" in html and "牵头任务的记录权重为1" in html
    assert not Scheme.objects.filter(plan=small_plan).exists()


def test_a_versions_method_shows_the_rules_it_was_computed_with(
    small_plan, client, coordinator, set_points
):
    first = assessment_compute(plan=small_plan, as_of=date(2012, 12, 31), by=coordinator)
    set_points(small_plan, "reports_on_time", "35")
    client.force_login(coordinator)
    url = reverse("assessment:method", args=[small_plan.pk])
    then = client.get(url, {"version": first.pk}).content.decode()
    now = client.get(url).content.decode()
    assert 'data-measure="reports_on_time"' in then
    assert ">20.00<" in then and ">35.00<" in now


def test_the_ranking_and_a_breakdown_take_a_fixed_number_of_queries(
    small_plan, client, coordinator, django_assert_max_num_queries
):
    assessment = assessment_compute(plan=small_plan, as_of=date(2012, 12, 31), by=coordinator)
    score = assessment.scores.first()
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("assessment:assessment", args=[assessment.pk])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("assessment:score", args=[score.pk])).status_code == 200
