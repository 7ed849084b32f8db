"""Beyond Gansu: the State Council's units, and new regions generated from the usual shape."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from duban.directory.models import Region, Unit
from duban.directory.names import NameIndex, directory_units
from duban.directory.selectors import name_index
from duban.directory.services import directory_load

DATA = Path(__file__).resolve().parents[1] / "data"


def data(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_the_state_council_file_says_where_it_comes_from_and_has_no_clashing_names():
    national = data("state-council.json")
    assert "国务院组织机构" in national["source"]
    assert len(national["units"]) >= 80
    # Strict: no two units of the nation and Gansu answer to one name.
    NameIndex.build(directory_units(national) + directory_units(data("gansu.json")))


@pytest.mark.parametrize(
    ("name", "full_name"),
    [
        ("国家发展改革委", "中华人民共和国国家发展和改革委员会"),
        ("财政部", "中华人民共和国财政部"),
        ("市场监管总局", "国家市场监督管理总局"),
        ("国家能源局", "国家能源局"),
        ("人力资源社会保障部", "中华人民共和国人力资源和社会保障部"),
        ("中央编办", "中央机构编制委员会办公室"),
        ("全国妇联", "中华全国妇女联合会"),
        # Gansu's own names keep their units beside the nation's.
        ("省发展改革委", "甘肃省发展和改革委员会"),
        ("省财政厅", "甘肃省财政厅"),
    ],
)
def test_national_and_provincial_names_resolve_side_by_side(name, full_name):
    units = directory_units(data("state-council.json")) + directory_units(data("gansu.json"))
    index = NameIndex.build(units)
    assert index.resolve(name).unit == full_name


@pytest.fixture
def sichuan(db):
    call_command("directory", "new-region", "四川省", "--level", "province", "--code", "510000")
    return Region.objects.get(code="510000")


@pytest.fixture
def chengdu_and_mianyang(sichuan):
    for name, code in (("成都市", "510100"), ("绵阳市", "510700")):
        call_command(
            "directory", "new-region", name, "--level", "city", "--parent", "510000", "--code", code
        )
    return Region.objects.get(code="510100"), Region.objects.get(code="510700")


@pytest.mark.django_db
def test_a_new_province_gets_the_usual_units(sichuan):
    units = Unit.objects.filter(region=sichuan)
    assert units.filter(name="四川省人民政府", kind=Unit.Kind.GOVERNMENT).exists()
    assert units.filter(name="四川省财政厅", short_name="省财政厅").exists()
    assert units.count() >= 45


@pytest.mark.django_db
def test_a_provinces_documents_resolve_to_its_own_units(sichuan):
    gansu = Region.objects.get(code="620000")
    assert (
        name_index(sichuan).full_name(name_index(sichuan).resolve("省财政厅").unit)
        == "四川省财政厅"
    )
    assert name_index(sichuan).resolve("四川省财政厅").certain
    assert Unit.objects.get(pk=name_index(gansu).resolve("省财政厅").unit).name == "甘肃省财政厅"
    assert Unit.objects.get(pk=name_index(sichuan).resolve("省人社厅").unit).name == (
        "四川省人力资源和社会保障厅"
    )


@pytest.mark.django_db
def test_each_citys_generic_names_are_its_own(chengdu_and_mianyang, sichuan):
    chengdu, mianyang = chengdu_and_mianyang
    for region, full_name in ((chengdu, "成都市财政局"), (mianyang, "绵阳市财政局")):
        index = name_index(region)
        assert index.full_name(index.resolve("市财政局").unit) == full_name
        assert index.full_name(index.resolve("市发改委").unit) == full_name.replace(
            "财政局", "发展和改革委员会"
        )
        # The province's units are named in a city's documents too.
        assert index.full_name(index.resolve("省财政厅").unit) == "四川省财政厅"
    # In the province's own documents 市财政局 could be any city's: neither is assumed.
    resolution = name_index(sichuan).resolve("市财政局")
    assert resolution.unit is None
    assert {s.full_name for s in resolution.suggestions} >= {"成都市财政局", "绵阳市财政局"}


@pytest.mark.django_db
def test_the_national_units_load_beside_the_province():
    directory_load(data=data("state-council.json"), by=None)
    gansu = Region.objects.get(code="620000")
    index = name_index(gansu)
    assert index.full_name(index.resolve("国家能源局").unit) == "国家能源局"
    assert index.full_name(index.resolve("省财政厅").unit) == "甘肃省财政厅"


@pytest.mark.django_db
def test_bad_input_to_new_region_exits_2_naming_the_problem(sichuan):
    with pytest.raises(CommandError, match="510000") as error:
        call_command("directory", "new-region", "四川省", "--level", "province", "--code", "510000")
    assert error.value.returncode == 2
    with pytest.raises(CommandError, match="999999"):
        call_command("directory", "new-region", "某市", "--level", "city", "--parent", "999999")
    with pytest.raises(CommandError, match="上级"):
        call_command("directory", "new-region", "某市", "--level", "city")
