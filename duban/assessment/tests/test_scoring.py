"""The arithmetic, checked by hand: rates weighted by role, deductions capped, cents that add up,
ranks within each group, and a changed weight re-ranking as predicted."""

from dataclasses import replace
from decimal import Decimal as D

from duban.assessment.scoring import NOTHING_OWED, Rule, Rules, rank, score_units, split
from duban.lib.measures import Line

A, B, C = 1, 2, 3  # two provincial units and a city
GROUPS = {A: "unit", B: "unit", C: "city"}
RULES = Rules(
    components=(
        Rule("plan", "实施方案", "rate", D("10")),
        Rule("reports", "进展报告", "rate", D("20")),
        Rule("red", "红灯", "deduction", D("0.5"), cap=D("1")),
    ),
    lead_weight=D("1"),
    co_weight=D("0.5"),
)
MEASURED = {
    "plan": [Line(A, "lead", 1.0, "A 实施方案按时"), Line(C, "lead", 0.0, "C 实施方案逾期")],
    "reports": [
        Line(A, "lead", 1.0, "A 1月"),
        Line(A, "lead", 0.0, "A 2月"),
        Line(A, "co", 1.0, "A 配合 1月"),
        Line(B, "co", 1.0, "B 配合 1月"),
        Line(B, "co", 0.0, "B 配合 2月"),
        Line(C, "lead", 1.0, "C 1月"),
        Line(C, "lead", 1.0, "C 2月"),
        Line(C, "lead", 0.0, "C 3月"),
    ],
    "red": [Line(A, "lead", 1.0, f"A 红灯{m}月") for m in (7, 8, 9)],
}


def by_unit(results):
    return {r.unit_id: r for r in results}


def test_each_component_and_total_come_out_as_computed_by_hand():
    results = by_unit(score_units(RULES, MEASURED, GROUPS))
    a, b, c = results[A], results[B], results[C]
    # A: 10 + 20×(1·1 + 1·0 + 0.5·1)/2.5 − 0.5 − 0.5 (the third red light is over the cap).
    assert [a.component_points(m) for m in ("plan", "reports", "red")] == [
        D("10"),
        D("12"),
        D("-1"),
    ]
    assert a.total == D("21.00")
    # B owes no implementation plan: full marks there; 20×0.5/1 for its reports.
    assert b.total == D("20.00")
    assert next(x for x in b.lines if x.measure == "plan").label == NOTHING_OWED
    # C: 0 + 20×2/3 = 13.33.
    assert c.total == D("13.33")


def test_line_points_add_up_to_the_component_exactly():
    results = by_unit(score_units(RULES, MEASURED, GROUPS))
    c_reports = [x for x in results[C].lines if x.measure == "reports"]
    assert [x.points for x in c_reports] == [D("6.67"), D("6.66"), D("0.00")]
    assert [x.lost for x in c_reports] == [D("0.00"), D("0.00"), D("6.67")]
    for result in results.values():
        components = sum(result.component_points(r.measure) for r in RULES.components)
        assert components == result.total


def test_lines_over_the_cap_take_nothing_and_say_so():
    a = by_unit(score_units(RULES, MEASURED, GROUPS))[A]
    red = [x for x in a.lines if x.measure == "red"]
    assert [x.points for x in red] == [D("-0.50"), D("-0.50"), D("0.00")]
    assert "上限" in red[2].label


def test_units_and_cities_are_ranked_apart():
    results = by_unit(score_units(RULES, MEASURED, GROUPS))
    assert (results[A].rank, results[B].rank, results[C].rank) == (1, 2, 1)


def test_a_heavier_red_light_penalty_puts_b_ahead_of_a():
    heavier = replace(
        RULES,
        components=(*RULES.components[:2], Rule("red", "红灯", "deduction", D("2"))),
    )
    results = by_unit(score_units(heavier, MEASURED, GROUPS))
    # A: 10 + 12 − 3×2 = 16 < B: 20.
    assert results[A].total == D("16.00") and results[B].total == D("20.00")
    assert (results[B].rank, results[A].rank) == (1, 2)


def test_ties_share_a_rank_and_the_next_rank_skips():
    results = score_units(RULES, {}, {1: "unit", 2: "unit", 3: "unit"})
    rank(results)
    assert [r.rank for r in results] == [1, 1, 1]


def test_split_keeps_the_sum():
    assert split(D("10.00"), [D(10) / 3] * 3) == [D("3.34"), D("3.33"), D("3.33")]


def test_rules_survive_their_json_round_trip():
    assert Rules.from_json(RULES.as_json()) == RULES
