"""Stages — the item tree: nest the numbered paragraphs, set the closing apart, and turn each
node into an ``Item`` with its units of work, title, citations, deadlines and targets.

Units (corpus convention 3): an item whose own text holds one department list carries it; one
that holds several gets one unlabelled child per list, whose text runs from the end of the
previous list to the end of its own. Titles (convention 2): the first sentence, up to ``。``
or ``；`` or the end of the paragraph, without label, end mark or responsibility notes.

``Item.text`` is the item's own text without its label: the paragraphs it owns up to its first
numbered child. A level-1 heading's text is therefore the heading line alone.
"""

from __future__ import annotations

import re

from duban.parsing.citations import find_citations
from duban.parsing.deadlines import find_deadlines
from duban.parsing.departments import TIME_LABELS, DepartmentList, find_lists
from duban.parsing.document import Closing, Item
from duban.parsing.state import Node, ParseState
from duban.parsing.targets import find_targets

# How a closing section opens when the last item has no department list to end on.
CLOSING_OPENING = re.compile(
    r"(?:各(?:市|地|县|区|级|有关|部门|单位|牵头)|请各|以上|本(?:意见|方案|通知|计划)"
    r"|省发展改革委要|(?:市|区|县)发展改革(?:委|局)要)"
)
_TITLE_END = re.compile("[。；;\n]")
_TITLE_TRIM = " \u3000\t。；;，,：:、"
_UNIT_LEAD_TRIM = " \u3000\t\n。；;，,"
_TIME_LINE = re.compile(r"\s*[。；]?\s*\n?\s*(?:" + "|".join(TIME_LABELS) + r")\s*[：:][^\n]*")


def build_tree(state: ParseState) -> None:
    """Nest the numbered paragraphs; unnumbered ones belong to the item above them."""
    if state.body_start is None:
        return
    stack: list[Node] = []
    end = state.trailer_start if state.trailer_start is not None else len(state.paragraphs)
    for paragraph in state.paragraphs[state.body_start : end]:
        if paragraph.level:
            node = Node(paragraphs=[paragraph], level=paragraph.level, label=paragraph.label)
            while stack and stack[-1].level >= node.level:
                stack.pop()
            (stack[-1].children if stack else state.nodes).append(node)
            stack.append(node)
        else:
            stack[-1].paragraphs.append(paragraph)


def split_closing(state: ParseState) -> None:
    """Move the implementation requirements after the last item out of it.

    When the last item is a level-1 area with no children (``十、组织实施``), it keeps its
    text: there is no separate closing. When the last item ends its work on a department list,
    what follows the list's paragraph is the closing. Otherwise the closing starts at the first trailing paragraph that opens
    the way the genre's closings do (``各市州和各项改革的牵头部门要…``).
    """
    if not state.nodes:
        return
    last = state.nodes[-1]
    while last.children:
        last = last.children[-1]
    if last.level == 1:
        return  # the closing is a numbered area of its own (X、组织实施): the numbering says so
    trailing = last.paragraphs[1:]
    with_list = [
        i
        for i, p in enumerate(trailing, 1)
        if any(found.departments for found in find_lists(p.text))
    ]
    heading_lists = any(found.departments for found in find_lists(last.paragraphs[0].text))
    if with_list or heading_lists:
        cut = (with_list[-1] if with_list else 0) + 1
    else:
        cut = next(
            (i for i, p in enumerate(trailing, 1) if CLOSING_OPENING.match(p.text)),
            len(last.paragraphs),
        )
    state.closing_paragraphs = last.paragraphs[cut:]
    del last.paragraphs[cut:]


def make_items(state: ParseState) -> None:
    state.items = [_item(node, str(i), 1, state) for i, node in enumerate(state.nodes, 1)]
    if state.closing_paragraphs:
        text = "\n".join(p.text for p in state.closing_paragraphs)
        state.closing = Closing(text=text, deadlines=find_deadlines(text, state.year))


def _item(node: Node, path: str, level: int, state: ParseState) -> Item:
    paragraphs = node.paragraphs
    text = "\n".join([paragraphs[0].body, *(p.text for p in paragraphs[1:])])
    notes = _extend_over_time_lines(text, find_lists(text))
    lists = [found for found in notes if found.departments]
    item = Item(path=path, level=level, label=node.label, title=title_of(text, notes), text=text)
    if paragraphs[0].numbering_doubt:
        item.doubts.append(paragraphs[0].numbering_doubt)
    _fill_details(item, state)
    if len(lists) == 1:
        item.departments = list(lists[0].departments)
        if lists[0].recognizer == "next-line":
            item.doubts.append("next-line-list")
    elif len(lists) > 1:
        item.children = _units(text, notes, lists, path, level, state)
    offset = len(item.children)
    item.children += [
        _item(child, f"{path}.{offset + i}", level + 1, state)
        for i, child in enumerate(node.children, 1)
    ]
    return item


def _units(
    text: str,
    notes: list[DepartmentList],
    lists: list[DepartmentList],
    path: str,
    level: int,
    state: ParseState,
) -> list[Item]:
    units = []
    start = 0
    for number, found in enumerate(lists, 1):
        span = text[start : found.end]
        lead = len(span) - len(span.lstrip(_UNIT_LEAD_TRIM))
        unit_notes = [
            DepartmentList(n.start - start - lead, n.end - start - lead, n.departments)
            for n in notes
            if start <= n.start and n.end <= found.end
        ]
        unit_text = span[lead:]
        unit = Item(
            path=f"{path}.{number}",
            level=level + 1,
            label="",
            title=title_of(unit_text, unit_notes),
            text=unit_text,
            departments=list(found.departments),
            doubts=["next-line-list"] if found.recognizer == "next-line" else [],
        )
        _fill_details(unit, state)
        units.append(unit)
        start = found.end
    return units


def _fill_details(item: Item, state: ParseState) -> None:
    numbers = dict.fromkeys(c.number for c in find_citations(item.text))
    numbers.pop(state.meta.doc_number, None)
    item.cited_documents = list(numbers)
    item.deadlines = find_deadlines(item.text, state.year)
    item.targets = find_targets(item.text)


def title_of(text: str, notes: list[DepartmentList]) -> str:
    """The first sentence of ``text`` with responsibility notes left out."""
    pieces = []
    position = 0
    for note in notes:
        pieces.append(text[position : note.start])
        position = max(position, note.end)
    pieces.append(text[position:])
    kept = "".join(pieces).lstrip(_UNIT_LEAD_TRIM)
    end = _TITLE_END.search(kept)
    return (kept[: end.start()] if end else kept).strip(_TITLE_TRIM)


def _extend_over_time_lines(text: str, found: list[DepartmentList]) -> list[DepartmentList]:
    """A time limit printed right after a list (``完成时限：6月底前``) belongs to its unit."""
    for note in found:
        m = _TIME_LINE.match(text, note.end)
        if m and not any(other.start < m.end() and other.start >= note.end for other in found):
            note.end = m.end()
    return found
