from collections import defaultdict

from django.db.models import Count, Prefetch

from duban.directory.models import Region, Unit, UnitAlias, User
from duban.directory.names import NameIndex, Resolution


def name_index(region: Region | None = None) -> NameIndex:
    """Every active unit with all the names documents of `region` may use for it.

    Without a region only the aliases that hold everywhere count.
    """
    aliases = UnitAlias.objects.in_scope(region).only("name", "unit_id")
    units = Unit.objects.active().prefetch_related(Prefetch("aliases", aliases))
    return NameIndex.build(
        (unit.pk, unit.name, [unit.short_name, *(a.name for a in unit.aliases.all())])
        for unit in units
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
