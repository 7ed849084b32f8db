from django.core.exceptions import PermissionDenied
from ninja import Router, Schema, Status

from duban.directory.models import Unit
from duban.directory.permissions import access_unit
from duban.directory.roles import is_admin, is_coordinator
from duban.directory.selectors import resolve_name
from duban.directory.services import unit_add_alias

router = Router(tags=["directory"])


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    region: str
    aliases: list[str]

    @staticmethod
    def resolve_region(unit: Unit) -> str:
        return unit.region.name

    @staticmethod
    def resolve_aliases(unit: Unit) -> list[str]:
        return [alias.name for alias in unit.aliases.all()]


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
    name: str


@router.get("/units", response=list[UnitOut])
def unit_list(request, kind: str | None = None):
    units = Unit.objects.active().select_related("region").prefetch_related("aliases")
    return units.filter(kind=kind) if kind else units


@router.get("/units/{unit_id}", response=UnitOut)
def unit_detail(request, unit_id: int):
    return access_unit(request.user, unit_id)


@router.get("/resolve", response=ResolutionOut)
def name_resolve(request, name: str):
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


@router.post("/units/{unit_id}/aliases", response={201: UnitOut})
def unit_alias_add(request, unit_id: int, payload: AliasIn):
    if not (is_admin(request.user) or is_coordinator(request.user)):
        raise PermissionDenied
    unit = access_unit(request.user, unit_id, write=True)
    unit_add_alias(unit=unit, name=payload.name, by=request.user)
    unit = Unit.objects.select_related("region").prefetch_related("aliases").get(pk=unit.pk)
    return Status(201, unit)
