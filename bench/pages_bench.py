"""Benchmark Duban's big pages against the raw SQL they need, on a small and a large plan.

    .venv/bin/python bench/pages_bench.py [--runs 7] [--write BENCHMARKS.md]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/pages_bench.py --write BENCHMARKS.md

At scale, on `duban demo generate` data (see `bench/scale_pages.py`; p50/p95 and floors):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/pages_bench.py --scale province --json out.json \\
        [--keep-db duban_scale_province] [--no-scan] [--write BENCHMARKS.md]

Not a test. SQLite by default, in a temporary DUBAN_VAR_DIR; with DATABASE_URL, a throwaway
database `duban_bench_<pid>` is created on that server and dropped afterwards. The data is
`bench/data.py`: first the demo's 2012 plan alone (small), then the same database with a
generated plan of 1,080 units of work added (large).

For each page: the median of N renders through Django's test `Client` as the persona who
works there, the queries one render runs, the median of N runs of a hand-written
`cursor.execute` of the queries that fetch the same data, and the ratio page ÷ raw SQL. The
machine is shared, so only ratios measured in one run are worth comparing; a page whose query
count grows from the small plan to the large one runs a query per row (N+1).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

AS_OF = date(2012, 9, 30)  # the demo's day: every date rule runs as of it
COMMAND = ".venv/bin/python bench/pages_bench.py --write BENCHMARKS.md"
PG_COMMAND = f"DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres {COMMAND}"


# ---- The raw SQL each page needs ------------------------------------------------------------
# Each baseline is the minimal set of queries returning the data the page shows, written by
# hand; `%s` parameters, booleans passed as parameters so that SQLite and PostgreSQL agree.

Query = tuple[str, list]

TREE_SQL = """
SELECT t.id, t.parent_id, t.path, t.level, t.label, t.title, t.kind, t.due_date, t.due_text,
       a.role, a.name_as_written, u.name, u.short_name
FROM plans_task t
LEFT JOIN plans_assignment a ON a.task_id = t.id AND a.withdrawn = %s
LEFT JOIN directory_unit u ON u.id = a.unit_id
WHERE t.plan_id = %s AND t.region_id IS NULL AND t.withdrawn = %s
ORDER BY t.id, a.position"""

PLAN_SQL = "SELECT id, year, title, status, report_cadence FROM plans_plan WHERE id = %s"

# The facts of the warning lights, for the tasks `{tasks}` selects (alias t).
MILESTONES_SQL = """
SELECT m.task_id, m.title, m.due_date, m.met_on
FROM execution_milestone m JOIN plans_task t ON t.id = m.task_id
WHERE {tasks} AND m.withdrawn = %s"""

LEAD_REPORTS_SQL = """
SELECT r.task_id, r.period_start, r.period_end, r.status, r.percent, r.submitted_at,
       r.review, r.reviewed_at
FROM execution_progressreport r
JOIN plans_task t ON t.id = r.task_id
JOIN plans_assignment a ON a.task_id = r.task_id AND a.unit_id = r.unit_id
     AND a.role = 'lead' AND a.withdrawn = %s
WHERE {tasks} AND r.review IN ('submitted', 'accepted', 'returned')
ORDER BY r.period_start"""


def light_facts(tasks: str, params: list) -> list[Query]:
    return [
        (MILESTONES_SQL.format(tasks=tasks), [*params, False]),
        (LEAD_REPORTS_SQL.format(tasks=tasks), [False, *params]),
    ]


PROVINCIAL = "t.plan_id = %s AND t.region_id IS NULL AND t.withdrawn = %s"
OF_UNIT = (
    "t.plan_id = %s AND t.withdrawn = %s AND t.id IN "
    "(SELECT task_id FROM plans_assignment WHERE unit_id = %s AND withdrawn = %s)"
)


def tree_queries(plan_id: int, unit_id: int) -> list[Query]:
    return [
        (PLAN_SQL, [plan_id]),
        (TREE_SQL, [False, plan_id, False]),
        *light_facts(PROVINCIAL, [plan_id, False]),
    ]


def unit_queries(plan_id: int, unit_id: int) -> list[Query]:
    tasks = """
SELECT t.id, t.path, t.title, t.due_date, t.region_id, a.role, u.short_name
FROM plans_task t
JOIN plans_assignment a ON a.task_id = t.id AND a.withdrawn = %s
LEFT JOIN directory_unit u ON u.id = a.unit_id
WHERE """
    counts = """
SELECT a.unit_id, u.name, u.short_name,
       SUM(CASE WHEN a.role = 'lead' THEN 1 ELSE 0 END),
       SUM(CASE WHEN a.role = 'co' THEN 1 ELSE 0 END)
FROM plans_assignment a JOIN plans_task t ON t.id = a.task_id
JOIN directory_unit u ON u.id = a.unit_id
WHERE t.plan_id = %s AND a.withdrawn = %s AND t.withdrawn = %s
GROUP BY a.unit_id, u.name, u.short_name"""
    of_unit = [plan_id, False, unit_id, False]
    return [
        (PLAN_SQL, [plan_id]),
        (tasks + OF_UNIT, [False, *of_unit]),
        *light_facts(OF_UNIT, of_unit),
        (counts, [plan_id, False, False]),
    ]


def export_queries(plan_id: int, unit_id: int) -> list[Query]:
    return [(PLAN_SQL, [plan_id]), (TREE_SQL, [False, plan_id, False])]


def progress_queries(plan_id: int, unit_id: int) -> list[Query]:
    return [
        (PLAN_SQL, [plan_id]),
        (
            """
SELECT t.id, t.parent_id, t.origin_id, t.path, t.level, t.title, t.weight, t.withdrawn,
       g.name
FROM plans_task t LEFT JOIN directory_region g ON g.id = t.region_id
WHERE t.plan_id = %s""",
            [plan_id],
        ),
        (
            """
SELECT r.task_id, r.period_start, r.status, r.percent, r.review
FROM execution_progressreport r
JOIN plans_task t ON t.id = r.task_id
JOIN plans_assignment a ON a.task_id = r.task_id AND a.unit_id = r.unit_id
     AND a.role = 'lead' AND a.withdrawn = %s
WHERE t.plan_id = %s AND r.review IN ('submitted', 'accepted')
ORDER BY r.period_start DESC""",
            [False, plan_id],
        ),
    ]


def workspace_queries(plan_id: int, unit_id: int) -> list[Query]:
    return [
        (
            """
SELECT a.task_id, a.role, t.path, t.title, t.due_date, p.id, p.year, p.report_cadence,
       p.filing_deadline
FROM plans_assignment a JOIN plans_task t ON t.id = a.task_id
JOIN plans_plan p ON p.id = t.plan_id
WHERE a.unit_id = %s AND a.withdrawn = %s AND t.withdrawn = %s AND p.status = 'published'""",
            [unit_id, False, False],
        ),
        (
            "SELECT task_id, period_start, status, review FROM execution_progressreport "
            "WHERE unit_id = %s",
            [unit_id],
        ),
        (
            """
SELECT m.id, m.task_id, m.title, m.due_date, t.path, t.title
FROM execution_milestone m JOIN plans_task t ON t.id = m.task_id
WHERE m.unit_id = %s AND m.withdrawn = %s AND m.met_on IS NULL AND m.due_date <= %s""",
            [unit_id, False, AS_OF + timedelta(days=30)],
        ),
        (
            "SELECT id, plan_id, status, submitted_at, filed_at FROM "
            "execution_implementationplan WHERE unit_id = %s",
            [unit_id],
        ),
        (
            """
SELECT e.id, e.status, e.old_due, e.new_due, t.path, t.title
FROM execution_extension e JOIN plans_task t ON t.id = e.task_id
WHERE e.unit_id = %s ORDER BY e.requested_at DESC LIMIT 20""",
            [unit_id],
        ),
        (
            """
SELECT c.id, c.text, c.created_at, t.path, t.title
FROM execution_leadercomment c JOIN plans_task t ON t.id = c.task_id
WHERE c.withdrawn = %s AND c.task_id IN
      (SELECT task_id FROM plans_assignment WHERE unit_id = %s AND withdrawn = %s)
ORDER BY c.created_at DESC LIMIT 20""",
            [False, unit_id, False],
        ),
    ]


def queue_queries(plan_id: int, unit_id: int) -> list[Query]:
    return [
        (PLAN_SQL, [plan_id]),
        (
            """
SELECT u.id, u.name, ip.id, ip.status, ip.first_submitted_at
FROM directory_unit u
LEFT JOIN execution_implementationplan ip ON ip.unit_id = u.id AND ip.plan_id = %s
WHERE u.id IN (SELECT a.unit_id FROM plans_assignment a JOIN plans_task t ON t.id = a.task_id
               WHERE t.plan_id = %s AND a.role = 'lead' AND a.withdrawn = %s
                     AND t.withdrawn = %s)""",
            [plan_id, plan_id, False, False],
        ),
        (
            """
SELECT e.id, e.old_due, e.new_due, e.reason, t.path, u.short_name
FROM execution_extension e JOIN plans_task t ON t.id = e.task_id
JOIN directory_unit u ON u.id = e.unit_id
WHERE t.plan_id = %s AND e.status = 'requested'""",
            [plan_id],
        ),
        (
            """
SELECT r.id, r.period_start, r.status, r.percent, t.path, t.title, u.short_name
FROM execution_progressreport r JOIN plans_task t ON t.id = r.task_id
JOIN directory_unit u ON u.id = r.unit_id
WHERE t.plan_id = %s AND r.review = 'submitted'""",
            [plan_id],
        ),
        # The reports owed and those filed: missing ones are the difference, per period.
        (
            """
SELECT a.task_id, a.unit_id, t.path, u.name
FROM plans_assignment a JOIN plans_task t ON t.id = a.task_id
JOIN directory_unit u ON u.id = a.unit_id
WHERE t.plan_id = %s AND a.withdrawn = %s AND t.withdrawn = %s""",
            [plan_id, False, False],
        ),
        (
            "SELECT r.task_id, r.unit_id, r.period_start FROM execution_progressreport r "
            "JOIN plans_task t ON t.id = r.task_id WHERE t.plan_id = %s",
            [plan_id],
        ),
        (
            """
SELECT m.id, m.title, m.due_date, t.path, u.short_name
FROM execution_milestone m JOIN plans_task t ON t.id = m.task_id
JOIN directory_unit u ON u.id = m.unit_id
WHERE t.plan_id = %s AND m.withdrawn = %s AND m.met_on IS NULL AND m.due_date < %s""",
            [plan_id, False, AS_OF],
        ),
    ]


def dashboard_queries(plan_id: int, unit_id: int) -> list[Query]:
    from django.utils import timezone

    live = "t.plan_id = %s AND t.withdrawn = %s"
    return [
        (PLAN_SQL, [plan_id]),
        (
            """
SELECT t.id, t.path, t.title, t.due_date, t.weight, t.region_id, g.name, a.unit_id,
       u.short_name
FROM plans_task t
JOIN plans_assignment a ON a.task_id = t.id AND a.role = 'lead' AND a.withdrawn = %s
JOIN directory_unit u ON u.id = a.unit_id
LEFT JOIN directory_region g ON g.id = t.region_id
WHERE t.plan_id = %s AND t.withdrawn = %s""",
            [False, plan_id, False],
        ),
        *light_facts(live, [plan_id, False]),
        (
            "SELECT j.task_id, j.level, j.at FROM supervision_judgement j "
            "JOIN plans_task t ON t.id = j.task_id WHERE t.plan_id = %s ORDER BY j.at DESC",
            [plan_id],
        ),
        (
            "SELECT path, title FROM plans_task WHERE plan_id = %s AND level = 1 "
            "AND region_id IS NULL",
            [plan_id],
        ),
        (
            "SELECT id, unit_id, task_id, step, sent_at FROM supervision_urge "
            "WHERE acknowledged_at IS NULL",
            [],
        ),
        (
            "SELECT id, unit_id, task_id, title, due_date FROM supervision_reminder "
            "WHERE plan_id = %s AND queued = %s AND fire_date > %s AND fire_date <= %s",
            [plan_id, True, AS_OF - timedelta(days=7), AS_OF],
        ),
        (
            "SELECT id, channel, status, error, at FROM notifications_deliveryattempt "
            "WHERE status IN ('failed', 'gave_up') AND at >= %s ORDER BY at DESC LIMIT 20",
            [timezone.now() - timedelta(days=7)],
        ),
    ]


# ---- The pages ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    persona: str  # the demo account that works on the page
    url: Callable[[int], str]  # plan id → address
    # (plan id, persona's unit id) → queries; None for a page that gathers several others.
    raw: Callable[[int, int], list[Query]] | None


def _pages() -> list[Page]:
    from django.urls import reverse

    return [
        Page(
            "plan tree",
            "coordinator",
            lambda p: reverse("plans:plan-detail", args=[p]),
            tree_queries,
        ),
        Page(
            "per-unit view (省发展改革委)",
            "fagai",
            lambda p: reverse("plans:unit-tasks", args=[p]),
            unit_queries,
        ),
        Page(
            "task table export (.xlsx)",
            "coordinator",
            lambda p: reverse("plans:plan-export", args=[p]),
            export_queries,
        ),
        Page(
            "progress roll-up",
            "coordinator",
            lambda p: reverse("execution:progress-plan", args=[p]),
            progress_queries,
        ),
        # The home pages show the latest published plan at a glance, the coordinator's with the
        # queue's counts: they gather the reads of the roll-up, the queue and the dashboard, so
        # they have no raw SQL of their own.
        Page(
            "home: plan at a glance (coordinator)",
            "coordinator",
            lambda p: reverse("web:home"),
            None,
        ),
        Page("home: plan at a glance (leader)", "leader", lambda p: reverse("web:home"), None),
        Page(
            "home: own tasks' lights (省发展改革委)", "fagai", lambda p: reverse("web:home"), None
        ),
        Page("API: plan's tasks", "coordinator", lambda p: f"/api/plans/{p}/tasks", None),
        Page(
            "execution workspace (省发展改革委)",
            "fagai",
            lambda p: reverse("execution:workspace"),
            workspace_queries,
        ),
        Page(
            "coordinator queue",
            "coordinator",
            lambda p: reverse("execution:queue") + f"?plan={p}",
            queue_queries,
        ),
        Page(
            "supervision dashboard",
            "coordinator",
            lambda p: reverse("supervision:dashboard") + f"?plan={p}",
            dashboard_queries,
        ),
    ]


@dataclass
class Result:
    page: str
    status: int
    page_ms: float = 0.0
    queries: int = 0
    raw_ms: float = 0.0
    raw_queries: int = 0
    kilobytes: float = 0.0

    @property
    def measured(self) -> bool:
        return self.status == 200


def _render(client, url: str) -> tuple[int, int]:
    """The status and the size in bytes of the page at `url`, read to its last byte."""
    response = client.get(url)
    if getattr(response, "streaming", False):
        # The workbook is written as it streams.
        return response.status_code, len(b"".join(response.streaming_content))
    return response.status_code, len(response.content)


def _median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def _raw(queries: list[Query]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sql, params in queries:
            cursor.execute(sql, params)
            cursor.fetchall()


def measure_page(page: Page, plan_id: int, runs: int) -> Result:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from duban.directory.models import User

    user = User.objects.get(username=page.persona)
    client = Client()
    client.force_login(user)
    url = page.url(plan_id)
    status, size = _render(client, url)  # warm-up: templates compiled, caches filled
    result = Result(page.name, status)
    if status != 200:
        return result
    with CaptureQueriesContext(connection) as captured:
        _render(client, url)
    result.queries = len(captured)
    result.kilobytes = size / 1000
    result.page_ms = _median_ms(lambda: _render(client, url), runs)
    if page.raw is None:
        return result
    queries = page.raw(plan_id, user.unit_id)
    _raw(queries)
    result.raw_queries = len(queries)
    result.raw_ms = _median_ms(lambda: _raw(queries), runs)
    return result


# ---- The run --------------------------------------------------------------------------------


def _environment(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
    os.environ["DUBAN_VAR_DIR"] = var_dir
    os.environ["DUBAN_TODAY"] = AS_OF.isoformat()
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["LOG_LEVEL"] = "WARNING"


def _server_and_database(keep: str | None = None) -> tuple[str, str] | None:
    """The PostgreSQL server of DATABASE_URL and the database to use there: a throwaway one,
    or `keep`."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    return url, f"{url.rsplit('/', 1)[0]}/{keep or f'duban_bench_{os.getpid()}'}"


def _database_exists(server_url: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def _postgres(server_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(sql)


@dataclass
class Phase:
    label: str
    size: str
    load_seconds: float
    results: list[Result]


def run(runs: int) -> tuple[str, list[Phase]]:
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    from bench import data

    call_command("migrate", verbosity=0, interactive=False)
    phases = []
    for label, load in (
        ("small: the demo's 2012 plan", data.load_small),
        ("large: generated plan", data.load_large),
    ):
        started = time.perf_counter()
        plan = load()
        if connection.vendor == "postgresql":
            # Fresh bulk loads have no planner statistics yet; autovacuum would gather them
            # within minutes in production, so both the pages and the raw SQL run after it.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        load_seconds = time.perf_counter() - started
        size = data.sizes(plan).describe()
        print(f"{label}: {size} (loaded in {load_seconds:.0f} s)", file=sys.stderr)
        results = []
        for page in _pages():
            result = measure_page(page, plan.pk, runs)
            print(f"  {_row(result)}", file=sys.stderr)
            results.append(result)
        phases.append(Phase(label, size, load_seconds, results))
    return connection.vendor, phases


def _row(result: Result) -> str:
    if not result.measured:
        return f"| {result.page} | not measured (HTTP {result.status}) | | | | |"
    raw, ratio = "—", "—"
    if result.raw_queries:
        raw = f"{result.raw_ms:.2f} ({result.raw_queries} queries)"
        ratio = f"{result.page_ms / result.raw_ms:.0f}×"
    return (
        f"| {result.page} | {result.page_ms:.1f} | {result.queries} | {raw} | {ratio} "
        f"| {result.kilobytes:,.0f} |"
    )


def section(vendor: str, phases: list[Phase], runs: int) -> str:
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(vendor, vendor)
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    command = PG_COMMAND if vendor == "postgresql" else COMMAND
    lines = [
        f"## Pages on {name}",
        "",
        f"Command: `{command}` (machine: {machine}; shared with other work, so compare the "
        "ratios, not the milliseconds). Each page is rendered through Django's test `Client` as "
        f"the persona who works there; median of {runs} renders after one warm-up; the raw SQL "
        "is a hand-written `cursor.execute` of the queries returning the same data (in "
        "`bench/pages_bench.py`), median of the same number of runs. Data: `bench/data.py`, "
        "as of 2012-09-30.",
        "",
    ]
    for phase in phases:
        lines += [
            f"**{phase.label}** — {phase.size}; built in {phase.load_seconds:.0f} s.",
            "",
            "| page | median ms | queries | raw SQL ms | ratio | response KB |",
            "|---|---|---|---|---|---|",
            *(_row(result) for result in phase.results),
            "",
        ]
    small, large = phases[0].results, phases[-1].results
    grown = [
        f"{before.page} ({before.queries} → {after.queries})"
        for before, after in zip(small, large, strict=True)
        if before.measured and after.measured and after.queries > before.queries
    ]
    lines.append(
        "Queries per render that grow with the data: "
        + ("; ".join(grown) if grown else "none")
        + "."
    )
    return "\n".join(lines) + "\n"


def write_section(path: Path, text: str) -> None:
    """Replace the section with the same heading (or append it); other sections stay as they are."""
    heading = text.splitlines()[0]
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = (
        pattern.sub(lambda _: text + "\n", old)
        if pattern.search(old)
        else old.rstrip("\n") + "\n\n" + text
    )
    path.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="renders per page (7; 20 with --scale)")
    parser.add_argument("--write", type=Path, help="replace this benchmark's section of the file")
    parser.add_argument(
        "--scale",
        choices=["tiny", "province", "national"],
        help="measure on `duban demo generate` data instead (see bench/scale_pages.py)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="with --scale: write the results here")
    parser.add_argument("--keep-db", metavar="NAME", help="with --scale: keep (and reuse) NAME")
    parser.add_argument("--no-scan", action="store_true", help="with --scale: skip the scan")
    parser.add_argument(
        "--page-seconds", type=float, default=120, help="with --scale: time budget per page"
    )
    args = parser.parse_args(argv)
    given_url = os.environ.get("DATABASE_URL", "")  # the command as typed, for the write-up
    postgres = _server_and_database(args.keep_db)
    with tempfile.TemporaryDirectory(prefix="duban-bench-") as var_dir:
        _environment(var_dir)
        if postgres:
            server_url, database_url = postgres
            name = database_url.rsplit("/", 1)[1]
            if not (args.keep_db and _database_exists(server_url, name)):
                _postgres(server_url, f"CREATE DATABASE {name}")
            os.environ["DATABASE_URL"] = database_url
        else:
            os.environ.pop("DATABASE_URL", None)
        try:
            if args.scale:
                import json

                import scale_pages

                result = scale_pages.run_scale(
                    args.scale, args.runs or 20, args.seed, not args.no_scan, args.page_seconds
                )
                vendor = "postgresql" if postgres else "sqlite"
            else:
                vendor, phases = run(args.runs or 7)
        finally:
            if postgres and not args.keep_db:
                from django.db import connections

                connections.close_all()
                _postgres(server_url, f"DROP DATABASE IF EXISTS {name}")
    if args.scale:
        if args.json:
            args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        prefix = f"DATABASE_URL={given_url} " if vendor == "postgresql" else ""
        command = " ".join([f"{prefix}.venv/bin/python bench/pages_bench.py", *argv])
        text = scale_pages.markdown(result, command)
        if vendor != "postgresql":
            text = text.replace("on PostgreSQL", "on SQLite", 1)
    else:
        text = section(vendor, phases, args.runs or 7)
    print(text)
    if args.write:
        write_section(args.write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
