"""Units, cities and name resolution: the directory every other record points at."""

from ninja import Query, Router, Schema, Status

from duban.api.v1.common import Id, Reason, answers, one_of, paged
from duban.directory.models import Region, Unit
from duban.directory.permissions import access_unit
from duban.directory.selectors import resolve_name
from duban.directory.services import unit_add_alias

router = Router(tags=["directory"])


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    region_id: int
    region: str
    active: bool
    version: int
    aliases: list[str]

    @staticmethod
    def resolve_region(unit: Unit) -> str:
        return unit.region.name

    @staticmethod
    def resolve_aliases(unit: Unit) -> list[str]:
        return [alias.name for alias in unit.aliases.all()]


class UnitFilter(Schema):
    kind: one_of(Unit.Kind) | None = None
    region: Id | None = None
    include_inactive: bool = False


class CityOut(Schema):
    id: int
    code: str
    name: str
    level: str
    parent_id: int | None


class SuggestionOut(Schema):
    unit_id: int
    full_name: str
    score: float


class ResolutionOut(Schema):
    name: str
    unit_id: int | None
    collective: bool
    suggestions: list[SuggestionOut]


class AliasIn(Schema):
    name: Reason


def _units():
    return Unit.objects.select_related("region").prefetch_related("aliases")


@router.get("/units", response=answers(list[UnitOut]), operation_id="unit_list")
@paged("id")
def unit_list(request, filters: Query[UnitFilter]):
    """Every unit of the directory (the directory is open to every signed-in user)."""
    units = _units() if filters.include_inactive else _units().filter(active=True)
    if filters.kind:
        units = units.filter(kind=filters.kind)
    if filters.region:
        units = units.filter(region_id=filters.region)
    return units


@router.get("/units/{unit_id}", response=answers(UnitOut), operation_id="unit_read")
def unit_read(request, unit_id: Id):
    return _units().get(pk=access_unit(request.user, unit_id).pk)


@router.post(
    "/units/{unit_id}/aliases", response=answers(UnitOut, 201), operation_id="unit_alias_add"
)
def unit_alias_add(request, unit_id: Id, payload: AliasIn):
    """Remember another way documents write this unit's name (admin and the reform office)."""
    unit = access_unit(request.user, unit_id, write=True)
    unit_add_alias(unit=unit, name=payload.name, by=request.user)
    return Status(201, _units().get(pk=unit.pk))


@router.get("/cities", response=answers(list[CityOut]), operation_id="city_list")
@paged("code")
def city_list(request):
    """The cities (市州) that each file their own share of a plan's city tasks."""
    return Region.objects.filter(level=Region.Level.CITY)


@router.get("/resolve", response=answers(ResolutionOut), operation_id="name_resolve")
def name_resolve(request, name: Reason):
    """Which unit a department name as written (`省发改委`) means, or ranked suggestions."""
    found = resolve_name(name)
    return {
        "name": found.name,
        "unit_id": found.unit,
        "collective": found.collective,
        "suggestions": [
            {"unit_id": s.key, "full_name": s.full_name, "score": s.score}
            for s in found.suggestions
        ],
    }
