"""The light function, case by case, each on an explicit date (no clock, no database)."""

import json
from datetime import date

import pytest

from duban.supervision.lights import (
    Light,
    MilestoneFact,
    ReportFact,
    TaskFacts,
    aggregate,
    compute_light,
    disagreement,
    load_rule_set,
)

DEFAULT = load_rule_set("default")
STRICT = load_rule_set("strict")
YEAR_START = date(2012, 1, 1)
YEAR_END = date(2012, 12, 31)


def report(month: int, status: str = "on_track", percent: int = 50, submitted=None) -> ReportFact:
    """The lead's monthly report for `month` of 2012, filed on the 3rd of the next month."""
    start = date(2012, month, 1)
    end = date(2012, month + 1, 1) if month < 12 else date(2013, 1, 1)
    end = date.fromordinal(end.toordinal() - 1)
    filed = submitted or date.fromordinal(end.toordinal() + 3)
    return ReportFact(start, end, status, percent, filed)


def monthly(until: int, **last) -> tuple[ReportFact, ...]:
    """Reports for January..`until`, on track, the last one with `last`'s overrides."""
    reports = [report(m) for m in range(1, until)]
    return (*reports, report(until, **last))


def facts(**overrides) -> TaskFacts:
    base = {"start": YEAR_START, "due": YEAR_END, "reports": monthly(8)}
    return TaskFacts(**(base | overrides))


DRAFT_REGULATION = MilestoneFact("起草条例", date(2012, 8, 29))

# (case, facts, as_of, expected colour, a phrase the first reason must contain)
DEFAULT_CASES = [
    ("all reported, nothing due", facts(), date(2012, 9, 30), "green", "按计划推进"),
    (
        "milestone 32 days overdue",
        facts(milestones=(DRAFT_REGULATION,)),
        date(2012, 9, 30),
        "red",
        "红灯：里程碑“起草条例”已逾期32天",
    ),
    (
        "milestone 15 days overdue is still yellow",
        facts(milestones=(DRAFT_REGULATION,)),
        date(2012, 9, 13),
        "yellow",
        "黄灯：里程碑“起草条例”已逾期15天",
    ),
    (
        "milestone 16 days overdue turns red",
        facts(milestones=(DRAFT_REGULATION,)),
        date(2012, 9, 14),
        "red",
        "逾期16天",
    ),
    (
        "milestone on its due date is not yet late",
        facts(milestones=(DRAFT_REGULATION,)),
        date(2012, 8, 29),
        "green",
        "绿灯",
    ),
    (
        "milestone met late no longer counts",
        facts(milestones=(MilestoneFact("起草条例", date(2012, 8, 29), date(2012, 9, 20)),)),
        date(2012, 9, 30),
        "green",
        "绿灯",
    ),
    (
        "milestone met after as_of still counted then",
        facts(milestones=(MilestoneFact("起草条例", date(2012, 8, 29), date(2012, 9, 20)),)),
        date(2012, 9, 10),
        "yellow",
        "逾期12天",
    ),
    (
        "last report delayed",
        facts(reports=monthly(8, status="delayed")),
        date(2012, 9, 30),
        "red",
        "最近一期（2012年8月）进展报告自报“滞后”",
    ),
    (
        "the current period's report missing",
        facts(reports=monthly(7)),
        date(2012, 9, 6),
        "yellow",
        "黄灯：2012年8月进展报告未报送",
    ),
    (
        "not missing before its due date (the 5th)",
        facts(reports=monthly(7)),
        date(2012, 9, 5),
        "green",
        "绿灯",
    ),
    (
        "two periods missing",
        facts(reports=monthly(6)),
        date(2012, 9, 6),
        "red",
        "已连续2期未报送进展报告（2012年7月起）",
    ),
    (
        "an old gap caught up on is forgiven",
        facts(reports=(*monthly(3), report(8))),
        date(2012, 9, 30),
        "green",
        "绿灯",
    ),
    (
        "a report filed after as_of is not yet known",
        facts(reports=monthly(8, submitted=date(2012, 9, 20))),
        date(2012, 9, 10),
        "yellow",
        "2012年8月进展报告未报送",
    ),
    (
        "at risk within 15 days of a milestone",
        facts(
            reports=monthly(8, status="at_risk"),
            milestones=(MilestoneFact("出台办法", date(2012, 10, 10)),),
        ),
        date(2012, 9, 30),
        "yellow",
        "自报“存在风险”，距里程碑“出台办法”时限仅剩10天",
    ),
    (
        "at risk on the milestone's due date",
        facts(
            reports=monthly(8, status="at_risk"),
            milestones=(MilestoneFact("出台办法", date(2012, 9, 30)),),
        ),
        date(2012, 9, 30),
        "yellow",
        "黄灯：自报“存在风险”，里程碑“出台办法”今天到期",
    ),
    (
        "at risk far from any due date",
        facts(reports=monthly(8, status="at_risk")),
        date(2012, 9, 30),
        "green",
        "绿灯",
    ),
    (
        "task due date passed by more than 15 days",
        facts(due=date(2012, 6, 30), reports=monthly(6)),
        date(2012, 7, 20),
        "red",
        "任务已超过完成时限（2012年6月30日）20天",
    ),
    (
        "done once the coordinator accepted",
        facts(reports=monthly(8, status="done"), accepted_done=date(2012, 9, 10)),
        date(2012, 9, 30),
        "done",
        "已采纳",
    ),
    (
        "a completion claim not yet accepted is not done",
        facts(reports=monthly(8, status="done"), accepted_done=date(2012, 10, 10)),
        date(2012, 9, 30),
        "green",
        "绿灯",
    ),
    (
        "before the year starts",
        facts(start=date(2013, 1, 1), due=date(2013, 12, 31), reports=()),
        date(2012, 9, 30),
        "grey",
        "未开始",
    ),
    (
        "quarterly cadence names the quarter",
        facts(cadence="quarterly", reports=()),
        date(2012, 4, 6),
        "yellow",
        "2012年第1季度进展报告未报送",
    ),
]


@pytest.mark.parametrize(
    ("case", "task", "as_of", "colour", "phrase"), DEFAULT_CASES, ids=[c[0] for c in DEFAULT_CASES]
)
def test_default_rules(case, task, as_of, colour, phrase):
    light = compute_light(task, as_of, DEFAULT)
    assert light.colour == colour, light.reasons
    assert phrase in light.reasons[0]


STRICT_CASES = [
    (
        "time nearly out with no report",
        facts(due=date(2012, 10, 31), reports=(), cadence="quarterly", start=date(2012, 7, 1)),
        date(2012, 10, 20),
        "orange",
        "剩余时间不足15%",
    ),
    (
        "silent for 45 days",
        facts(reports=monthly(6), cadence="quarterly"),
        date(2012, 8, 25),
        "orange",
        "已53天未报送进展报告",
    ),
    (
        "behind the expected trajectory",
        facts(reports=monthly(8, percent=40)),
        date(2012, 9, 6),
        "orange",
        "自报进度40%，低于时间进度67%（落后27个百分点）",
    ),
    (
        "at risk reported, three periods in a row, turns red",
        facts(reports=tuple(report(m, status="at_risk", percent=60) for m in range(1, 9))),
        date(2012, 9, 30),
        "red",
        "连续3期为黄灯或更重",
    ),
    (
        "any overdue milestone is orange",
        facts(milestones=(MilestoneFact("起草条例", date(2012, 9, 27)),)),
        date(2012, 9, 30),
        "orange",
        "橙灯：里程碑“起草条例”已逾期3天",
    ),
]


@pytest.mark.parametrize(
    ("case", "task", "as_of", "colour", "phrase"), STRICT_CASES, ids=[c[0] for c in STRICT_CASES]
)
def test_strict_rules(case, task, as_of, colour, phrase):
    light = compute_light(task, as_of, STRICT)
    assert light.colour == colour, light.reasons
    assert any(phrase in reason for reason in light.reasons), light.reasons


def test_the_two_rule_sets_can_disagree_on_the_same_task():
    task = facts(reports=monthly(8, percent=40))
    assert compute_light(task, date(2012, 9, 6), DEFAULT).colour == "green"
    assert compute_light(task, date(2012, 9, 6), STRICT).colour == "orange"


def test_one_reason_per_thing_and_the_worst_first():
    task = facts(
        reports=monthly(7),
        milestones=(DRAFT_REGULATION, MilestoneFact("征求意见", date(2012, 9, 20))),
    )
    light = compute_light(task, date(2012, 9, 30), DEFAULT)
    assert light.reasons == (
        "红灯：里程碑“起草条例”已逾期32天",
        "黄灯：里程碑“征求意见”已逾期10天",
        "黄灯：2012年8月进展报告未报送",
    )
    assert light.title.count("；") == 2


def test_a_rule_file_with_an_unknown_kind_is_refused(tmp_path):
    path = tmp_path / "typo.json"
    path.write_text(json.dumps({"name": "typo", "rules": [{"rule": "milestone_overdu"}]}))
    with pytest.raises(ValueError, match="unknown rule kind"):
        load_rule_set(str(path))


def test_a_rule_file_with_an_unknown_colour_is_refused(tmp_path):
    path = tmp_path / "purple.json"
    rule = {"rule": "silence", "days": 3, "colour": "purple"}
    path.write_text(json.dumps({"name": "purple", "rules": [rule]}))
    with pytest.raises(ValueError, match="unknown colour"):
        load_rule_set(str(path))


def test_a_province_can_ship_its_own_file(tmp_path):
    path = tmp_path / "lenient.json"
    rule = {"rule": "milestone_overdue", "days": 30, "colour": "red"}
    path.write_text(json.dumps({"name": "lenient", "rules": [rule]}))
    lenient = load_rule_set(str(path))
    task = facts(milestones=(DRAFT_REGULATION,))
    assert compute_light(task, date(2012, 9, 27), lenient).colour == "green"
    assert compute_light(task, date(2012, 9, 29), lenient).colour == "red"


def light(colour: str) -> Light:
    return Light(colour, (colour,))


AGGREGATE_CASES = [
    ("worst of mixed", ["green", "yellow", "red"], None, "red"),
    ("all done", ["done", "done"], None, "done"),
    ("done and green", ["done", "green"], None, "green"),
    ("nothing started", ["grey", "grey"], None, "grey"),
    ("grey ignored", ["grey", "yellow"], None, "yellow"),
    ("no tasks", [], None, "grey"),
    ("one red among many greens, weighted", ["red"] + ["green"] * 9, None, "green"),
    ("half red, weighted", ["red", "red", "green", "green"], None, "orange"),
    ("all red, weighted", ["red", "red"], None, "red"),
    ("heavy red, weighted", ["red", "green"], [3.0, 1.0], "red"),
]


@pytest.mark.parametrize(
    ("case", "colours", "weights", "expected"), AGGREGATE_CASES, ids=[c[0] for c in AGGREGATE_CASES]
)
def test_aggregate(case, colours, weights, expected):
    method = STRICT.aggregate if "weighted" in case else DEFAULT.aggregate
    result = aggregate([light(c) for c in colours], weights=weights, method=method)
    assert result.colour == expected, result.reasons


def test_aggregate_counts_each_colour():
    result = aggregate([light("red"), light("yellow"), light("yellow"), light("green")])
    assert result.reasons == ("红灯：红灯1项、黄灯2项、绿灯1项（共4项任务）",)


DISAGREEMENT_CASES = [
    ("all agree", "on_track", "green", 5, 1, None),
    ("says on track, computed red", "on_track", "red", None, 2, "自报“按计划推进”，计算为红灯"),
    ("mild spread below the threshold", "on_track", "yellow", 4, 2, None),
    ("mild spread at a strict threshold", "on_track", "yellow", 4, 1, "计算为黄灯"),
    ("judgement doubts a green task", "on_track", "green", 1, 2, "研判为“难以按期完成”"),
    ("only one view", None, "grey", None, 1, None),
]


@pytest.mark.parametrize(
    ("case", "status", "colour", "level", "bands", "expected"),
    DISAGREEMENT_CASES,
    ids=[c[0] for c in DISAGREEMENT_CASES],
)
def test_disagreement(case, status, colour, level, bands, expected):
    flag = disagreement(self_status=status, light=light(colour), judgement=level, bands=bands)
    if expected is None:
        assert flag is None
    else:
        assert expected in flag
