from collections import defaultdict

from django.db.models import Count, Prefetch, Q

from duban.directory.models import Region, Unit, UnitAlias, User
from duban.directory.names import SCOPE_PREFIXES, NameIndex, Resolution, scope_prefixes


def default_region() -> Region | None:
    """The one province the directory holds, which documents without a region belong to."""
    provinces = list(Region.objects.filter(level=Region.Level.PROVINCE)[:2])
    return provinces[0] if len(provinces) == 1 else None


def _units_for(region: Region | None):
    """The units a document of `region` may name: the nation's, its own and those above and
    below it. Without a region, every unit."""
    units = Unit.objects.active()
    if region is None:
        return units
    above = [r.pk for r in region.ancestors()]
    below = Q(region__parent=region) | Q(region__parent__parent=region)
    national = Q(region__level=Region.Level.NATIONAL)
    return units.filter(Q(region_id__in=above) | below | national)


def name_index(region: Region | None = None) -> NameIndex:
    """Every unit a document of `region` may name, with all the names it may use for them.

    Without a region, the directory's one province stands in. The province's own name is the
    scope folded away (四川省财政厅 ~ 省财政厅), and only the aliases remembered for the region
    (or everywhere) count. Two units of the region answering to one name resolve to neither.
    """
    region = region or default_region()
    aliases = UnitAlias.objects.in_scope(region).only("name", "unit_id")
    units = _units_for(region).prefetch_related(Prefetch("aliases", aliases))
    province = region.province if region else None
    return NameIndex.build(
        (
            (unit.pk, unit.name, [unit.short_name, *(a.name for a in unit.aliases.all())])
            for unit in units
        ),
        prefixes=scope_prefixes(province.name) if province else SCOPE_PREFIXES,
        strict=False,
    )


def resolve_name(name: str, region: Region | None = None) -> Resolution:
    return name_index(region).resolve(name)


def aliases_remembered():
    """Every alias with its unit and region, newest first, withdrawn ones included, for review."""
    return UnitAlias.objects.select_related("unit", "region").order_by("withdrawn", "-pk")


def canonical_names(region: Region | None = None) -> dict[str, str]:
    """Name as written → full name, for every name the directory knows (the parser's mapping)."""
    mapping = {}
    aliases = Prefetch("aliases", UnitAlias.objects.in_scope(region))
    for unit in Unit.objects.active().prefetch_related(aliases):
        for name in (unit.name, unit.short_name, *(a.name for a in unit.aliases.all())):
            mapping[name] = unit.name
    return mapping


def unit_counts_by_kind() -> list[dict]:
    # COUNT(*), not of the id: the id is not in the index that answers it (`unit_kind_active`).
    return list(Unit.objects.active().values("kind").annotate(n=Count("*")).order_by("kind"))


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
