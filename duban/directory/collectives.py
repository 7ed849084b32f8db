"""The sets a collective name (`各市州`, `各区、县级市`, `省直有关部门`) can stand for in a region.

A document writes `各市州负责` instead of listing fourteen governments; on import the coordinator
says which set such a name means, or that the lead unit decides who takes part. The sets are
read from the directory as it is, so a region's own cities and counties are what they are.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from duban.directory.models import Region, Unit

LEAD_DECIDES = "lead"


@dataclass(frozen=True)
class CollectiveSet:
    key: str
    label: str
    units: list[Unit]


def _governments_below(region: Region, level: str) -> QuerySet[Unit]:
    below = Region.objects.filter(level=level)
    # Cities are the children of a province; counties hang under a city or directly under it.
    scope = below.filter(parent=region) | below.filter(parent__parent=region)
    return Unit.objects.active().filter(kind=Unit.Kind.GOVERNMENT, region__in=scope)


def collective_sets(region: Region | None) -> list[CollectiveSet]:
    """The sets a collective name may stand for in `region`, non-empty ones only."""
    if region is None:
        return []
    provinces = Unit.objects.active().filter(
        kind=Unit.Kind.GOVERNMENT, region__level=Region.Level.PROVINCE
    )
    candidates = [
        # The nation's documents address every province (各省级人民政府, 各省、自治区、直辖市).
        (
            "provinces",
            _("各省级人民政府"),
            provinces if region.level == Region.Level.NATIONAL else provinces.none(),
        ),
        ("cities", _("本区域各市州人民政府"), _governments_below(region, Region.Level.CITY)),
        (
            "counties",
            _("本区域各县（市、区）人民政府"),
            _governments_below(region, Region.Level.COUNTY),
        ),
    ]
    for kind in (Unit.Kind.DEPARTMENT, Unit.Kind.CENTRAL_UNIT):
        units = Unit.objects.active().filter(kind=kind, region=region)
        candidates.append((f"kind:{kind}", _("本级全部%(kind)s") % {"kind": kind.label}, units))
    return [
        CollectiveSet(key, str(label), list(units.order_by("name")))
        for key, label, units in candidates
        if units.exists()
    ]


def collective_set(region: Region | None, key: str) -> CollectiveSet | None:
    return next((found for found in collective_sets(region) if found.key == key), None)
