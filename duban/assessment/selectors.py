"""Reads on the assessment: who is assessed, the versions, a ranking, one unit's breakdown."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from duban.assessment.models import Assessment, BreakthroughRating, Objection, Score, ScoreLine
from duban.assessment.scoring import Rules
from duban.directory.models import Region, Unit
from duban.plans.models import Assignment, Plan, Task


def is_city(unit: Unit) -> bool:
    """A city (市州) is assessed as its government; everything else is a provincial unit."""
    return unit.kind == Unit.Kind.GOVERNMENT and unit.region.level == Region.Level.CITY


def assessed_units(plan: Plan) -> dict[int, str]:
    """unit id → "city" or "unit": every unit with a live share (lead or co) of the plan."""
    ids = (
        Assignment.objects.live()
        .filter(task__plan=plan, unit__isnull=False)
        .values_list("unit_id", flat=True)
    )
    units = Unit.objects.filter(pk__in=set(ids)).select_related("region").order_by("name")
    return {u.pk: ("city" if is_city(u) else "unit") for u in units}


def assessments_of(plan: Plan) -> QuerySet[Assessment]:
    return Assessment.objects.filter(plan=plan).select_related("computed_by", "locked_by")


def latest_published(plan: Plan) -> Assessment | None:
    return assessments_of(plan).filter(status=Assessment.Status.PUBLISHED).first()


def latest_locked(plan: Plan) -> Assessment | None:
    """The newest locked or published version: the result that stands."""
    return assessments_of(plan).filter(status__in=("locked", "published")).first()


@dataclass
class Row:
    score: Score
    cells: list[Decimal]  # one per component, in the rules' order


@dataclass
class Table:
    assessment: Assessment
    rules: Rules
    units: list[Row]
    cities: list[Row]

    @property
    def full_marks(self) -> Decimal:
        return sum((r.weight for r in self.rules.components if r.kind == "rate"), Decimal(0))


def ranking(assessment: Assessment) -> Table:
    """Every score of the version with its per-component points, ranked within its group."""
    rules = Rules.from_json(assessment.rules)
    scores = list(assessment.scores.select_related("unit").order_by("group", "rank", "unit__name"))
    # Summed in SQL: a version holds a line per unit, task and rule, tens of thousands of them.
    lines = (
        ScoreLine.objects.filter(score__assessment=assessment)
        .values("score_id", "component")
        .annotate(points=Sum("points"))
        .order_by()
    )
    sums = {(row["score_id"], row["component"]): row["points"] for row in lines}
    rows = [
        Row(s, [sums.get((s.pk, r.measure), Decimal(0)) for r in rules.components]) for s in scores
    ]
    return Table(
        assessment,
        rules,
        [r for r in rows if r.score.group == Score.Group.UNIT],
        [r for r in rows if r.score.group == Score.Group.CITY],
    )


@dataclass
class Part:
    rule: object
    points: Decimal
    lines: list[ScoreLine]

    @property
    def lost(self) -> Decimal:
        return sum((line.lost for line in self.lines), Decimal(0))


def breakdown(score: Score) -> list[Part]:
    """The score's components in the rules' order, each with the lines that earned or lost."""
    rules = Rules.from_json(score.assessment.rules)
    lines: dict[str, list[ScoreLine]] = {}
    for line in score.lines.order_by("id"):
        lines.setdefault(line.component, []).append(line)
    return [
        Part(
            rule,
            sum((x.points for x in lines.get(rule.measure, [])), Decimal(0)),
            lines.get(rule.measure, []),
        )
        for rule in rules.components
    ]


def score_of_unit(assessment: Assessment, unit_id: int) -> Score | None:
    return assessment.scores.filter(unit_id=unit_id).select_related("unit").first()


def objections_of(assessment: Assessment) -> QuerySet[Objection]:
    return Objection.objects.filter(score__assessment=assessment).select_related(
        "score__unit", "filed_by", "answered_by"
    )


def open_objections(plan: Plan | None = None) -> QuerySet[Objection]:
    objections = Objection.objects.filter(status=Objection.Status.OPEN)
    if plan is not None:
        objections = objections.filter(score__assessment__plan=plan)
    return objections.select_related("score__assessment", "score__unit")


@dataclass
class ToRate:
    task: Task
    rating: BreakthroughRating | None


def multi_year_tasks(plan: Plan) -> list[ToRate]:
    """The plan's live multi-year units of work someone is assigned to, with their rating."""
    tasks = (
        Task.objects.active()
        .filter(plan=plan, kind=Task.Kind.MULTI_YEAR, assignments__unit__isnull=False)
        .distinct()
        .order_by("region", "path")
    )
    ratings = {r.task_id: r for r in BreakthroughRating.objects.filter(task__in=tasks)}
    return [ToRate(task, ratings.get(task.pk)) for task in tasks]
