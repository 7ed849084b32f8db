"""Task-table rows (任务分解表, from Word or Excel) → a `duban.document/1` Document.

The header row names the columns (see `readers.HEADER_WORDS`): 序号, area, task, content,
牵头单位, 配合单位, 完成时限. Below it:

- an area row starts a level-1 item: its 序号 is a Chinese numeral (`一`, `一、`), or it fills
  only one text (the area column, or one merged cell across the row), or the area column
  changes value;
- every other row is a task, a level-2 item under the current area, labelled as its 序号 cell
  is written; with no area rows at all the tasks are level 1;
- consecutive rows repeating the same 序号 and task (a merged task cell over several rows) are
  one task with one unit child per row, as the annotation conventions have it for an item with
  several department lists.

Departments come from the 牵头单位 cell (all lead) and the 配合单位 cell (all co); when there is
only one unit column, its own wording decides the roles (the first name leads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .citations import DOC_NUMBER, find_citations, unique_citations
from .confidence import rate_tree
from .document import Closing, Document, Item, Meta, ParseError
from .meta import parse_date
from .sources import TableSource
from .table_header import find_header

AREA_NUMBER = re.compile(
    r"^[一二三四五六七八九十百⼀⼆⼗]+[、.．]?$|^[（(][一二三四五六七八九十]+[）)]$"
)
AREA_HEADING = re.compile(
    r"^([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*(.+)$"
)
TASK_NUMBER = re.compile(r"^[（(]?\d{1,3}[）)]?[.．、]?$")
# The task table Duban exports numbers rows by path: 1.6 a task, 1.6.2 its second unit.
UNIT_NUMBER = re.compile(r"^(\d{1,3}\.\d{1,3})\.\d{1,3}$")
ISO_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
FIRST_SENTENCE = re.compile(r"^(.*?)[。；;]")
# A notes row under the table (注：各牵头单位于每月5日前报送进展…), often merged across the row: it
# ends the tasks and is kept as closing text, never read as an area or a task.
NOTE_ROW = re.compile(r"^(?:注|备注|说明|附注|填表说明)\s*\d*\s*[：:]")
# 《甘肃省2012年经济体制改革重点工作意见》　甘政发〔2012〕53号　2012-04-28
DECOMPOSED_DOCUMENT = re.compile(r"《([^《》]{4,120})》[\s\u3000（()）]*[^《》。；：:]{0,60}")
_ROLE_NOTE = re.compile(r"[（(][^（）()]*(?:牵头|负责|配合)[^（）()]*[）)]\s*$")


@dataclass
class _Row:
    number: str
    area: str
    task: str
    content: str
    lead: str
    co: str
    deadline: str
    cells: list[str] = field(default_factory=list)


def parse_table(source: TableSource, *, year: int | None = None, name: str = "") -> Document:
    header = find_header(source.rows)
    if header is None:
        raise ParseError(
            f"{name or 'table'}: no task table header row (序号, 重点任务, 牵头单位 …)"
        )
    roles = header.roles
    year = year or _year_of(source.title)
    rows = [_read_row(cells, roles) for cells in source.rows[header.data_start :]]
    rows = [row for row in rows if any(cell.strip() for cell in row.cells)]
    rows, row_notes = _split_notes(rows)
    areas, loose = _group(rows, roles)
    if areas:
        items = [_area_item(str(i), label, title, tasks, year) for i, (label, title, tasks)
                 in enumerate(areas, 1)]  # fmt: skip
    else:
        items = [_task_item(str(i), 1, group, year) for i, group in enumerate(loose, 1)]
    document = Document(meta=_meta(source), items=items)
    document.cited_documents = unique_citations(
        [cited for item in document.walk() for cited in find_citations(item.text)],
        own_number=document.meta.doc_number,
    )
    for item in document.walk():
        item.cited_documents = list(dict.fromkeys(c.number for c in find_citations(item.text)))
    notes = [note for note in source.notes if note.strip() and note.strip() != source.title]
    notes += row_notes
    if notes:
        document.closing = Closing(text="\n".join(notes))
    rate_tree(document.items)
    return document


def _split_notes(rows: list[_Row]) -> tuple[list[_Row], list[str]]:
    """The task rows above the first notes row, and the notes' texts from there on."""
    for index, row in enumerate(rows):
        first = next(cell for cell in row.cells if cell)
        if NOTE_ROW.match(first):
            texts = [dict.fromkeys(c for c in later.cells if c) for later in rows[index:]]
            return rows[:index], ["".join(cells) for cells in texts]
    return rows, []


def _meta(source: TableSource) -> Meta:
    """Title from the title row; a document number and a date when printed around the table
    (the exported table carries them in a subtitle row). A subtitle that names, in 《》, the
    document the table decomposes — that title and its number or date, nothing else — makes
    the table that document's: its title is the document's, as a cover note's is the text's it
    forwards (corpus convention 7). Duban's export writes that subtitle, so the plan's own title
    survives export and re-import."""
    meta = Meta(title=source.title.strip())
    for note in source.notes:
        named = DECOMPOSED_DOCUMENT.fullmatch(note.strip())
        if named and (DOC_NUMBER.search(note) or ISO_DATE.search(note)):
            meta.title = named.group(1).strip()
        number = DOC_NUMBER.search(note)
        if number and meta.doc_number is None:
            meta.doc_number = find_citations(number.group(0))[0].number
        iso = ISO_DATE.search(note)
        date = iso.group(0) if iso else parse_date(note)
        if date and meta.date is None:
            meta.date = date
    return meta


def _read_row(cells: list[str], roles: dict[str, int]) -> _Row:
    def cell(role: str) -> str:
        index = roles.get(role)
        if index is None or index >= len(cells):
            return ""
        return re.sub(r"\s+", " ", cells[index]).strip()

    return _Row(
        number=cell("number"),
        area=cell("area"),
        task=cell("task"),
        content=cell("content"),
        lead=cell("lead"),
        co=cell("co"),
        deadline=cell("deadline"),
        cells=[c.strip() for c in cells],
    )


def _area_row(row: _Row, roles: dict[str, int]) -> tuple[str, str] | None:
    """(label, title) when `row` opens an area, else None."""
    if AREA_NUMBER.match(row.number):
        return row.number, row.area or row.task or row.content
    if TASK_NUMBER.match(row.number):
        return None
    # One text only: the area column alone, or one cell merged across the whole row.
    texts = {cell for cell in row.cells if cell}
    if len(texts) != 1:
        return None
    text = texts.pop()
    match = AREA_HEADING.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def _group(rows: list[_Row], roles: dict[str, int]):
    """Areas as (label, title, task groups), or no areas and the task groups alone."""
    areas: list[tuple[str, str, list[list[_Row]]]] = []
    loose: list[list[_Row]] = []
    area_from_column = False
    for row in rows:
        heading = _area_row(row, roles)
        if heading:
            areas.append((heading[0], heading[1], []))
            area_from_column = False
            continue
        if row.area:
            current = areas[-1] if areas else None
            same = current and _same_text(current[1], row.area)
            adopt = current and not current[2] and not area_from_column
            if not same and not adopt:
                areas.append(("", row.area, []))
                area_from_column = True
        groups = areas[-1][2] if areas else loose
        previous = groups[-1][-1] if groups else None
        if previous and _continues(previous, row):
            groups[-1].append(row)
        else:
            groups.append([row])
    return areas, loose


def _same_text(a: str, b: str) -> bool:
    def strip(text: str) -> str:
        match = AREA_HEADING.match(text)
        return re.sub(r"\s+", "", match.group(2) if match else text)

    return strip(a) == strip(b)


def _continues(previous: _Row, row: _Row) -> bool:
    # A merged 序号/task cell is repeated down its rows; those rows are one task.
    if row.task and row.number == previous.number and row.task == previous.task:
        return True
    # Rows numbered 1.6.1, 1.6.2 … are the units of task 1.6.
    unit, previous_unit = UNIT_NUMBER.match(row.number), UNIT_NUMBER.match(previous.number)
    return bool(unit and previous_unit and unit.group(1) == previous_unit.group(1))


def _area_item(path: str, label: str, title: str, tasks, year) -> Item:
    children = [_task_item(f"{path}.{i}", 2, group, year) for i, group in enumerate(tasks, 1)]
    return Item(
        path=path,
        level=1,
        label=label,
        title=_strip_end(title),
        text=title,
        children=children,
    )


def _task_item(path: str, level: int, group: list[_Row], year) -> Item:
    first = group[0]
    contents = [row.content for row in group if row.content]
    text = "\n".join(contents) or first.task
    title = first.task or _first_sentence(first.content)
    unit_number = UNIT_NUMBER.match(first.number)
    label = unit_number.group(1) if unit_number and len(group) > 1 else first.number
    item = Item(path=path, level=level, label=label, title=_strip_end(title), text=text)
    if len(group) == 1:
        _fill_unit(item, first, year)
        return item
    for i, row in enumerate(group, 1):
        unit = Item(
            path=f"{path}.{i}",
            level=level + 1,
            label="",
            title=_strip_end(_first_sentence(row.content) or row.task),
            text=row.content,
        )
        _fill_unit(unit, row, year)
        item.children.append(unit)
    return item


def _fill_unit(item: Item, row: _Row, year) -> None:
    from . import parse_department_list, resolve_deadlines

    if row.lead and row.co:
        for department in parse_department_list(row.lead):
            department.role = "lead"
            item.departments.append(department)
        for department in parse_department_list(row.co):
            department.role = "co"
            item.departments.append(department)
    elif row.lead:
        # A lone 牵头单位 column: every name in it leads.
        for department in parse_department_list(row.lead):
            department.role = "lead"
            item.departments.append(department)
    elif row.co:
        item.departments.extend(parse_department_list(row.co))
    if row.deadline:
        item.deadlines.extend(resolve_deadlines(row.deadline, year))
    _fill_text_facts(item, " ".join(filter(None, [row.task, row.content])))


def _fill_text_facts(item: Item, text: str) -> None:
    from . import find_targets

    item.targets.extend(find_targets(text))


def _first_sentence(text: str) -> str:
    text = _ROLE_NOTE.sub("", text.strip())
    match = FIRST_SENTENCE.match(text)
    return match.group(1) if match else text


def _strip_end(title: str) -> str:
    return _ROLE_NOTE.sub("", title.strip()).rstrip("。；;，,：: ")


def _year_of(title: str) -> int | None:
    match = YEAR.search(title or "")
    return int(match.group(1)) if match else None
