"""Stage — how sure the parse is of each item: a confidence in (0, 1] and the doubts behind it.

Each doubt is a named rule with a weight (``DOUBTS``); an item's confidence is the product of
``1 - weight`` over its doubts, so an item with none is 1.0 and every doubt lowers it. The
review screen lists the least certain items first, so a reviewer reads the doubtful ones before
the plain ones. Some doubts are noted where they arise (numbering, the list recognizer); the
rest are read from the finished item here.
"""

from __future__ import annotations

from duban.parsing.departments import name_is_a_body
from duban.parsing.document import Item
from duban.parsing.state import ParseState

# name → (weight, what the reviewer should check)
DOUBTS: dict[str, tuple[float, str]] = {
    "no-department": (0.35, "a task with no department list"),
    "no-title": (0.5, "no title could be read"),
    "long-title": (0.2, "the title runs long: a sentence end may have been missed"),
    "mark-mistyped": (0.3, "numbered with another mark than its siblings (3、 after 2．)"),
    "nested-restart": (0.2, "a list of its parent's style restarting at 1, read as nested"),
    "out-of-sequence": (0.15, "its number does not follow the one before"),
    "next-line-list": (0.15, "departments read from a line of names below the task"),
    "unmarked-name": (0.15, "a department name that ends in no body word"),
    "split-into-units": (0.1, "one of several department lists in one item"),
    "open-deadline": (0.1, "a time phrase that resolves to no date"),
}
LONG_TITLE = 60


def rate_items(state: ParseState) -> None:
    rate_tree(state.items)


def rate_tree(items: list[Item]) -> None:
    for item in items:
        for node in item.walk():
            _add_found_doubts(node)
            node.confidence = confidence_of(node.doubts)


def confidence_of(doubts: list[str]) -> float:
    confidence = 1.0
    for doubt in doubts:
        confidence *= 1 - DOUBTS[doubt][0]
    return round(confidence, 3)


def _add_found_doubts(item: Item) -> None:
    found = []
    if not item.children and not item.departments and item.level > 1:
        found.append("no-department")
    if not item.title:
        found.append("no-title")
    elif len(item.title) > LONG_TITLE:
        found.append("long-title")
    if not item.label and item.departments:
        found.append("split-into-units")
    if any(not name_is_a_body(d.name) for d in item.departments):
        found.append("unmarked-name")
    if any(d.start is None and d.end is None for d in item.deadlines):
        found.append("open-deadline")
    item.doubts = list(dict.fromkeys([*item.doubts, *found]))
