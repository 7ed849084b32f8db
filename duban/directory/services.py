"""Writes to the directory: units, their aliases, user accounts. Each is audited."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import chain
from duban.audit import services as audit
from duban.audit.models import AuditEntry, Cause
from duban.directory import login
from duban.directory.models import Region, Unit, UnitAlias, User
from duban.directory.selectors import name_index
from duban.lib import clock

UNIT_EDITABLE = ("name", "short_name", "kind", "region", "active")
# The role is not among them: roles change only through `user_role_set`, with a reason.
USER_EDITABLE = ("first_name", "last_name", "email", "unit", "is_active")


@transaction.atomic
def unit_update(*, unit: Unit, by: User, seen_version: int, **changes) -> Unit:
    _set_fields(unit, changes, UNIT_EDITABLE)
    unit.full_clean()
    return audit.save(unit, by=by, fields=list(changes), seen_version=seen_version)


@transaction.atomic
def unit_create(*, name: str, short_name: str, kind: str, region: Region, by: User) -> Unit:
    """A unit the directory lacks, created where a document names it (the mapping screen)."""
    name, short_name = name.strip(), short_name.strip() or name.strip()
    if Unit.objects.filter(name=name).exists():
        raise audit.DomainError(_("名录中已有“%(name)s”。") % {"name": name})
    unit = Unit(name=name, short_name=short_name, kind=kind, region=region)
    unit.full_clean(exclude=["version"])
    return audit.save(unit, by=by)


@transaction.atomic
def unit_add_alias(
    *,
    unit: Unit,
    name: str,
    by: User,
    region: Region | None = None,
    cause: str = Cause.PERSON,
) -> UnitAlias:
    """Remember another way of writing `unit`'s name, e.g. when a coordinator maps an import.

    With `region`, the alias holds for documents of that region (and below) only.
    """
    name = name.strip()
    if name in (unit.name, unit.short_name):
        raise audit.DomainError(_("“%(name)s”已是该单位的名称。") % {"name": name})
    taken = UnitAlias.objects.in_scope(region).filter(name=name).first()
    if taken and taken.unit_id == unit.pk:
        return taken
    # Compare folded forms too (甘肃省发改委 ~ 省发展改革委): an alias names one unit only.
    owner = taken.unit_id if taken else name_index(region).resolve(name).unit
    if owner is not None and owner != unit.pk:
        other = Unit.objects.get(pk=owner)
        raise audit.DomainError(
            _("别名“%(name)s”已属于%(unit)s。") % {"name": name, "unit": other.name}
        )
    return audit.save(UnitAlias(unit=unit, name=name, region=region), by=by, cause=cause)


@transaction.atomic
def unit_alias_withdraw(*, alias: UnitAlias, by: User, reason: str) -> UnitAlias:
    """Stop recognising an alias (a wrong choice remembered); the record is kept."""
    if alias.withdrawn:
        raise audit.DomainError(_("该别名已撤销。"))
    if not reason.strip():
        raise audit.DomainError(_("请写明撤销原因。"))
    alias.withdrawn = True
    return audit.save(alias, by=by, fields=["withdrawn"], reason=reason.strip())


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
    # The demo's shared password predates the policy; every real account meets it.
    if cause != Cause.SETUP:
        password_validation.validate_password(password, user)
    user.date_joined = extra.get("date_joined") or clock.now()
    user.set_password(password)
    user.full_clean(exclude=["password"])
    return audit.save(user, by=by, cause=cause)


@transaction.atomic
def user_role_set(*, target: User, role: str, reason: str, by: User, seen_version: int) -> User:
    """Give `target` another role: the security administrator's, always with a reason, and
    recorded both in the account's history and as a permission change on the audit chain."""
    from duban.directory.permissions import can_change_role

    if not can_change_role(by, target):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise audit.DomainError(_("请填写变更原因。"))
    if role not in User.Role.values:
        raise audit.DomainError(_("角色“%(role)s”不存在。") % {"role": role})
    before = target.role
    target.role = role
    # Only the system administrator reaches Django's admin site.
    target.is_staff = role == User.Role.ADMIN
    target.is_superuser = target.is_superuser and role == User.Role.ADMIN
    target.full_clean(exclude=["password"])
    audit.save(
        target,
        by=by,
        fields=["role", "is_staff", "is_superuser"],
        seen_version=seen_version,
        reason=reason,
    )
    _permission_event(target, by, f"{before} → {role}: {reason}")
    return target


def _permission_event(target: User, by: User, detail: str) -> None:
    chain.append(
        kind=AuditEntry.Kind.ROLE_CHANGED,
        actor_id=by.pk,
        actor_name=by.username,
        object_label=User._meta.label,
        object_id=str(target.pk),
        detail=detail[:255],
    )


def user_unlock(*, target: User, reason: str, by: User) -> None:
    """Lift a sign-in lock before its time (the security administrator's, with a reason)."""
    from duban.directory.permissions import can_unlock

    if not can_unlock(by, target):
        raise PermissionDenied
    if not reason.strip():
        raise audit.DomainError(_("请填写解锁原因。"))
    login.unlock(username=target.username, by=by, reason=reason.strip())


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
    depth = {"national": -1, "province": 0, "city": 1, "county": 2}
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
            scope = None if names_region(alias, region) else region
            unit_add_alias(unit=unit, name=alias, region=scope, by=by, cause=Cause.IMPORT)


def names_region(alias: str, region: Region) -> bool:
    """Whether an alias carries its region's name (甘肃省发改委, 兰州): then it means its unit
    everywhere. A generic one (省发改委, 市财政局) means it in the region's own documents only."""
    return region.name[:2] in alias


TEMPLATES_FILE = Path(__file__).resolve().parent / "data" / "region-templates.json"


def region_scope(name: str, level: str) -> str:
    """The word documents of a region write for it: 省 (or 自治区, 市 for a municipality),
    市 or 州 for a city, the last character (县, 区, 市) for a county."""
    if level == Region.Level.PROVINCE:
        return "自治区" if name.endswith("自治区") else ("市" if name.endswith("市") else "省")
    if level == Region.Level.CITY:
        return "州" if name.endswith("州") else "市"
    return name[-1]


def region_template(*, name: str, level: str, code: str, parent: str | None) -> dict:
    """A directory data file for a new region: the region and its usual units, to be edited."""
    templates = json.loads(TEMPLATES_FILE.read_text(encoding="utf-8"))
    if level not in ("province", "city", "county"):
        raise audit.DomainError(_("层级须为 province、city 或 county。"))
    scope = region_scope(name, level)

    def fill(text: str) -> str:
        return text.replace("{name}", name).replace("{scope}", scope)

    units = [
        {
            "name": fill(entry["name"]),
            "short_name": fill(entry["short_name"]),
            "aliases": [fill(alias) for alias in entry["aliases"]],
            "kind": entry["kind"],
            "region": code,
        }
        for entry in templates[level]
    ]
    region = {"code": code, "name": name, "level": level, "parent": parent}
    return {"source": templates["source"], "regions": [region], "units": units}


@transaction.atomic
def region_create(*, name: str, level: str, code: str, parent: Region | None, by: User | None):
    """Create a region with its template units (`region_template`); returns the load report."""
    name = name.strip()
    if Region.objects.filter(code=code).exists():
        raise audit.DomainError(_("区划代码 %(code)s 已存在。") % {"code": code})
    if level != Region.Level.PROVINCE and parent is None:
        raise audit.DomainError(_("市、县须指明上级区域。"))
    data = region_template(
        name=name, level=level, code=code, parent=parent.code if parent else None
    )
    return directory_load(data=data, by=by)


def totp_device_for(user: User):
    """The user's authenticator device: the confirmed one, or one waiting to be confirmed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Duban", confirmed=False)


@transaction.atomic
def totp_verify(*, user: User, token: str, ip: str | None):
    """Check a one-time password; confirm a new device on its first good one. A wrong one
    counts as a failed sign-in (the same lock-out). Returns the device, or None."""
    device = totp_device_for(user)
    if login.locked_until(user.username, ip) or not device.verify_token(token.strip()):
        login.failure_record(username=user.username, ip=ip)
        return None
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return device
