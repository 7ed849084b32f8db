"""What the readers hand on: a document's text, or the rows of a task table."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TextSource:
    """The decoded text of a document, line ends folded to `\\n`."""

    text: str
    encoding: str
    # A task table attached to the text (a 通知 with its 任务分解表 as 附件); the text
    # pipeline's result decides whether the plan is the text or the table.
    table: TableSource | None = None


@dataclass
class TableSource:
    """The rows of a task table, every cell as text; merged cells repeated over their area."""

    rows: list[list[str]]
    title: str = ""  # a title row above the header, or the paragraph above a Word table
    notes: list[str] = field(default_factory=list)  # other lines above or around the table


def fold_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
