"""Stage 3 — numbering recognition: which paragraphs start an item, and at what level.

The genre numbers its items ``一、`` ``（一）`` ``1．`` ``1、`` ``（1）`` ``①`` … in any nesting
order. The first style met in the body is level 1, a style first met under it level 2, and so
on (a stack of styles). A style met again returns to its level. A label is accepted only where
its number makes sense: a style new at that point must start at 1 or continue its own last
number (documents print tasks 1．–52． across several （一） groups), which keeps a body
sentence that happens to start with ``3.`` from opening a level. A label whose mark is
mistyped (``3、`` after ``1．`` ``2．``) continues the open sequence it fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from duban.parsing.state import ParseState
from duban.parsing.vocabulary import CHINESE_DIGITS

CHINESE_NUMERAL = "[一二三四五六七八九十百〇零两]+"
# What follows a decimal quantity (3.1亿元, 12.5%), which is no outline number.
_QUANTITY = r"\s*[亿万千百%％元倍个]"


@dataclass(frozen=True)
class NumberingStyle:
    name: str
    pattern: re.Pattern[str]  # matches the label at the start of a paragraph; group 1 = number


STYLES = (
    NumberingStyle("chinese-comma", re.compile(rf"({CHINESE_NUMERAL})、")),  # 一、
    NumberingStyle("chinese-paren", re.compile(rf"[（(]({CHINESE_NUMERAL})[）)]")),  # （一）
    NumberingStyle("chinese-part", re.compile(rf"第({CHINESE_NUMERAL})(?:部分|章|节)")),  # 第一部分
    NumberingStyle("chinese-article", re.compile(rf"第({CHINESE_NUMERAL})条")),  # 第一条
    NumberingStyle("chinese-dot", re.compile(rf"({CHINESE_NUMERAL})[.．](?![\d.．])")),  # 一．
    # Decimal outline numbers: the last part is the number among siblings (1.2 → 2).
    NumberingStyle(
        "decimal-3", re.compile(rf"\d{{1,2}}[.．]\d{{1,2}}[.．](\d{{1,2}})(?![\d.．]|{_QUANTITY})")
    ),  # 1.1.1
    NumberingStyle(
        "decimal-2", re.compile(rf"\d{{1,2}}[.．](\d{{1,2}})(?![\d.．]|{_QUANTITY})")
    ),  # 1.1
    NumberingStyle("arabic-dot", re.compile(r"(\d{1,3})\s?[.．](?![\d.．])")),  # 1. 1．
    NumberingStyle("arabic-comma", re.compile(r"(\d{1,3})、")),  # 1、
    NumberingStyle("arabic-paren", re.compile(r"[（(](\d{1,3})[）)]")),  # （1）
    NumberingStyle("arabic-half-paren", re.compile(r"(\d{1,3})[）)]")),  # 1）
    NumberingStyle("circled", re.compile("([\u2460-\u2473])")),  # ①
    NumberingStyle("parenthesized-digit", re.compile("([\u2474-\u2487])")),  # ⑴
    NumberingStyle("digit-full-stop", re.compile("([\u2488-\u249b])")),  # ⒈
    NumberingStyle("parenthesized-ideograph", re.compile("([\u3220-\u3229])")),  # ㈠
)
# Styles a typist swaps by mistake within one sequence (1．2．3、): the same kind of number.
TWIN_STYLES = {
    "arabic-dot": "arabic",
    "arabic-comma": "arabic",
    "arabic-half-paren": "arabic",
    "chinese-comma": "chinese",
    "chinese-dot": "chinese",
}
# Enclosed numbers are one character each: (first code point, last code point) → 1, 2, …
_ENCLOSED = ((0x2460, 0x2473), (0x2474, 0x2487), (0x2488, 0x249B), (0x3220, 0x3229))


def chinese_number(numeral: str) -> int | None:
    """Value of a small Chinese numeral (一 … 九十九, 一百…); None when it is not one."""
    total, current = 0, 0
    for char in numeral:
        if char in CHINESE_DIGITS:
            current = (
                current * 10 + CHINESE_DIGITS[char]
                if current and char in "〇零"
                else CHINESE_DIGITS[char]
            )
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


# Every label opens with one of these: a line opening otherwise is tested against no style.
_LABEL_OPENING = re.compile(r"[\d一二三四五六七八九十百〇零两（(第\u2460-\u249b\u3220-\u3229]")


def _any_style() -> tuple[re.Pattern[str], dict[int, tuple[int, int]]]:
    """All styles as one alternation, in their order (the first that matches wins, as in a
    loop over them), and for each style's group: the style's index and its number's group."""
    parts, groups, offset = [], {}, 0
    for index, style in enumerate(STYLES):
        parts.append(f"({style.pattern.pattern})")
        groups[offset + 1] = (index, offset + 2)
        offset += 1 + style.pattern.groups
    return re.compile("|".join(parts)), groups


_ANY_STYLE, _STYLE_GROUPS = _any_style()


def match_label(text: str) -> tuple[NumberingStyle, str, int] | None:
    """The numbering style, label as written and number at the start of ``text``, if any."""
    if not _LABEL_OPENING.match(text):
        return None
    m = _ANY_STYLE.match(text)  # one match instead of one per style
    if not m:
        return None
    index, number_group = _STYLE_GROUPS[m.lastindex]
    value = _value(m.group(number_group))
    if value:
        return STYLES[index], m.group(m.lastindex).strip(), value
    for style in STYLES[index + 1 :]:  # a number of no value (〇、): the next style that fits
        m = style.pattern.match(text)
        value = _value(m.group(1)) if m else None
        if value:
            return style, m.group(0).strip(), value
    return None


def _value(number: str) -> int | None:
    enclosed = _enclosed_value(number)
    if enclosed:  # ① is a digit to str.isdigit, so test it first
        return enclosed
    return int(number) if number.isdigit() else chinese_number(number)


def _enclosed_value(number: str) -> int | None:
    if len(number) != 1:
        return None
    for first, last in _ENCLOSED:
        if first <= ord(number) <= last:
            return ord(number) - first + 1
    return None


@dataclass
class _Open:
    """A numbering sequence open on the stack: its style, printed mark and last number."""

    style: str
    mark: str
    last: int


def mark_numbering(state: ParseState) -> None:
    """Set label, style, value and level on every paragraph that starts an item."""
    stack: list[_Open] = []  # open sequences, outermost first
    closed: dict[str, int] = {}  # a style's last number when its sequence was closed
    for index, paragraph in enumerate(state.paragraphs):
        if index < state.attached_text_start:
            continue  # the notice above an attached text (see ``attachments.py``)
        found = match_label(paragraph.text)
        # A bare label with nothing after it is not an item.
        if not found or not paragraph.text[len(found[1]) :].strip():
            continue
        placed = _place(stack, closed, found)
        if placed is None:
            continue
        if state.body_start is None:
            state.body_start = index
        style, label, value = found
        paragraph.label, paragraph.style, paragraph.value = label, stack[-1].style, value
        paragraph.level, paragraph.numbering_doubt = placed


def _place(stack: list[_Open], closed: dict[str, int], found) -> tuple[int, str | None] | None:
    """Put the label on the stack: its level and the doubt it leaves (see confidence.py), or
    None when it opens no item."""
    style, label, value = found
    mark = _mark(label)
    name = style.name
    doubt = None
    if not any(o.style == name for o in stack) and value != 1 and value != closed.get(name, -1) + 1:
        twin = _twin_in_sequence(name, value, stack)
        name, doubt = (twin, "mark-mistyped") if twin else (name, None)
    at = _sequence_for(stack, name, value, mark)
    if at is not None:
        if stack[at].last + 1 != value:
            doubt = "out-of-sequence"
        for dropped in reversed(stack[at + 1 :]):  # a nested list's count is not the task's
            closed[dropped.style] = dropped.last
        del stack[at + 1 :]
        stack[at].last = value
    elif value == 1 or (stack and value == closed.get(name, -1) + 1):
        # A style already open restarting at 1 is a list nested in the current item (projects
        # 1.–3. under task 3．): siblings never restart without a new parent.
        if any(o.style == name for o in stack):
            doubt = "nested-restart"
        stack.append(_Open(name, mark, value))
    else:
        return None
    return len(stack), doubt


def _sequence_for(stack: list[_Open], name: str, value: int, mark: str) -> int | None:
    """Which open sequence of this style the label continues: the one its number follows
    (the same printed mark first, the innermost first); a restart at 1 under an item of its
    own style continues none (a nested list); any other number goes back to the innermost
    (paths count position: ``（三）`` printed after ``（一）``)."""
    open_ = [i for i, o in enumerate(stack) if o.style == name]
    if not open_:
        return None
    following = [i for i in open_ if stack[i].last + 1 == value]
    same_mark = [i for i in following if stack[i].mark == mark]
    if same_mark or following:
        return (same_mark or following)[-1]
    # Only the current item (the top, below the outermost) can hold a nested restart.
    nested = value == 1 and open_[-1] == len(stack) - 1 > 0
    return None if nested else open_[-1]


def _mark(label: str) -> str:
    """The printed mark of a label (``．`` of ``3．``, ``.`` of ``1.``), to tell two lists of
    one style apart."""
    return label.strip("0123456789一二三四五六七八九十百〇零两 ")


def _twin_in_sequence(name: str, value: int, stack: list[_Open]) -> str | None:
    """The open style this label continues though its mark differs (a typo: ``3、`` after
    ``1．`` ``2．``): same kind of number, the next value in that style's sequence."""
    family = TWIN_STYLES.get(name)
    for other in stack:
        if (
            other.style != name
            and TWIN_STYLES.get(other.style) == family
            and other.last == value - 1
        ):
            return other.style
    return None
