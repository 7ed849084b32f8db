"""The header of a task table (任务分解表): which column holds which role.

Shared by the Word and Excel readers and by `tables.py`. Columns are recognised by their header
words, in any order, with extra columns, below a title row, over one or two header rows.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Header words of a 任务分解表, by column role; a header cell is matched after removing spaces.
HEADER_WORDS = {
    "number": ("序号", "编号"),
    "area": ("改革领域", "重点领域", "工作领域", "领域", "类别", "板块"),
    "task": (
        "重点任务",
        "改革任务",
        "主要任务",
        "任务名称",
        "重点工作",
        "改革事项",
        "具体任务",
        "目标任务",
        "重点工作任务",
        "任务事项",
        "工作事项",
    ),
    "content": (
        "具体内容",
        "工作措施",
        "工作任务",
        "主要内容",
        "任务内容",
        "具体措施",
        "工作内容",
        "工作举措",
        "主要措施",
        "具体举措",
        "推进措施",
        "工作要求",
    ),
    "lead": ("牵头单位", "牵头部门", "责任单位（牵头）", "牵头责任单位", "主责单位", "主办单位"),
    "co": (
        "配合单位",
        "责任单位",
        "参与单位",
        "协办单位",
        "配合部门",
        "责任部门",
        "协同单位",
        "协办部门",
        "协助单位",
        "配合责任单位",
    ),
    "deadline": (
        "完成时限",
        "时间要求",
        "完成时间",
        "时限要求",
        "时间节点",
        "完成期限",
        "时间安排",
        "进度安排",
        "时间进度",
    ),
}


def header_roles(row: list[str]) -> dict[str, int]:
    """Column index by role for a header row; empty when the row is not a header."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = re.sub(r"\s+", "", cell)
        if not text or len(text) > 12:
            continue
        for role, words in HEADER_WORDS.items():
            if role not in roles and any(text == word for word in words):
                roles[role] = index
                break
    return roles


class Header(NamedTuple):
    row: int  # the first header row
    roles: dict[str, int]  # column index by role
    last: int  # the last header row: data starts below it

    @property
    def data_start(self) -> int:
        return self.last + 1


def find_header(rows: list[list[str]], within: int = 15) -> Header | None:
    """The header of a task table: the first row naming a unit column and a task column.

    A two-row header is common: `责任单位` merged over two columns in the first row, `牵头单位` and
    `配合单位` under it. Roles named in the second row win for their columns.
    """
    for index, row in enumerate(rows[:within]):
        roles = header_roles(row)
        below = header_roles(rows[index + 1]) if index + 1 < len(rows) else {}
        if roles and below and _is_header_row(rows[index + 1], below):
            merged = {role: col for role, col in roles.items() if col not in below.values()}
            merged.update(below)
            if _complete(merged) and (below.keys() & {"lead", "co"} or not _complete(roles)):
                return Header(index, merged, index + 1)
        if _complete(roles):
            return Header(index, roles, index)
    return None


def _complete(roles: dict[str, int]) -> bool:
    has_units = "lead" in roles or "co" in roles
    has_task = "task" in roles or "content" in roles
    return has_units and has_task


def _is_header_row(row: list[str], roles: dict[str, int]) -> bool:
    # Every filled cell of a sub-header is a header word or the merged text above it; a data
    # row that happens to contain a header word has other text too.
    header_cells = set(roles.values())
    others = [cell for i, cell in enumerate(row) if cell.strip() and i not in header_cells]
    return len(others) <= len(row) // 2 and all(len(cell) <= 12 for cell in others)


def lines_above(rows: list[list[str]], header_row: int) -> list[str]:
    """The text of the rows above the header (a title, perhaps a document number and date)."""
    lines = []
    for row in rows[:header_row]:
        cells = dedupe_repeats([cell.strip() for cell in row if cell.strip()])
        if cells:
            lines.append("　".join(cells))
    return lines


def dedupe_repeats(row: list[str]) -> list[str]:
    """Horizontally merged cells repeat their text; keep it once."""
    out: list[str] = []
    for cell in row:
        if not out or cell != out[-1]:
            out.append(cell)
    return out
