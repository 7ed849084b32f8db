"""Carry-over (结转): next year's draft plan holds this year's unfinished and multi-year tasks,
with their units, each linked to the task it comes from."""

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from duban.audit import services as audit
from duban.execution.tests.conftest import make_plan, make_task
from duban.plans.models import Assignment, Plan, Target, Task
from duban.plans.services import plan_carry_over
from duban.supervision.tests.conftest import make_report
from duban.web.tests.personas import REFUSED


@pytest.fixture
def year_2012(fagai, caizheng):
    """Four units of work: one accepted as done, one multi-year done, two unfinished."""
    Plan.objects.update(status=Plan.Status.CLOSED)
    plan = make_plan()
    finance, reform = caizheng.unit, fagai.unit
    make_task(plan, "1.1.1", title="深化预算管理制度改革", lead=finance, co=(reform,))
    done = make_task(plan, "1.1.2", title="推进省级财政资金整合", lead=finance)
    multi = make_task(
        plan,
        "2.1.1",
        title="推进医药卫生体制改革",
        lead=reform,
        kind=Task.Kind.MULTI_YEAR,
        due_date=date(2014, 12, 31),
    )
    make_task(plan, "2.2.1", title="完善价格调节基金制度", lead=reform, due_date=date(2012, 6, 30))
    Target.objects.create(task=multi, text="覆盖率达到95%以上", value=95, unit="%", comparator=">=")
    make_report(done, finance, 8, status="done", percent=100, review="accepted")
    make_report(multi, reform, 8, status="done", percent=100, review="accepted")
    return plan


def carried(plan: Plan) -> dict[str, Task]:
    return {t.title: t for t in plan.tasks.filter(assignments__isnull=False).distinct()}


def test_the_unfinished_and_the_multi_year_go_into_a_draft_of_next_year(year_2012, coordinator):
    new = plan_carry_over(plan=year_2012, to_year=2013, by=coordinator)
    assert (new.year, new.status) == (2013, Plan.Status.DRAFT)
    tasks = carried(new)
    assert set(tasks) == {"深化预算管理制度改革", "推进医药卫生体制改革", "完善价格调节基金制度"}
    for title, task in tasks.items():
        assert task.carried_from == year_2012.tasks.get(title=title)


def test_the_units_targets_and_deadlines_come_along(year_2012, coordinator, fagai, caizheng):
    tasks = carried(plan_carry_over(plan=year_2012, to_year=2013, by=coordinator))
    budget = tasks["深化预算管理制度改革"]
    roles = list(budget.assignments.order_by("position").values_list("unit", "role"))
    assert roles == [(caizheng.unit.pk, Assignment.Role.LEAD), (fagai.unit.pk, Assignment.Role.CO)]
    assert budget.due_date == date(2013, 12, 31)
    health = tasks["推进医药卫生体制改革"]
    assert health.due_date == date(2014, 12, 31)  # a multi-year deadline still ahead stays
    assert list(health.targets.values_list("text", flat=True)) == ["覆盖率达到95%以上"]


def test_the_tree_is_renumbered_without_gaps(year_2012, coordinator):
    new = plan_carry_over(plan=year_2012, to_year=2013, by=coordinator)
    paths = dict(new.tasks.values_list("title", "path"))
    assert paths["深化预算管理制度改革"] == "1.1.1"  # 1.1.2 (done) left a gap it does not keep
    assert paths["推进医药卫生体制改革"] == "2.1.1"
    assert paths["完善价格调节基金制度"] == "2.2.1"
    areas = new.tasks.filter(level=1).order_by("position")
    assert [a.carried_from.path for a in areas] == ["1", "2"]


def test_the_copies_are_audited_with_the_reason(year_2012, coordinator):
    new = plan_carry_over(plan=year_2012, to_year=2013, by=coordinator)
    record = new.tasks.get(path="1.1.1").history.first()
    assert record.history_user == coordinator
    assert "结转自2012年计划" in record.history_cause_detail


@pytest.mark.parametrize(("to_year", "message"), [(2012, "须晚于2012年"), (2011, "须晚于2012年")])
def test_a_year_not_after_the_plans_is_refused(year_2012, coordinator, to_year, message):
    with pytest.raises(audit.DomainError, match=message):
        plan_carry_over(plan=year_2012, to_year=to_year, by=coordinator)


def test_carrying_twice_into_the_same_year_is_refused(year_2012, coordinator):
    plan_carry_over(plan=year_2012, to_year=2013, by=coordinator)
    with pytest.raises(audit.DomainError, match="不能重复结转"):
        plan_carry_over(plan=year_2012, to_year=2013, by=coordinator)


def test_a_draft_has_nothing_to_carry(coordinator):
    draft = make_plan(status=Plan.Status.DRAFT)
    with pytest.raises(audit.DomainError, match="草稿计划尚未发布"):
        plan_carry_over(plan=draft, to_year=2013, by=coordinator)


def test_the_command_carries_the_demo_plan_over(demo_accounts, capsys):
    plan = Plan.objects.published().get(year=2012)
    units_of_work = (
        Task.objects.filter(plan=plan, region__isnull=True, withdrawn=False)
        .filter(assignments__isnull=False)
        .distinct()
    )
    call_command("plan", "carry-over", str(plan.pk), "--to-year", "2013")
    new = Plan.objects.get(year=2013)
    assert new.status == Plan.Status.DRAFT
    assert "[draft]" in capsys.readouterr().out
    # The demo without its history has nothing accepted as done: every unit of work comes along.
    froms = set(new.tasks.filter(carried_from__isnull=False).values_list("carried_from", flat=True))
    assert set(units_of_work.values_list("pk", flat=True)) <= froms
    with pytest.raises(CommandError, match="不能重复结转"):
        call_command("plan", "carry-over", str(plan.pk), "--to-year", "2013")


# ---- The coordinator's button ---------------------------------------------------------------


def test_the_coordinator_carries_over_from_the_home_page(client, coordinator, year_2012, settings):
    settings.DUBAN_TODAY = date(2012, 12, 31)
    client.force_login(coordinator)
    url = reverse("plans:plan-carry-over", args=[year_2012.pk])
    assert url in client.get(reverse("web:home")).content.decode()
    response = client.post(url, {"to_year": "2013"})
    new = Plan.objects.get(year=2013)
    assert response.status_code == 302 and response["Location"] == reverse(
        "plans:plan-review", args=[new.pk]
    )
    again = client.post(url, {"to_year": "2013"}, follow=True).content.decode()
    assert "不能重复结转" in again
    bad = client.post(url, {"to_year": "明年"}, follow=True).content.decode()
    assert "结转年度（to_year）应为四位年份" in bad


@pytest.mark.parametrize("who", ["leader", "fagai", "caizheng", "lanzhou", "viewer", "admin_user"])
def test_everyone_else_is_refused_and_sees_no_button(client, request, who, year_2012):
    client.force_login(request.getfixturevalue(who))
    url = reverse("plans:plan-carry-over", args=[year_2012.pk])
    assert client.post(url, {"to_year": "2013"}).status_code in REFUSED
    assert url not in client.get(reverse("web:home")).content.decode()
    assert not Plan.objects.filter(year=2013).exists()


def test_a_get_is_not_allowed(client, coordinator, year_2012):
    client.force_login(coordinator)
    response = client.get(reverse("plans:plan-carry-over", args=[year_2012.pk]))
    assert response.status_code == 405
