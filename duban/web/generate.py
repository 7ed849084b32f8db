"""Synthetic data at scale: `duban demo generate --scale tiny|province|national --seed N`.

On top of the demo's directory and accounts (Gansu, `coordinator`, `leader`, `fagai`, …), as of
the demo's day (2012-09-30):

- regions: Gansu and its 14 cities (from the directory) with generated counties; at national
  scale 30 more provinces, 300 cities and 2,800 counties in all;
- units: every new region's from `directory/data/region-templates.json`;
- users: an editor per provincial and city unit, two per county (government, 发展改革局), a
  coordinator and a leader per province and city;
- one 2012 plan per region (province, city, county), published, a tree of areas → tasks →
  units of work as the parser makes it (paths `1.2.3`, labels `一、` `（二）` `3.`), each unit
  of work with a lead and 0–4 co units of its region (a few departments lead most);
- implementation plans of the lead units (most filed, some late, submitted, returned, draft,
  a few never started), their commitments and 2–4 milestones per task (most met when due);
- progress reports from every assigned unit for every period up to the demo's day: most
  accepted, some awaiting review, a few returned or drafts, some late and some missing (a few
  units rarely report); a task accepted as done owes no further reports.

Deterministic: the same seed on an empty database gives the same rows (`summary()` checks
it). Rows are bulk-written (`duban.web.bulk`) and have no django-simple-history rows; nothing
here is on the audit chain. The Gansu provincial plan is written last, so it is the latest
published plan the home pages and the queue open on.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from duban.directory.models import Region, Unit, User
from duban.execution.models import Commitment, ImplementationPlan, Milestone, ProgressReport
from duban.execution.progress import default_percent, periods_of_year, report_due
from duban.lib import clock
from duban.plans.models import Assignment, Plan, Task
from duban.web.bulk import BulkWriter
from duban.web.demo import DEMO_PASSWORD, DEMO_TODAY, demo_directory_and_accounts

YEAR = 2012
TEMPLATES = Path(__file__).resolve().parents[1] / "directory/data/region-templates.json"
GANSU = "620000"
GENERATED = "generated"  # SourceDocument-less plans are marked in their title instead
ORDER = [Region, Unit, User, Plan, Task, Assignment, ImplementationPlan, Commitment, Milestone,
         ProgressReport]  # fmt: skip


@dataclass(frozen=True)
class Shape:
    """A plan's tree: areas, tasks per area and units of work per task, as (least, most)."""

    areas: tuple[int, int]
    tasks: tuple[int, int]
    units: tuple[int, int]


@dataclass(frozen=True)
class Scale:
    provinces: int  # besides Gansu
    cities: int  # in all, Gansu's first
    counties: int  # in all
    province: Shape
    city: Shape
    county: Shape


SCALES = {
    "tiny": Scale(0, 2, 2, Shape((3, 3), (2, 3), (2, 3)), Shape((2, 2), (2, 2), (1, 2)),
                  Shape((2, 2), (1, 2), (1, 2))),
    "province": Scale(0, 14, 86, Shape((10, 10), (8, 12), (7, 11)), Shape((6, 6), (6, 8), (5, 7)),
                      Shape((4, 4), (3, 5), (2, 4))),
    "national": Scale(30, 300, 2800, Shape((10, 10), (8, 12), (7, 11)),
                      Shape((6, 6), (6, 8), (5, 7)), Shape((4, 4), (3, 5), (2, 4))),
}  # fmt: skip

PROVINCES = [
    ("110000", "北京市"), ("120000", "天津市"), ("130000", "河北省"), ("140000", "山西省"),
    ("150000", "内蒙古自治区"), ("210000", "辽宁省"), ("220000", "吉林省"), ("230000", "黑龙江省"),
    ("310000", "上海市"), ("320000", "江苏省"), ("330000", "浙江省"), ("340000", "安徽省"),
    ("350000", "福建省"), ("360000", "江西省"), ("370000", "山东省"), ("410000", "河南省"),
    ("420000", "湖北省"), ("430000", "湖南省"), ("440000", "广东省"), ("450000", "广西壮族自治区"),
    ("460000", "海南省"), ("500000", "重庆市"), ("510000", "四川省"), ("520000", "贵州省"),
    ("530000", "云南省"), ("540000", "西藏自治区"), ("610000", "陕西省"), ("630000", "青海省"),
    ("640000", "宁夏回族自治区"), ("650000", "新疆维吾尔自治区"),
]  # fmt: skip
# Place names are made of two of these; real ones repeat across provinces, Duban's units may not.
SYLLABLES = (
    "安宁永登靖远临泽山丹民乐高台金川武威古浪天祝华亭庄浪静宁会宁通渭陇西漳县岷康定西和礼文"
    "玉门敦煌瓜州肃北阿克塞环合水正镇原庆城泾川灵台崇信舟曲迭部碌曲夏河卓尼临潭广河康乐积石"
)

AREAS = [
    "深化行政管理体制改革", "深化财税体制改革", "深化金融体制改革", "推进国有企业改革",
    "深化农村综合改革", "推进社会事业改革", "推进生态文明体制改革", "深化投融资体制改革",
    "推进收入分配制度改革", "深化文化体制改革", "推进城乡一体化改革", "深化价格改革",
]  # fmt: skip
VERBS = ["完善", "健全", "深化", "推进", "探索", "建立", "规范", "加快"]
OBJECTS = [
    "审批制度", "预算管理制度", "考核评价机制", "监管体系", "公共服务体系", "投入保障机制",
    "信息公开制度", "市场准入制度", "风险防控机制", "部门协调机制", "试点工作", "配套政策",
]  # fmt: skip
STEPS = ["开展调研摸底", "研究起草工作方案", "征求意见并修改完善", "报批印发并组织实施"]
NUMERALS = "一二三四五六七八九十"

Status = ProgressReport.Status
Review = ProgressReport.Review
IPStatus = ImplementationPlan.Status


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@dataclass
class Place:
    region_id: int
    code: str
    name: str
    level: str
    scope: str  # 省 / 市 / 县, as documents write it
    units: list[int]  # active units, the ones that lead most first
    short: dict[int, str]
    reviewer: int  # the user who reviews the region's reports and files its plans
    weights: list[float] = ()  # cumulative: the first units lead most (1/(rank+3))

    def __post_init__(self):
        total, self.weights = 0.0, []
        for rank in range(len(self.units)):
            total += 1 / (rank + 3)
            self.weights.append(total)


class Generator:
    def __init__(self, scale: Scale, seed: int):
        self.scale = scale
        self.rng = random.Random(seed)
        self.out = BulkWriter(ORDER)
        self.templates = json.loads(TEMPLATES.read_text(encoding="utf-8"))
        self.password = make_password(DEMO_PASSWORD, salt="generated")
        self.names: set[str] = set(Region.objects.values_list("name", flat=True))
        self.unit_names: set[str] = set(Unit.objects.values_list("name", flat=True))
        self.usernames: set[str] = set(User.objects.values_list("username", flat=True))
        self.as_of = settings.DUBAN_TODAY or DEMO_TODAY

    # ---- Regions, units, users -------------------------------------------------------------

    def _place_name(self, suffix: str) -> str:
        while True:
            name = "".join(self.rng.sample(SYLLABLES, 2)) + suffix
            if name not in self.names:
                self.names.add(name)
                return name

    def _new_region(self, code: str, name: str, level: str, parent_id: int | None) -> int:
        return self.out.add(Region, code=code, name=name, level=level, parent_id=parent_id)

    def _template_units(self, region_id: int, name: str, level: str, scope: str) -> list[int]:
        ids = []
        for template in self.templates[level]:
            full = template["name"].format(name=name, scope=scope)
            if full in self.unit_names:
                continue
            self.unit_names.add(full)
            short = template["short_name"].format(name=name, scope=scope)
            ids.append(
                self.out.add(
                    Unit, name=full, short_name=short, kind=template["kind"], region_id=region_id
                )
            )
            self._short[ids[-1]] = short
        return ids

    def _user(self, username: str, unit_id: int, role: str, last: str, first: str) -> int:
        self.usernames.add(username)
        return self.out.add(
            User,
            username=username,
            password=self.password,
            unit_id=unit_id,
            role=role,
            last_name=last,
            first_name=first,
            email=f"{username}@duban.example",
            date_joined=_at(date(YEAR, 1, 4), 9),
        )

    def _staff(self, place: Place, editors: list[int]) -> None:
        for n, unit_id in enumerate(editors, 1):
            self._user(f"e{place.code}-{n:02d}", unit_id, User.Role.EDITOR, "填报", f"员{n}")

    def _lead_order(self, unit_ids: list[int]) -> list[int]:
        # The government's office, 发展改革 and 财政 lead the most; the rest in a random order.
        head, rest = unit_ids[:4], unit_ids[4:]
        self.rng.shuffle(rest)
        return head + rest

    def places(self) -> Iterator[Place]:
        """Every region with a plan, Gansu's province last; writes what is new on the way."""
        self._short: dict[int, str] = {}
        gansu = Region.objects.get(code=GANSU)
        coordinator = User.objects.get(username="coordinator").pk
        cities = list(gansu.children.order_by("code"))[: self.scale.cities]
        provinces = []
        for code, name in PROVINCES[: self.scale.provinces]:
            pk = self._new_region(code, name, Region.Level.PROVINCE, None)
            units = self._template_units(pk, name, "province", "省")
            reviewer = self._user(f"c{code}", units[2], User.Role.COORDINATOR, "体改", "处")
            self._user(f"l{code}", units[0], User.Role.LEADER, "秘书", "长")
            provinces.append((pk, code, name, units, reviewer))
        per_province = _split(self.rng, self.scale.cities - len(cities), len(provinces), 6)
        city_places: list[Place] = []
        for gansu_city in cities:
            present = Unit.objects.active().filter(region=gansu_city).order_by("kind", "pk")
            units = [unit.pk for unit in present]
            self._short.update((unit.pk, unit.short_name) for unit in present)
            units += self._template_units(gansu_city.pk, gansu_city.name, "city", "市")
            city_places.append(self._city(gansu_city.pk, gansu_city.code, gansu_city.name,
                                          units, coordinator))  # fmt: skip
        for (pk, code, _name, _units, reviewer), count in zip(provinces, per_province, strict=True):
            for n in range(1, count + 1):
                city_code = f"{code[:2]}{n:02d}00"
                name = self._place_name("市")
                city_pk = self._new_region(city_code, name, Region.Level.CITY, pk)
                units = self._template_units(city_pk, name, "city", "市")
                city_places.append(self._city(city_pk, city_code, name, units, reviewer))
        per_city = _split(self.rng, self.scale.counties, len(city_places), 1)
        county_places = []
        for city, count in zip(city_places, per_city, strict=True):
            for n in range(1, count + 1):
                code = f"{city.code[:4]}{n:02d}"
                name = self._place_name(self.rng.choice("县县县区"))
                pk = self._new_region(code, name, Region.Level.COUNTY, city.region_id)
                units = self._template_units(pk, name, "county", "县")
                place = Place(pk, code, name, "county", "县", self._lead_order(units),
                              self._short, city.reviewer)  # fmt: skip
                # Counties: the government's and 发展改革局's editors report for the county.
                self._staff(place, [units[0], units[2]])
                county_places.append(place)
        for pk, code, name, units, reviewer in provinces:
            place = Place(pk, code, name, "province", "省", self._lead_order(units), self._short,
                          reviewer)  # fmt: skip
            self._staff(place, units)
            yield place
        yield from city_places
        yield from county_places
        yield self._gansu(gansu, coordinator)

    def _city(self, pk, code, name, units, reviewer) -> Place:
        place = Place(pk, code, name, "city", "市", self._lead_order(units), self._short, reviewer)
        self._user(f"c{code}", units[2], User.Role.COORDINATOR, "体改", "科")
        self._user(f"l{code}", units[0], User.Role.LEADER, "秘书", "长")
        self._staff(place, units)
        return place

    def _gansu(self, gansu: Region, coordinator: int) -> Place:
        units = Unit.objects.active().filter(region=gansu).exclude(kind=Unit.Kind.GOVERNMENT)
        by_name = {u.name: u for u in units}
        # 省发展改革委 and 省财政厅 (the demo's fagai and caizheng) lead the most.
        first = [by_name.pop(n) for n in ("甘肃省发展和改革委员会", "甘肃省财政厅") if n in by_name]
        rest = sorted(by_name.values(), key=lambda u: u.pk)
        self.rng.shuffle(rest)
        ordered = [u.pk for u in first + rest]
        for unit in first + rest:
            self._short[unit.pk] = unit.short_name
        place = Place(gansu.pk, gansu.code, gansu.name, "province", "省", ordered, self._short,
                      coordinator)  # fmt: skip
        have = set(User.objects.exclude(unit=None).values_list("unit_id", flat=True))
        self._staff(place, [pk for pk in ordered if pk not in have])
        return place

    # ---- Plans -----------------------------------------------------------------------------

    def plan(self, place: Place) -> None:
        shape = getattr(self.scale, place.level)
        quarterly = place.level == "county" and self.rng.random() < 0.7
        cadence = Plan.Cadence.QUARTERLY if quarterly else Plan.Cadence.MONTHLY
        deadline = {"province": date(YEAR, 5, 20), "city": date(YEAR, 5, 31)}.get(
            place.level, date(YEAR, 6, 15)
        )
        published = _at(date(YEAR, 3, 1) + timedelta(days=self.rng.randrange(30)), 16)
        plan_id = self.out.add(
            Plan,
            year=YEAR,
            title=f"{place.name}{YEAR}年经济体制改革重点工作（生成数据）",
            status=Plan.Status.PUBLISHED,
            region_id=place.region_id,
            filing_deadline=deadline,
            filing_deadline_text=f"{deadline.month}月{deadline.day}日前",
            report_cadence=cadence,
            published_at=published,
            published_by_id=place.reviewer,
        )
        self.paths: dict[int, str] = {}  # the plan's tasks' paths, for the baselines
        leads: dict[int, list[tuple[int, date | None, str]]] = {}  # unit → its tasks
        shares: list[tuple[int, int, str]] = []  # (task, unit, trajectory)
        areas = self.rng.sample(AREAS, min(len(AREAS), shape.areas[1]))
        for a in range(1, self.rng.randint(*shape.areas) + 1):
            area_title = areas[a - 1]
            area = self._task(plan_id, None, a, f"{a}", 1, f"{_numeral(a)}、", area_title)
            for t in range(1, self.rng.randint(*shape.tasks) + 1):
                verb, thing = self.rng.choice(VERBS), self.rng.choice(OBJECTS)
                title = f"{verb}{thing}"
                task = self._task(plan_id, area, t, f"{a}.{t}", 2, f"（{_numeral(t)}）", title)
                for u in range(1, self.rng.randint(*shape.units) + 1):
                    self._unit_of_work(plan_id, task, f"{a}.{t}.{u}", u, title, place, leads,
                                       shares)  # fmt: skip
        self._implementation_plans(plan_id, place, leads, deadline)
        self._reports(place, cadence, shares)

    def _task(self, plan_id, parent_id, position, path, level, label, title, **more) -> int:
        self.paths[self.out.next_ids[Task]] = path
        return self.out.add(
            Task,
            plan_id=plan_id,
            parent_id=parent_id,
            position=position,
            path=path,
            level=level,
            label=label,
            title=title,
            text=more.pop("text", title),
            **more,
        )

    def _unit_of_work(self, plan_id, parent, path, position, task_title, place, leads, shares):
        rng = self.rng
        units = place.units
        # A few units lead most: the lead is drawn with weights falling along the list.
        lead = rng.choices(units, cum_weights=place.weights)[0]
        co_count = rng.choices([0, 1, 2, 3, 4], weights=[15, 35, 30, 15, 5])[0]
        co = [u for u in rng.sample(units, min(len(units), co_count + 1)) if u != lead][:co_count]
        if rng.random() < 0.2:
            due, kind, due_text = date(YEAR + 2, 12, 31), Task.Kind.MULTI_YEAR, "力争用2-3年时间"
        else:
            month = rng.randint(6, 12)
            due = date(YEAR, month, 30 if month in (6, 9, 11) else 31)
            kind, due_text = Task.Kind.WITHIN_YEAR, "年底前" if month == 12 else f"{month}月底前"
        title = f"{task_title}：{rng.choice(VERBS)}{rng.choice(OBJECTS)}，形成可复制推广的经验"
        names = "、".join(place.short[u] for u in [lead, *co])
        pk = self._task(plan_id, parent, position, path, 3, f"{position}.", title,
                        text=f"{title}。（{names}负责）", kind=kind, due_date=due,
                        due_text=due_text)  # fmt: skip
        trajectory = rng.choices(["on_track", "at_risk", "delayed", "done"], [70, 12, 10, 8])[0]
        for n, (unit, role) in enumerate([(lead, "lead"), *((c, "co") for c in co)], 1):
            self.out.add(Assignment, task_id=pk, unit_id=unit, role=role, position=n,
                         name_as_written=place.short[unit])  # fmt: skip
            shares.append((pk, unit, trajectory))
        leads.setdefault(lead, []).append((pk, due, kind))

    def _implementation_plans(self, plan_id, place: Place, leads, deadline: date) -> None:
        rng = self.rng
        for unit, tasks in leads.items():
            status = rng.choices(
                [IPStatus.FILED, IPStatus.SUBMITTED, IPStatus.RETURNED, IPStatus.DRAFT, None],
                weights=[80, 8, 4, 4, 4],
            )[0]
            if status is None:  # never started
                continue
            late = rng.random() < 0.15
            first = deadline + timedelta(days=rng.randint(1, 30) if late else -rng.randint(0, 20))
            submitted = None if status == IPStatus.DRAFT else _at(first, 15)
            if status == IPStatus.SUBMITTED:
                submitted = _at(self.as_of - timedelta(days=rng.randint(1, 20)), 15)
            filed = status == IPStatus.FILED
            ip = self.out.reserve(ImplementationPlan)
            baseline = []
            for task, due, kind in tasks:
                baseline += self._commitment(ip, unit, task, due, kind, filed)
            if filed:
                # As `baseline_of` writes it when a plan is filed, in the same order.
                baseline.sort(key=lambda m: (self.paths[m[0]], m[3], m[1]))
            self.out.add(
                ImplementationPlan,
                id=ip,
                baseline=[
                    {"id": pk, "task": self.paths[task], "title": title, "due": due.isoformat()}
                    for task, pk, title, due in baseline
                ]
                if filed
                else None,
                plan_id=plan_id,
                unit_id=unit,
                status=status,
                narrative="按照计划分工，细化实施步骤，明确责任处室和完成时限。",
                submitted_at=submitted,
                first_submitted_at=None if status == IPStatus.DRAFT else _at(first, 15),
                filed_at=_at(first + timedelta(days=rng.randint(2, 10)), 11) if filed else None,
                filed_by_id=place.reviewer if filed else None,
                review_comment={IPStatus.FILED: "同意备案。", IPStatus.RETURNED: "请细化里程碑节点。"}
                .get(status, ""),
            )  # fmt: skip

    def _commitment(self, ip: int, unit: int, task: int, due: date, kind: str, filed: bool):
        """The unit's commitment on `task` and its 2–4 milestones, March to the task's due date;
        returns the milestones as (task, id, title, due)."""
        rng = self.rng
        self.out.add(
            Commitment,
            implementation_plan_id=ip,
            task_id=task,
            criterion="年底前完成工作方案并组织实施。"
            if kind == Task.Kind.WITHIN_YEAR
            else "今年完成试点并形成制度框架。",
            steps="调研、起草、征求意见、报批。",
        )
        count = rng.randint(2, 4)
        last = min(due, date(YEAR, 12, 31))
        milestones = []
        for k in range(count):
            month = 3 + round(k * (last.month - 3) / (count - 1))
            milestone_due = date(YEAR, month, 28)
            met = None
            if milestone_due <= self.as_of and rng.random() < 0.8:
                met = milestone_due - timedelta(days=rng.randint(0, 10))
            title = STEPS[k if k < count - 1 else -1]
            pk = self.out.add(
                Milestone,
                task_id=task,
                unit_id=unit,
                implementation_plan_id=ip,
                position=k + 1,
                title=title,
                due_date=milestone_due,
                deliverable="工作方案",
                responsible_person="综合处处长",
                baseline_due=milestone_due if filed else None,
                met_on=met,
                met_note="已按期完成。" if met else "",
            )
            milestones.append((task, pk, title, milestone_due))
        return milestones

    def _reports(self, place: Place, cadence: str, shares) -> None:
        rng = self.rng
        periods = list(periods_of_year(YEAR, cadence, until=self.as_of))
        for task, unit, trajectory in shares:
            habit = rng.choices(["diligent", "sloppy", "absent"], [85, 10, 5])[0]
            missing, late_share = {"diligent": (0.02, 0.08), "sloppy": (0.2, 0.3),
                                   "absent": (0.7, 0.3)}[habit]  # fmt: skip
            done_from = len(periods) - 1 - rng.randrange(3) if trajectory == "done" else None
            for n, (start, end) in enumerate(periods):
                current = end >= self.as_of  # the period the demo's day falls in: not due yet
                if current and rng.random() < 0.7:
                    continue  # most units report after the period's end
                if not current and rng.random() < missing:
                    continue
                status = self._status(trajectory, n, len(periods), done_from)
                due = report_due(end)
                if current:
                    submitted = _at(self.as_of - timedelta(days=rng.randint(0, 2)), 14)
                elif rng.random() < late_share:
                    submitted = _at(due + timedelta(days=rng.randint(1, 20)), 16)
                else:
                    submitted = _at(end + timedelta(days=rng.randint(0, 5)), 10)
                if submitted.date() > self.as_of:
                    continue  # would be filed after the demo's day: missing as of it
                review = self._review(n, len(periods), current)
                reviewed = None
                if review in (Review.ACCEPTED, Review.RETURNED):
                    reviewed = min(submitted + timedelta(days=rng.randint(1, 5)),
                                   _at(self.as_of, 18))  # fmt: skip
                self.out.add(
                    ProgressReport,
                    task_id=task,
                    unit_id=unit,
                    period_start=start,
                    period_end=end,
                    status=status,
                    percent=default_percent(status, end),
                    work_done=f"{start.month}月按计划推进各项工作，完成阶段性任务。",
                    problems="" if status in (Status.ON_TRACK, Status.DONE)
                    else "配套政策尚未出台，进度滞后于计划。",
                    next_steps="继续推进。",
                    review=review,
                    submitted_at=None if review == Review.DRAFT else submitted,
                    reviewed_at=reviewed,
                    reviewed_by_id=place.reviewer if reviewed else None,
                    review_comment="请补充本期具体工作量。" if review == Review.RETURNED else "",
                )  # fmt: skip
                if status == Status.DONE and review == Review.ACCEPTED:
                    break  # the task is done and accepted: nothing more is owed on it

    @staticmethod
    def _status(trajectory: str, n: int, periods: int, done_from: int | None) -> str:
        if done_from is not None and n >= done_from:
            return Status.DONE
        if n < periods // 3 or trajectory in ("on_track", "done"):
            return Status.ON_TRACK
        return Status.AT_RISK if trajectory == "at_risk" else Status.DELAYED

    def _review(self, n: int, periods: int, current: bool) -> str:
        rng = self.rng
        if current:
            return rng.choices([Review.SUBMITTED, Review.DRAFT], [80, 20])[0]
        if n == periods - 2:  # last month's (or quarter's): the office is still reviewing
            return rng.choices([Review.ACCEPTED, Review.SUBMITTED, Review.RETURNED], [70, 25, 5])[0]
        return rng.choices([Review.ACCEPTED, Review.SUBMITTED, Review.RETURNED], [97, 2, 1])[0]

    def run(self) -> None:
        for place in self.places():
            self.plan(place)
        self.out.finish()


def _split(rng: random.Random, total: int, parts: int, least: int) -> list[int]:
    """`total` split into `parts` counts of at least `least`, at random but summing exactly."""
    if parts == 0:
        return []
    counts = [least] * parts
    for _ in range(max(0, total - least * parts)):
        counts[rng.randrange(parts)] += 1
    return counts


def generate(*, scale: str, seed: int) -> dict[str, int]:
    """Generate `scale` (see SCALES) with `seed`; returns the rows written per table."""
    with clock.on_day(settings.DUBAN_TODAY or DEMO_TODAY):
        demo_directory_and_accounts()
        generator = Generator(SCALES[scale], seed)
        generator.run()
    return {model._meta.label: n for model, n in generator.out.written.items()}


CHECKED = {
    Region: ["code", "name", "level"],
    Unit: ["name", "short_name", "region__code"],
    User: ["username", "role", "unit__name"],
    Plan: ["title", "report_cadence", "filing_deadline", "published_at"],
    Task: ["plan__title", "path", "title", "due_date", "kind"],
    Assignment: ["task__plan__title", "task__path", "unit__name", "role"],
    ImplementationPlan: ["plan__title", "unit__name", "status", "first_submitted_at", "baseline"],
    Milestone: ["task__path", "unit__name", "due_date", "met_on"],
    ProgressReport: ["task__path", "unit__name", "period_start", "status", "review",
                     "submitted_at"],
}  # fmt: skip


def summary() -> dict[str, dict]:
    """Rows and a checksum of the rows' content per table: equal for equal data, on any database."""
    result = {}
    for model, fields in CHECKED.items():
        digest = hashlib.sha256()
        rows = 0
        for row in model.objects.order_by("pk").values_list(*fields).iterator(chunk_size=10_000):
            digest.update(repr(tuple(_text(v) for v in row)).encode())
            rows += 1
        result[model._meta.label] = {"rows": rows, "sha256": digest.hexdigest()[:16]}
    return result


def _text(value) -> str:
    # PostgreSQL's jsonb keeps an object's keys in its own order; compare them sorted.
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)
