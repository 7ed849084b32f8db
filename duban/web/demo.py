"""The demo: the Gansu directory, one account per role (password `duban-demo`) and the 2012
plan imported from the founding document and published."""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from duban.audit.models import Cause
from duban.directory.management.commands.directory import DEFAULT_FILE
from duban.directory.models import Unit, User
from duban.directory.services import directory_load, user_create
from duban.lib import clock

DEMO_PASSWORD = "duban-demo"
# 甘政发〔2012〕53号, the founding document, as published (see samples/README.md).
FOUNDING_DOCUMENT = Path(__file__).resolve().parents[2] / "samples/gansu-2012-reform-opinions.txt"
# 备案 deadline: the document says 各市州和各项改革的牵头部门…于5月中旬前报省政府备案.
FILING_DEADLINE = date(2012, 5, 20)
FILING_DEADLINE_TEXT = "5月中旬前"
# The day the demo's record runs to (`make run` serves it as of this day).
DEMO_TODAY = date(2012, 9, 30)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    unit_name: str | None
    last_name: str
    first_name: str


Role = User.Role
DEMO_ACCOUNTS = [
    DemoAccount("admin", Role.ADMIN, None, "系统", "管理员"),
    DemoAccount("security", Role.SECURITY, None, "安全", "管理员"),
    DemoAccount("auditor", Role.AUDITOR, None, "审计", "管理员"),
    DemoAccount("coordinator", Role.COORDINATOR, "甘肃省发展和改革委员会", "王", "体改处"),
    DemoAccount("leader", Role.LEADER, "甘肃省人民政府", "李", "秘书长"),
    DemoAccount("fagai", Role.EDITOR, "甘肃省发展和改革委员会", "赵", "填报员"),
    DemoAccount("caizheng", Role.EDITOR, "甘肃省财政厅", "钱", "填报员"),
    DemoAccount("lanzhou", Role.EDITOR, "兰州市人民政府", "孙", "填报员"),
    DemoAccount("viewer", Role.VIEWER, "甘肃省财政厅", "周", "查阅员"),
]


def demo_load(*, history: bool = True) -> list[str]:
    """Load the directory, the demo accounts and the 2012 plan; safe to run any number of times.

    With `history`, the plan also gets the year's record as of 2012-09-30: implementation plans
    filed (some late, one returned), milestones, extensions, 批示, monthly reports and evidence.
    Everything is stamped on the demo's clock (`DUBAN_TODAY`, else 2012-09-30): nothing in the
    2012 demo is dated after its today.
    """
    with clock.on_day(settings.DUBAN_TODAY or DEMO_TODAY):
        return _demo_load(history=history)


@transaction.atomic
def _demo_load(*, history: bool) -> list[str]:
    lines = demo_directory_and_accounts()
    lines.append(_demo_plan())
    if history:
        lines.extend(_demo_history())
    return lines


def demo_directory_and_accounts() -> list[str]:
    """The Gansu directory and the demo accounts, without any plan (generated data starts here)."""
    lines = []
    report = directory_load(data=json.loads(DEFAULT_FILE.read_text(encoding="utf-8")), by=None)
    lines.append(f"directory: {len(report.created)} created, {len(report.updated)} updated")
    for account in DEMO_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        unit = Unit.objects.get(name=account.unit_name) if account.unit_name else None
        user_create(
            username=account.username,
            password=DEMO_PASSWORD,
            role=account.role,
            unit=unit,
            by=None,
            cause=Cause.SETUP,
            last_name=account.last_name,
            first_name=account.first_name,
            # `.example` is reserved: demo e-mail goes to the console backend, never out.
            email=f"{account.username}@duban.example",
            is_staff=account.role == Role.ADMIN,
            is_superuser=account.role == Role.ADMIN,
        )
        lines.append(f"account {account.username} created")
    return lines


def _demo_history() -> list[str]:
    from duban.coordination.demo import demo_coordination_load
    from duban.execution.demo_plans import demo_execution_history
    from duban.execution.demo_reports import demo_reports_load
    from duban.plans.models import Plan

    plan = Plan.objects.get(year=2012, source__original_name=FOUNDING_DOCUMENT.name)
    coordinator = User.objects.get(username="coordinator")
    lines = demo_execution_history(plan=plan, coordinator=coordinator)
    lines.append(demo_reports_load(plan=plan, by=coordinator))
    lines.append(demo_coordination_load(plan=plan, coordinator=coordinator))
    return lines


def _demo_plan() -> str:
    """Import and publish the 2012 plan from the founding document, unless it is there."""
    from duban.plans.models import Plan
    from duban.plans.services import plan_import_file, plan_publish, plan_update

    existing = Plan.objects.filter(year=2012, source__original_name=FOUNDING_DOCUMENT.name).first()
    if existing:
        return f"plan 2012: present (plan {existing.pk}, {existing.status})"
    coordinator = User.objects.get(username="coordinator")
    plan = plan_import_file(path=FOUNDING_DOCUMENT, year=2012, by=coordinator)
    plan = plan_update(
        plan=plan,
        by=coordinator,
        seen_version=plan.version,
        filing_deadline=FILING_DEADLINE,
        filing_deadline_text=FILING_DEADLINE_TEXT,
        report_cadence=Plan.Cadence.MONTHLY,
    )
    _note_shared_leads(plan, coordinator)
    plan = plan_publish(plan=plan, by=coordinator, seen_version=plan.version)
    return f"plan 2012: imported and published (plan {plan.pk})"


def _note_shared_leads(plan, coordinator: User) -> None:
    """The document makes some tasks the joint lead of several units (4.1: 省医改办、省卫生厅、
    省人社厅、省财政厅、甘肃保监局等牵头负责); the coordinator records that before publishing."""
    from django.db.models import Count

    from duban.plans.models import Assignment
    from duban.plans.services import task_update

    jointly_led = (
        Assignment.objects.leads()
        .filter(task__plan=plan)
        .values("task_id")
        .annotate(leads=Count("pk"))
        .filter(leads__gt=1)
        .values("task_id")
    )
    shared = plan.tasks.filter(pk__in=jointly_led)
    for task in shared:
        task_update(
            task=task,
            by=coordinator,
            seen_version=task.version,
            lead_note="文件规定由多个单位共同牵头负责",
        )


def demo_accounts_table() -> str:
    rows = [f"  {'account':<12} {'role':<12} unit"]
    units = dict(Unit.objects.values_list("name", "short_name"))
    for a in DEMO_ACCOUNTS:
        rows.append(f"  {a.username:<12} {a.role:<12} {units.get(a.unit_name, '-')}")
    return "\n".join(rows) + f"\n  password: {DEMO_PASSWORD}"
