"""The source text cut into plain and highlighted pieces for the review screen."""

from dataclasses import dataclass

from duban.plans.selectors import TreeNode, flatten


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
