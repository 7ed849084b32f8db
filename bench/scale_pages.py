"""`pages_bench.py --scale tiny|province|national`: the big pages on generated data, p50/p95.

The data is `duban demo generate --scale … --seed …` (`duban/web/generate.py`), written once
into a throwaway PostgreSQL database `duban_bench_<pid>` on DATABASE_URL's server and dropped
afterwards, or kept (and reused on the next run) with `--keep-db NAME`. Then, as of 2012-09-30:
ANALYZE, the daily scan (`supervise`, reminders for the dashboard; skipped with `--no-scan`) and
the assessment of the Gansu provincial plan (the latest published one, which the home pages
open on).

For each page: `runs` renders through Django's test `Client` as the persona who works there
after one warm-up, p50 and p95 (nearest rank), the queries of one render, and the floor: the
median of `runs` executions of hand-written SQL returning what the page shows (all rows where
the page shows all rows); ratio = p95 ÷ floor. A page slower than `--page-seconds` in all
stops early with fewer renders, and says how many it had.
"""

from __future__ import annotations

import gc
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

import pages_bench as base
from pages_bench import AS_OF, Query

SCAN_AS_OF = AS_OF


# ---- Floors of the pages the old mode does not have ------------------------------------------


def _periods_due(cadence: str) -> list:
    from duban.execution.progress import periods_of_year, report_due

    return [
        start
        for start, end in periods_of_year(2012, cadence, until=AS_OF)
        if report_due(end) < AS_OF
    ]


def missing_count_queries(plan_id: int, cadence: str) -> list[Query]:
    """Reports owed and not filed, counted per unit in SQL: what the queue and homes show."""
    starts = _periods_due(cadence) or [AS_OF]
    periods = " UNION ALL ".join("SELECT %s AS start" for _ in starts)
    sql = f"""
SELECT a.unit_id, u.short_name, COUNT(*)
FROM plans_assignment a JOIN plans_task t ON t.id = a.task_id
JOIN directory_unit u ON u.id = a.unit_id
CROSS JOIN ({periods}) p
LEFT JOIN execution_progressreport r ON r.task_id = a.task_id AND r.unit_id = a.unit_id
     AND r.period_start = p.start AND r.review IN ('submitted', 'accepted', 'returned')
WHERE t.plan_id = %s AND a.withdrawn = %s AND t.withdrawn = %s AND r.id IS NULL
GROUP BY a.unit_id, u.short_name"""
    return [(sql, [*starts, plan_id, False, False])]


LATEST_LEAD_REPORTS_SQL = """
SELECT DISTINCT ON (r.task_id) r.task_id, r.period_start, r.status, r.percent, r.review
FROM execution_progressreport r
JOIN plans_task t ON t.id = r.task_id
JOIN plans_assignment a ON a.task_id = r.task_id AND a.unit_id = r.unit_id
     AND a.role = 'lead' AND a.withdrawn = %s
WHERE t.plan_id = %s AND r.review IN ('submitted', 'accepted')
ORDER BY r.task_id, r.period_start DESC"""

UNMET_MILESTONES_SQL = """
SELECT m.task_id, m.title, m.due_date
FROM execution_milestone m JOIN plans_task t ON t.id = m.task_id
WHERE t.plan_id = %s AND m.withdrawn = %s AND m.due_date < %s
      AND (m.met_on IS NULL OR m.met_on > %s)"""


def home_queries(plan_id: int, cadence: str, *, coordinator: bool) -> list[Query]:
    # The plan at a glance as the page reads it: the roll-up's rows and each task's latest lead
    # report, the kept lights of each month's end, the unmet milestones, the missing reports
    # per unit; the coordinator's also counts the queue's sections.
    from duban.reports.selectors import month_ends

    days = month_ends(AS_OF.year, AS_OF)
    lights = STORED_LIGHTS_SQL.format(tasks="t.plan_id = %s AND t.withdrawn = %s").replace(
        "s.day = %s", f"s.day IN ({', '.join(['%s'] * len(days))})"
    )
    queries = [
        *base.progress_queries(plan_id, 0)[:2],
        (LATEST_LEAD_REPORTS_SQL, [False, plan_id]),
        (lights, [plan_id, False, *days, "zh-hans"]),
        (UNMET_MILESTONES_SQL, [plan_id, False, AS_OF, AS_OF]),
        *missing_count_queries(plan_id, cadence),
    ]
    if coordinator:
        queries += queue_queries(plan_id, cadence)[1:4]
    return queries


STORED_LIGHTS_SQL = """
SELECT s.task_id, s.colour, s.reasons
FROM supervision_storedlight s JOIN plans_task t ON t.id = s.task_id
LEFT JOIN supervision_lightstamp v ON v.task_id = s.task_id
WHERE {tasks} AND s.day = %s AND s.language = %s AND s.version = COALESCE(v.version, 0)"""

AREA_TREE_SQL = base.TREE_SQL.replace(
    "t.withdrawn = %s", "t.withdrawn = %s AND (t.path = %s OR t.path LIKE %s)"
)


def first_area(plan_id: int) -> str:
    from duban.plans.models import Task
    from duban.plans.tree import path_key

    paths = Task.objects.filter(plan_id=plan_id, level=1, region__isnull=True, withdrawn=False)
    return min(paths.values_list("path", flat=True), key=path_key)


def tree_area_queries(plan_id: int) -> list[Query]:
    """The plan tree past 300 units of work: its areas, the first area's rows, their lights."""
    area = first_area(plan_id)
    of_area = base.PROVINCIAL + " AND (t.path = %s OR t.path LIKE %s)"
    return [
        (base.PLAN_SQL, [plan_id]),
        (
            "SELECT id, path, title FROM plans_task WHERE plan_id = %s AND level = 1 "
            "AND region_id IS NULL AND withdrawn = %s",
            [plan_id, False],
        ),
        (AREA_TREE_SQL, [False, plan_id, False, area, f"{area}.%"]),
        (
            STORED_LIGHTS_SQL.format(tasks=of_area),
            [plan_id, False, area, f"{area}.%", AS_OF, "zh-hans"],
        ),
    ]


def dashboard_floor(plan_id: int) -> list[Query]:
    """The dashboard as it now reads: the kept lights and each task's latest lead report
    instead of every fact of every light (`base.dashboard_queries` has both light facts)."""
    old = base.dashboard_queries(plan_id, 0)
    live = "t.plan_id = %s AND t.withdrawn = %s"
    return [
        *old[:2],
        (STORED_LIGHTS_SQL.format(tasks=live), [plan_id, False, AS_OF, "zh-hans"]),
        (LATEST_LEAD_REPORTS_SQL, [False, plan_id]),
        *old[4:],
    ]


def queue_queries(plan_id: int, cadence: str) -> list[Query]:
    old = base.queue_queries(plan_id, 0)
    # The old floor read every assignment and report to subtract in Python; the page shows the
    # missing reports per unit, which SQL counts.
    return [*old[:4], *missing_count_queries(plan_id, cadence), old[6]]


def assessment_queries(assessment_id: int) -> list[Query]:
    return [
        ("SELECT id, plan_id, number, as_of, rules FROM assessment_assessment WHERE id = %s",
         [assessment_id]),
        ("""
SELECT s.id, s.group, s.total, s.rank, u.name, u.short_name
FROM assessment_score s JOIN directory_unit u ON u.id = s.unit_id
WHERE s.assessment_id = %s ORDER BY s.group, s.rank, u.name""".replace("s.group", 's."group"'),
         [assessment_id]),
        ("""
SELECT l.score_id, l.component, SUM(l.points) FROM assessment_scoreline l
JOIN assessment_score s ON s.id = l.score_id
WHERE s.assessment_id = %s GROUP BY l.score_id, l.component""", [assessment_id]),
    ]  # fmt: skip


def api_queries(table_sql: str, params: list) -> list[Query]:
    # One page of 50 (the API's page size) in id order, as the cursor paginator reads it.
    return [(table_sql + " ORDER BY x.id LIMIT 51", params)]


API_PLANS = "SELECT x.id, x.year, x.title, x.status, x.report_cadence, x.version FROM plans_plan x"
API_TASKS = (
    "SELECT x.id, x.plan_id, x.parent_id, x.path, x.level, x.label, x.title, x.text, x.kind, "
    "x.due_date, x.due_text, x.weight, x.region_id, x.withdrawn, x.version FROM plans_task x "
    "WHERE x.plan_id = %s AND x.withdrawn = %s"
)
API_REPORTS = (
    "SELECT x.id, x.task_id, x.unit_id, x.period_start, x.period_end, x.status, x.percent, "
    "x.work_done, x.problems, x.next_steps, x.review, x.submitted_at, x.version "
    "FROM execution_progressreport x WHERE x.task_id {plan_tasks}"
)
# The plan's tasks as PostgreSQL reads them fastest (duban/lib/lookups.py says why).
PLAN_TASKS = {
    "postgresql": "= ANY(ARRAY(SELECT id FROM plans_task WHERE plan_id = %s))",
    "sqlite": "IN (SELECT id FROM plans_task WHERE plan_id = %s)",
}


def api_reports_sql() -> str:
    from django.db import connection

    return API_REPORTS.format(plan_tasks=PLAN_TASKS[connection.vendor])


@dataclass(frozen=True)
class ScalePage:
    name: str
    persona: str
    url: str
    floor: list[Query]
    kind: str = "html"  # which trivial request it is compared with: "html" or "api"


def trivial_pages(unit_id: int) -> dict[str, ScalePage]:
    """What any request costs before a page reads anything: signed in, middleware, session,
    the base template (the empty search page) or the API's auth and serialisation (one unit)."""
    from django.urls import reverse

    return {
        "html": ScalePage("trivial page", "coordinator", reverse("search:results"), []),
        "api": ScalePage("trivial API", "coordinator", f"/api/v1/units/{unit_id}", [], "api"),
    }


def scale_pages(plan, assessment_id: int | None, unit_id: int) -> list[ScalePage]:
    from django.urls import reverse

    p, cadence = plan.pk, plan.report_cadence
    pages = [
        ScalePage("coordinator's home", "coordinator", reverse("web:home"),
                  home_queries(p, cadence, coordinator=True)),
        ScalePage("leader's dashboard", "leader", reverse("web:home"),
                  home_queries(p, cadence, coordinator=False)),
        ScalePage("plan tree", "coordinator", reverse("plans:plan-detail", args=[p]),
                  tree_area_queries(p)),
        ScalePage("unit workspace", "fagai", reverse("execution:workspace"),
                  base.workspace_queries(p, unit_id)),
        ScalePage("review queue", "coordinator", reverse("execution:queue") + f"?plan={p}",
                  queue_queries(p, cadence)),
        ScalePage("supervision dashboard", "coordinator",
                  reverse("supervision:dashboard") + f"?plan={p}", dashboard_floor(p)),
        ScalePage("API plans", "coordinator", "/api/v1/plans", api_queries(API_PLANS, []),
                  "api"),
        ScalePage("API tasks", "coordinator", f"/api/v1/tasks?plan={p}",
                  api_queries(API_TASKS, [p, False]), "api"),
        ScalePage("API reports", "coordinator", f"/api/v1/reports?plan={p}",
                  api_queries(api_reports_sql(), [p]), "api"),
    ]  # fmt: skip
    if assessment_id:
        pages.insert(6, ScalePage("assessment table", "coordinator",
                                  reverse("assessment:assessment", args=[assessment_id]),
                                  assessment_queries(assessment_id)))  # fmt: skip
    return pages


# ---- Measuring -------------------------------------------------------------------------------


@dataclass
class Measured:
    status: int
    p50_ms: float | None = None
    p95_ms: float | None = None
    queries: int | None = None
    floor_ms: float | None = None
    ratio: float | None = None
    request_ms: float | None = None  # p50 of the trivial request of the page's kind
    ratio_request: float | None = None  # p95 ÷ (floor + request_ms)
    renders: int = 0
    kilobytes: float = 0.0


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _timed(action: Callable[[], object], runs: int, seconds: float) -> list[float]:
    samples, spent = [], 0.0
    while len(samples) < runs and (spent < seconds or len(samples) < 3):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
        spent += samples[-1] / 1000
    return samples


def measure(page: ScalePage, runs: int, seconds: float) -> Measured:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from duban.directory.models import User

    client = Client()
    client.force_login(User.objects.get(username=page.persona))
    status, size = base._render(client, page.url)  # warm-up
    result = Measured(status)
    if status != 200:
        return result
    with CaptureQueriesContext(connection) as captured:
        base._render(client, page.url)
    result.queries, result.kilobytes = len(captured), round(size / 1000, 1)
    samples = _timed(lambda: base._render(client, page.url), runs, seconds)
    result.renders = len(samples)
    result.p50_ms = round(statistics.median(samples), 1)
    result.p95_ms = round(_percentile(samples, 0.95), 1)
    if not page.floor:
        return result
    base._raw(page.floor)
    result.floor_ms = round(statistics.median(_timed(lambda: base._raw(page.floor), runs, 60)), 2)
    result.ratio = round(result.p95_ms / result.floor_ms, 1)
    return result


def prepare(scale: str, seed: int, scan: bool) -> dict:
    """Generate (unless the database has the data already), then the scan and the assessment."""
    from django.core.management import call_command
    from django.db import connection

    from duban.lib import clock
    from duban.plans.models import Plan
    from duban.web.generate import generate

    info: dict = {"scale": scale, "seed": seed}
    call_command("migrate", verbosity=0, interactive=False)
    if not Plan.objects.filter(title__endswith="（生成数据）").exists():
        started = time.perf_counter()
        info["rows"] = generate(scale=scale, seed=seed)
        info["generate_s"] = round(time.perf_counter() - started, 1)
        print(f"generated {scale} in {info['generate_s']} s: {info['rows']}", file=sys.stderr)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    with clock.on_day(AS_OF):
        if scan:
            from duban.supervision.services import supervise

            started = time.perf_counter()
            info["scan"] = supervise(as_of=SCAN_AS_OF)
            info["scan_s"] = round(time.perf_counter() - started, 1)
            print(f"scan in {info['scan_s']} s: {info['scan']}", file=sys.stderr)
        # The scan's second half, which pages read: the day's light of every published task.
        from duban.supervision.services import lights_store

        started = time.perf_counter()
        info["lights"] = lights_store(as_of=SCAN_AS_OF)
        info["lights_s"] = round(time.perf_counter() - started, 1)
        print(f"lights kept in {info['lights_s']} s: {info['lights']}", file=sys.stderr)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the scan's writes, as autovacuum would see them
        info["assessment_id"], info["assessment_s"] = _assessment()
    info["sizes"] = _sizes()
    return info


def _assessment() -> tuple[int | None, float]:
    from duban.assessment.models import Assessment
    from duban.assessment.services import assessment_compute
    from duban.directory.models import User
    from duban.execution.selectors.queue import current_plan

    plan = current_plan()
    started = time.perf_counter()
    existing = Assessment.objects.filter(plan=plan, as_of=AS_OF).order_by("-number").first()
    assessment = existing or assessment_compute(
        plan=plan, as_of=AS_OF, by=User.objects.get(username="coordinator")
    )
    return assessment.pk, round(time.perf_counter() - started, 1)


def _sizes() -> dict[str, int]:
    from duban.execution.models import Commitment
    from duban.web.generate import CHECKED

    return {m._meta.label: m.objects.count() for m in [*CHECKED, Commitment]}


def run_scale(scale: str, runs: int, seed: int, scan: bool, seconds: float) -> dict:
    import django

    django.setup()
    from duban.directory.models import User
    from duban.execution.selectors.queue import current_plan

    info = prepare(scale, seed, scan)
    # The generator, the scan and the lights ran in this process, as the worker would in its
    # own; a web process does not carry their heap, which the collector would walk per render.
    gc.collect()
    gc.freeze()
    plan = current_plan()
    info["plan"] = {"id": plan.pk, "title": plan.title, "tasks": plan.tasks.count()}
    unit_id = User.objects.get(username="fagai").unit_id
    trivial = {kind: measure(page, runs, seconds) for kind, page in trivial_pages(unit_id).items()}
    print(f"  trivial requests: { {k: asdict(m) for k, m in trivial.items()} }", file=sys.stderr)
    pages = {}
    for page in scale_pages(plan, info["assessment_id"], unit_id):
        result = measure(page, runs, seconds)
        if result.floor_ms is not None:
            result.request_ms = trivial[page.kind].p50_ms
            result.ratio_request = round(result.p95_ms / (result.floor_ms + result.request_ms), 1)
        print(f"  {page.name}: {asdict(result)}", file=sys.stderr)
        pages[page.name] = asdict(result)
    trivial_p50 = {kind: m.p50_ms for kind, m in trivial.items()}
    return {"pages": pages, "data": info, "runs": runs, "trivial_p50_ms": trivial_p50}


def markdown(result: dict, command: str) -> str:
    data = result["data"]
    sizes = ", ".join(f"{label.split('.')[1]} {n:,}" for label, n in data["sizes"].items())
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    lines = [
        f"## Pages at scale on PostgreSQL: {data['scale']}",
        "",
        f"Command: `{command}` (machine: {machine}; shared with other agents' work, so the "
        "milliseconds are noisy: compare ratios measured in one run). Data: `duban demo generate "
        f"--scale {data['scale']} --seed {data['seed']}`"
        + (f", generated in {data['generate_s']} s" if "generate_s" in data else "")
        + f"; {sizes}. Measured plan: {data['plan']['title']} ({data['plan']['tasks']:,} tasks). "
        + (f"Daily scan {data['scan_s']} s ({data['scan']}); " if "scan_s" in data else "")
        + (
            f"Lights kept for the day: {data['lights']:,} tasks in {data['lights_s']} s; "
            if "lights_s" in data
            else ""
        )
        + f"assessment computed in {data['assessment_s']} s. Up to {result['runs']} renders per "
        "page after a warm-up (fewer where noted: a page stops after its time budget); floor = "
        "median of the hand-written SQL in `bench/scale_pages.py`; ratio = p95 ÷ floor. "
        "Request = p50 of a request that reads nothing (signed in: the empty search page for "
        "pages, one unit for the API; "
        + ", ".join(f"{k} {v:,} ms" for k, v in result.get("trivial_p50_ms", {}).items())
        + "); ratio with request = p95 ÷ (floor + request).",
        "",
        "| page | p50 ms | p95 ms | renders | queries | floor ms | ratio | request ms "
        "| ratio with request | KB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, m in result["pages"].items():
        if m["status"] != 200:
            lines.append(f"| {name} | HTTP {m['status']} | | | | | | | | |")
            continue
        lines.append(
            f"| {name} | {m['p50_ms']:,} | {m['p95_ms']:,} | {m['renders']} | {m['queries']} "
            f"| {m['floor_ms']:,} | {m['ratio']:,}× | {m.get('request_ms') or '—'} "
            f"| {m.get('ratio_request') or '—'}× | {m['kilobytes']:,.0f} |"
        )
    return "\n".join(lines) + "\n"
