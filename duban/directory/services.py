"""Writes to the directory: units, their aliases, user accounts. Each is audited."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Region, Unit, UnitAlias, User
from duban.directory.selectors import name_index
from duban.lib import clock

UNIT_EDITABLE = ("name", "short_name", "kind", "region", "active")
USER_EDITABLE = ("first_name", "last_name", "email", "unit", "role", "is_active")


@transaction.atomic
def unit_update(*, unit: Unit, by: User, seen_version: int, **changes) -> Unit:
    _set_fields(unit, changes, UNIT_EDITABLE)
    unit.full_clean()
    return audit.save(unit, by=by, fields=list(changes), seen_version=seen_version)


@transaction.atomic
def unit_add_alias(*, unit: Unit, name: str, by: User, cause: str = Cause.PERSON) -> UnitAlias:
    """Remember another way of writing `unit`'s name, e.g. when a coordinator maps an import."""
    name = name.strip()
    if name in (unit.name, unit.short_name):
        raise audit.DomainError(_("“%(name)s”已是该单位的名称。") % {"name": name})
    taken = UnitAlias.objects.filter(name=name).first()
    if taken and taken.unit_id == unit.pk:
        return taken
    # Compare folded forms too (甘肃省发改委 ~ 省发展改革委): an alias names one unit only.
    owner = taken.unit_id if taken else name_index().resolve(name).unit
    if owner is not None and owner != unit.pk:
        other = Unit.objects.get(pk=owner)
        raise audit.DomainError(
            _("别名“%(name)s”已属于%(unit)s。") % {"name": name, "unit": other.name}
        )
    return audit.save(UnitAlias(unit=unit, name=name), by=by, cause=cause)


@transaction.atomic
def user_update(*, target: User, by: User, seen_version: int, **changes) -> User:
    _set_fields(target, changes, USER_EDITABLE)
    target.full_clean(exclude=["password"])
    return audit.save(target, by=by, fields=list(changes), seen_version=seen_version)


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str,
    unit: Unit | None,
    by: User | None,
    cause: str = Cause.PERSON,
    **extra,
) -> User:
    user = User(username=username, role=role, unit=unit, **extra)
    user.date_joined = extra.get("date_joined") or clock.now()
    user.set_password(password)
    user.full_clean(exclude=["password"])
    return audit.save(user, by=by, cause=cause)


def _set_fields(obj, changes: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(obj, name, value)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0


@transaction.atomic
def directory_load(*, data: dict, by: User | None) -> LoadReport:
    """Create or update the regions and units of a directory data file; safe to run twice.

    Units are matched by full name. Nothing is deleted: a unit missing from the file stays.
    """
    report = LoadReport()
    with audit.cause(Cause.IMPORT, "directory data file"):
        regions = {r["code"]: _upsert_region(r, report) for r in _parents_first(data["regions"])}
        for entry in data["units"]:
            _upsert_unit(entry, regions[entry["region"]], by, report)
    return report


def _parents_first(regions: list[dict]) -> list[dict]:
    depth = {"province": 0, "city": 1, "county": 2}
    return sorted(regions, key=lambda r: depth[r["level"]])


def _upsert_region(entry: dict, report: LoadReport) -> Region:
    parent = Region.objects.get(code=entry["parent"]) if entry.get("parent") else None
    values = {"name": entry["name"], "level": entry["level"], "parent": parent}
    region, created = Region.objects.get_or_create(code=entry["code"], defaults=values)
    if created:
        report.created.append(f"region {region.code} {region.name}")
    elif any(getattr(region, k) != v for k, v in values.items()):
        Region.objects.filter(pk=region.pk).update(**values)
        report.updated.append(f"region {region.code} {region.name}")
    return region


def _upsert_unit(entry: dict, region: Region, by: User | None, report: LoadReport) -> None:
    values = {"short_name": entry["short_name"], "kind": entry["kind"], "region": region}
    unit = Unit.objects.filter(name=entry["name"]).first()
    if unit is None:
        unit = audit.save(Unit(name=entry["name"], **values), by=by, cause=Cause.IMPORT)
        report.created.append(f"unit {unit.name}")
    elif any(getattr(unit, k) != v for k, v in values.items()):
        for name, value in values.items():
            setattr(unit, name, value)
        audit.save(unit, by=by, fields=list(values), cause=Cause.IMPORT)
        report.updated.append(f"unit {unit.name}")
    else:
        report.unchanged += 1
    for alias in entry.get("aliases", []):
        if alias not in (unit.name, unit.short_name):
            unit_add_alias(unit=unit, name=alias, by=by, cause=Cause.IMPORT)
