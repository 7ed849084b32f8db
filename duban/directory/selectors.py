from collections import defaultdict

from django.db.models import Count, Prefetch

from duban.directory.models import Unit, UnitAlias, User
from duban.directory.names import NameIndex, Resolution


def name_index() -> NameIndex:
    """Every active unit with all the names documents may use for it."""
    units = Unit.objects.active().prefetch_related(
        Prefetch("aliases", UnitAlias.objects.only("name"))
    )
    return NameIndex.build(
        (unit.pk, unit.name, [unit.short_name, *(a.name for a in unit.aliases.all())])
        for unit in units
    )


def resolve_name(name: str) -> Resolution:
    return name_index().resolve(name)


def canonical_names() -> dict[str, str]:
    """Name as written → full name, for every name the directory knows (the parser's mapping)."""
    mapping = {}
    for unit in Unit.objects.active().prefetch_related("aliases"):
        for name in (unit.name, unit.short_name, *(a.name for a in unit.aliases.all())):
            mapping[name] = unit.name
    return mapping


def unit_counts_by_kind() -> list[dict]:
    return list(Unit.objects.active().values("kind").annotate(n=Count("id")).order_by("kind"))


def unit_recipients(unit_ids) -> dict[int, list[User]]:
    """unit id → its active editors and viewers: the people a message to the unit reaches."""
    people: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(
        unit_id__in=list(unit_ids),
        is_active=True,
        role__in=[User.Role.EDITOR, User.Role.VIEWER],
    ):
        people[user.unit_id].append(user)
    return people


def accounts_with_locks() -> list:
    """Every account, each with `locked_until` set while its sign-in is locked."""
    from django.utils import timezone

    from duban.directory.models import LoginThrottle, User

    now = timezone.now()
    locks = dict(
        LoginThrottle.objects.filter(key__startswith="user:", locked_until__gt=now).values_list(
            "key", "locked_until"
        )
    )
    users = list(User.objects.select_related("unit").order_by("role", "username"))
    for user in users:
        user.locked_until = locks.get(f"user:{user.username.lower()}")
    return users
