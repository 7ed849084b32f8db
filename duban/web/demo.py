"""The demo: the Gansu directory and one account per role (password `duban-demo`)."""

import json
from dataclasses import dataclass

from django.db import transaction

from duban.audit.models import Cause
from duban.directory.management.commands.directory import DEFAULT_FILE
from duban.directory.models import Unit, User
from duban.directory.services import directory_load, user_create

DEMO_PASSWORD = "duban-demo"


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
    DemoAccount("coordinator", Role.COORDINATOR, "甘肃省发展和改革委员会", "王", "体改处"),
    DemoAccount("leader", Role.LEADER, "甘肃省人民政府", "李", "秘书长"),
    DemoAccount("fagai", Role.EDITOR, "甘肃省发展和改革委员会", "赵", "填报员"),
    DemoAccount("caizheng", Role.EDITOR, "甘肃省财政厅", "钱", "填报员"),
    DemoAccount("lanzhou", Role.EDITOR, "兰州市人民政府", "孙", "填报员"),
    DemoAccount("viewer", Role.VIEWER, "甘肃省财政厅", "周", "查阅员"),
]


@transaction.atomic
def demo_load() -> list[str]:
    """Load the directory and the demo accounts; safe to run any number of times."""
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
            is_staff=account.role == Role.ADMIN,
            is_superuser=account.role == Role.ADMIN,
        )
        lines.append(f"account {account.username} created")
    return lines


def demo_accounts_table() -> str:
    rows = [f"  {'account':<12} {'role':<12} unit"]
    units = dict(Unit.objects.values_list("name", "short_name"))
    for a in DEMO_ACCOUNTS:
        rows.append(f"  {a.username:<12} {a.role:<12} {units.get(a.unit_name, '-')}")
    return "\n".join(rows) + f"\n  password: {DEMO_PASSWORD}"
