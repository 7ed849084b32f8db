"""The source text cut into plain and highlighted pieces for the review screen."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from duban.plans.selectors import TreeNode, flatten

# What each of the parser's doubts (duban/parsing/confidence.py) asks the reviewer to check.
DOUBT_LABELS = {
    "no-department": _("未识别出承担单位"),
    "no-title": _("未能读出标题"),
    "long-title": _("标题过长，可能漏断句"),
    "mark-mistyped": _("编号符号与同级不一致"),
    "nested-restart": _("同样式编号从1重新开始，已作下一级"),
    "out-of-sequence": _("编号与上一项不连续"),
    "next-line-list": _("承担单位取自任务下方单独一行"),
    "unmarked-name": _("单位名称不像机构名称"),
    "split-into-units": _("同一条目有多个单位清单，已拆分"),
    "open-deadline": _("时限未能换算为日期"),
}


@dataclass(frozen=True)
class Segment:
    text: str
    task_id: int | None = None
    path: str = ""


def source_segments(text: str, tree: list[TreeNode]) -> list[Segment]:
    """`text` as pieces; each unit of work's span is a piece naming its task.

    Spans of tasks with units of work below them are left out (their children's spans show),
    and an overlapping span is skipped, so the pieces never nest.
    """
    spans = sorted(
        (n.task.source_start, n.task.source_end, n.task.pk, n.task.path)
        for n in flatten(tree)
        if n.task.source_start is not None and n.task.level > 1 and not n.children
    )
    segments, position = [], 0
    for start, end, task_id, path in spans:
        if start < position or end > len(text):
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], task_id, path))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


SENTENCE_ENDS = "。；"


def split_points(text: str, preview: int = 14) -> list[tuple[int, str]]:
    """Offsets just after each sentence end inside `text`, with the words before it."""
    points = []
    for offset, char in enumerate(text[:-1], 1):
        if char in SENTENCE_ENDS:
            points.append((offset, "…" + text[max(0, offset - preview) : offset]))
    return points


def with_split_points(tree: list[TreeNode]) -> list[TreeNode]:
    for node in flatten(tree):
        node.split_points = split_points(node.task.text) if not node.children else []
    return tree


@dataclass(frozen=True)
class Doubt:
    """A task the parser was unsure of, for the review screen's least-certain-first list."""

    task_id: int
    path: str
    title: str
    confidence: float
    doubts: list[str]

    @property
    def reasons(self) -> list[str]:
        return [str(DOUBT_LABELS.get(code, code)) for code in self.doubts]

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)


def least_certain(parse: dict | None, tree: list[TreeNode]) -> list[Doubt]:
    """The plan's tasks whose parse carried doubts, least certain first (ties by path order).

    Confidence and doubts come from the stored parse (``duban.document/1`` items), matched by
    path, as the import numbered them: a task renumbered since then by a move or a split is
    matched by its new path, so after such edits the list is a guide, not a record.
    """
    rated = {item["path"]: item for item in _walk((parse or {}).get("items") or [])}
    found = []
    for order, node in enumerate(flatten(tree)):
        item = rated.get(node.task.path)
        if item and item.get("confidence", 1.0) < 1.0:
            found.append(
                (
                    item["confidence"],
                    order,
                    Doubt(node.task.pk, node.task.path, node.task.title, item["confidence"],
                          item.get("doubts") or []),
                )
            )  # fmt: skip
    return [doubt for _confidence, _order, doubt in sorted(found, key=lambda f: f[:2])]


def _walk(items: list[dict]):
    for item in items:
        yield item
        yield from _walk(item.get("children") or [])
