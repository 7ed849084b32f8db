"""The task decomposition table (任务分解表): export a plan, re-import an edited copy.

The export writes one row per unit of work through `duban.lib.tasktable`. The re-import reads
the same layout (header row found by its names), matches rows to tasks by 序号 (the path), and
first computes every change for a preview; nothing is applied while any row has an error.
Export then re-import with no edits finds no change.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Unit, User
from duban.directory.selectors import name_index
from duban.lib import progress
from duban.lib.dates import chinese_date
from duban.lib.tasktable import HEADERS, TaskRow, write_task_table
from duban.lib.uploads import upload_problem
from duban.parsing import resolve_deadlines
from duban.plans.models import Assignment, Plan, Task, assignment_date
from duban.plans.selectors import plan_tasks, units_of_work
from duban.plans.services.editing import first_sentence, require_draft
from duban.plans.tree import path_key, renumber

PATH_PATTERN = re.compile(r"^\d+(\.\d+)+$")
DATE_PATTERN = re.compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$")
IMPORT_REASON = "任务分解表导入：%s"


def task_table_filename(plan: Plan) -> str:
    return f"{plan.year}年{_short_title(plan)}任务分解表.xlsx"


def _short_title(plan: Plan) -> str:
    # 甘肃省2012年经济体制改革重点工作意见 → 经济体制改革重点工作; a plan imported from a table
    # (…重点任务分解表) keeps its name without the table's, which the export adds once.
    title = re.sub(r"^.*?\d{4}年", "", plan.title)
    return re.sub(r"(意见|方案|计划|安排|任务分解表|分解表)$", "", title) or title


def task_table_rows(plan: Plan) -> list[TaskRow]:
    tasks = plan_tasks(plan)
    areas = {t.pk: f"{t.label}{t.title}" for t in tasks if t.level == 1}
    by_pk = {t.pk: t for t in tasks}
    rows = []
    for task in progress.track(units_of_work(tasks), "任务分解表"):
        area = task
        while area.parent_id:
            area = by_pk[area.parent_id]
        active = [a for a in task.assignments.all() if not a.withdrawn]
        rows.append(
            TaskRow(
                number=task.path,
                area=areas.get(area.pk, ""),
                title=task.title,
                text=task.text,
                lead=[_unit_name(a) for a in active if a.role == Assignment.Role.LEAD],
                co=[_unit_name(a) for a in active if a.role == Assignment.Role.CO],
                deadline=due_cell(task),
            )
        )
    return rows


def _unit_name(assignment: Assignment) -> str:
    return assignment.unit.short_name if assignment.unit else assignment.name_as_written


def due_cell(task: Task) -> str:
    """The phrase as written when there is one (`年底前`), else the date (`2012年12月31日`)."""
    if task.due_text:
        return task.due_text
    return chinese_date(task.due_date)


def task_table_export(*, plan: Plan, stream: IO[bytes]) -> str:
    """Write the plan's table to `stream`; returns the file name to offer."""
    write_task_table(
        task_table_rows(plan),
        stream,
        title=f"{plan.year}年{_short_title(plan)}任务分解表",
        subtitle=_subtitle(plan) or None,
    )
    return task_table_filename(plan)


def _subtitle(plan: Plan) -> str:
    """《plan title》, document number and date: the document the table decomposes. Importing
    the table reads the plan's title back from it (see `duban.parsing.tables`)."""
    source = plan.source
    if source is None:
        return ""
    parts = [source.doc_number, source.issued_on and chinese_date(source.issued_on)]
    if any(parts):
        parts.insert(0, f"《{plan.title}》")
    return "　".join(p for p in parts if p)


# --- re-import ------------------------------------------------------------------------------


@dataclass
class RowValues:
    row: int
    number: str
    title: str
    text: str
    lead: list[int]
    co: list[int]
    due_date: date | None
    due_text: str
    due_resolved: bool = True


@dataclass
class TaskChange:
    path: str
    row: int
    title: str
    fields: dict[str, tuple] = field(default_factory=dict)  # name → (before, after)
    units_added: list[str] = field(default_factory=list)
    units_removed: list[str] = field(default_factory=list)
    roles_changed: list[str] = field(default_factory=list)


@dataclass
class TableChanges:
    """What applying the table would do; `errors` (row number, message) block applying."""

    added: list[RowValues] = field(default_factory=list)
    removed: list[Task] = field(default_factory=list)
    changed: list[TaskChange] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def task_table_preview(*, plan: Plan, path: str | Path | IO[bytes]) -> TableChanges:
    """Compare the table at `path` with the plan; changes nothing."""
    changes = TableChanges()
    rows = _read_rows(path, plan, changes)
    if changes.errors:
        return changes
    current = {t.path: t for t in units_of_work(plan_tasks(plan))}
    all_paths = {t.path: t for t in plan_tasks(plan)}
    units = {u.pk: u for u in Unit.objects.all()}
    for values in rows:
        task = current.get(values.number)
        if not _due_understood(values, task, changes):
            continue
        if task is None:
            _check_added(values, plan, all_paths, changes)
            continue
        change = _compare(task, values, units)
        if change.fields or change.units_added or change.units_removed or change.roles_changed:
            changes.changed.append(change)
    seen = {v.number for v in rows}
    changes.removed = [t for p, t in current.items() if p not in seen]
    if plan.status != Plan.Status.DRAFT:
        for values in changes.added:
            changes.errors.append((values.row, str(_("计划已发布，不能新增任务。"))))
        if changes.removed:
            paths = "、".join(t.path for t in changes.removed)
            changes.errors.append((0, _("计划已发布，不能删除任务：%s") % paths))
    return changes


def _due_understood(values: RowValues, task: Task | None, changes: TableChanges) -> bool:
    # The task's own phrase, unchanged, keeps the task's date (the coordinator may have set
    # one by hand beside `年底前`); any other phrase must resolve to a date.
    if task is not None and values.due_text and values.due_text == task.due_text:
        values.due_date = task.due_date
        return True
    if values.due_resolved:
        return True
    changes.errors.append((values.row, _("完成时限“%s”无法识别为日期。") % values.due_text))
    return False


def _check_added(values: RowValues, plan: Plan, all_paths: dict, changes: TableChanges) -> None:
    parent_path = values.number.rpartition(".")[0]
    if parent_path not in all_paths:
        changes.errors.append(
            (values.row, _("序号 %(n)s 的上级任务不存在。") % {"n": values.number})
        )
    elif values.number in all_paths:
        changes.errors.append(
            (values.row, _("序号 %(n)s 已有下级任务，不能作为工作单元。") % {"n": values.number})
        )
    else:
        changes.added.append(values)


def _compare(task: Task, values: RowValues, units: dict[int, Unit]) -> TaskChange:
    change = TaskChange(path=task.path, row=values.row, title=task.title)
    for name in ("title", "text", "due_date", "due_text"):
        before, after = getattr(task, name), getattr(values, name)
        if before != after:
            change.fields[name] = (before, after)
    active = {a.unit_id: a.role for a in task.assignments.all() if not a.withdrawn and a.unit_id}
    wanted = {u: Assignment.Role.LEAD for u in values.lead}
    wanted.update({u: Assignment.Role.CO for u in values.co if u not in wanted})
    change.units_added = [units[u].short_name for u in wanted if u not in active]
    change.units_removed = [units[u].short_name for u in active if u not in wanted]
    change.roles_changed = [
        f"{units[u].short_name}→{Assignment.Role(wanted[u]).label}"
        for u in wanted
        if u in active and active[u] != wanted[u]
    ]
    return change


def _read_rows(path, plan: Plan, changes: TableChanges) -> list[RowValues]:
    if problem := upload_problem(path):
        changes.errors.append((0, problem))
        return []
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        changes.errors.append(
            (0, str(_("无法读取该文件：请上传由本系统导出的 .xlsx 任务分解表。")))
        )
        return []
    sheet = workbook.worksheets[0]
    lines = [[_text(v) for v in line] for line in sheet.iter_rows(values_only=True)]
    workbook.close()
    header_at = next((i for i, line in enumerate(lines) if all(h in line for h in HEADERS)), None)
    if header_at is None:
        changes.errors.append((0, _("找不到表头（%s）。") % "、".join(HEADERS)))
        return []
    columns = {h: lines[header_at].index(h) for h in HEADERS}
    index, seen, rows = name_index(plan.region), {}, []
    for offset, line in enumerate(lines[header_at + 1 :], header_at + 2):
        cells = {h: line[c] if c < len(line) else "" for h, c in columns.items()}
        if not any(cells.values()) or _is_area_row(cells):
            continue
        values = _row_values(offset, cells, plan.year, index, changes)
        if values is None:
            continue
        if values.number in seen:
            changes.errors.append(
                (
                    offset,
                    _("序号 %(n)s 重复（另见第 %(r)d 行）。")
                    % {"n": values.number, "r": seen[values.number]},
                )
            )
            continue
        seen[values.number] = offset
        rows.append(values)
    return rows


def _is_area_row(cells: dict[str, str]) -> bool:
    # An area's merged row: only the first cell holds text (`一、…`).
    first, *rest = cells.values()
    return bool(first) and not any(rest) and not PATH_PATTERN.match(first)


def _row_values(row: int, cells: dict, year: int, index, changes: TableChanges):
    number = cells["序号"]
    errors_before = len(changes.errors)
    if not PATH_PATTERN.match(number):
        changes.errors.append((row, _("序号“%s”不是形如 1.2 的编号。") % number))
    lead = _units(row, cells["牵头单位"], index, changes)
    co = _units(row, cells["配合单位"], index, changes)
    due_date, due_text, due_resolved = _due(row, cells["完成时限"], year, changes)
    if len(changes.errors) > errors_before:
        return None
    return RowValues(
        row=row,
        number=number,
        title=cells["改革任务"] or first_sentence(cells["具体内容"]),
        text=cells["具体内容"],
        lead=lead,
        co=co,
        due_date=due_date,
        due_text=due_text,
        due_resolved=due_resolved,
    )


def _units(row: int, cell: str, index, changes: TableChanges) -> list[int]:
    units = []
    for name in (n.strip() for n in re.split(r"[、，,；;]", cell)):
        if not name:
            continue
        unit = index.resolve(name).unit
        if unit is None:
            changes.errors.append((row, _("单位“%s”不在单位名录中。") % name))
        elif unit not in units:
            units.append(unit)
    return units


def _due(row: int, cell: str, year: int, changes: TableChanges) -> tuple[date | None, str, bool]:
    """(date, phrase, resolved): a written date, or a phrase resolved against the plan year.

    A phrase that resolves to no date (`持续推进`) is accepted only if it is the task's own
    phrase already; the caller, which knows the task, decides.
    """
    if not cell:
        return None, "", True
    written = DATE_PATTERN.match(cell)
    if written:
        try:
            return date(*map(int, written.groups())), "", True
        except ValueError:
            changes.errors.append((row, _("完成时限“%s”不是有效日期。") % cell))
            return None, "", True
    found = [d for d in resolve_deadlines(cell, year) if d.end]
    if found:
        return date.fromisoformat(found[-1].end), cell[:64], True
    return None, cell[:64], False


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and not isinstance(value, str):
        return value.date().isoformat() if callable(value.date) else str(value)
    return str(value).strip()


@transaction.atomic
def task_table_apply(
    *, plan: Plan, path: str | Path | IO[bytes], by: User, original_name: str
) -> TableChanges:
    """Apply an edited table to the plan, all or nothing; returns what was changed.

    Raises `DomainError` when any row has an error (the preview lists them by row number).
    """
    changes = task_table_preview(plan=plan, path=path)
    if changes.errors:
        raise audit.DomainError(_("任务分解表有 %d 处错误，未作任何修改。") % len(changes.errors))
    if changes.empty:
        return changes
    reason = IMPORT_REASON % original_name
    rows = {v.number: v for v in _read_rows(path, plan, TableChanges())}
    tasks = {t.path: t for t in plan_tasks(plan)}
    with audit.cause(Cause.IMPORT, reason):
        for change in changes.changed:
            _apply_row(tasks[change.path], rows[change.path], by, reason)
        if changes.added or changes.removed:
            require_draft(plan)
            _restructure(plan, changes, tasks, by, reason)
    return changes


def _apply_row(task: Task, values: RowValues, by: User, reason: str) -> None:
    for name in ("title", "text", "due_date", "due_text"):
        setattr(task, name, getattr(values, name))
    audit.save(
        task,
        by=by,
        fields=["title", "text", "due_date", "due_text"],
        cause=Cause.IMPORT,
        reason=reason,
    )
    _apply_assignments(task, values, by, reason)


def _apply_assignments(task: Task, values: RowValues, by: User, reason: str) -> None:
    wanted = {u: Assignment.Role.LEAD for u in values.lead}
    wanted.update({u: Assignment.Role.CO for u in values.co if u not in wanted})
    active = {a.unit_id: a for a in task.assignments.filter(withdrawn=False, unit__isnull=False)}
    for unit_id, assignment in active.items():
        if unit_id not in wanted:
            assignment.withdrawn = True
            audit.save(assignment, by=by, fields=["withdrawn"], cause=Cause.IMPORT, reason=reason)
        elif assignment.role != wanted[unit_id]:
            fields = assignment.take_role(wanted[unit_id])
            audit.save(assignment, by=by, fields=fields, cause=Cause.IMPORT, reason=reason)
    position = task.assignments.count()
    for unit_id, role in wanted.items():
        if unit_id not in active:
            position += 1
            unit = Unit.objects.get(pk=unit_id)
            audit.save(
                Assignment(
                    task=task,
                    unit=unit,
                    name_as_written=unit.short_name,
                    role=role,
                    position=position,
                    assigned_on=assignment_date(task.plan),
                ),
                by=by,
                cause=Cause.IMPORT,
                reason=reason,
            )


def _restructure(plan: Plan, changes: TableChanges, tasks: dict, by: User, reason: str):
    parents = set()
    for task in changes.removed:
        parents.add(task.parent_id)
        task._history_user = by
        task.delete()
    for values in sorted(changes.added, key=lambda v: path_key(v.number)):
        parent = tasks[values.number.rpartition(".")[0]]
        parents.add(parent.pk)
        task = audit.save(
            Task(
                plan=plan,
                parent=parent,
                position=path_key(values.number)[-1],
                path=f"~add{values.row}",
                level=parent.level + 1,
                title=values.title,
                text=values.text,
                kind=Task.Kind.WITHIN_YEAR,
                due_date=values.due_date,
                due_text=values.due_text,
            ),
            by=by,
            cause=Cause.IMPORT,
            reason=reason,
        )
        _apply_assignments(task, values, by, reason)
    for parent_id in parents:
        parent = Task.objects.filter(pk=parent_id).first()
        renumber(plan=plan, parent=parent, by=by, reason=reason)
