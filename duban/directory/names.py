"""Resolve a department name as a document writes it (`省发改委`) to a unit of the directory.

Pure Python, no Django: the parser, the importer and the loader share it.

A name resolves *with certainty* only when, after normalisation, it equals a unit's full name,
short name or alias. Normalisation is a fixed list of steps, each kept as data below:

1. fold full-width and half-width forms (NFKC) and traditional characters, drop whitespace;
2. fold the scope prefix: `甘肃省财政厅` and `省财政厅` are one name, `中共甘肃省委农办` is `省委农办`,
   `甘肃省人民政府法制办公室` is `省政府法制办公室`;
3. shorten the long forms of common abbreviations: `发展和改革委员会` and `发展改革委` become `发改委`,
   `中国人民银行` becomes `人行`.

A last certain rule drops the scope (`省政府国资委` ~ `省国资委` ~ `国资委`, `财政厅` ~ `省财政厅`), and
only when that leaves exactly one unit; a party name (`省委X`) never falls back on a government
unit, nor `省X` on a party unit. Anything else is uncertain: the resolution names no unit and
ranks suggestions by a similarity score (see `similarity`), so a coordinator confirms the match
and a wrong unit is never picked silently. A suggestion is offered only for the same level of
government and the same function (`suggest`): 市财政局 is never offered 省人社厅. Collective names (`有关部门`, `各市州`) name no unit at all and
are flagged as such.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

UnitKey = int | str

# Traditional characters met in unit names, folded to the simplified forms the directory uses
# (copies of a document circulate in traditional characters: 省財政廳, 省發展改革委). Groups of
# traditional → simplified pairs; only characters that are never themselves simplified forms.
TRADITIONAL_PAIRS = [
    "發发 財财 廳厅 會会 員员 辦办 資资 設设 農农 業业 務务 監监 衛卫 計计 劃划",
    "環环 護护 統统 國国 稅税 銀银 關关 廣广 電电 視视 聞闻 醫医 藥药 組组 織织",
    "領领 導导 區区 縣县 鄉乡 門门 黨党 團团 聯联 協协 學学 級级 體体 開开 華华",
    "產产 經经 濟济 術术 貿贸 職职 機机 構构 編编 鐵铁 運运 輸输 質质 檢检 驗验",
    "園园 險险 證证 審审 貧贫 隴陇 臨临 涼凉 慶庆 張张 銷销 糧粮 價价 獄狱 僑侨",
    "氣气 郵邮 訊讯 殘残 婦妇 總总 參参 議议 紀纪 規规 專专 鎮镇 實实 礦矿 軍军",
    "東东 陽阳 書书 圖图 責责 負负 牽牵 頭头 進进 擴扩 廠厂 場场 報报 災灾 戶户",
    "劑剂 療疗 輕轻 觀观 齡龄 傳传 戰战 際际 錢钱 當当 處处 內内 歸归 與与 點点",
]
_TRADITIONAL_TABLE = str.maketrans(
    {pair[0]: pair[1] for line in TRADITIONAL_PAIRS for pair in line.split()}
)


def scope_prefixes(province: str) -> list[tuple[str, str]]:
    """The ways documents of `province` (甘肃省) write its scope, tried in order, each folded
    to the short scope: `中共甘肃省委` → `省委`, `甘肃省人民政府` → `省政府`, `甘肃省`/`甘肃` → `省`
    (甘肃银监局). Every province's documents write them the same way."""
    bare = province.removesuffix("省")
    return [
        (f"中国共产党{province}委员会", "省委"),
        (f"中共{province}委", "省委"),
        ("中共省委", "省委"),
        (f"{province}委", "省委"),
        (f"{province}人民政府", "省政府"),
        ("省人民政府", "省政府"),
        (f"{province}政府", "省政府"),
        (province, "省"),
        (bare, "省"),
    ]


# The shipped directory's province; an index for another region folds that region's scope.
SCOPE_PREFIXES = scope_prefixes("甘肃省")

# Scopes after folding. `省政府X`, `省X` and a bare `X` name one unit when only one unit fits.
PARTY_SCOPE = "省委"
GOVERNMENT_SCOPE = "省政府"
PROVINCE_SCOPE = "省"

# Common abbreviations: (long form, short form), one pair a line. Every name is rewritten to
# the short form, longest long form first, so `省发展和改革委员会`, `省发展改革委` and `省发改委`
# meet at `省发改委`.
ABBREVIATIONS = [
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("发展和改革委", "发改委"),
    ("发展改革委", "发改委"),
    ("中国人民银行", "人行"),
    ("人民银行", "人行"),
    ("工业和信息化委员会", "工信委"),
    ("国有资产监督管理委员会", "国资委"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("人口和计划生育委员会", "人口计生委"),
    ("食品药品监督管理局", "食药监局"),
    ("食品药品监管局", "食药监局"),
    ("质量技术监督局", "质监局"),
    ("工商行政管理局", "工商局"),
    ("安全生产监督管理局", "安监局"),
    ("环境保护", "环保"),
    ("科学技术厅", "科技厅"),
    ("广播电影电视局", "广电局"),
    ("机构编制委员会办公室", "编办"),
    ("金融工作办公室", "金融办"),
    ("法制办公室", "法制办"),
    ("外事办公室", "外事办"),
    ("扶贫开发办公室", "扶贫办"),
    ("人民防空办公室", "人防办"),
    ("农村工作办公室", "农办"),
    ("民族事务委员会", "民委"),
    ("统一战线工作部", "统战部"),
    ("政策研究室", "政研室"),
    ("纪律检查委员会", "纪委"),
    ("国家税务局", "国税局"),
    ("地方税务局", "地税局"),
    ("交通运输厅", "交通厅"),
    ("供销合作社联合社", "供销社"),
    ("工商业联合会", "工商联"),
    ("妇女联合会", "妇联"),
    ("残疾人联合会", "残联"),
    ("科学技术协会", "科协"),
    ("银行业监督管理委员会", "银监会"),
    ("保险监督管理委员会", "保监会"),
    ("证券监督管理委员会", "证监会"),
    ("回族自治州", "州"),
    ("藏族自治州", "州"),
    ("人民政府", "政府"),
    # 中华人民共和国兰州海关 is written 兰州海关: the state prefix carries no information.
    ("中华人民共和国", ""),
    # Generic endings, tried after every specific pair above.
    ("委员会", "委"),
    ("办公室", "办"),
]
_ABBREVIATIONS_LONGEST_FIRST = sorted(ABBREVIATIONS, key=lambda pair: -len(pair[0]))

# Names of many bodies at once: in a department list they assign no single unit.
COLLECTIVE_NAMES = {
    "有关部门",
    "相关部门",
    "有关单位",
    "相关单位",
    "其他有关部门",
    "省直有关部门",
    "省直各部门",
    "省直各单位",
    "省政府各部门",
    "中央在甘各单位",
    "国务院各部门",
    "有关市州",
    "有关地区",
    "有关市县",
}
# A name opening with 各 (各市州, 各地区, 各区, 各县(市、区)) is collective whatever follows.
COLLECTIVE_PREFIXES = ("各",)
# A name closing on one of these (省直有关部门, 市州有关单位) is collective too.
COLLECTIVE_SUFFIXES = (
    "有关部门",
    "相关部门",
    "有关单位",
    "相关单位",
    "各部门",
    "各单位",
)

# The word that says what kind of body a name is, read from its last character. Two names with
# the same text but a different body word (省财政厅, 财政部) are likely different bodies.
BODY_WORDS = set("厅局委办会行社联部室署院队关府处")

MAX_SUGGESTIONS = 5
MIN_SUGGESTION_SCORE = 0.5
SAME_BODY_WORD_BONUS = 0.05
OTHER_BODY_WORD_PENALTY = 0.05
SAME_SCOPE_BONUS = 0.02
# An uncertain match never scores as high as a certain one.
MAX_UNCERTAIN_SCORE = 0.99


# Levels of government a name can be read to belong to, from its wording (see `level_of`).
NATIONAL, PROVINCIAL, CITY, COUNTY = "national", "provincial", "city", "county"
NATIONAL_PREFIXES = ("国家", "国务院", "中央", "全国", "中国")
NATIONAL_ENDINGS = ("部", "总局", "总署", "总会")
# `市场监管局` opens with 市 but names a function, not a city.
PLACE_MARK = re.compile(r"^(?:[^市县区州省]{0,5}?)(市|州|县|区)(?!场)")


class Rule(StrEnum):
    """Why a name resolved as it did; shown to the coordinator who reviews the mapping."""

    SAME_NAME = "same_name"
    ONLY_UNIT_WITHOUT_SCOPE = "only_unit_without_scope"
    SEVERAL_UNITS_WITHOUT_SCOPE = "several_units_without_scope"
    SEVERAL_UNITS_WITH_NAME = "several_units_with_name"
    NO_MATCH = "no_match"
    COLLECTIVE = "collective"
    EMPTY = "empty"


class DuplicateNameError(ValueError):
    """Two units answer to the same name after normalisation; the directory must say which."""


@dataclass(frozen=True)
class Suggestion:
    key: UnitKey
    full_name: str
    score: float
    # Why it is offered: the words of function it shares with the name (财政), shown to the user.
    shared_function: str = ""


@dataclass(frozen=True)
class Resolution:
    """What a name refers to.

    `unit` is set only when the match is certain; its single suggestion then scores 1.0.
    Otherwise `suggestions` ranks likely units best first (possibly none). `collective` marks
    names of many bodies (`有关部门`), which get neither a unit nor suggestions. `rule` says why
    the answer is what it is.
    """

    name: str
    unit: UnitKey | None
    suggestions: list[Suggestion] = field(default_factory=list)
    collective: bool = False
    rule: Rule = Rule.NO_MATCH

    @property
    def certain(self) -> bool:
        return self.unit is not None


def fold_text(name: str) -> str:
    """Fold width, traditional characters and whitespace: `省 財政廳` → `省财政厅`."""
    folded = unicodedata.normalize("NFKC", name).translate(_TRADITIONAL_TABLE)
    return "".join(folded.split())


def fold_scope(name: str, prefixes: list[tuple[str, str]] = SCOPE_PREFIXES) -> str:
    for long, short in prefixes:
        if name.startswith(long):
            return short + name[len(long) :]
    return name


def abbreviate(name: str) -> str:
    for long, short in _ABBREVIATIONS_LONGEST_FIRST:
        name = name.replace(long, short)
    return name


def plain_form(name: str, prefixes: list[tuple[str, str]] = SCOPE_PREFIXES) -> str:
    """The name as written, with width, whitespace and scope folded."""
    return fold_scope(fold_text(name), prefixes)


def name_key(name: str, prefixes: list[tuple[str, str]] = SCOPE_PREFIXES) -> str:
    """The normalised form two names share when they name the same unit with certainty."""
    return abbreviate(plain_form(name, prefixes))


def loose_key(key: str) -> str:
    """`省政府国资委`, `省国资委` → `国资委`: the name without its scope, for the unique-only rule.

    The party scope goes too, so a bare `办公厅` meets both `省委办公厅` and `省政府办公厅` and stays
    unresolved; the government itself keeps its name (`省政府` is not any `政府`).
    """
    if key == GOVERNMENT_SCOPE:
        return key
    for scope in (PARTY_SCOPE, GOVERNMENT_SCOPE, PROVINCE_SCOPE):
        if key.startswith(scope) and len(key) > len(scope):
            return key[len(scope) :]
    return key


def is_collective(name: str) -> bool:
    text = fold_text(name)
    return (
        text in COLLECTIVE_NAMES
        or text.startswith(COLLECTIVE_PREFIXES)
        or text.endswith(COLLECTIVE_SUFFIXES)
    )


def similarity(query: str, candidate: str) -> float:
    """Score in [0, 1] of how alike two normalised names are; transparent on purpose.

    The mean of difflib's ratio (order-aware) and the character overlap (Dice coefficient on
    character counts, order-blind), then nudged by two rules: the same body word at the end
    (厅, 局, 委 …) adds, a different one subtracts; the same scope at the start (省委, 省政府, 省)
    adds a little.
    """
    if not query or not candidate:
        return 0.0
    ratio = difflib.SequenceMatcher(None, query, candidate, autojunk=False).ratio()
    shared = sum((Counter(query) & Counter(candidate)).values())
    overlap = 2 * shared / (len(query) + len(candidate))
    score = (ratio + overlap) / 2
    query_body, candidate_body = _body_word(query), _body_word(candidate)
    if query_body and candidate_body:
        score += SAME_BODY_WORD_BONUS if query_body == candidate_body else -OTHER_BODY_WORD_PENALTY
    if _scope(query) and _scope(query) == _scope(candidate):
        score += SAME_SCOPE_BONUS
    return max(0.0, min(score, 1.0))


def level_of(key: str) -> str | None:
    """The level of government a normalised name reads as, or None when its words don't say.

    A scope (省, 省委, 省政府) is provincial; 国家…, 国务院…, …部, …总局 national; a place ending
    in 市/州 (兰州市…, or a bare 市…) a city, in 县/区 a county.
    """
    if _scope(key):
        return PROVINCIAL
    if key.startswith(NATIONAL_PREFIXES) or key.endswith(NATIONAL_ENDINGS):
        return NATIONAL
    place = PLACE_MARK.match(key)
    if place:
        return CITY if place.group(1) in "市州" else COUNTY
    return None


def function_stem(key: str) -> str:
    """What a body does, without its scope, place and body word: `兰州市财政局` → `财政`."""
    bare = loose_key(key)
    place = PLACE_MARK.match(bare)
    if place and place.end() < len(bare):
        bare = bare[place.end() :]
    return bare.rstrip("".join(BODY_WORDS)) or bare


def shared_function(query: str, candidate: str) -> str:
    """The characters of function two names share (`财政`), or "" when they do different things.

    At least half of the shorter function must be shared: 人力社保 ~ 人社, 发展 ~ 发改, but
    公安 and 人社, or 财政 and 人社, share nothing.
    """
    mine, theirs = function_stem(query), function_stem(candidate)
    shared = Counter(mine) & Counter(theirs)
    if 2 * sum(shared.values()) < min(len(mine), len(theirs)) or not shared:
        return ""
    return "".join(char for char in dict.fromkeys(mine) if char in shared)


def _body_word(name: str) -> str | None:
    return name[-1] if name[-1] in BODY_WORDS else None


def _scope(name: str) -> str | None:
    for scope in (PARTY_SCOPE, GOVERNMENT_SCOPE, PROVINCE_SCOPE):
        if name.startswith(scope):
            return scope
    return None


class NameIndex:
    """Every name of every unit, normalised, for certain lookups and ranked suggestions."""

    def __init__(self, prefixes: list[tuple[str, str]] = SCOPE_PREFIXES) -> None:
        self._prefixes = prefixes
        self._full_names: dict[UnitKey, str] = {}
        self._exact: dict[str, UnitKey] = {}
        # Names several units answer to (two cities' 市财政局), in a lenient index: certain of none.
        self._shared: set[str] = set()
        # Units by name without scope: all of them, and those outside the party's scope.
        self._bare_any: dict[str, set[UnitKey]] = defaultdict(set)
        self._bare_not_party: dict[str, set[UnitKey]] = defaultdict(set)
        # (unit, plain form, key) for each name, compared one by one when no name matches.
        self._forms: list[tuple[UnitKey, str, str]] = []
        self._levels: dict[UnitKey, str | None] = {}

    @classmethod
    def build(
        cls,
        units: Iterable[tuple[UnitKey, str, Iterable[str]]],
        *,
        prefixes: list[tuple[str, str]] = SCOPE_PREFIXES,
        strict: bool = True,
    ) -> NameIndex:
        """Index (unit key, full name, other names) triples; scopes folded with `prefixes`.

        Strict, raises DuplicateNameError listing every name that two units would share, so
        a directory with an ambiguous alias never loads half-resolvable. Lenient, such a name
        resolves to neither unit and both are suggested.
        """
        index = cls(prefixes)
        clashes: list[str] = []
        for key, full_name, names in units:
            index._full_names[key] = full_name
            index._levels[key] = level_of(index._key(full_name))
            for name in dict.fromkeys([full_name, *names]):
                clash = index._add(key, name)
                if clash is not None:
                    clashes.append(f"“{name}”: {index.full_name(clash)} / {full_name}")
        if clashes and strict:
            raise DuplicateNameError("; ".join(clashes))
        return index

    def _plain(self, name: str) -> str:
        return plain_form(name, self._prefixes)

    def _key(self, name: str) -> str:
        return name_key(name, self._prefixes)

    def _add(self, key: UnitKey, name: str) -> UnitKey | None:
        """Index one name of unit `key`; return the other unit it already names, if any."""
        plain, exact = self._plain(name), self._key(name)
        if not exact:
            return None
        self._forms.append((key, plain, exact))
        if exact in self._shared:
            return None
        owner = self._exact.setdefault(exact, key)
        if owner != key:
            self._shared.add(exact)
            del self._exact[exact]
            return owner
        self._bare_any[loose_key(exact)].add(key)
        if _scope(exact) != PARTY_SCOPE:
            self._bare_not_party[loose_key(exact)].add(key)
        return None

    def __len__(self) -> int:
        return len(self._full_names)

    def full_name(self, key: UnitKey) -> str:
        return self._full_names[key]

    def resolve(self, name: str) -> Resolution:
        if is_collective(name):
            return Resolution(name, None, collective=True, rule=Rule.COLLECTIVE)
        exact = self._key(name)
        if not exact:
            return Resolution(name, None, rule=Rule.EMPTY)
        if exact in self._shared:
            return Resolution(name, None, self.suggest(name), rule=Rule.SEVERAL_UNITS_WITH_NAME)
        if exact in self._exact:
            return self._certain(name, self._exact[exact], Rule.SAME_NAME)
        candidates = self._units_without_scope(exact)
        if len(candidates) == 1:
            return self._certain(name, next(iter(candidates)), Rule.ONLY_UNIT_WITHOUT_SCOPE)
        rule = Rule.SEVERAL_UNITS_WITHOUT_SCOPE if candidates else Rule.NO_MATCH
        return Resolution(name, None, self.suggest(name), rule=rule)

    def _units_without_scope(self, key: str) -> set[UnitKey]:
        scope = _scope(key)
        # 省委X names a party body: it never falls back on a government unit.
        if scope == PARTY_SCOPE:
            return set()
        # 省X and 省政府X name the government's side; a bare X may be either.
        bare = self._bare_any if scope is None else self._bare_not_party
        return bare.get(loose_key(key), set())

    def suggest(self, name: str, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
        """Units that could be meant by `name`, best first, each with its score and reason.

        Only units of the same level of government (when both names say theirs) that share
        the words of function (财政 ↔ 财政) are offered: a 市 name never gets a province's
        department, 公安 never gets 人社, however alike the characters look.
        """
        plain, exact = self._plain(name), self._key(name)
        level = level_of(exact)
        best: dict[UnitKey, tuple[float, str]] = {}
        for key, candidate_plain, candidate_key in self._forms:
            other_level = self._levels[key]
            if level and other_level and level != other_level:
                continue
            shared = shared_function(exact, candidate_key)
            if not shared:
                continue
            score = max(similarity(plain, candidate_plain), similarity(exact, candidate_key))
            if score > best.get(key, (0.0, ""))[0]:
                best[key] = (score, shared)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], self._full_names[item[0]]))
        return [
            Suggestion(
                key,
                self._full_names[key],
                round(min(score, MAX_UNCERTAIN_SCORE), 3),
                shared,
            )
            for key, (score, shared) in ranked
            if score >= MIN_SUGGESTION_SCORE
        ][:limit]

    def _certain(self, name: str, key: UnitKey, rule: Rule) -> Resolution:
        suggestion = Suggestion(key, self._full_names[key], 1.0)
        return Resolution(name, key, [suggestion], rule=rule)


def directory_units(data: Mapping[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(full name, full name, names) for each unit of a directory data file, for `build`.

    The data file has no ids, so the full name, unique in the directory, is the key.
    """
    return [
        (unit["name"], unit["name"], [unit["short_name"], *unit.get("aliases", [])])
        for unit in data["units"]
    ]
