"""Demo history of the filing cycle for the 2012 plan, as it stood on 2012-09-30.

Deterministic (no randomness): every lead unit files its 实施方案 with 2–4 milestones per lead
task; most plans came in before the deadline, every seventh one late, one was returned and
sits with its unit, and every eleventh unit (the tenth, the twenty-first…) never filed. Milestones due before 30 September
are mostly met; every fourth one is overdue. One extension was approved (it shows as drift) and
one waits for the reform office; two leaders' comments (批示) close the set.

Everything is written through the same services the pages use. The services stamp the real
time, so the demo moves each stamp back into 2012 afterwards (`_backdate`).
"""

import calendar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from duban.audit.context import dated
from duban.directory.models import Unit, User
from duban.execution.models import Extension, ImplementationPlan, LeaderComment, Milestone
from duban.execution.selectors.implementation_plans import units_leading
from duban.execution.services.comments import leader_comment_create
from duban.execution.services.extensions import extension_approve, extension_request
from duban.execution.services.implementation_plans import (
    commitment_update,
    implementation_plan_file,
    implementation_plan_return,
    implementation_plan_start,
    implementation_plan_submit,
    implementation_plan_update,
)
from duban.execution.services.milestones import milestone_add, milestone_tick
from duban.plans.models import Plan, Task

AS_OF = date(2012, 9, 30)
SHANGHAI = ZoneInfo("Asia/Shanghai")

# The steps a department's plan typically goes through, first to last; a task gets 2–4 of them.
STEPS = [
    ("开展调研摸底，摸清现状和问题", "调研报告"),
    ("研究起草工作方案", "方案初稿"),
    ("征求有关部门和市州意见，修改完善", "征求意见汇总及修改稿"),
    ("报批印发并组织实施", "正式文件"),
]
RESPONSIBLE = ["分管副厅长", "综合处处长", "改革办主任", "政策法规处处长"]
RETURN_COMMENT = "时间节点过于笼统，请将各项任务分解到季度并明确成果形式和责任人后重新报送。"
COMMENTS = [
    "此项改革事关全局，请牵头单位抓紧推进，年底前务必取得实质性进展。",
    "进展偏慢，请省发展改革委加强督促，及时协调解决存在的问题。",
]


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=SHANGHAI)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _milestone_plan(task_index: int, year: int) -> list[tuple[str, str, date]]:
    """2–4 steps spread from June to December, the last always the one that finishes the task."""
    count = 2 + task_index % 3
    steps = STEPS[: count - 1] + [STEPS[-1]]
    months = [6 + round(k * 6 / (count - 1)) for k in range(count)]
    return [
        (title, deliverable, _month_end(year, m))
        for (title, deliverable), m in zip(steps, months, strict=True)
    ]


def _editor_of(unit: Unit) -> User | None:
    return unit.users.filter(role=User.Role.EDITOR, is_active=True).order_by("pk").first()


@transaction.atomic
def demo_execution_history(*, plan: Plan, coordinator: User) -> list[str]:
    """Fill the filing history of `plan` (the published 2012 plan); skipped if already there."""
    if ImplementationPlan.objects.filter(plan=plan).exists():
        return ["implementation plans: already there, skipped"]
    deadline = plan.filing_deadline or date(plan.year, 5, 20)
    units = list(units_leading(plan).order_by("region__code", "kind", "name"))
    counts = {"filed": 0, "late": 0, "returned": 0, "missing": 0, "milestones": 0}
    returned_done = False
    for index, unit in enumerate(units):
        if index % 11 == 9:
            counts["missing"] += 1
            continue
        by = _editor_of(unit)
        late = index % 7 == 3
        submitted_on = (
            deadline + timedelta(days=3 + index % 20)
            if late
            else deadline - timedelta(days=1 + index % 12)
        )
        reviewed = _at(submitted_on + timedelta(days=4), 16)
        with dated(_at(submitted_on - timedelta(days=7), 9)):
            ip = _draft(plan, unit, by, index)
        counts["milestones"] += Milestone.objects.filter(implementation_plan=ip).count()
        with dated(_at(submitted_on)):
            implementation_plan_submit(implementation_plan=ip, by=by)
        _backdate(ip, submitted_at=_at(submitted_on), first_submitted_at=_at(submitted_on))
        if not returned_done and index >= 4 and not late:
            with dated(reviewed):
                implementation_plan_return(
                    implementation_plan=ip, by=coordinator, comment=RETURN_COMMENT
                )
            returned_done = True
            counts["returned"] += 1
            continue
        with dated(reviewed):
            implementation_plan_file(implementation_plan=ip, by=coordinator, comment="同意备案。")
        _backdate(ip, filed_at=reviewed)
        _tick_past_milestones(ip, by, index)
        counts["filed"] += 1
        counts["late"] += late
    _extensions(plan, coordinator)
    _comments(plan)
    return [
        "implementation plans: {filed} filed ({late} late), {returned} returned, "
        "{missing} missing; {milestones} milestones".format(**counts)
    ]


def _draft(plan: Plan, unit: Unit, by: User | None, index: int) -> ImplementationPlan:
    ip = implementation_plan_start(plan=plan, unit=unit, by=by)
    implementation_plan_update(
        implementation_plan=ip,
        narrative=(
            f"{unit.short_name}按照省政府关于{plan.year}年经济体制改革的总体部署，成立由主要负责同志"
            "任组长的改革工作领导小组，明确分管领导和责任处室，分阶段推进各项牵头改革任务，"
            "按月报送进展情况。"
        ),
        seen_version=ip.version,
        by=by,
    )
    for task_index, commitment in enumerate(
        ip.commitments.select_related("task").order_by("task__path")
    ):
        task = commitment.task
        criterion = (
            f"年内取得突破：完成{task.title[:30]}的总体方案并启动试点。"
            if task.kind == Task.Kind.MULTI_YEAR
            else f"年底前完成：{task.title[:30]}，出台相关文件并组织实施。"
        )
        commitment_update(
            commitment=commitment,
            criterion=criterion,
            steps="调研摸底、起草方案、征求意见、报批实施。",
            seen_version=commitment.version,
            by=by,
        )
        for k, (title, deliverable, due) in enumerate(
            _milestone_plan(index + task_index, plan.year)
        ):
            milestone_add(
                implementation_plan=ip,
                task=task,
                title=title,
                due_date=due,
                deliverable=deliverable,
                responsible_person=RESPONSIBLE[(index + k) % len(RESPONSIBLE)],
                by=by,
            )
    return ip


def _tick_past_milestones(ip: ImplementationPlan, by: User | None, index: int) -> None:
    """Milestones due by 30 September are met a few days early, except every fourth one."""
    due = ip.milestones.filter(due_date__lte=AS_OF).order_by("task__path", "due_date")
    for k, milestone in enumerate(due):
        if (index + k) % 4 == 0:
            continue
        milestone_tick(
            milestone=milestone,
            met_on=milestone.due_date - timedelta(days=(index + k) % 9),
            met_note=f"已完成，形成{milestone.deliverable}。",
            seen_version=milestone.version,
            by=by,
            as_of=AS_OF,
        )


def _extensions(plan: Plan, coordinator: User) -> None:
    """One approved extension (drift against the baseline) and one waiting for a decision."""
    later = Milestone.objects.filter(
        implementation_plan__plan=plan,
        implementation_plan__status=ImplementationPlan.Status.FILED,
        due_date__gt=AS_OF,
        met_on__isnull=True,
    ).order_by("implementation_plan__unit__name", "task__path", "due_date")
    picks: list[Milestone] = []
    for milestone in later:
        if all(milestone.unit_id != pick.unit_id for pick in picks):
            picks.append(milestone)
        if len(picks) == 2:
            break
    for n, milestone in enumerate(picks):
        by = _editor_of(milestone.unit) or coordinator
        extension = extension_request(
            task=milestone.task,
            milestone=milestone,
            new_due=milestone.due_date + timedelta(days=31),
            reason="涉及国家有关部委政策调整，需待上级文件出台后衔接，申请顺延一个月。",
            by=by,
            as_of=AS_OF - timedelta(days=20 - n * 10),
        )
        if n == 0:
            extension_approve(extension=extension, by=coordinator, comment="同意顺延。")
            Extension.objects.filter(pk=extension.pk).update(
                requested_at=_at(AS_OF - timedelta(days=20)),
                decided_at=_at(AS_OF - timedelta(days=17)),
            )
        else:
            Extension.objects.filter(pk=extension.pk).update(
                requested_at=_at(AS_OF - timedelta(days=10))
            )


def _comments(plan: Plan) -> None:
    leader = User.objects.filter(role=User.Role.LEADER, is_active=True).order_by("pk").first()
    if leader is None:
        return
    overdue = Milestone.objects.filter(
        implementation_plan__plan=plan, due_date__lt=AS_OF, met_on__isnull=True, withdrawn=False
    ).order_by("task__path")
    first_lead = Task.objects.filter(plan=plan, commitments__isnull=False).order_by("path").first()
    tasks = [first_lead] if first_lead else []
    # The second goes to a task that has fallen behind: its milestone is overdue.
    for milestone in overdue:
        if milestone.task_id not in {task.pk for task in tasks}:
            tasks.append(milestone.task)
            break
    for n, (task, text) in enumerate(zip(tasks, COMMENTS, strict=False)):
        comment = leader_comment_create(task=task, text=text, by=leader)
        LeaderComment.objects.filter(pk=comment.pk).update(
            created_at=_at(date(plan.year, 7 + n * 2, 12), 17)
        )


def _backdate(ip: ImplementationPlan, **stamps) -> None:
    ImplementationPlan.objects.filter(pk=ip.pk).update(**stamps)
    for name, value in stamps.items():
        setattr(ip, name, value)
