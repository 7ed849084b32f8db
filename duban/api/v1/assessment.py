"""The year-end assessment (年度考核): the scheme and its weights, breakthrough ratings, computed
versions with their ranking, one unit's breakdown, objections and answers. Each endpoint:
`assessment.permissions.access_*` → the service the page calls. Registered from the assessment
app's `ready()`."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from duban.api.v1.common import Id, Text, Version, answers, filtered, one_of, paged
from duban.assessment import selectors, services
from duban.assessment.models import Assessment, Frozen, Objection, Scheme, Score
from duban.assessment.permissions import (
    access_assessment,
    access_objection,
    access_plan,
    access_score,
    readable_assessments,
    readable_objections,
    readable_scores,
)
from duban.assessment.scoring import Rules
from duban.audit import services as audit
from duban.plans.models import Task

router = Router(tags=["assessment"])

Points = Annotated[Decimal, Field(ge=0, le=1000, max_digits=6, decimal_places=2)]
RoleWeight = Annotated[Decimal, Field(ge=0, le=10, max_digits=4, decimal_places=2)]


# ---- shapes ------------------------------------------------------------------------------------


class RuleOut(Schema):
    measure: str
    label: str
    kind: str
    weight: Decimal
    cap: Decimal | None


class RulesOut(Schema):
    lead_weight: Decimal
    co_weight: Decimal
    components: list[RuleOut]


class SchemeOut(RulesOut):
    """The rules the next computation uses; `version` is the stored scheme's (1 before the
    office first changes it: the defaults are what it would be created with)."""

    plan_id: int
    version: int


class ComponentIn(Schema):
    measure: Annotated[str, Field(max_length=64)]
    weight: Points
    cap: Points | None = Field(None, description="deductions only: the most this item takes off")


class SchemeIn(Schema):
    version: Version
    lead_weight: Annotated[RoleWeight, Field(gt=0)]
    co_weight: RoleWeight
    components: Annotated[list[ComponentIn], Field(max_length=100)] = []


class RatingIn(Schema):
    version: Version | None = Field(None, description="the rating's version; null for a new one")
    rating: Annotated[Decimal, Field(ge=0, le=1, max_digits=3, decimal_places=2)]
    reason: Annotated[Text, Field(max_length=1000)]


class RatingOut(Schema):
    id: int
    task_id: int
    rating: Decimal
    reason: str
    rated_on: date
    version: int


class ComputeIn(Schema):
    as_of: date


class AssessmentOut(Schema):
    id: int
    plan_id: int
    number: int
    as_of: date
    status: str
    computed_at: datetime
    locked_at: datetime | None
    published_at: datetime | None


class AssessmentFilter(Schema):
    plan: Id | None = None
    status: one_of(Assessment.Status) | None = None


class RankingRowOut(Schema):
    score_id: int
    unit_id: int
    unit_name: str
    total: Decimal
    rank: int
    cells: list[Decimal] = Field(description="points per component, in the rules' order")


class AssessmentDetailOut(AssessmentOut):
    rules: RulesOut
    units: list[RankingRowOut]
    cities: list[RankingRowOut]


class ScoreOut(Schema):
    id: int
    assessment_id: int
    unit_id: int
    group: str
    total: Decimal
    rank: int


class ScoreFilter(Schema):
    assessment: Id | None = None
    unit: Id | None = None
    group: one_of(Score.Group) | None = None


class LineOut(Schema):
    label: str
    link: str
    role: str
    achieved: Decimal
    points: Decimal
    lost: Decimal


class PartOut(RuleOut):
    points: Decimal
    lost: Decimal
    lines: list[LineOut]


class ObjectionOut(Schema):
    id: int
    score_id: int
    component: str
    reason: str
    filed_on: date
    status: str
    answer: str
    answered_on: date | None
    version: int


class ObjectionFilter(Schema):
    assessment: Id | None = None
    status: one_of(Objection.Status) | None = None


class ScoreDetailOut(ScoreOut):
    parts: list[PartOut]
    objections: list[ObjectionOut]


class ObjectionIn(Schema):
    component: Annotated[str, Field(max_length=64)] = Field("", description="empty: the whole")
    reason: Annotated[Text, Field(max_length=2000)]


class AnswerIn(Schema):
    version: Version
    answer: Annotated[Text, Field(max_length=2000)]


# ---- reading the rules and the results ---------------------------------------------------------


def _rule(rule) -> dict:
    return {
        "measure": rule.measure,
        "label": rule.label,
        "kind": rule.kind,
        "weight": rule.weight,
        "cap": rule.cap,
    }


def _rules(rules: Rules) -> dict:
    return {
        "lead_weight": rules.lead_weight,
        "co_weight": rules.co_weight,
        "components": [_rule(rule) for rule in rules.components],
    }


def _scheme(plan) -> dict:
    stored = Scheme.objects.filter(plan=plan).values_list("version", flat=True).first()
    version = stored or 1
    return {**_rules(services.scheme_preview(plan)), "plan_id": plan.pk, "version": version}


def _row(row) -> dict:
    score = row.score
    name = score.unit.short_name or score.unit.name
    return {
        "score_id": score.pk,
        "unit_id": score.unit_id,
        "unit_name": name,
        "total": score.total,
        "rank": score.rank,
        "cells": row.cells,
    }


def _detail(assessment: Assessment) -> dict:
    table = selectors.ranking(assessment)
    return {
        **AssessmentOut.from_orm(assessment).dict(),
        "rules": _rules(table.rules),
        "units": [_row(row) for row in table.units],
        "cities": [_row(row) for row in table.cities],
    }


def _breakdown(score: Score) -> dict:
    parts = [
        {**_rule(part.rule), "points": part.points, "lost": part.lost, "lines": part.lines}
        for part in selectors.breakdown(score)
    ]
    return {**ScoreOut.from_orm(score).dict(), "parts": parts, "objections": score.objections.all()}


def _unfrozen(service, **kwargs) -> Assessment:
    """A locked version refuses the change: said as any other refusal of a rule."""
    try:
        return service(**kwargs)
    except Frozen as error:
        raise audit.DomainError(str(error)) from error


# ---- the scheme and the ratings ----------------------------------------------------------------


@router.get(
    "/plans/{plan_id}/assessment-scheme",
    response=answers(SchemeOut),
    operation_id="assessment_scheme_read",
)
def assessment_scheme_read(request, plan_id: Id):
    """The components, points and role weights the next computation uses (the method page)."""
    return _scheme(access_plan(request.user, plan_id))


@router.put(
    "/plans/{plan_id}/assessment-scheme",
    response=answers(SchemeOut),
    operation_id="assessment_scheme_update",
)
def assessment_scheme_update(request, plan_id: Id, payload: SchemeIn):
    """Set the role weights and the points (and caps) of the components named; versions already
    computed keep the rules they were computed with."""
    plan = access_plan(request.user, plan_id, manage=True)
    # One transaction: a refused request leaves no scheme made with the defaults behind.
    with transaction.atomic():
        scheme = services.scheme_ensure(plan=plan, by=request.user)
        by_measure = {c.measure: c for c in scheme.components.all()}
        values = {}
        for given in payload.components:
            component = by_measure.get(given.measure)
            if component is None:
                raise ValidationError({"components": _("考核项目不在本方案中。")})
            cap = given.cap if component.kind == component.Kind.DEDUCTION else None
            values[component.pk] = (given.weight, cap)
        services.scheme_update(
            scheme=scheme,
            lead_weight=payload.lead_weight,
            co_weight=payload.co_weight,
            components=values,
            seen_version=payload.version,
            by=request.user,
        )
    return _scheme(plan)


@router.put(
    "/plans/{plan_id}/tasks/{task_id}/breakthrough-rating",
    response=answers(RatingOut),
    operation_id="breakthrough_rate",
)
def breakthrough_rate(request, plan_id: Id, task_id: Id, payload: RatingIn):
    """The office's rating (0–1) of a multi-year task's breakthrough this year, with its reason."""
    plan = access_plan(request.user, plan_id, manage=True)
    task = get_object_or_404(Task.objects.active(), plan=plan, pk=task_id)
    return services.breakthrough_rate(
        task=task,
        rating=payload.rating,
        reason=payload.reason,
        seen_version=payload.version,
        by=request.user,
    )


# ---- versions ----------------------------------------------------------------------------------


@router.post(
    "/plans/{plan_id}/assessments",
    response=answers(AssessmentDetailOut, 201),
    operation_id="assessment_compute",
)
def assessment_compute(request, plan_id: Id, payload: ComputeIn):
    """Score every assessed unit and city from the record as of `as_of`: a new draft version, or
    the latest one unchanged when the record and the rules give exactly the same result."""
    plan = access_plan(request.user, plan_id, manage=True)
    made = services.assessment_compute(plan=plan, as_of=payload.as_of, by=request.user)
    return Status(201, _detail(made))


@router.get("/assessments", response=answers(list[AssessmentOut]), operation_id="assessment_list")
@paged("-id")
def assessment_list(request, filters: Query[AssessmentFilter]):
    """Versions whose ranking the caller reads: all for the office and leaders, the published
    ones for a unit."""
    found = readable_assessments(request.user, Assessment.objects.all())
    return filtered(found, filters, {"plan": "plan", "status": "status"})


@router.get(
    "/assessments/{assessment_id}",
    response=answers(AssessmentDetailOut),
    operation_id="assessment_read",
)
def assessment_read(request, assessment_id: Id):
    """One version: the rules it was computed with and the ranking of units and of cities."""
    return _detail(access_assessment(request.user, assessment_id))


@router.post(
    "/assessments/{assessment_id}/lock",
    response=answers(AssessmentOut),
    operation_id="assessment_lock",
)
def assessment_lock(request, assessment_id: Id):
    """Freeze a draft: nothing in it changes again; recomputing makes a new version."""
    assessment = access_assessment(request.user, assessment_id, manage=True)
    return _unfrozen(services.assessment_lock, assessment=assessment, by=request.user)


@router.post(
    "/assessments/{assessment_id}/publish",
    response=answers(AssessmentOut),
    operation_id="assessment_publish",
)
def assessment_publish(request, assessment_id: Id):
    """Publish a locked version to the leadership and every unit."""
    assessment = access_assessment(request.user, assessment_id, manage=True)
    return _unfrozen(services.assessment_publish, assessment=assessment, by=request.user)


# ---- a unit's breakdown and its objections -----------------------------------------------------


@router.get("/assessment-scores", response=answers(list[ScoreOut]), operation_id="score_list")
@paged("id")
def score_list(request, filters: Query[ScoreFilter]):
    """Scores the caller reads: every unit's for the office and leaders, their own for a unit
    (in every version, before publication too)."""
    found = readable_scores(request.user, Score.objects.all())
    lookups = {"assessment": "assessment", "unit": "unit", "group": "group"}
    return filtered(found, filters, lookups)


@router.get(
    "/assessment-scores/{score_id}", response=answers(ScoreDetailOut), operation_id="score_read"
)
def score_read(request, score_id: Id):
    """One unit's breakdown: each component with the records that earned or lost points."""
    return _breakdown(access_score(request.user, score_id))


@router.post(
    "/assessment-scores/{score_id}/objections",
    response=answers(ObjectionOut, 201),
    operation_id="objection_file",
)
def objection_file(request, score_id: Id, payload: ObjectionIn):
    """The unit's editors object to their own breakdown until the result is published."""
    score = access_score(request.user, score_id, object=True)
    made = services.objection_file(
        score=score, reason=payload.reason, component=payload.component, by=request.user
    )
    return Status(201, made)


@router.get(
    "/assessment-objections", response=answers(list[ObjectionOut]), operation_id="objection_list"
)
@paged("-id")
def objection_list(request, filters: Query[ObjectionFilter]):
    found = readable_objections(request.user, Objection.objects.all())
    return filtered(found, filters, {"assessment": "score__assessment", "status": "status"})


@router.get(
    "/assessment-objections/{objection_id}",
    response=answers(ObjectionOut),
    operation_id="objection_read",
)
def objection_read(request, objection_id: Id):
    return access_objection(request.user, objection_id)


@router.post(
    "/assessment-objections/{objection_id}/answer",
    response=answers(ObjectionOut),
    operation_id="objection_answer",
)
def objection_answer(request, objection_id: Id, payload: AnswerIn):
    """The office's answer; the objection is then no longer owed."""
    objection = access_objection(request.user, objection_id, answer=True)
    return services.objection_answer(
        objection=objection, answer=payload.answer, seen_version=payload.version, by=request.user
    )
