"""Writes on the assessment: the scheme and its weights, breakthrough ratings, computing a
version, locking and publishing it, objections and their answers.

Computing never changes an existing version: it makes version n+1 (or returns the latest one
when the record and the rules give exactly the same result, so running it twice is harmless).
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from duban.assessment import scoring
from duban.assessment.measures import DEFAULT_DEDUCTION, DEFAULT_RATE, DEFAULTS
from duban.assessment.models import (
    Assessment,
    BreakthroughRating,
    Component,
    Frozen,
    Objection,
    Scheme,
    Score,
    ScoreLine,
)
from duban.assessment.selectors import assessed_units
from duban.audit import services as audit
from duban.directory.models import User
from duban.lib import measures, progress
from duban.lib.clock import today
from duban.plans.models import Plan, Task

Status = Assessment.Status


# ---- The scheme ---------------------------------------------------------------------------


def _defaults(measure: measures.Measure) -> tuple[str, str]:
    fallback = DEFAULT_DEDUCTION if measure.kind == measures.DEDUCTION else DEFAULT_RATE
    return DEFAULTS.get(measure.key, fallback)


@transaction.atomic
def scheme_ensure(*, plan: Plan, by: User | None) -> Scheme:
    """The plan's scheme, created with the default components on first use; a measure
    registered since (another app's) joins it with its default weight."""
    scheme = Scheme.objects.filter(plan=plan).first()
    if scheme is None:
        scheme = audit.save(Scheme(plan=plan), by=by, reason="考核方案按默认设置建立")
    have = set(scheme.components.values_list("measure", flat=True))
    position = scheme.components.count()
    for measure in measures.measures():
        if measure.key in have:
            continue
        position += 1
        weight, cap = _defaults(measure)
        audit.save(
            Component(
                scheme=scheme,
                measure=measure.key,
                label=str(measure.label),
                kind=measure.kind,
                weight=Decimal(weight),
                cap=Decimal(cap) if cap else None,
                position=position,
            ),
            by=by,
            reason="考核项目按默认设置加入",
        )
    return scheme


@transaction.atomic
def scheme_update(
    *,
    scheme: Scheme,
    lead_weight: Decimal,
    co_weight: Decimal,
    components: dict[int, tuple[Decimal, Decimal | None]],
    seen_version: int,
    by: User,
) -> Scheme:
    """Set the role weights and each component's points (and cap); versions already computed
    keep the rules they were computed with."""
    if lead_weight <= 0:
        raise audit.DomainError(_("牵头单位权重须大于0。"))
    scheme.lead_weight, scheme.co_weight = lead_weight, co_weight
    audit.save(scheme, by=by, fields=["lead_weight", "co_weight"], seen_version=seen_version)
    for component in scheme.components.filter(pk__in=list(components)):
        weight, cap = components[component.pk]
        if (component.weight, component.cap) == (weight, cap):
            continue
        component.weight, component.cap = weight, cap
        audit.save(component, by=by, fields=["weight", "cap"])
    return scheme


def scheme_rules(scheme: Scheme) -> scoring.Rules:
    """The rules in force: components with points, whose measure is registered."""
    components = tuple(
        scoring.Rule(c.measure, c.label, c.kind, c.weight, c.cap)
        for c in scheme.components.order_by("position")
        if c.weight > 0 and measures.get(c.measure) is not None
    )
    return scoring.Rules(components, scheme.lead_weight, scheme.co_weight)


def scheme_preview(plan: Plan) -> scoring.Rules:
    """The rules the next computation would use, without writing anything: the plan's scheme,
    plus any measure registered since with its default points (or the defaults altogether)."""
    scheme = Scheme.objects.filter(plan=plan).first() or Scheme(plan=plan)
    rules = scheme_rules(scheme) if scheme.pk else scoring.Rules(())
    have = set(scheme.components.values_list("measure", flat=True)) if scheme.pk else set()
    joining = []
    for measure in measures.measures():
        weight, cap = _defaults(measure)
        if measure.key not in have and Decimal(weight) > 0:
            rule = scoring.Rule(measure.key, str(measure.label), measure.kind, Decimal(weight))
            joining.append(replace(rule, cap=Decimal(cap) if cap else None))
    return replace(
        rules,
        components=rules.components + tuple(joining),
        lead_weight=scheme.lead_weight,
        co_weight=scheme.co_weight,
    )


# ---- Breakthrough ratings -----------------------------------------------------------------


@transaction.atomic
def breakthrough_rate(
    *, task: Task, rating: Decimal, reason: str, by: User, seen_version: int | None = None
) -> BreakthroughRating:
    """The coordinator's rating (0–1) of a multi-year task's breakthrough, with its reason."""
    if task.kind != Task.Kind.MULTI_YEAR:
        raise audit.DomainError(_("只有跨年度任务评定突破程度。"))
    if not 0 <= rating <= 1:
        raise audit.DomainError(_("突破程度须在0到1之间。"))
    if not reason.strip():
        raise audit.DomainError(_("请写明评定理由。"))
    existing = BreakthroughRating.objects.filter(task=task).first()
    record = existing or BreakthroughRating(task=task)
    record.rating, record.reason = rating, reason.strip()
    record.rated_by, record.rated_on = by, today()
    if existing is None:
        return audit.save(record, by=by, reason="评定跨年度任务突破")
    fields = ["rating", "reason", "rated_by", "rated_on"]
    return audit.save(record, by=by, fields=fields, seen_version=seen_version)


# ---- Versions -----------------------------------------------------------------------------


def measure_all(rules: scoring.Rules, *, plan: Plan, as_of: date) -> dict:
    return {
        rule.measure: list(measures.get(rule.measure).lines(plan=plan, as_of=as_of))
        for rule in progress.track(rules.components, "考核计分")
    }


@transaction.atomic
def assessment_compute(*, plan: Plan, as_of: date, by: User | None) -> Assessment:
    """Score every assessed unit and city of `plan` from the record as of `as_of`.

    Makes version n+1 as a draft, unless the latest version has the same date and exactly the
    same result (then that one is returned). A locked version is never touched.
    """
    rules = scheme_rules(scheme_ensure(plan=plan, by=by))
    results = scoring.score_units(
        rules, measure_all(rules, plan=plan, as_of=as_of), assessed_units(plan)
    )
    fingerprint = scoring.digest(rules, results)
    latest = Assessment.objects.filter(plan=plan).order_by("-number").first()
    if latest and latest.as_of == as_of and latest.digest == fingerprint:
        return latest
    number = (Assessment.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0) + 1
    assessment = audit.save(
        Assessment(
            plan=plan,
            number=number,
            as_of=as_of,
            rules=rules.as_json(),
            digest=fingerprint,
            computed_by=by if getattr(by, "pk", None) else None,
        ),
        by=by,
        reason=f"按{as_of:%Y-%m-%d}的记录计算第{number}版",
    )
    _store(assessment, results)
    return assessment


def _store(assessment: Assessment, results: list[scoring.UnitResult]) -> None:
    scores = Score.objects.bulk_create(
        Score(assessment=assessment, unit_id=r.unit_id, group=r.group, total=r.total, rank=r.rank)
        for r in results
    )
    ScoreLine.objects.bulk_create(
        ScoreLine(
            score=score,
            component=line.measure,
            label=line.label[:300],
            link=line.link[:300],
            role=line.role,
            achieved=line.achieved,
            points=line.points,
            lost=line.lost,
        )
        for score, result in zip(scores, results, strict=True)
        for line in result.lines
    )


def _transition(assessment: Assessment, expected: str, message: str) -> None:
    # Read the stored status: the object in hand may be stale.
    stored = Assessment.objects.filter(pk=assessment.pk).values_list("status", flat=True).first()
    if stored != expected:
        raise Frozen(message) if stored in ("locked", "published") else audit.DomainError(message)


@transaction.atomic
def assessment_lock(*, assessment: Assessment, by: User) -> Assessment:
    """Freeze a draft: from now on nothing in it changes; recomputing makes a new version."""
    _transition(assessment, Status.DRAFT, _("只有草稿可以锁定；已锁定的结果请重新计算生成新版本。"))
    assessment.status = Status.LOCKED
    assessment.locked_at, assessment.locked_by = timezone.now(), by
    return audit.save(
        assessment, by=by, fields=["status", "locked_at", "locked_by"], reason="锁定考核结果"
    )


@transaction.atomic
def assessment_publish(*, assessment: Assessment, by: User) -> Assessment:
    """Publish a locked version to the leadership and every unit."""
    _transition(assessment, Status.LOCKED, _("只有已锁定的考核结果可以公布。"))
    assessment.status = Status.PUBLISHED
    assessment.published_at = timezone.now()
    return audit.save(assessment, by=by, fields=["status", "published_at"], reason="公布考核结果")


# ---- Objections ---------------------------------------------------------------------------


@transaction.atomic
def objection_file(*, score: Score, reason: str, component: str = "", by: User) -> Objection:
    """A unit's objection to its own breakdown, before the result is published."""
    if score.assessment.status == Status.PUBLISHED:
        raise audit.DomainError(_("考核结果已公布，不再受理异议。"))
    if not reason.strip():
        raise audit.DomainError(_("请写明异议理由。"))
    if component and component not in {c["measure"] for c in score.assessment.rules["components"]}:
        raise audit.DomainError(_("考核项目不在本版方案中。"))
    objection = Objection(
        score=score, component=component, reason=reason.strip(), filed_by=by, filed_on=today()
    )
    return audit.save(objection, by=by, reason="提出考核异议")


@transaction.atomic
def objection_answer(
    *, objection: Objection, answer: str, seen_version: int, by: User
) -> Objection:
    """The coordinator's answer; the objection is then no longer owed."""
    if not answer.strip():
        raise audit.DomainError(_("请填写答复内容。"))
    if objection.status == Objection.Status.ANSWERED:
        raise audit.DomainError(_("该异议已答复。"))
    objection.answer, objection.status = answer.strip(), Objection.Status.ANSWERED
    objection.answered_by, objection.answered_on = by, today()
    fields = ["answer", "status", "answered_by", "answered_on"]
    return audit.save(objection, by=by, fields=fields, seen_version=seen_version)
