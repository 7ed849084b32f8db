"""Department lists: find them in an item's text, split them into names, give each a role.

The genre writes who is responsible in a few ways, each handled by one registered recognizer
(a new variant is a new recognizer, not another branch):

- ``Parenthesised`` — a bracketed note after the task: ``（省工信委、省发展改革委等负责）``,
  ``（国家发展改革委牵头，财政部等按职责分工负责，6月底前出台）``,
  ``（主管省领导：…；牵头单位：省编办）``;
- ``SquareBracketed`` — the same in ``【】``: ``【责任单位：市发展改革委、市财政局】``;
- ``Labelled`` — labels in the running text or on the line(s) after the task:
  ``牵头单位：省编办；配合单位：省人社厅`` / ``责任单位：…`` / ``参与单位：…``;
- ``NextLine`` — names alone on a line below the task, roles written or not
  (``市工业和信息化局牵头，市财政局配合``).

Names follow the corpus conventions 4 and 5: role words, labels, brackets and trailing
clauses that are not names (``6月底前出台``) are dropped; the rest is split on ``、，,；;及``
and on ``与``/``和`` after a body's name; names are kept as written. Names marked ``牵头`` are
lead; with no lead marked, the first name is lead; the others are co.

Recognition runs on the punctuation-folded view of the text (``recognition_view``), which has
one character for each character of the text, so every span found there slices the text as
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from duban.parsing.document import Department
from duban.parsing.normalize import recognition_view
from duban.parsing.vocabulary import (
    BODY_WORDS,
    COLLECTIVE_STARTS,
    GROUP_WORDS,
    LABEL_LEVELS,
    LEADER_LABELS,
    LIST_LABELS,
    NAME_PREFIXES,
    OTHERS_SUFFIXES,
    PLACE_BODY_ENDINGS,
    ROLE_MARKERS,
    TIME_LABELS,
)

# Role given by a label or a marker: "lead", "co", or "any" (responsible, role unsaid).
_LABEL_ROLES = dict(LIST_LABELS)
LABEL = re.compile(
    "(?:"
    + "|".join(LABEL_LEVELS)
    + ")?("
    + "|".join(
        sorted([*_LABEL_ROLES, *LEADER_LABELS, *TIME_LABELS, "负责单位"], key=len, reverse=True)
    )
    + ")\\s*："
)
_LABEL_ROLES["负责单位"] = "any"
_SKIPPED_LABELS = frozenset([*LEADER_LABELS, *TIME_LABELS])
_MARKERS = sorted(ROLE_MARKERS, key=lambda entry: len(entry[0]), reverse=True)
# The markers written backwards, longest first, and the role each gives.
_MARKER_BACKWARDS = re.compile("|".join(re.escape(marker[::-1]) for marker, _role in _MARKERS))
_MARKER_ROLE = {marker[::-1]: role for marker, role in _MARKERS}
_SEPARATORS = frozenset("、，；及\n")
# Spaces separate names where a name ends before them (责任单位：省大数据局　省通信管理局).
_SPACES = frozenset(" \u3000\t")
_JOINERS = ("与", "和", "会同")
_PART_BREAK = re.compile("[（）、，；及\n \u3000\t等与和会]")
# A clause that is a time or an action, not a name (6月底前出台, 年内持续推进).
NOT_A_NAME = re.compile(
    r"\d+\s*月|[一二三四五六七八九十]+月|\d{4}\s*年|年内|年底|年末|季度|半年|持续|长期|前完成|底前"
    r"|出台|^按|^分别|^根据"
)
# Extra endings of names that are places or institutions (各市州, 兰州大学, 金融机构).
_NAME_ENDINGS = (
    *BODY_WORDS,
    *GROUP_WORDS,
    "市",
    "州",
    "县",
    "区",
    "协",
    "学",
    "构",
    "业",
    "地",
    "级",
    "縣",
    "區",
    "協",
    "學",
    "構",
    "業",
    "級",
)
_COLLECTIVE_START = COLLECTIVE_STARTS
# A bare place name (河阳、川北、石门市政府): two to four Han characters, nothing else.
_BARE_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}")
# A role marker anywhere in a bracket's content makes it a department list.
_ROLE_WORD = re.compile(r"牵头|负责|配合|参与|协办|单位：|部门：")
_SENTENCE_END = "。；\n"


@dataclass
class DepartmentList:
    """A list found in a text: its span (brackets included) and the departments it names.

    A supervising leader's note (``（主管省领导：…）``) is a list with no departments: it is
    still a responsibility note, left out of titles, but closes no unit of work.
    """

    start: int
    end: int
    departments: list[Department] = field(default_factory=list)
    recognizer: str = ""


class Parenthesised:
    """``（省工信委、省发展改革委等负责）`` and every bracketed list with roles or labels."""

    name = "parenthesised"
    OPEN, CLOSE = "（", "）"

    def test(self, folded: str) -> bool:
        return self.OPEN in folded

    def run(self, text: str, folded: str) -> list[DepartmentList]:
        found = []
        for start, end in _bracket_groups(folded, self.OPEN, self.CLOSE):
            inner = folded[start + 1 : end - 1]
            labelled = LABEL.match(inner)
            # Names are split only for a bracket that can be a list: most brackets (a cited
            # document's number, 市（州）) cannot, and splitting is the costly part.
            if not (labelled or _ROLE_WORD.search(inner) or self._is_bare_list(folded, end, inner)):
                continue
            departments = parse_names(text[start + 1 : end - 1], inner)
            if departments or labelled:
                found.append(DepartmentList(start, end, departments, self.name))
        return found

    @staticmethod
    def _is_bare_list(folded: str, end: int, inner: str) -> bool:
        # Without a role word, only a note that closes a sentence and holds nothing but names
        # of bodies is a list: （省财政厅、省人社厅）。 — not 市（州） or （试行）. A time limit
        # may close it: （市发展改革委、市财政局，2023年12月底前）.
        closes_sentence = end == len(folded) or folded[end] in _SENTENCE_END
        parts = [p for p in re.split("[、，；]", inner) if p]
        while len(parts) > 1 and NOT_A_NAME.search(parts[-1]):
            parts.pop()
        # A body's name has three characters at least; （试行） and （暂行） end in 行 as 银行 does.
        return closes_sentence and all(len(p) >= 3 and p.endswith(BODY_WORDS) for p in parts)


class SquareBracketed(Parenthesised):
    """``【责任单位：市发展改革委、市财政局】``: the same notes in lenticular brackets."""

    name = "square-bracketed"
    OPEN, CLOSE = "【", "】"


class Labelled:
    """``牵头单位：省编办；配合单位：省人社厅`` in the running text or on the following lines."""

    name = "labelled"

    def test(self, folded: str) -> bool:
        return "：" in folded and LABEL.search(folded) is not None

    def run(self, text: str, folded: str) -> list[DepartmentList]:
        inside = _bracket_groups(folded, "（", "）")
        found: list[DepartmentList] = []
        position = 0
        for m in LABEL.finditer(folded):
            if m.start() < position or any(s < m.start() < e for s, e in inside):
                continue
            end = _labelled_end(folded, m.start())
            departments = parse_names(text[m.start() : end], folded[m.start() : end])
            if departments or m.group(1) in LEADER_LABELS:
                found.append(DepartmentList(m.start(), end, departments, self.name))
            position = end
        return found


class NextLine:
    """The names alone on a line below the task, with or without roles:
    ``市工业和信息化局、市发展改革委`` / ``市工业和信息化局牵头，市财政局配合``."""

    name = "next-line"
    MAX_LENGTH = 80
    PART_SEPARATORS = re.compile(r"[、，；\s]+")
    MIN_NAME = 3  # 财政部; shorter words ending like a body (试行, 银行) are not names

    def test(self, folded: str) -> bool:
        return "\n" in folded

    def run(self, text: str, folded: str) -> list[DepartmentList]:
        found = []
        start = folded.find("\n") + 1
        while 0 < start < len(folded):
            end = folded.find("\n", start)
            end = len(folded) if end == -1 else end
            end = _trim_closing_mark(folded, start, end)
            if self._names_only(folded[start:end]):
                departments = parse_names(text[start:end], folded[start:end])
                if departments:
                    found.append(DepartmentList(start, end, departments, self.name))
            next_line = folded.find("\n", start)
            start = next_line + 1 if next_line != -1 else 0
        return found

    def _names_only(self, line: str) -> bool:
        if not line or len(line) > self.MAX_LENGTH or "：" in line or "。" in line:
            return False
        for part in self.PART_SEPARATORS.split(line.strip()):
            if not part:
                continue
            _role, name_end = _strip_marker(part)
            name = part[_strip_prefix(part, name_end) : name_end]
            # Stricter than a list's names: a line of prose may end like a body (另行部署) and
            # open like a collective one (有关工作…); 有关/相关 must name 部门 or 单位 then.
            if len(name) < self.MIN_NAME or not _is_name(name) or not name.endswith(_NAME_ENDINGS):
                return False
            if name.startswith(("有关", "相关")) and not name.endswith(("部门", "单位")):
                return False
        return True


RECOGNIZERS = [  # all run; where two find overlapping spans, the earlier one wins
    Parenthesised(),  # （省工信委、省发展改革委等负责）
    SquareBracketed(),  # 【责任单位：市发展改革委、市财政局】
    Labelled(),  # 牵头单位：…；责任单位：… inline or on the next line(s)
    NextLine(),  # 市工业和信息化局、市发展改革委 alone on the line below the task
]


def find_lists(text: str) -> list[DepartmentList]:
    """Every department list and leader note in ``text``, in order, not overlapping."""
    folded = recognition_view(text)
    found: list[DepartmentList] = []
    for recognizer in RECOGNIZERS:
        if recognizer.test(folded):
            for candidate in recognizer.run(text, folded):
                if not any(c.start < candidate.end and candidate.start < c.end for c in found):
                    found.append(candidate)
    return sorted(found, key=lambda found_list: found_list.start)


def parse_department_list(text: str) -> list[Department]:
    """Split a list as written (a table cell, a bracket's content) into departments.

    ``省发展改革委、省财政厅等`` → 省发展改革委 (lead), 省财政厅 (co);
    ``牵头单位：省编办；配合单位：省人社厅`` → 省编办 (lead), 省人社厅 (co).
    """
    text = text.strip()
    folded = recognition_view(text)
    if len(folded) >= 2 and folded[0] == "（" and folded[-1] == "）":
        text, folded = text[1:-1], folded[1:-1]
    return parse_names(text, folded)


def parse_names(text: str, folded: str) -> list[Department]:
    """Names and roles of one list's content (no brackets); ``folded`` is its folded view."""
    named: list[tuple[str, str]] = []  # (name, role mark)
    for role, start, end in _segments(folded):
        if role == "skip":
            continue
        pending: list[int] = []  # indexes in ``named`` waiting for a role marker
        pieces = _pieces(folded, start, end)
        for k, (marker_role, name_start, name_end) in enumerate(pieces):
            name = text[name_start:name_end].strip(" \u3000\t")
            if name and (_is_name(folded[name_start:name_end]) or _bare_place(folded, pieces, k)):
                named.append((name, role))
                pending.append(len(named) - 1)
            if marker_role:
                for index in pending:
                    if marker_role != "any" or named[index][1] == "any":
                        named[index] = (named[index][0], marker_role)
                pending = []
    return _assign_roles(named)


def _pieces(folded: str, start: int, end: int) -> list[tuple[str | None, int, int]]:
    """Each part's role marker and the span of its name (without markers and prefixes)."""
    pieces = []
    for part_start, part_end in _parts(folded, start, end):
        part = folded[part_start:part_end]
        marker_role, name_end = _strip_marker(part)
        name_start = _strip_prefix(part, name_end)
        pieces.append((marker_role, part_start + name_start, part_start + name_end))
    return pieces


def _bare_place(folded: str, pieces: list[tuple[str | None, int, int]], k: int) -> bool:
    """A place named bare in a run that writes the body once at its end (河阳、川北、石门市政府):
    the run goes on with ``、`` over bare places to a name ending in a place body."""
    for j in range(k, len(pieces) - 1):
        marker, name_start, name_end = pieces[j]
        if marker or not _BARE_PLACE.fullmatch(folded[name_start:name_end].strip()):
            return False
        if (
            NOT_A_NAME.search(folded[name_start:name_end])
            or folded[name_end : name_end + 1] != "、"
        ):
            return False
        following = folded[pieces[j + 1][1] : pieces[j + 1][2]].strip()
        if _is_name(following):
            return following.endswith(PLACE_BODY_ENDINGS)
    return False


def _assign_roles(named: list[tuple[str, str]]) -> list[Department]:
    if not named:
        return []
    if any(mark == "lead" for _, mark in named):
        return [Department(name, "lead" if mark == "lead" else "co") for name, mark in named]
    return [Department(name, "lead" if i == 0 else "co") for i, (name, _) in enumerate(named)]


def _segments(folded: str) -> list[tuple[str, int, int]]:
    """Split at labels: (role, start, end) for each stretch; leaders and time limits skipped."""
    if "：" not in folded:  # every label ends in one; most lists have none
        return [("any", 0, len(folded))] if folded else []
    segments = []
    role, start = "any", 0
    for m in LABEL.finditer(folded):
        segments.append((role, start, m.start()))
        label = m.group(1)
        role = "skip" if label in _SKIPPED_LABELS else _LABEL_ROLES[label]
        start = m.end()
    segments.append((role, start, len(folded)))
    return [s for s in segments if s[2] > s[1]]


def _parts(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans between separators, and at 与/和 where a body's name ends before them."""
    parts = []
    part_start = skip_to = start
    depth = 0  # separators inside brackets belong to a name: 各县（市、区）人民政府
    # Visit only the characters that can end a part, not every character of the list.
    for m in _PART_BREAK.finditer(folded, start, end):
        i, char = m.start(), m.group()
        if i < skip_to:
            continue
        if char == "（":
            depth += 1
        elif char == "）":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif char in _SEPARATORS or (
            # a short window: the endings are at most three characters, and the scan linear
            char in _SPACES and folded[max(part_start, i - 4) : i].endswith(_NAME_ENDINGS)
        ):
            parts.append((part_start, i))
            part_start = i + 1
        elif char == "等" and _ends_a_name_before_collective(folded, part_start, i, end):
            parts.append((part_start, i))  # 省市场监管局等省直有关部门: two names
            part_start = i + 1
        else:
            joiner = next((j for j in _JOINERS if folded.startswith(j, i)), None)
            if joiner and i + len(joiner) < end and folded[part_start:i].endswith(BODY_WORDS):
                parts.append((part_start, i))
                part_start = skip_to = i + len(joiner)
    parts.append((part_start, end))
    return [(s, e) for s, e in parts if e > s]


def _ends_a_name_before_collective(folded: str, part_start: int, i: int, end: int) -> bool:
    return (
        i + 1 < end
        and folded.startswith(COLLECTIVE_STARTS, i + 1)
        and folded[part_start:i].endswith(_NAME_ENDINGS)
    )


def _strip_marker(part: str) -> tuple[str | None, int]:
    """The role trailing markers give, and where the name ends before them.

    Markers may stack (负责落实, 等按职责分工负责); a lead or co marker wins over "any".
    """
    end = len(part.rstrip(" 。."))
    role = None
    # Markers are matched from the end, on the part read backwards: one regex match a marker.
    backwards = part[end - 1 :: -1] if end else ""
    position = 0
    while m := _MARKER_BACKWARDS.match(backwards, position):
        position = m.end()
        role = _MARKER_ROLE[m.group()] if role in (None, "any") else role
    end -= position
    if part.endswith(OTHERS_SUFFIXES, 0, end):
        suffix = next(s for s in OTHERS_SUFFIXES if part.endswith(s, 0, end))
        end -= len(suffix) if end > len(suffix) else 0
    while end and part[end - 1] == "等":
        end -= 1
    return role, end


def _strip_prefix(part: str, end: int) -> int:
    start = len(part[:end]) - len(part[:end].lstrip(" \u3000\t"))
    if part.startswith(NAME_PREFIXES, start):
        for prefix in NAME_PREFIXES:
            if part.startswith(prefix, start) and end - start > len(prefix) + 1:
                return start + len(prefix)
    return start


def name_is_a_body(name: str) -> bool:
    """Whether a name as written ends like a body or opens like a collective one; a bare
    place name read from its run (河阳 of 河阳、川北、石门市政府) does not."""
    folded = recognition_view(name)
    return folded.endswith(_NAME_ENDINGS) or folded.startswith(_COLLECTIVE_START)


def _is_name(candidate: str) -> bool:
    candidate = candidate.strip()
    if not candidate or NOT_A_NAME.search(candidate):
        return False
    return candidate.endswith(_NAME_ENDINGS) or candidate.startswith(_COLLECTIVE_START)


def _labelled_end(folded: str, start: int) -> int:
    """A labelled list runs to the end of its line, and on over lines that start with a label."""
    end = folded.find("\n", start)
    while end != -1 and LABEL.match(folded, end + 1):
        end = folded.find("\n", end + 1)
    end = len(folded) if end == -1 else end
    return _trim_closing_mark(folded, start, end)


def _trim_closing_mark(folded: str, start: int, end: int) -> int:
    while end > start and folded[end - 1] in "。；.":
        end -= 1
    return end


_BRACKET_CHARS = {
    (opening, closing): re.compile(f"[{re.escape(opening)}{re.escape(closing)}\n]")
    for opening, closing in (("（", "）"), ("【", "】"))
}


def _bracket_groups(folded: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Spans of the outermost balanced bracket groups, closing bracket included."""
    groups = []
    depth, start = 0, 0
    # Only brackets and line ends matter: visit those, not every character.
    for m in _BRACKET_CHARS[opening, closing].finditer(folded):
        i, char = m.start(), m.group()
        if char == opening:
            if depth == 0:
                start = i
            depth += 1
        elif char == closing and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
        elif char == "\n":
            depth = 0  # a bracket never spans paragraphs
    return groups
