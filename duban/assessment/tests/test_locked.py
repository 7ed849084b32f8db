"""A locked assessment never changes, whatever the path: service, page, admin, command, a stray
`save()` or `QuerySet.update()`. Recomputing makes a new version and leaves the locked one."""

from datetime import date
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from duban.assessment.models import Assessment, Frozen, Score, ScoreLine
from duban.assessment.services import (
    assessment_compute,
    assessment_lock,
    assessment_publish,
    objection_file,
)
from duban.audit.services import DomainError

DEC_31 = date(2012, 12, 31)


@pytest.fixture
def locked(small_plan, coordinator) -> Assessment:
    assessment = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    return assessment_lock(assessment=assessment, by=coordinator)


def snapshot(assessment: Assessment) -> list:
    """Everything in the version: its row, its scores and every line."""
    row = Assessment.objects.filter(pk=assessment.pk).values("status", "as_of", "rules", "digest")
    scores = Score.objects.filter(assessment=assessment).values_list("unit_id", "total", "rank")
    lines = ScoreLine.objects.filter(score__assessment=assessment).values_list(
        "score_id", "component", "label", "points"
    )
    return [list(row), sorted(scores), sorted(lines)]


def test_the_service_refuses_to_lock_twice_and_recompute_makes_a_new_version(
    locked, coordinator, set_points
):
    before = snapshot(locked)
    with pytest.raises(Frozen):
        assessment_lock(assessment=locked, by=coordinator)
    set_points(locked.plan, "plan_on_time", "30")
    newer = assessment_compute(plan=locked.plan, as_of=DEC_31, by=coordinator)
    assert newer.number == locked.number + 1 and newer.status == Assessment.Status.DRAFT
    assert snapshot(locked) == before


def test_a_raw_save_of_the_assessment_or_a_score_or_a_line_is_refused(locked):
    locked.as_of = date(2012, 6, 30)
    with pytest.raises(Frozen):
        locked.save()
    score = locked.scores.first()
    score.total = D("100")
    with pytest.raises(Frozen):
        score.save()
    line = ScoreLine.objects.filter(score=score).first()
    line.points = D("100")
    with pytest.raises(Frozen):
        line.save()
    with pytest.raises(Frozen):
        line.delete()


def test_queryset_updates_and_deletes_are_refused(locked):
    before = snapshot(locked)
    with pytest.raises(Frozen):
        Assessment.objects.filter(pk=locked.pk).update(status="draft")
    with pytest.raises(Frozen):
        Score.objects.filter(assessment=locked).update(total=D("100"))
    with pytest.raises(Frozen):
        ScoreLine.objects.filter(score__assessment=locked).update(points=0)
    with pytest.raises(Frozen):
        ScoreLine.objects.filter(score__assessment=locked).delete()
    with pytest.raises(Frozen):
        Assessment.objects.filter(pk=locked.pk).delete()
    score = locked.scores.first()
    with pytest.raises(Frozen):
        ScoreLine.objects.bulk_create(
            [ScoreLine(score=score, component="x", label="x", achieved=1, points=5)]
        )
    with pytest.raises(Frozen):
        Score.objects.bulk_create(
            [Score(assessment=locked, unit=score.unit, group="unit", total=1, rank=1)]
        )
    assert snapshot(locked) == before


def test_publishing_is_the_one_change_a_locked_version_takes(locked, coordinator):
    published = assessment_publish(assessment=locked, by=coordinator)
    assert Assessment.objects.get(pk=locked.pk).status == "published"
    published.status = Assessment.Status.LOCKED
    with pytest.raises(Frozen):
        published.save(update_fields=["status"])
    with pytest.raises(Frozen):
        assessment_publish(assessment=published, by=coordinator)


def test_the_lock_page_refuses_a_second_lock_and_changes_nothing(locked, client, coordinator):
    before = snapshot(locked)
    client.force_login(coordinator)
    response = client.post(reverse("assessment:assessment-lock", args=[locked.pk]), follow=True)
    assert response.status_code == 200
    assert "只有草稿可以锁定" in response.content.decode()
    assert snapshot(locked) == before


def test_the_compute_page_makes_a_new_version_and_leaves_the_locked_one(
    locked, client, coordinator
):
    before = snapshot(locked)
    client.force_login(coordinator)
    # A later date: a different record, so a different result.
    url = reverse("assessment:compute", args=[locked.plan_id])
    response = client.post(url, {"as_of": "2012-11-30"})
    newer = Assessment.objects.filter(plan=locked.plan).order_by("-number").first()
    assert response.status_code == 302 and newer.number == locked.number + 1
    assert snapshot(locked) == before


def test_the_admin_refuses_to_change_or_delete_a_locked_version(locked, client, admin_user):
    before = snapshot(locked)
    client.force_login(admin_user)
    change = reverse("admin:assessment_assessment_change", args=[locked.pk])
    assert client.post(change, {"status": "draft", "as_of": "2012-06-30"}).status_code == 403
    delete = reverse("admin:assessment_assessment_delete", args=[locked.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    score = locked.scores.first()
    change_score = reverse("admin:assessment_score_change", args=[score.pk])
    assert client.post(change_score, {"total": "100"}).status_code == 403
    assert snapshot(locked) == before


def test_the_command_leaves_a_locked_version_as_it_is(locked):
    before = snapshot(locked)
    out = StringIO()
    call_command("assess", str(locked.plan_id), "--as-of", "2012-12-31", stdout=out)
    # Same record, same rules: the locked version stands and is printed.
    assert f"第{locked.number}版（已锁定）" in out.getvalue()
    call_command("assess", str(locked.plan_id), "--as-of", "2012-11-30", stdout=StringIO())
    assert Assessment.objects.filter(plan=locked.plan).count() == 2
    assert snapshot(locked) == before


def test_objections_are_refused_once_published(locked, coordinator, caizheng):
    score = locked.scores.get(unit=caizheng.unit)
    objection_file(score=score, reason="1月报告已按时报送", by=caizheng)
    assessment_publish(assessment=locked, by=coordinator)
    score.assessment.refresh_from_db()
    with pytest.raises(DomainError):
        objection_file(score=score, reason="再议", by=caizheng)
