"""Load test: 50 editors filing progress reports through the real form, on gunicorn and PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/load_bench.py [--clients 50] [--reports 20] [--write BENCHMARKS.md]
    DATABASE_URL=… .venv/bin/python bench/load_bench.py --profile   # one submission, cProfile

Not a test. A throwaway database `duban_load_<pid>` is created on DATABASE_URL's server and
dropped afterwards; gunicorn serves Duban from it on a free loopback port and is stopped
afterwards. The data is the demo (`demo_load`): the directory, the demo accounts and the 2012
plan published, as of 2012-09-30, without the year's recorded history, whose reports would
leave only 122 (task, unit, period) slots open; without it, every assigned unit owes each
month from January. One editor account per client is created (`user_create`), spread over
the units that owe at least `--reports` open (task, period) slots per client, one unit after
another; each client owns `--reports` distinct slots of its unit.

Each client is a thread with its own keep-alive HTTP/1.1 connection (`http.client`) and its
own session: it signs in through the login form, then, in the timed phase, for each of its
slots GETs the report form, reads the CSRF token and POSTs the report with 报送 (a 302 to the
report's page is a success; the page itself is not fetched). The baselines, run first, are
the same clients making as many GETs, signed in, of `/health/` (the authentication and
idle-clock middleware load the session and the user, then the view runs `SELECT 1`) and of
the smallest signed-in page, the empty message inbox (the full layout). Afterwards every
report a client got a success for is looked up in the database: submitted, once.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages_bench import _environment, _postgres, _server_and_database, write_section  # noqa: E402

AS_OF = date(2012, 9, 30)
WORKERS, THREADS = 2, 4  # one worker process per core, as docs/deploy.md says
COMMAND = (
    "DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres "
    ".venv/bin/python bench/load_bench.py --write BENCHMARKS.md"
)
TRIVIAL = "trivial: GET /health/ signed in"
SMALLEST = "smallest page: GET /notifications/ (empty inbox)"
FILING = "report submission: GET form + POST"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REPORT_PAGE = re.compile(r"/work/reports/(\d+)/$")
REPORT_FIELDS = {
    "status": "on_track",
    "percent": "",  # the default of the status at the period's end
    "percent_reason": "",
    "work_done": "按计划推进各项工作，完成本月既定任务。",
    "problems": "",
    "next_steps": "继续推进。",
    "version": "",
    "submit": "报送",
}


# ---- The data --------------------------------------------------------------------------------


@dataclass
class Editor:
    username: str
    unit_id: int
    slots: list[tuple[int, date]]  # (task id, period start), each filed once


def prepare(clients: int, reports: int, password: str) -> list[Editor]:
    """The demo without its history, and one editor account per client with its own slots."""
    from django.core.management import call_command

    from duban.audit.models import Cause
    from duban.directory.models import Unit, User
    from duban.directory.services import user_create
    from duban.execution.selectors.reports import reports_owed
    from duban.lib import clock
    from duban.web.demo import demo_load

    call_command("migrate", verbosity=0, interactive=False)
    with clock.on_day(AS_OF):
        demo_load(history=False)
    open_slots = {}
    for unit in Unit.objects.filter(assignments__isnull=False).distinct():
        owed = reports_owed(unit=unit, as_of=AS_OF)
        open_slots[unit] = [(o.task.pk, o.period_start) for o in owed if o.report is None]
    # The units that owe the most host the most clients, `reports` slots each.
    shares = [
        (unit, slots[i : i + reports])
        for unit, slots in sorted(open_slots.items(), key=lambda item: -len(item[1]))
        for i in range(0, len(slots) - reports + 1, reports)
    ]
    if len(shares) < clients:
        raise SystemExit(f"only {len(shares)} clients' worth of open slots; use fewer --reports")
    # Spread the clients over as many units as the slots allow: one per unit first, round-robin.
    by_unit: dict[Unit, list] = {}
    for unit, slots in shares:
        by_unit.setdefault(unit, []).append(slots)
    chosen = []
    while len(chosen) < clients:
        for unit, rest in by_unit.items():
            if rest and len(chosen) < clients:
                chosen.append((unit, rest.pop(0)))
    editors = []
    with clock.on_day(AS_OF):
        for number, (unit, slots) in enumerate(chosen, 1):
            username = f"load{number:02d}"
            user_create(
                username=username,
                password=password,
                role=User.Role.EDITOR,
                unit=unit,
                by=None,
                cause=Cause.SETUP,
                last_name="压测",
                first_name=f"{number:02d}",
            )
            editors.append(Editor(username, unit.pk, slots))
    return editors


# ---- The server ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int, var_dir: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DEBUG": "false",
        "DUBAN_SECURE_COOKIES": "false",  # plain HTTP on loopback
        "DATABASE_CONN_MAX_AGE": "60",  # as docs/deploy.md sets it
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "load-bench-" + "x" * 50,
        "DUBAN_VAR_DIR": var_dir,
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "duban.wsgi",
            f"--workers={WORKERS}",
            f"--threads={THREADS}",
            f"--bind=127.0.0.1:{port}",
            "--keep-alive=10",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not answer /health/ within 60 s")


# ---- The clients -----------------------------------------------------------------------------


class Session:
    """One browser: a keep-alive connection and its cookies."""

    def __init__(self, port: int):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.used = False  # whether the connection has carried a request
        self.reconnects = 0

    def request(self, method: str, path: str, form: dict | None = None):
        try:
            return self._request(method, path, form)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # A keep-alive connection the server closed while it was idle: a browser sends a
            # GET again on a new one; a POST that may have arrived is not resent.
            if method != "GET" or not self.used:
                raise
            self.reconnects += 1
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            return self._request(method, path, form)

    def _request(self, method: str, path: str, form: dict | None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        self.used = True
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location") or "", content

    def form_token(self, path: str) -> tuple[int, str]:
        status, _, content = self.request("GET", path)
        found = CSRF_INPUT.search(content.decode("utf-8", "replace"))
        return status, found.group(1) if found else ""

    def login(self, username: str, password: str) -> None:
        status, token = self.form_token("/accounts/login/")
        form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        status, location, _ = self.request("POST", "/accounts/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            print(f"{username} could not sign in: HTTP {status} {location}", file=sys.stderr)


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    filed: list[tuple[str, int, date, int]] = field(default_factory=list)  # user, task, period, id
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, kind: str, action):
        started = time.perf_counter()
        try:
            result = action()
        except (OSError, http.client.HTTPException) as error:
            with self.lock:
                self.errors.append(f"{kind}: {type(error).__name__} {error}")
            return None
        with self.lock:
            self.latencies.setdefault(kind, []).append(time.perf_counter() - started)
        return result


def _get_many(path: str, count: int):
    """A client's work: GET `path` `count` times, each answered 200."""

    def work(session: Session, tally: Tally) -> None:
        for _ in range(count):
            answer = tally.timed(path, lambda: session.request("GET", path))
            if answer and answer[0] != 200:
                with tally.lock:
                    tally.errors.append(f"GET {path}: HTTP {answer[0]}")

    return work


def _submit(session: Session, tally: Tally, editor: Editor) -> None:
    for task_id, period in editor.slots:
        path = f"/work/reports/new/{task_id}/{period.isoformat()}/"
        got = tally.timed("GET form", lambda path=path: session.form_token(path))
        if got is None:
            continue
        if got[0] != 200 or not got[1]:
            with tally.lock:
                tally.errors.append(f"GET {path}: HTTP {got[0]}")
            continue
        form = {**REPORT_FIELDS, "csrfmiddlewaretoken": got[1]}
        answer = tally.timed(
            "POST report", lambda path=path, form=form: session.request("POST", path, form)
        )
        if answer is None:
            continue
        status, location, _ = answer
        page = REPORT_PAGE.search(location)
        if status != 302 or page is None:
            with tally.lock:
                tally.errors.append(f"POST {path}: HTTP {status} {location}")
            continue
        with tally.lock:
            tally.filed.append((editor.username, task_id, period, int(page.group(1))))


@dataclass
class Phase:
    name: str
    requests: int
    seconds: float
    latencies: dict[str, list[float]]
    errors: list[str]
    reconnects: int  # GETs sent again on a new connection after the server closed an idle one

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def run_phase(name: str, sessions: list[Session], work: list) -> tuple[Phase, Tally]:
    """Every client's `work(session, tally)` in its own thread, all started together."""
    tally = Tally()
    barrier = threading.Barrier(len(sessions) + 1)

    def client(session, job):
        barrier.wait()
        job(session, tally)

    threads = [
        threading.Thread(target=client, args=(session, job))
        for session, job in zip(sessions, work, strict=True)
    ]
    for thread in threads:
        thread.start()
    reconnects = sum(session.reconnects for session in sessions)
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    requests = sum(len(values) for values in tally.latencies.values()) + len(tally.errors)
    reconnects = sum(session.reconnects for session in sessions) - reconnects
    return Phase(name, requests, seconds, tally.latencies, tally.errors, reconnects), tally


# ---- The check -------------------------------------------------------------------------------


def lost_and_duplicated(tally: Tally, editors: list[Editor]) -> tuple[int, int, int]:
    """Successes not submitted in the database; (task, unit, period) filed more than once;
    reports of the load accounts that no client got a success for."""
    from django.db import connections
    from django.db.models import Count

    from duban.execution.models import ProgressReport

    connections.close_all()  # the server wrote them: read afresh
    units = {e.username: e.unit_id for e in editors}
    reports = ProgressReport.objects.filter(unit_id__in=set(units.values()))
    submitted = {
        (r.task_id, r.unit_id, r.period_start): r.pk
        for r in reports.filter(review=ProgressReport.Review.SUBMITTED)
    }
    lost = sum(
        1
        for user, task, period, report_id in tally.filed
        if submitted.get((task, units[user], period)) != report_id
    )
    duplicated = (
        reports.values("task_id", "unit_id", "period_start")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    unclaimed = len(submitted) - len({r for *_, r in tally.filed})
    return lost, duplicated, unclaimed


# ---- The run ---------------------------------------------------------------------------------


def _quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def run(clients: int, reports: int) -> dict:
    from duban.web.demo import DEMO_PASSWORD

    started = time.perf_counter()
    editors = prepare(clients, reports, DEMO_PASSWORD)
    setup_seconds = time.perf_counter() - started
    from django.db import connections

    connections.close_all()
    port = _free_port()
    server = start_gunicorn(port, os.environ["DUBAN_VAR_DIR"])
    try:
        sessions = [Session(port) for _ in editors]
        _sign_in(sessions, editors, DEMO_PASSWORD)
        # As many HTTP requests in each phase: a submission is a GET and a POST.
        count = 2 * reports
        phases = [
            run_phase(name, sessions, [_get_many(path, count) for _ in editors])[0]
            for name, path in ((TRIVIAL, "/health/"), (SMALLEST, "/notifications/"))
        ]
        filing, tally = run_phase(
            FILING, sessions, [lambda s, t, e=e: _submit(s, t, e) for e in editors]
        )
        phases.append(filing)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lost, duplicated, unclaimed = lost_and_duplicated(tally, editors)
    return {
        "clients": clients,
        "reports": reports,
        "units": len({e.unit_id for e in editors}),
        "setup_seconds": setup_seconds,
        "phases": phases,
        "filed": len(tally.filed),
        "lost": lost,
        "duplicated": duplicated,
        "unclaimed": unclaimed,
    }


def _sign_in(sessions: list[Session], editors: list[Editor], password: str) -> None:
    """Every client signs in through the form, all at once (each password check is slow)."""
    threads = [
        threading.Thread(target=session.login, args=(editor.username, password))
        for session, editor in zip(sessions, editors, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    signed_in = sum("sessionid" in session.cookies for session in sessions)
    if signed_in != len(sessions):
        raise SystemExit(f"only {signed_in} of {len(sessions)} clients could sign in")


def profile(reports: int, top: int = 30) -> str:
    """cProfile of one submission (GET the form, POST it) through Django's test `Client`, after
    one warm-up submission: the queries of each request, then Duban's own functions by
    cumulative time and everything by own time."""
    import cProfile
    import io
    import pstats

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from duban.directory.models import User
    from duban.web.demo import DEMO_PASSWORD

    editors = prepare(1, reports, DEMO_PASSWORD)
    client = Client()
    client.force_login(User.objects.get(username=editors[0].username))
    out = io.StringIO()
    for task, start in editors[0].slots[:2]:
        path = f"/work/reports/new/{task}/{start.isoformat()}/"
        profiler = cProfile.Profile()
        with CaptureQueriesContext(connection) as get_queries:
            profiler.enable()
            client.get(path)
            profiler.disable()
        with CaptureQueriesContext(connection) as post_queries:
            profiler.enable()
            response = client.post(path, REPORT_FIELDS)
            profiler.disable()
        assert response.status_code == 302, response.status_code
    print(f"queries: GET form {len(get_queries)}, POST {len(post_queries)}", file=out)
    print(_in_process_medians(client, editors[0].slots[2:]), file=out)
    for query in [*get_queries, *post_queries]:
        print(f"  {query['time']} {query['sql'][:160]}", file=out)
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats("duban/", top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def _in_process_medians(client, slots: list[tuple[int, date]]) -> str:
    """Median milliseconds of each request in this process, one request at a time: the form,
    the POST (each on a slot of its own), the smallest page and /health/."""
    samples: dict[str, list[float]] = {}

    def timed(kind: str, action) -> None:
        started = time.perf_counter()
        response = action()
        samples.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 302), (kind, response.status_code)

    for task, start in slots:
        path = f"/work/reports/new/{task}/{start.isoformat()}/"
        timed("GET form", lambda path=path: client.get(path))
        timed("POST report", lambda path=path: client.post(path, REPORT_FIELDS))
        timed("GET /notifications/", lambda: client.get("/notifications/"))
        timed("GET /health/", lambda: client.get("/health/"))
    medians = [f"{kind} {statistics.median(ms):.1f}" for kind, ms in samples.items()]
    return f"in this process, median ms of {len(slots)}: " + "; ".join(medians)


def _latency(phase: Phase) -> str:
    parts = [
        f"{kind} {_quantile(values, 50):.0f} / {_quantile(values, 95):.0f}"
        for kind, values in phase.latencies.items()
    ]
    return "; ".join(parts)


def section(result: dict) -> str:
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    trivial, smallest, filing = result["phases"]
    errors = [e for phase in result["phases"] for e in phase.errors]
    lines = [
        "## Load: report submission on gunicorn and PostgreSQL",
        "",
        f"Command: `{COMMAND}` (machine: {machine}; shared with other work, so compare the "
        "ratios, not the absolute rates; the client threads run on the same cores as the "
        f"server). gunicorn `--workers {WORKERS} --threads {THREADS}` (gthread, one process per "
        "core) on loopback, `DATABASE_CONN_MAX_AGE=60`, `DEBUG=false`. Data: the demo's "
        "directory and published 2012 plan as of 2012-09-30, without its recorded year, and "
        f"{result['clients']} editor accounts in {result['units']} units that owe reports "
        f"(set up in {result['setup_seconds']:.0f} s). Each client is a thread with its own "
        "keep-alive connection, signed in through the login form. It files "
        f"{result['reports']} reports on distinct (task, month) slots of its unit, each a GET "
        "of the form (CSRF token read from it) and a POST with 报送 answered by a 302 to the "
        "report. Before that, the same clients make as many requests to two baselines: "
        "`/health/` (the middleware loads the session and the user, the view runs `SELECT 1`) "
        "and the smallest signed-in page, the empty message inbox (the full layout: "
        "navigation, search box, unread badge). In each phase the clients start together "
        "behind a barrier; p50 / p95 are per request.",
        "",
        "| phase | HTTP requests | seconds | requests/s | p50 / p95 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for phase in result["phases"]:
        lines.append(
            f"| {phase.name} | {phase.requests:,} | {phase.seconds:.1f} | "
            f"{phase.per_second:.0f} | {_latency(phase)} | {len(phase.errors)} |"
        )
    lines += [
        "",
        "- Submission ÷ trivial (`/health/`), requests/s: "
        f"**{filing.per_second / trivial.per_second:.2f}** (target ≥ 0.5); ÷ the smallest "
        f"page: {filing.per_second / smallest.per_second:.2f}; reports filed: "
        f"{filing.requests / 2 / filing.seconds:.1f}/s.",
        f"- Errors: {len(errors)} (target 0); GETs sent again after the server closed an idle "
        f"keep-alive connection, as a browser does: {sum(p.reconnects for p in result['phases'])}.",
        f"- Reports the clients got a success for: {result['filed']:,}; lost (not submitted in "
        f"the database afterwards): **{result['lost']}**; (task, unit, month) filed more than "
        f"once: {result['duplicated']}; submitted reports no client got a success for: "
        f"{result['unclaimed']}.",
    ]
    if errors:
        lines.append("- First errors: " + "; ".join(f"`{e}`" for e in errors[:5]) + ".")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--reports", type=int, default=20, help="reports each client files")
    parser.add_argument("--write", type=Path, help="replace this benchmark's section of the file")
    parser.add_argument("--profile", action="store_true", help="cProfile one submission instead")
    args = parser.parse_args(argv)
    postgres = _server_and_database(f"duban_load_{os.getpid()}")
    if postgres is None:
        raise SystemExit("set DATABASE_URL to a PostgreSQL server (postgres://…/postgres)")
    server_url, database_url = postgres
    name = database_url.rsplit("/", 1)[1]
    with tempfile.TemporaryDirectory(prefix="duban-load-") as var_dir:
        _environment(var_dir)
        os.environ["DUBAN_TODAY"] = AS_OF.isoformat()
        _postgres(server_url, f"CREATE DATABASE {name}")
        os.environ["DATABASE_URL"] = database_url
        import django

        django.setup()
        try:
            if args.profile:
                print(profile(args.reports))
                return 0
            result = run(args.clients, args.reports)
        finally:
            from django.db import connections

            connections.close_all()
            _postgres(server_url, f"DROP DATABASE IF EXISTS {name}")
    text = section(result)
    print(text)
    if args.write:
        write_section(args.write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
