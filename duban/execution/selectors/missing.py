"""Reports past due and not filed, counted in SQL: periods × assignments, minus what was filed.

The rule is `reports._slots`'s (a unit owes every period from the one it was assigned in, until
the lead's completion claim is accepted; a draft is still owed), written as one query so that a
plan of any size costs one round trip: the plan's late periods are a VALUES list (at most twelve
rows), joined to its live assignments, without the slots a filed report or an accepted
completion closes. `missing_report_tally` counts them by unit and period; `missing_slots` pages
the slots themselves.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Exists, F, OuterRef, QuerySet

from duban.execution.models import ProgressReport
from duban.execution.progress import is_late, periods_of_year
from duban.plans.models import Assignment, Plan

Review = ProgressReport.Review
# A report counts once the unit has sent it; the office's answer does not unsend it.
FILED = (Review.SUBMITTED, Review.ACCEPTED, Review.RETURNED)


def accepted_completions(**filters) -> QuerySet[ProgressReport]:
    """The lead unit's accepted completion claims (not a co unit's account of its part)."""
    by_the_lead = Exists(
        Assignment.objects.leads().filter(task_id=OuterRef("task_id"), unit_id=OuterRef("unit_id"))
    )
    return ProgressReport.objects.filter(
        by_the_lead, status=ProgressReport.Status.DONE, review=Review.ACCEPTED, **filters
    )


def late_periods(plan: Plan, as_of: date) -> list[tuple[date, date]]:
    until = min(as_of, date(plan.year, 12, 31))
    periods = periods_of_year(plan.year, plan.report_cadence, until=until)
    return [(start, end) for start, end in periods if is_late(end, as_of)]


def _plan_assignments(plan: Plan):
    return (
        Assignment.objects.live()
        .published()
        .filter(unit__isnull=False, task__plan=plan)
        .values(
            a_id=F("id"),
            a_task=F("task_id"),
            a_unit=F("unit_id"),
            a_assigned_on=F("assigned_on"),
            a_position=F("position"),
            a_path=F("task__path"),
            a_region=F("task__region_id"),
        )
        .order_by()
    )


def _slots_sql(plan: Plan, periods: list[tuple[date, date]], select: str, tail: str):
    values = ", ".join(["(%s, %s)"] * len(periods))
    assignments, a_params = _plan_assignments(plan).query.sql_with_params()
    done, d_params = (
        accepted_completions(task__plan=plan)
        .values(d_task=F("task_id"), d_start=F("period_start"))
        .order_by()
        .query.sql_with_params()
    )
    reports = ProgressReport._meta.db_table
    filed = ", ".join(["%s"] * len(FILED))
    sql = f"""
        WITH periods (p_start, p_end) AS (VALUES {values}),
             a AS ({assignments}),
             done AS ({done})
        SELECT {select}
        FROM a JOIN periods p ON (a.a_assigned_on IS NULL OR a.a_assigned_on <= p.p_end)
        WHERE NOT EXISTS (
                SELECT 1 FROM {reports} r
                WHERE r.task_id = a.a_task AND r.unit_id = a.a_unit
                  AND r.period_start = p.p_start AND r.review IN ({filed}))
          AND NOT EXISTS (
                SELECT 1 FROM done d WHERE d.d_task = a.a_task AND d.d_start < p.p_start)
        {tail}"""
    params = [day for period in periods for day in period]
    return sql, [*params, *a_params, *d_params, *FILED]


@dataclass
class MissingTally:
    """Reports past due and not filed on one plan: how many per unit and per period."""

    as_of: date
    by_unit_period: dict[tuple[int, date], int] = field(default_factory=dict)
    period_ends: dict[date, date] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_unit_period.values())

    def __len__(self) -> int:
        return self.total

    def in_period(self, start: date) -> int:
        return sum(n for (_, s), n in self.by_unit_period.items() if s == start)

    def seen_on(self, as_of: date) -> "MissingTally":
        """The tally as it stood on `as_of` (a day not after the tally's): the periods late then."""
        if as_of > self.as_of:
            raise ValueError(f"A tally of {self.as_of} cannot tell what is missing on {as_of}")
        ends = {s: e for s, e in self.period_ends.items() if is_late(e, as_of)}
        counts = {key: n for key, n in self.by_unit_period.items() if key[1] in ends}
        return MissingTally(as_of, counts, ends)

    def by_unit(self) -> dict[int, tuple[int, date]]:
        """unit id → (reports missing, the oldest period missing)."""
        units: dict[int, list] = defaultdict(lambda: [0, None])
        for (unit_id, start), n in self.by_unit_period.items():
            row = units[unit_id]
            row[0] += n
            row[1] = start if row[1] is None else min(row[1], start)
        return {unit_id: (n, oldest) for unit_id, (n, oldest) in units.items()}


def missing_report_tally(*, plan: Plan, as_of: date) -> MissingTally:
    """Count the reports of `plan` past due on `as_of` and not filed, in one query."""
    periods = late_periods(plan, as_of)
    tally = MissingTally(as_of, period_ends=dict(periods))
    if not periods:
        return tally
    sql, params = _slots_sql(
        plan,
        periods,
        "a.a_unit, p.p_start, COUNT(*)",
        "GROUP BY a.a_unit, p.p_start",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for unit_id, start, n in cursor.fetchall():
            tally.by_unit_period[(unit_id, _as_date(start))] = n
    return tally


def missing_slots(
    *, plan: Plan, as_of: date, limit: int | None = None, offset: int = 0
) -> list[tuple[int, date]]:
    """(assignment id, period start) of each missing report, in the plan's order, paged."""
    periods = late_periods(plan, as_of)
    if not periods:
        return []
    page = "" if limit is None else f"LIMIT {int(limit)} OFFSET {int(offset)}"
    sql, params = _slots_sql(
        plan,
        periods,
        "a.a_id, p.p_start",
        f"ORDER BY a.a_region, a.a_path, a.a_position, a.a_id, p.p_start {page}",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(a_id, _as_date(start)) for a_id, start in cursor.fetchall()]


def missing_task_paths(*, plan: Plan, as_of: date) -> dict[int, list[str]]:
    """unit id → the paths of the tasks it has a missing report on, in path order."""
    periods = late_periods(plan, as_of)
    if not periods:
        return {}
    sql, params = _slots_sql(
        plan, periods, "DISTINCT a.a_unit, a.a_region, a.a_path", "ORDER BY a.a_region, a.a_path"
    )
    paths: dict[int, list[str]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for unit_id, _region, path in cursor.fetchall():
            if path not in paths[unit_id]:
                paths[unit_id].append(path)
    return paths


def _as_date(value) -> date:
    # SQLite hands a VALUES date back as the text it was bound as.
    return value if isinstance(value, date) else date.fromisoformat(value)
