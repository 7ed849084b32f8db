"""The dashboard's groups: each area's and lead unit's spread of lights beside its aggregate
light, the groups with the most red first."""

from datetime import date

import pytest
from django.urls import reverse

from duban.supervision.lights import Light
from duban.supervision.selectors import light_tally, supervision_dashboard
from duban.supervision.templatetags.supervision import CELL, light_strip
from duban.supervision.tests.conftest import make_milestone, make_report, make_task

SEP_30 = date(2012, 9, 30)


@pytest.fixture
def plan(plan_2012, finance_unit, reform_unit, settings):
    """Area 1: one red (省财政厅) and one green task; area 2: two red (省发展改革委)."""
    settings.DUBAN_TODAY = SEP_30
    tasks = [
        ("1.1.1", finance_unit, True),
        ("1.1.2", finance_unit, False),
        ("2.1.1", reform_unit, True),
        ("2.1.2", reform_unit, True),
    ]
    for path, lead, late in tasks:
        task = make_task(plan_2012, path, lead=lead)
        for month in range(1, 9):
            make_report(task, lead, month)
        if late:
            make_milestone(task, lead, "完成调研", date(2012, 6, 30))
    return plan_2012


def test_a_tally_counts_every_colour_most_alarming_first():
    tally = light_tally([Light("green"), Light("red"), Light("green"), Light("done")])
    assert list(tally) == ["red", "orange", "yellow", "green", "done", "grey"]
    assert tally == {"red": 1, "orange": 0, "yellow": 0, "green": 2, "done": 1, "grey": 0}


def test_the_area_with_the_most_red_comes_first(plan):
    board = supervision_dashboard(plan=plan, as_of=SEP_30)
    assert [(g.key, g.tally["red"], g.tally["green"]) for g in board.areas] == [
        ("2", 2, 0),
        ("1", 1, 1),
    ]
    # The aggregate light is kept: both areas are red under the `worst` rule.
    assert [g.light.colour for g in board.areas] == ["red", "red"]
    # Its strip: a cell per task, the most alarming first.
    assert light_strip(board.areas[1].tally) == CELL.format("red") + CELL.format("green")


def test_the_lead_unit_with_the_most_red_comes_first(plan, finance_unit, reform_unit):
    board = supervision_dashboard(plan=plan, as_of=SEP_30)
    assert [g.name for g in board.units] == [reform_unit.short_name, finance_unit.short_name]


def test_the_page_shows_each_groups_spread(client, coordinator, plan):
    client.force_login(coordinator)
    html = client.get(reverse("supervision:dashboard")).content.decode()
    assert html.count('class="strip__cell strip__cell--red"') == 3 * 2  # by area and by unit
    assert html.count('class="strip__cell strip__cell--green"') == 1 * 2
    assert 'title="红灯">红2</span>' in html
    assert 'title="绿灯">绿1</span>' in html
    assert "reports/reports.css" in html
