"""Name resolution against the Gansu directory, and the directory data file itself.

Plain pytest: no database. The founding document's department names are kept here as a table,
so the suite runs without ../shared; when the gold annotation is there, it is checked to match.
"""

import json
import re
from pathlib import Path

import pytest

from duban.directory.names import (
    DuplicateNameError,
    NameIndex,
    Rule,
    directory_units,
    fold_text,
    level_of,
    name_key,
)

REPO = Path(__file__).resolve().parents[3]
DIRECTORY_FILE = REPO / "duban" / "directory" / "data" / "gansu.json"
GOLD_FILE = REPO.parent / "shared" / "corpus" / "gansu-2012-reform-opinions.gold.json"

# Every department name of 甘政发〔2012〕53号 as written, with the unit's full name in 2012.
FOUNDING_DOCUMENT_NAMES = [
    ("省工信委", "甘肃省工业和信息化委员会"),
    ("省发展改革委", "甘肃省发展和改革委员会"),
    ("省政府国资委", "甘肃省人民政府国有资产监督管理委员会"),
    ("省财政厅", "甘肃省财政厅"),
    ("省人社厅", "甘肃省人力资源和社会保障厅"),
    ("省商务厅", "甘肃省商务厅"),
    ("省农牧厅", "甘肃省农牧厅"),
    ("省交通厅", "甘肃省交通运输厅"),
    ("省旅游局", "甘肃省旅游局"),
    ("省民政厅", "甘肃省民政厅"),
    ("省工商联", "甘肃省工商业联合会"),
    ("省政府金融办", "甘肃省人民政府金融工作办公室"),
    ("人行兰州中心支行", "中国人民银行兰州中心支行"),
    ("甘肃银监局", "中国银行业监督管理委员会甘肃监管局"),
    ("省国税局", "甘肃省国家税务局"),
    ("省地税局", "甘肃省地方税务局"),
    ("省工商局", "甘肃省工商行政管理局"),
    ("省统计局", "甘肃省统计局"),
    ("省委农办", "中共甘肃省委农村工作办公室"),
    ("省国土资源厅", "甘肃省国土资源厅"),
    ("省林业厅", "甘肃省林业厅"),
    ("省编办", "甘肃省机构编制委员会办公室"),
    ("省水利厅", "甘肃省水利厅"),
    ("省建设厅", "甘肃省住房和城乡建设厅"),
    ("省公安厅", "甘肃省公安厅"),
    ("省供销社", "甘肃省供销合作社联合社"),
    ("省委文化体制改革领导小组办公室", "省委文化体制改革领导小组办公室"),
    ("省文化厅", "甘肃省文化厅"),
    ("省新闻出版局", "甘肃省新闻出版局"),
    ("省广电局", "甘肃省广播电影电视局"),
    ("省教育厅", "甘肃省教育厅"),
    ("省科技厅", "甘肃省科学技术厅"),
    ("省深化医药卫生体制改革领导小组办公室", "省深化医药卫生体制改革领导小组办公室"),
    ("省卫生厅", "甘肃省卫生厅"),
    ("甘肃保监局", "中国保险监督管理委员会甘肃监管局"),
    ("省食品药品监管局", "甘肃省食品药品监督管理局"),
    ("省人口委", "甘肃省人口和计划生育委员会"),
    ("甘肃证监局", "中国证券监督管理委员会甘肃监管局"),
    ("省监察厅", "甘肃省监察厅"),
    ("省政府法制办", "甘肃省人民政府法制办公室"),
    ("省机关事务管理局", "甘肃省机关事务管理局"),
    ("省质监局", "甘肃省质量技术监督局"),
    ("省环保厅", "甘肃省环境保护厅"),
    ("兰州海关", "中华人民共和国兰州海关"),
    ("省政府外事办", "甘肃省人民政府外事办公室"),
    ("省扶贫办", "甘肃省扶贫开发办公室"),
]
EXPECTED_FULL_NAME = dict(FOUNDING_DOCUMENT_NAMES)

# The province's cities and autonomous prefectures with their administrative division codes.
CITIES = {
    "620100": "兰州市",
    "620200": "嘉峪关市",
    "620300": "金昌市",
    "620400": "白银市",
    "620500": "天水市",
    "620600": "武威市",
    "620700": "张掖市",
    "620800": "平凉市",
    "620900": "酒泉市",
    "621000": "庆阳市",
    "621100": "定西市",
    "621200": "陇南市",
    "622900": "临夏回族自治州",
    "623000": "甘南藏族自治州",
}
# Unit.Kind and Region.Level in duban/directory/models.py.
KINDS = {
    "government",
    "department",
    "party_office",
    "leading_group_office",
    "central_unit",
    "association",
}
LEVELS = {"province", "city", "county"}
# Field lengths of Unit.name, Unit.short_name and UnitAlias.name.
MAX_NAME, MAX_SHORT_NAME, MAX_ALIAS = 100, 50, 100


@pytest.fixture(scope="module")
def directory() -> dict:
    return json.loads(DIRECTORY_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index(directory) -> NameIndex:
    """The Gansu directory, keyed by full name as the data file has no ids."""
    return NameIndex.build(directory_units(directory))


def gold_department_names(items: list[dict]) -> list[str]:
    names: list[str] = []
    for item in items:
        names += [department["name"] for department in item["departments"]]
        names += gold_department_names(item["children"])
    return names


# --- the founding document's departments -----------------------------------------------------


@pytest.mark.parametrize(("name", "full_name"), FOUNDING_DOCUMENT_NAMES)
def test_every_department_of_the_founding_document_resolves_with_certainty(index, name, full_name):
    resolution = index.resolve(name)
    assert resolution.certain, resolution
    assert resolution.unit == full_name
    assert resolution.suggestions[0].full_name == full_name
    assert resolution.suggestions[0].score == 1.0


@pytest.mark.parametrize(("name", "full_name"), FOUNDING_DOCUMENT_NAMES)
def test_every_department_of_the_founding_document_is_written_in_the_directory(
    directory, name, full_name
):
    unit = next(unit for unit in directory["units"] if unit["name"] == full_name)
    assert name in [unit["short_name"], *unit["aliases"]]


def test_the_table_lists_exactly_the_department_names_of_the_gold():
    if not GOLD_FILE.exists():
        pytest.skip(f"{GOLD_FILE} is not here")
    gold = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    names = set(gold_department_names(gold["items"]))
    assert len(names) == 46
    assert names == set(EXPECTED_FULL_NAME)


# --- certain matches: the normalisation rules ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "full_name"),
    [
        # the province written 甘肃省, 甘肃 or 省
        ("甘肃省财政厅", "甘肃省财政厅"),
        ("甘肃省发展改革委", "甘肃省发展和改革委员会"),
        ("省银监局", "中国银行业监督管理委员会甘肃监管局"),
        ("中共甘肃省委农村工作办公室", "中共甘肃省委农村工作办公室"),
        ("省委农村工作办公室", "中共甘肃省委农村工作办公室"),
        # width and whitespace
        ("省 财政厅", "甘肃省财政厅"),
        ("省\u3000财政厅\n", "甘肃省财政厅"),
        # traditional characters
        ("省發展改革委", "甘肃省发展和改革委员会"),
        ("省財政廳", "甘肃省财政厅"),
        ("省人社廳", "甘肃省人力资源和社会保障厅"),
        # abbreviation pairs
        ("省发改委", "甘肃省发展和改革委员会"),
        ("省发展和改革委员会", "甘肃省发展和改革委员会"),
        ("人民银行兰州中心支行", "中国人民银行兰州中心支行"),
        ("省人力资源社会保障厅", "甘肃省人力资源和社会保障厅"),
        ("省住房和城乡建设厅", "甘肃省住房和城乡建设厅"),
        ("省政府法制办公室", "甘肃省人民政府法制办公室"),
        ("甘肃省人民政府金融工作办公室", "甘肃省人民政府金融工作办公室"),
        ("临夏州政府", "临夏回族自治州人民政府"),
        # scope dropped while one unit fits: 省政府X ~ 省X ~ X
        ("省国资委", "甘肃省人民政府国有资产监督管理委员会"),
        ("国资委", "甘肃省人民政府国有资产监督管理委员会"),
        ("省政府统计局", "甘肃省统计局"),
        ("财政厅", "甘肃省财政厅"),
        # governments
        ("省政府", "甘肃省人民政府"),
        ("兰州市", "兰州市人民政府"),
        ("甘南州", "甘南藏族自治州人民政府"),
    ],
)
def test_a_name_written_another_way_resolves_with_certainty(index, name, full_name):
    resolution = index.resolve(name)
    assert resolution.unit == full_name, resolution


def test_the_scope_is_dropped_only_when_one_unit_fits(index):
    # 省委办公厅 and 省政府办公厅 are both 办公厅 without their scope.
    resolution = index.resolve("办公厅")
    assert resolution.unit is None
    assert {s.full_name for s in resolution.suggestions[:2]} == {
        "中共甘肃省委办公厅",
        "甘肃省人民政府办公厅",
    }


def test_a_party_name_never_falls_back_on_a_government_unit(index):
    resolution = index.resolve("省委统计局")
    assert resolution.unit is None
    assert resolution.suggestions[0].full_name == "甘肃省统计局"
    # …nor a government name on a party unit, while a bare name may be either.
    assert index.resolve("省办公厅").unit == "甘肃省人民政府办公厅"
    assert index.resolve("省组织部").unit is None
    assert index.resolve("组织部").unit == "中共甘肃省委组织部"


def test_the_resolution_says_which_rule_decided(index):
    assert index.resolve("省发改委").rule == Rule.SAME_NAME
    assert index.resolve("国资委").rule == Rule.ONLY_UNIT_WITHOUT_SCOPE
    assert index.resolve("办公厅").rule == Rule.SEVERAL_UNITS_WITHOUT_SCOPE
    assert index.resolve("省发展委").rule == Rule.NO_MATCH
    assert index.resolve("有关部门").rule == Rule.COLLECTIVE
    assert index.resolve(" ").rule == Rule.EMPTY


def test_the_government_is_not_any_government(index):
    assert index.resolve("政府").unit is None


def test_width_and_traditional_characters_fold_before_anything_else():
    assert fold_text("（省编办、人事局）") == "(省编办、人事局)"
    assert fold_text("省 質監局") == "省质监局"
    assert name_key("甘肃省发展和改革委员会") == name_key("省发改委") == "省发改委"
    assert (
        name_key("中国人民银行兰州中心支行")
        == name_key("人民银行兰州中心支行")
        == "人行兰州中心支行"
    )


# --- uncertain matches: suggestions, never a silent guess ------------------------------------


def test_a_misspelt_name_gets_the_right_first_suggestion_but_no_unit(index):
    resolution = index.resolve("省发展委")
    assert resolution.unit is None
    assert not resolution.collective
    first = resolution.suggestions[0]
    assert first.full_name == "甘肃省发展和改革委员会"
    assert 0.5 <= first.score < 1.0


@pytest.mark.parametrize(
    ("name", "first_suggestion"),
    [
        ("省工商行政局", "甘肃省工商行政管理局"),
        ("人行兰州支行", "中国人民银行兰州中心支行"),
        ("省人力社保厅", "甘肃省人力资源和社会保障厅"),
        ("省委宣传", "中共甘肃省委宣传部"),
        ("省住建委", "甘肃省住房和城乡建设厅"),
    ],
)
def test_near_misses_are_suggested_best_first(index, name, first_suggestion):
    resolution = index.resolve(name)
    assert resolution.unit is None
    assert resolution.suggestions[0].full_name == first_suggestion
    scores = [s.score for s in resolution.suggestions]
    assert scores == sorted(scores, reverse=True)


def test_a_body_of_another_level_is_not_taken_for_the_provincial_one(index):
    # 国家发展改革委 is the national commission, 财政部 the ministry: suggested at most.
    assert index.resolve("国家发展改革委").unit is None
    assert index.resolve("财政部").unit is None


def test_an_unknown_name_gets_no_suggestions(index):
    resolution = index.resolve("中国足球协会")
    assert resolution.unit is None
    assert resolution.suggestions == []


@pytest.mark.parametrize(
    "name",
    [
        "有关部门",
        "各市州",
        "各地区",
        "各市（州）",
        "省直有关部门",
        "国务院各部门",
        "中央在甘各单位",
    ],
)
def test_a_collective_name_is_flagged_and_names_no_unit(index, name):
    resolution = index.resolve(name)
    assert resolution.collective
    assert resolution.unit is None
    assert resolution.suggestions == []


# --- building an index -----------------------------------------------------------------------


def test_two_units_answering_to_one_name_are_refused():
    units = [
        (1, "甘肃省发展和改革委员会", ["省发改委"]),
        (2, "甘肃省物价局", ["甘肃省发展改革委"]),
    ]
    with pytest.raises(DuplicateNameError, match="甘肃省发展改革委"):
        NameIndex.build(units)


def test_keys_may_be_database_ids():
    index = NameIndex.build([(7, "甘肃省财政厅", ["省财政厅"]), (8, "甘肃省审计厅", [])])
    assert index.resolve("财政厅").unit == 7
    assert index.resolve("省审计厅").unit == 8
    assert index.full_name(8) == "甘肃省审计厅"


# --- the data file ---------------------------------------------------------------------------


def test_the_data_file_describes_itself(directory):
    assert "2012" in directory["source"]
    assert set(directory) == {"source", "regions", "units"}


def test_regions_are_the_province_and_its_fourteen_cities(directory):
    regions = {region["code"]: region for region in directory["regions"]}
    assert len(regions) == len(directory["regions"])
    assert regions["620000"] == {
        "code": "620000",
        "name": "甘肃省",
        "level": "province",
        "parent": None,
    }
    cities = {code: r["name"] for code, r in regions.items() if r["level"] == "city"}
    assert cities == CITIES
    for region in directory["regions"]:
        assert re.fullmatch(r"\d{6}", region["code"])
        assert region["level"] in LEVELS
        assert region["parent"] is None or region["parent"] in regions


def test_every_unit_has_a_known_kind_and_an_existing_region(directory):
    codes = {region["code"] for region in directory["regions"]}
    for unit in directory["units"]:
        assert set(unit) == {"name", "short_name", "aliases", "kind", "region"}, unit
        assert unit["kind"] in KINDS, unit
        assert unit["region"] in codes, unit


def test_every_region_has_its_government(directory):
    governed = {unit["region"] for unit in directory["units"] if unit["kind"] == "government"}
    assert governed == {region["code"] for region in directory["regions"]}


def test_no_name_is_written_twice_in_the_data_file(directory):
    seen: dict[str, str] = {}
    for unit in directory["units"]:
        # A unit may use its full name as its short name; the loader skips that alias.
        for name in dict.fromkeys([unit["name"], unit["short_name"], *unit["aliases"]]):
            assert name == name.strip() and name, unit
            assert seen.setdefault(name, unit["name"]) == unit["name"], name
        assert len(unit["aliases"]) == len(set(unit["aliases"])), unit


def test_names_fit_the_database_columns(directory):
    for unit in directory["units"]:
        assert len(unit["name"]) <= MAX_NAME
        assert len(unit["short_name"]) <= MAX_SHORT_NAME
        assert all(len(alias) <= MAX_ALIAS for alias in unit["aliases"])


def test_every_alias_names_exactly_one_unit_after_normalisation(directory):
    # NameIndex.build refuses any name two units would share.
    index = NameIndex.build(directory_units(directory))
    assert len(index) == len(directory["units"])
    for unit in directory["units"]:
        for alias in [unit["short_name"], *unit["aliases"]]:
            assert index.resolve(alias).unit == unit["name"], alias


# --- suggestions are safe: same level of government, same function -----------------------------


@pytest.mark.parametrize(
    ("name", "never"),
    [
        # Wrong suggestions once pre-selected on a city plan and a State Council document.
        ("市财政局", "甘肃省人力资源和社会保障厅"),
        ("市公安局", "甘肃省人力资源和社会保障厅"),
        ("市法院", "甘肃省人力资源和社会保障厅"),
        ("市场监管总局", "甘肃省监狱管理局"),
        ("国家能源局", "甘肃省国家税务局"),
    ],
)
def test_a_name_of_another_level_or_function_gets_no_such_suggestion(index, name, never):
    resolution = index.resolve(name)
    assert resolution.unit is None
    assert never not in {s.full_name for s in resolution.suggestions}


def test_a_city_name_is_never_offered_a_province_unit(index):
    for name in ("市财政局", "兰州市财政局", "市发展改革委", "县教育局"):
        offered = {s.full_name for s in index.resolve(name).suggestions}
        assert not {n for n in offered if n.startswith("甘肃省")}, name


def test_a_suggestion_says_why_it_is_offered():
    index = NameIndex.build(
        [(1, "兰州市财政局", []), (2, "甘肃省财政厅", []), (3, "兰州市公安局", [])]
    )
    [suggestion] = index.resolve("市财政局").suggestions
    assert suggestion.key == 1
    assert suggestion.shared_function == "财政"


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("省财政厅", "provincial"),
        ("省委宣传部", "provincial"),
        ("财政部", "national"),
        ("国家能源局", "national"),
        ("市场监管总局", "national"),
        ("兰州市财政局", "city"),
        ("市公安局", "city"),
        ("临夏州民委", "city"),
        ("永登县教育局", "county"),
        ("市场监管局", None),
    ],
)
def test_the_level_of_government_is_read_from_the_words(name, level):
    assert level_of(name_key(name)) == level
