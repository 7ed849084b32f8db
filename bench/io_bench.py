"""Import and export at size: a 300-task policy document in, a provincial task table out.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/io_bench.py [--runs 5] [--write BENCHMARKS.md]

Not a test. A throwaway database `duban_io_<pid>` is created on DATABASE_URL's server and
dropped afterwards (without DATABASE_URL, SQLite in a temporary DUBAN_VAR_DIR).

- Import: a .docx written with python-docx in the founding document's shape (its head and
  closing paragraph, reform areas `一、`, tasks `（一）` each ending in its departments in
  brackets `（省…负责）`), 12 areas × 25 tasks = 300 tasks whose texts are the founding
  document's one-paragraph tasks in turn. Timed: the parse alone (`parse_file`), and the path
  the reform office takes to a published plan: `plan_import_file` (parse, store, build the
  draft tree, resolve the departments), `plan_update` (cadence and filing deadline) and
  `plan_publish`.
- Export: `duban demo generate --scale province --seed 1` (Gansu's provincial plan has the
  shape of every province's in the national data), then the task table of its largest plan
  (`task_table_export`, the .xlsx the plan page offers), split into reading the rows and
  writing the workbook, against openpyxl's write-only mode writing the same cells as plain
  values.
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
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages_bench import _environment, _postgres, _server_and_database, write_section  # noqa: E402

AREAS, TASKS_PER_AREA = 12, 25
YEAR = 2012
COMMAND = (
    "DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres "
    ".venv/bin/python bench/io_bench.py --write BENCHMARKS.md"
)
AREA_LINE = re.compile(r"^[一二三四五六七八九十]+、")
TASK_LINE = re.compile(r"^（[一二三四五六七八九十]+）")
# A task paragraph of the founding document that is whole: it ends in its departments.
WHOLE_TASK = re.compile(r"^（[一二三四五六七八九十]+）(.+（[^（）]*负责）)$")


def _median(action, runs: int) -> float:
    return _medians({"": action}, runs)[""]


def _medians(actions: dict, runs: int) -> dict[str, float]:
    """The median seconds of each action, run in turn each round, so that a busy spell of the
    shared machine falls on all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            samples[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in samples.items()}


# ---- The document ----------------------------------------------------------------------------


def founding_parts() -> tuple[list[str], list[str], list[str], list[str]]:
    """The founding document's head (before the first area), area headings, whole tasks
    (without their labels) and closing paragraphs (after the last task)."""
    from duban.web.demo import FOUNDING_DOCUMENT

    lines = [line.strip() for line in FOUNDING_DOCUMENT.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    first_area = next(i for i, line in enumerate(lines) if AREA_LINE.match(line))
    last_task = max(i for i, line in enumerate(lines) if TASK_LINE.match(line))
    areas = [AREA_LINE.sub("", line) for line in lines if AREA_LINE.match(line)]
    tasks = [m.group(1) for line in lines if (m := WHOLE_TASK.match(line))]
    return lines[:first_area], areas, tasks, lines[last_task + 1 :]


def write_policy_docx(path: Path, areas: int = AREAS, tasks_per_area: int = TASKS_PER_AREA):
    """A policy document of `areas` × `tasks_per_area` tasks in the founding document's shape."""
    import cn2an
    from docx import Document
    from docx.shared import Pt

    head, headings, tasks, closing = founding_parts()
    document = Document()

    def paragraph(text: str, *, bold: bool = False, indent: bool = True) -> None:
        written = document.add_paragraph()
        if indent:
            written.paragraph_format.first_line_indent = Pt(32)  # two characters, as printed
        written.add_run(text).bold = bold

    for line in head:
        paragraph(line, indent=False)
    number = 0
    for area in range(areas):
        paragraph(f"{cn2an.an2cn(area + 1)}、{headings[area % len(headings)]}", bold=True)
        for task in range(tasks_per_area):
            paragraph(f"（{cn2an.an2cn(task + 1)}）{tasks[number % len(tasks)]}")
            number += 1
    for line in closing:
        paragraph(line)
    document.save(path)
    return number


def bench_import(runs: int) -> dict:
    from duban.directory.models import User
    from duban.parsing.files import parse_file
    from duban.plans.models import Assignment, Plan
    from duban.plans.services import plan_import_file, plan_publish, plan_update
    from duban.web.demo import FILING_DEADLINE, FILING_DEADLINE_TEXT

    coordinator = User.objects.get(username="coordinator")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "甘肃省2012年经济体制改革重点工作意见（300项）.docx"
        written = write_policy_docx(path)
        parse = parse_file(path, year=YEAR)
        parsed = sum(1 for item in _walk(parse.to_json()["items"]) if item.get("level") == 2)
        parse_s = _median(lambda: parse_file(path, year=YEAR), runs)
        started = time.perf_counter()
        plan = plan_import_file(path=path, year=YEAR, by=coordinator)
        import_s = time.perf_counter() - started
        size_kb = path.stat().st_size / 1000
    started = time.perf_counter()
    plan = plan_update(
        plan=plan,
        by=coordinator,
        seen_version=plan.version,
        filing_deadline=FILING_DEADLINE,
        filing_deadline_text=FILING_DEADLINE_TEXT,
        report_cadence=Plan.Cadence.MONTHLY,
    )
    update_s = time.perf_counter() - started
    started = time.perf_counter()
    plan = plan_publish(plan=plan, by=coordinator, seen_version=plan.version)
    publish_s = time.perf_counter() - started
    return {
        "written": written,
        "parsed": parsed,
        "kilobytes": size_kb,
        "areas": plan.tasks.filter(level=1).count(),
        "tasks": plan.tasks.filter(level__gt=1).count(),
        "assignments": Assignment.objects.filter(task__plan=plan).count(),
        "status": plan.status,
        "parse_s": parse_s,
        "import_s": import_s,
        "update_s": update_s,
        "publish_s": publish_s,
    }


def _walk(items: list[dict]):
    for item in items:
        yield item
        yield from _walk(item.get("children") or [])


# ---- The task table --------------------------------------------------------------------------


def write_only(rows, stream) -> None:
    """The same cells as the task table, as plain values, in openpyxl's write-only mode."""
    from openpyxl import Workbook

    from duban.lib.tasktable import HEADERS, _names

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("任务分解表")
    sheet.append(["title"])
    sheet.append(["subtitle"])
    sheet.append(list(HEADERS))
    area = None
    for row in rows:
        if row.area != area:
            area = row.area
            sheet.append([area])
        sheet.append(
            [row.number, row.title, row.text, _names(row.lead), _names(row.co), row.deadline]
        )
    workbook.save(stream)


def bench_export(runs: int) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    from duban.lib.tasktable import write_task_table
    from duban.plans.models import Plan
    from duban.plans.services.tasktable import task_table_export, task_table_rows

    started = time.perf_counter()
    call_command("demo", "generate", "--scale", "province", "--seed", "1", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    generate_s = time.perf_counter() - started
    plan = Plan.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    rows = task_table_rows(plan)
    stream = BytesIO()
    task_table_export(plan=plan, stream=stream)  # warm-up
    timed = _medians(
        {
            "export_s": lambda: task_table_export(plan=plan, stream=BytesIO()),
            "rows_s": lambda: task_table_rows(plan),
            "write_s": lambda: write_task_table(rows, BytesIO(), title=plan.title),
            "write_only_s": lambda: write_only(rows, BytesIO()),
        },
        runs,
    )
    return {
        "generate_s": generate_s,
        "plan": plan.title,
        "tasks": plan.n,
        "rows": len(rows),
        "areas": len({row.area for row in rows}),
        "kilobytes": len(stream.getvalue()) / 1000,
        **timed,
    }


# ---- The run ---------------------------------------------------------------------------------


def section(vendor: str, runs: int, imported: dict, exported: dict) -> str:
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(vendor, vendor)
    i, e = imported, exported
    to_published = i["import_s"] + i["update_s"] + i["publish_s"]
    lines = [
        f"## Import and export at size on {name}",
        "",
        f"Command: `{COMMAND}` (machine: {machine}; shared with other work, so compare the "
        f"ratios, not the seconds). Medians of {runs} runs where a run can be repeated; the "
        "import to a published plan runs once (each run is a new plan). See the docstring of "
        "`bench/io_bench.py` for what is generated.",
        "",
        f"**Import**: a {i['kilobytes']:.0f} KB .docx of {AREAS} areas × {TASKS_PER_AREA} tasks "
        f"= {i['written']} tasks in the founding document's shape; the parser found "
        f"{i['parsed']} tasks; the plan, {i['status']}, has {i['areas']} areas, {i['tasks']} "
        f"tasks and {i['assignments']:,} assignments (every department resolved to its unit).",
        "",
        "| step | seconds |",
        "|---|---|",
        f"| `parse_file` (the parse alone) | {i['parse_s']:.2f} |",
        f"| `plan_import_file` (parse, store, draft tree, departments resolved) "
        f"| {i['import_s']:.2f} |",
        f"| `plan_update` (cadence, filing deadline) | {i['update_s']:.2f} |",
        f"| `plan_publish` (checks every unit of work) | {i['publish_s']:.2f} |",
        f"| document to published plan | {to_published:.2f} |",
        "",
        f"**Export**: `{e['plan']}` from `duban demo generate --scale province --seed 1` "
        f"(generated in {e['generate_s']:.0f} s), the largest plan: {e['tasks']:,} tasks, "
        f"{e['rows']:,} rows of units of work under {e['areas']} areas; the workbook is "
        f"{e['kilobytes']:,.0f} KB.",
        "",
        "| step | seconds |",
        "|---|---|",
        f"| `task_table_export` (what the plan page's download runs) | {e['export_s']:.2f} |",
        f"| of which reading the rows (`task_table_rows`) | {e['rows_s']:.2f} |",
        f"| of which writing the workbook (`write_task_table`) | {e['write_s']:.2f} |",
        f"| openpyxl write-only mode, the same cells as plain values | {e['write_only_s']:.2f} |",
        "",
        f"Ours ÷ write-only: writing the workbook {e['write_s'] / e['write_only_s']:.1f}×; the "
        f"whole export {e['export_s'] / e['write_only_s']:.1f}×.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--write", type=Path, help="replace this benchmark's section of the file")
    args = parser.parse_args(argv)
    postgres = _server_and_database(f"duban_io_{os.getpid()}")
    with tempfile.TemporaryDirectory(prefix="duban-io-") as var_dir:
        _environment(var_dir)
        if postgres:
            server_url, database_url = postgres
            name = database_url.rsplit("/", 1)[1]
            _postgres(server_url, f"CREATE DATABASE {name}")
            os.environ["DATABASE_URL"] = database_url
        else:
            os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections

        try:
            call_command("migrate", verbosity=0, interactive=False)
            exported = bench_export(args.runs)
            imported = bench_import(args.runs)
            vendor = connection.vendor
        finally:
            connections.close_all()
            if postgres:
                _postgres(server_url, f"DROP DATABASE IF EXISTS {name}")
    text = section(vendor, args.runs, imported, exported)
    print(text)
    if args.write:
        write_section(args.write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
