"""The demo plan as of 2012-12-31, with its year of record: every unit that owes work has a
score whose breakdown adds up; `duban assess 1 --as-of 2012-12-31 --xlsx` writes the table."""

from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from duban.assessment.models import Assessment
from duban.assessment.selectors import breakdown, ranking
from duban.plans.models import Assignment, Plan
from duban.web.demo import _demo_history


@pytest.fixture
def demo_plan(demo_accounts) -> Plan:
    _demo_history()
    return Plan.objects.get(source__isnull=False, year=2012)


def test_every_unit_that_owes_work_is_scored_and_its_breakdown_adds_up(demo_plan, tmp_path):
    out, xlsx = StringIO(), tmp_path / "out.xlsx"
    call_command(
        "assess", str(demo_plan.pk), "--as-of", "2012-12-31", "--xlsx", str(xlsx), stdout=out
    )
    assessment = Assessment.objects.get(plan=demo_plan)
    owing = set(
        Assignment.objects.live()
        .filter(task__plan=demo_plan, unit__isnull=False)
        .values_list("unit_id", flat=True)
    )
    scores = list(assessment.scores.all())
    assert {s.unit_id for s in scores} == owing
    for score in scores:
        assert sum(part.points for part in breakdown(score)) == score.total
    table = ranking(assessment)
    for row in table.units + table.cities:
        assert sum(row.cells) == row.score.total
    # The table: title, subtitle, the header, then one row per assessed unit or city.
    sheet = load_workbook(xlsx).active
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["排名", "单位", "类别", "总分"]
    assert len(header) == 4 + len(table.rules.components)
    body = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(body) == len(scores)
    assert [r[0] for r in body[:3]] == [row.score.rank for row in table.units[:3]]
    assert sheet.print_title_rows == "$3:$3"
    first = table.units[0].score
    assert f"{first.unit.name}" in out.getvalue() and "第1版（草稿）" in out.getvalue()


def test_the_command_names_a_missing_plan_or_a_bad_date(demo_accounts):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有编号为 999"):
        call_command("assess", "999", "--as-of", "2012-12-31")
    plan = Plan.objects.get(source__isnull=False, year=2012)
    with pytest.raises(CommandError, match="日期无效"):
        call_command("assess", str(plan.pk), "--as-of", "2012-13-01")
