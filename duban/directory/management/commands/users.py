"""`duban users list`, `duban users create USERNAME --role ROLE [--unit NAME] [--email E]`,
`duban users deactivate USERNAME`: accounts, for the IT staff's scripts."""

import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from duban.directory.models import Unit, User
from duban.directory.selectors import resolve_name
from duban.directory.services import user_create, user_update


def _unit(name: str | None) -> Unit | None:
    if not name:
        return None
    found = resolve_name(name)
    if found.unit is None:
        hint = "、".join(s.full_name for s in found.suggestions[:3])
        raise CommandError(
            f"单位 {name!r} 不在名录中" + (f"（是否指：{hint}）" if hint else ""), returncode=2
        )
    return Unit.objects.get(pk=found.unit)


class Command(BaseCommand):
    help = "用户：duban users list；create USERNAME --role ROLE --unit 单位；deactivate USERNAME"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="list the accounts with role and unit")
        create = sub.add_parser("create", help="create an account (password asked, or --password)")
        create.add_argument("username")
        create.add_argument("--role", choices=User.Role.values, required=True)
        create.add_argument("--unit", help="the unit's name as written, e.g. 省财政厅")
        create.add_argument("--email", default="")
        create.add_argument("--password", help="omit to be asked (not echoed)")
        deactivate = sub.add_parser("deactivate", help="stop an account signing in (kept)")
        deactivate.add_argument("username")

    def handle(self, *args, action, **options):
        {"list": self.list, "create": self.create, "deactivate": self.deactivate}[action](**options)

    def list(self, **_):
        for user in User.objects.select_related("unit").order_by("username"):
            state = "" if user.is_active else " (inactive)"
            self.stdout.write(f"{user.username} {user.role} {user.unit or '-'}{state}")

    def create(self, *, username, role, unit, email, password, **_):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"用户 {username!r} 已存在", returncode=2)
        # The directory's rule: every account but an admin's belongs to one unit.
        if role != User.Role.ADMIN and not unit:
            raise CommandError("--unit：除系统管理员外，每位用户须属于一个单位", returncode=2)
        password = password or getpass.getpass("password: ")
        try:
            user = user_create(
                username=username,
                password=password,
                role=role,
                unit=_unit(unit),
                by=None,
                email=email,
            )
        except ValidationError as error:
            raise CommandError("；".join(error.messages), returncode=2) from None
        self.stdout.write(f"user {user.username} created ({user.role}, {user.unit or '-'})")

    def deactivate(self, *, username, **_):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"没有用户 {username!r}", returncode=2)
        user_update(target=user, by=None, seen_version=user.version, is_active=False)
        self.stdout.write(f"user {username} deactivated")
