"""A parsed document becomes a draft plan; department names as written are mapped to units.

The importer takes the parse as the `duban.document/1` dict, so a policy text, a Word file and
an Excel task table all arrive the same way.
"""

import hashlib
import tempfile
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.collectives import LEAD_DECIDES, collective_set
from duban.directory.models import Region, Unit, User
from duban.directory.names import NameIndex
from duban.directory.selectors import default_region, name_index, resolve_name
from duban.directory.services import unit_add_alias, unit_create
from duban.parsing.files import parse_file
from duban.parsing.readers import TextSource, read_file
from duban.plans.models import Assignment, CitedDocument, Plan, SourceDocument, Target, Task
from duban.plans.spans import locate_spans

IMPORT_REASON = "导入文件：%s"


class YearMissing(audit.DomainError):
    """The document prints no date, so the plan's year must be given."""


def plan_import_file(
    *,
    path: str | Path,
    year: int | None,
    by: User,
    original_name: str | None = None,
    region: Region | None = None,
) -> Plan:
    """Parse the file at `path` and import it as a draft plan.

    Raises `duban.parsing.document.ParseError` (naming the file) when it cannot be read.
    """
    path = Path(path)
    name = original_name or path.name
    content = path.read_bytes()
    # The parser names the file it reads; give it the name the user knows.
    with tempfile.TemporaryDirectory() as folder:
        named = Path(folder) / name
        named.write_bytes(content)
        parse = parse_file(named, year=year).to_json()
        source = read_file(named)
    text = source.text if isinstance(source, TextSource) else ""
    return plan_import(
        parse=parse,
        year=year,
        by=by,
        original_name=name,
        content=content,
        text=text,
        region=region,
    )


@transaction.atomic
def plan_import(
    *,
    parse: dict,
    year: int | None,
    by: User,
    original_name: str,
    content: bytes,
    text: str = "",
    region: Region | None = None,
) -> Plan:
    """Store the source file and its parse, and build the draft plan's task tree from the parse.

    Every department name is looked up in the directory, with the aliases of the plan's region
    (`region`, else the issuer's, else the one province the directory holds); a name that does
    not resolve with certainty is kept as written with no unit, for the coordinator to map
    (`unresolved_names`).
    """
    meta = parse.get("meta") or {}
    issued_on = _date(meta.get("date"))
    year = year or (issued_on.year if issued_on else None)
    if year is None:
        raise YearMissing(_("请指明计划年度：文件中没有成文日期。"))
    reason = IMPORT_REASON % original_name
    written: list[str] = []
    try:
        with audit.cause(Cause.IMPORT, reason):
            source = _source_create(
                parse, meta, issued_on, original_name, content, text, by, written=written
            )
            region = region or plan_region(meta)
            plan = _plan_create(parse, meta, source, year, region, by)
            index = name_index(region)
            builder = _TreeBuilder(plan=plan, year=year, by=by, index=index, text=text)
            for position, item in enumerate(parse.get("items", []), 1):
                builder.add(item, parent=None, position=position)
            _cite(plan, parse, builder.tasks_by_path, by)
    except BaseException:
        # The rows roll back; a file this import wrote must not outlive them.
        for name in written:
            default_storage.delete(name)
        raise
    return plan


def _source_create(
    parse, meta, issued_on, original_name, content, text, by, *, written: list[str]
) -> SourceDocument:
    """The source document; the storage name of a file it writes is added to `written`."""
    source = SourceDocument(
        original_name=original_name[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        text=text,
        parse=parse,
        title=(meta.get("title") or "")[:255],
        doc_number=(meta.get("doc_number") or "")[:64],
        issuer=(meta.get("issuer") or "")[:100],
        issued_on=issued_on,
        uploaded_by=by,
    )
    # The same file uploaded again is stored once: its name carries the content's hash.
    name = source.file.field.generate_filename(source, f"{source.sha256[:12]}-{original_name}")
    if source.file.storage.exists(name):
        source.file.name = name
    else:
        source.file.save(name.rpartition("/")[2], ContentFile(content), save=False)
        written.append(source.file.name)
    return audit.save(source, by=by, cause=Cause.IMPORT)


def plan_region(meta: dict) -> Region | None:
    """The region a document belongs to: its issuer's, when the directory knows the issuer;
    else the directory's only province; else none (the coordinator chooses on import)."""
    issuer = resolve_name(meta["issuer"]).unit if meta.get("issuer") else None
    if issuer is not None:
        return Unit.objects.select_related("region").get(pk=issuer).region
    return default_region()


def _plan_create(parse, meta, source, year, region, by) -> Plan:
    # 备案 deadline: the closing text says e.g. 5月中旬前; its resolved end is a proposal the
    # coordinator confirms before publishing.
    closing = parse.get("closing") or {}
    filing = next((d for d in closing.get("deadlines", []) if d.get("end")), None)
    plan = Plan(
        year=year,
        region=region,
        title=(meta.get("title") or source.original_name)[:255],
        source=source,
        filing_deadline=_date(filing["end"]) if filing else None,
        filing_deadline_text=filing["text"][:64] if filing else "",
    )
    return audit.save(plan, by=by, cause=Cause.IMPORT)


class _TreeBuilder:
    def __init__(self, *, plan: Plan, year: int, by: User, index: NameIndex, text: str):
        self.plan, self.year, self.by, self.index = plan, year, by, index
        self.text = text
        self.tasks_by_path: dict[str, Task] = {}
        self.cursor = 0

    def add(self, item: dict, *, parent: Task | None, position: int) -> Task:
        kind, due_date, due_text = suggest_schedule(item.get("deadlines", []), self.year)
        # Items come in reading order, so each is searched for after the previous one.
        start, end = locate_spans(self.text, item.get("text", ""), (self.cursor, len(self.text)))
        self.cursor = start if start is not None else self.cursor
        task = audit.save(
            Task(
                plan=self.plan,
                parent=parent,
                position=position,
                path=item["path"],
                level=item["level"],
                label=item.get("label", "")[:16],
                title=(item.get("title") or item.get("text", "")[:60])[:500],
                text=item.get("text", ""),
                kind=kind if item["level"] > 1 else "",
                due_date=due_date if item["level"] > 1 else None,
                due_text=due_text[:64] if item["level"] > 1 else "",
                source_start=start,
                source_end=end,
            ),
            by=self.by,
            cause=Cause.IMPORT,
        )
        self.tasks_by_path[task.path] = task
        self._assign(task, item.get("departments", []))
        for target in item.get("targets", []):
            _target_create(task, target, self.by)
        for child_position, child in enumerate(item.get("children", []), 1):
            self.add(child, parent=task, position=child_position)
        return task

    def _assign(self, task: Task, departments: list[dict]) -> None:
        seen_units = set()
        for position, department in enumerate(departments, 1):
            unit_id = self.index.resolve(department["name"]).unit
            if unit_id in seen_units:
                continue  # the same unit written twice in one list
            if unit_id is not None:
                seen_units.add(unit_id)
            assignment = Assignment(
                task=task,
                unit_id=unit_id,
                name_as_written=department["name"][:100],
                role=Assignment.Role.LEAD if department["role"] == "lead" else Assignment.Role.CO,
                position=position,
            )
            audit.save(assignment, by=self.by, cause=Cause.IMPORT)


def suggest_schedule(deadlines: list[dict], year: int) -> tuple[str, date, str]:
    """Kind, due date and the phrase as written, suggested from a unit's deadlines.

    A deadline ending after the plan year (`力争用2-3年时间`, `两年之内`) makes a multi-year task;
    one ending in the year a within-year task. With no deadline the task is within-year, due
    Dec 31, and the empty phrase marks the date as suggested for the review screen.
    """
    dated = [d for d in deadlines if d.get("end")]
    if not dated:
        phrase = deadlines[0]["text"] if deadlines else ""
        return Task.Kind.WITHIN_YEAR, date(year, 12, 31), phrase
    last = max(dated, key=lambda d: d["end"])
    due = _date(last["end"])
    kind = Task.Kind.MULTI_YEAR if due.year > year else Task.Kind.WITHIN_YEAR
    return kind, due, last["text"]


def _target_create(task: Task, target: dict, by: User) -> None:
    audit.save(
        Target(
            task=task,
            text=target["text"][:255],
            value=target.get("value"),
            unit=(target.get("unit") or "")[:32],
            comparator=(target.get("comparator") or "")[:8],
        ),
        by=by,
        cause=Cause.IMPORT,
    )


def _cite(plan: Plan, parse: dict, tasks_by_path: dict[str, Task], by: User) -> None:
    cited = {}
    for entry in parse.get("cited_documents", []):
        document = CitedDocument.objects.create(
            plan=plan, number=entry["number"][:64], title=(entry.get("title") or "")[:255]
        )
        cited[document.number] = document
    for item in _walk(parse.get("items", [])):
        for number in item.get("cited_documents", []):
            if number in cited:
                cited[number].tasks.add(tasks_by_path[item["path"]])


def _walk(items: list[dict]):
    for item in items:
        yield item
        yield from _walk(item.get("children", []))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@transaction.atomic
def name_map_to_unit(*, plan: Plan, name: str, unit: Unit, by: User, remember: bool = True) -> int:
    """Map every unresolved assignment of `plan` written `name` to `unit`; returns how many.

    With `remember`, the name becomes an alias of the unit, so the next import resolves it.
    A unit already assigned to the same task keeps its assignment; the duplicate is withdrawn.
    """
    assignments = Assignment.objects.filter(
        task__plan=plan, name_as_written=name, unit__isnull=True, withdrawn=False
    ).select_related("task")
    count = 0
    reason = _("名称“%(name)s”对应为%(unit)s") % {"name": name, "unit": unit.name}
    for assignment in assignments:
        if assignment.task.assignments.filter(unit=unit, withdrawn=False).exists():
            assignment.withdrawn = True
            audit.save(assignment, by=by, fields=["withdrawn"], reason=reason)
            continue
        assignment.unit = unit
        audit.save(assignment, by=by, fields=["unit"], reason=reason)
        count += 1
    # Remembered for the plan's region only: another city's 市财政局 is another bureau.
    if (
        remember
        and plan.region_id is not None
        and name not in (unit.name, unit.short_name)
        and name_index(plan.region).resolve(name).unit != unit.pk
    ):
        unit_add_alias(unit=unit, name=name, region=plan.region, by=by, cause=Cause.PERSON)
    return count


@transaction.atomic
def name_map_to_set(*, plan: Plan, name: str, members: str, by: User) -> int:
    """Map a collective name (`各市州`) of `plan` to the set of units it stands for here.

    `members` is a key of `collective_sets(plan.region)`, or `LEAD_DECIDES`: the lead unit then
    chooses who takes part, and the name no longer stands in the way of publishing. Each
    written share is withdrawn (kept, with the reason) and replaced by one share per member,
    in the same role, still showing the name as written. Returns the shares created.
    """
    assignments = Assignment.objects.filter(
        task__plan=plan, name_as_written=name, unit__isnull=True, withdrawn=False
    ).select_related("task")
    if members == LEAD_DECIDES:
        reason = _("“%(name)s”由牵头单位确定具体单位") % {"name": name}
        units = []
    else:
        chosen = collective_set(plan.region, members)
        if chosen is None:
            raise audit.DomainError(_("请选择“%(name)s”所指的单位范围。") % {"name": name})
        reason = _("“%(name)s”对应为%(set)s（%(n)d个）") % {
            "name": name,
            "set": chosen.label,
            "n": len(chosen.units),
        }
        units = chosen.units
    created = 0
    for written in assignments:
        taken = set(
            written.task.assignments.filter(withdrawn=False).values_list("unit_id", flat=True)
        )
        for unit in units:
            if unit.pk in taken:
                continue
            share = Assignment(
                task=written.task,
                unit=unit,
                name_as_written=name,
                role=written.role,
                position=written.position,
            )
            audit.save(share, by=by, reason=reason)
            created += 1
        written.withdrawn = True
        audit.save(written, by=by, fields=["withdrawn"], reason=reason)
    return created


@transaction.atomic
def name_map_to_new_unit(*, plan: Plan, name: str, full_name: str, kind: str, by: User) -> Unit:
    """Create the unit a name means, in the plan's region, and map the name to it."""
    if plan.region is None:
        raise audit.DomainError(_("请先指明计划所属区域，再新建单位。"))
    unit = unit_create(name=full_name, short_name=name, kind=kind, region=plan.region, by=by)
    name_map_to_unit(plan=plan, name=name, unit=unit, by=by)
    return unit
