"""Split, merge and reorder in a draft renumber the paths; a published plan's structure is frozen."""

import pytest

from duban.audit import services as audit
from duban.plans.models import Plan, Task
from duban.plans.services import task_merge_with_next, task_move, task_split

pytestmark = pytest.mark.django_db


def paths(plan: Plan, parent_path: str | None = None) -> list[tuple[str, str]]:
    tasks = Task.objects.filter(plan=plan, region__isnull=True)
    if parent_path:
        tasks = tasks.filter(parent__path=parent_path)
    return [(t.path, t.title) for t in tasks.order_by("position") if "." in t.path]


def task(plan: Plan, path: str) -> Task:
    return Task.objects.get(plan=plan, path=path, region__isnull=True)


def test_splitting_makes_two_siblings_and_renumbers_those_after(small_plan, coordinator):
    first = task(small_plan, "1.1")
    offset = first.text.index("。") + 1
    new = task_split(task=first, offset=offset, by=coordinator, seen_version=first.version)
    assert new.path == "1.2"
    assert paths(small_plan, "1") == [
        ("1.1", "推进预算公开"),
        ("1.2", "年底前全面公开省级部门预算"),
        ("1.3", "完善转移支付制度"),
    ]
    first.refresh_from_db()
    assert first.text == "推进预算公开。"
    # Both halves keep the units; the coordinator adjusts them afterwards.
    assert new.assignments.count() == first.assignments.count() == 2


def test_merging_joins_texts_and_assignments_and_renumbers(small_plan, coordinator):
    first = task(small_plan, "1.1")
    merged = task_merge_with_next(task=first, by=coordinator, seen_version=first.version)
    assert paths(small_plan, "1") == [("1.1", "推进预算公开")]
    assert "完善转移支付制度" in merged.text
    roles = {a.unit.short_name: a.role for a in merged.assignments.filter(withdrawn=False)}
    # 省财政厅 led both; 省审计厅 stays co.
    assert roles == {"省财政厅": "lead", "省审计厅": "co"}


def test_split_then_merge_restores_the_text(small_plan, coordinator):
    first = task(small_plan, "2.1")
    original = first.text
    task_split(task=first, offset=original.index("。") + 1, by=coordinator, seen_version=1)
    first.refresh_from_db()
    task_merge_with_next(task=first, by=coordinator, seen_version=first.version)
    first.refresh_from_db()
    assert first.text == original
    assert first.path == "2.1"


def test_moving_down_and_up_swaps_paths(small_plan, coordinator):
    first = task(small_plan, "1.1")
    task_move(task=first, direction=1, by=coordinator, seen_version=first.version)
    assert paths(small_plan, "1") == [("1.1", "完善转移支付制度"), ("1.2", "推进预算公开")]
    first.refresh_from_db()
    task_move(task=first, direction=-1, by=coordinator, seen_version=first.version)
    assert paths(small_plan, "1") == [("1.1", "推进预算公开"), ("1.2", "完善转移支付制度")]


def test_moving_an_area_renumbers_its_whole_subtree(small_plan, coordinator):
    area = task(small_plan, "2")
    task_move(task=area, direction=-1, by=coordinator, seen_version=area.version)
    assert task(small_plan, "1").title == "推进试点工作"
    assert task(small_plan, "1.1").title == "开展综合改革试点"
    assert task(small_plan, "2.2").title == "完善转移支付制度"


def test_moving_past_the_end_is_refused(small_plan, coordinator):
    last = task(small_plan, "1.2")
    with pytest.raises(audit.DomainError):
        task_move(task=last, direction=1, by=coordinator, seen_version=last.version)


def test_the_structure_of_a_published_plan_is_frozen(small_plan, coordinator):
    Plan.objects.filter(pk=small_plan.pk).update(status=Plan.Status.PUBLISHED)
    first = task(small_plan, "1.1")
    for change in (
        lambda: task_split(task=first, offset=3, by=coordinator, seen_version=first.version),
        lambda: task_merge_with_next(task=first, by=coordinator, seen_version=first.version),
        lambda: task_move(task=first, direction=1, by=coordinator, seen_version=first.version),
    ):
        with pytest.raises(audit.DomainError, match="冻结"):
            change()
    assert paths(small_plan, "1")[0] == ("1.1", "推进预算公开")


def test_a_stale_structural_edit_is_refused(small_plan, coordinator):
    first = task(small_plan, "1.1")
    with pytest.raises(audit.StaleEdit):
        task_split(task=first, offset=3, by=coordinator, seen_version=first.version - 1 or 99)
    with pytest.raises(audit.StaleEdit):
        task_move(task=first, direction=1, by=coordinator, seen_version=99)
