"""Readable views of a parsed ``Document``: a Markdown outline and the task table's rows.

``to_markdown`` is what a reviewer reads beside the source text: title and meta, each item
with its label, title, lead and co departments and deadlines, and the cited documents at the
end. ``task_rows`` turns the tree into rows for ``duban.lib.tasktable.write_task_table``: one
row per task, and for a task with unit children one row per unit.
"""

from __future__ import annotations

from duban.lib.tasktable import TaskRow
from duban.parsing.departments import find_lists
from duban.parsing.document import Document, Item

_DEEPEST_HEADING = 6


def to_markdown(doc: Document) -> str:
    meta = doc.meta
    lines = [f"# {meta.title or '（无标题）'}", ""]
    for label, value in (
        ("文号", meta.doc_number),
        ("发文机关", meta.issuer),
        ("成文日期", meta.date),
        ("主送", "，".join(meta.recipients)),
    ):
        if value:
            lines.append(f"- {label}：{value}")
    lines.append("")
    for item in doc.walk():
        lines += _item_lines(item)
    if doc.closing:
        lines += ["## 组织实施要求", "", doc.closing.text, ""]
    if doc.cited_documents:
        lines += ["## 引用文件", ""]
        for cited in doc.cited_documents:
            lines.append(f"- {cited.number}" + (f"《{cited.title}》" if cited.title else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _item_lines(item: Item) -> list[str]:
    heading = f"{item.path} {item.label}{item.title}".rstrip()
    depth = item.level + 1
    lines = [f"{'#' * depth} {heading}" if depth <= _DEEPEST_HEADING else f"- **{heading}**"]
    lead = [d.name for d in item.departments if d.role == "lead"]
    co = [d.name for d in item.departments if d.role == "co"]
    if lead:
        lines.append(f"- 牵头：{'、'.join(lead)}")
    if co:
        lines.append(f"- 配合：{'、'.join(co)}")
    for deadline in item.deadlines:
        resolved = " — ".join(d for d in (deadline.start, deadline.end) if d) or "不设期限"
        lines.append(f"- 时限：{deadline.text}（{resolved}）")
    return [*lines, ""]


def task_rows(doc: Document) -> list[TaskRow]:
    """One row per task of the task decomposition table, area by area."""
    rows: list[TaskRow] = []
    for area in doc.items:
        heading = f"{area.label}{area.title}"
        if area.departments and not area.children:
            rows.append(_row(area, heading, area.title))
        for item in area.children:
            rows += _rows_below(item, heading, parent_title=area.title)
    return rows


def _rows_below(item: Item, area: str, parent_title: str) -> list[TaskRow]:
    title = item.title if item.label else parent_title
    rows = []
    if item.departments or not item.children:
        rows.append(_row(item, area, title))
    for child in item.children:
        rows += _rows_below(child, area, parent_title=item.title)
    return rows


def _row(item: Item, area: str, title: str) -> TaskRow:
    return TaskRow(
        number=item.path,
        area=area,
        title=title,
        text=_without_lists(item.text),
        lead=[d.name for d in item.departments if d.role == "lead"],
        co=[d.name for d in item.departments if d.role == "co"],
        deadline="、".join(d.text for d in item.deadlines),
    )


def _without_lists(text: str) -> str:
    """The task's text with its department lists left out (they have their own columns)."""
    pieces, position = [], 0
    for found in find_lists(text):
        pieces.append(text[position : found.start])
        position = found.end
    pieces.append(text[position:])
    return "".join(pieces).strip()
