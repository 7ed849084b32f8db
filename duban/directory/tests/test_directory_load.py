import json

from duban.directory.management.commands.directory import DEFAULT_FILE
from duban.directory.models import Region, Unit, UnitAlias
from duban.directory.selectors import canonical_names, resolve_name
from duban.directory.services import directory_load


def test_loading_twice_changes_nothing(db, demo_accounts):
    data = json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
    counts = (Region.objects.count(), Unit.objects.count(), UnitAlias.objects.count())
    report = directory_load(data=data, by=None)
    assert report.created == [] and report.updated == []
    assert (Region.objects.count(), Unit.objects.count(), UnitAlias.objects.count()) == counts


def test_the_province_has_fourteen_cities_each_with_its_government(db, demo_accounts):
    cities = Region.objects.filter(level=Region.Level.CITY)
    assert cities.count() == 14
    for city in cities:
        assert city.units.filter(kind=Unit.Kind.GOVERNMENT).exists(), city.name


def test_names_as_written_resolve_through_the_database(db, demo_accounts):
    assert resolve_name("省发展改革委").unit == Unit.objects.get(name="甘肃省发展和改革委员会").pk
    assert (
        resolve_name("人行兰州中心支行").unit
        == Unit.objects.get(name="中国人民银行兰州中心支行").pk
    )
    mapping = canonical_names()
    assert mapping["省委文化体制改革领导小组办公室"] == "省委文化体制改革领导小组办公室" or mapping[
        "省委文化体制改革领导小组办公室"
    ].endswith("文化体制改革领导小组办公室")
