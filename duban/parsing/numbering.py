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


def match_label(text: str) -> tuple[NumberingStyle, str, int] | None:
    """The numbering style, label as written and number at the start of ``text``, if any."""
    for style in STYLES:
        m = style.pattern.match(text)
        if not m:
            continue
        number = m.group(1)
        enclosed = _enclosed_value(number)
        if enclosed:  # ① is a digit to str.isdigit, so test it first
            value = enclosed
        elif number.isdigit():
            value = int(number)
        else:
            value = chinese_number(number)
        if value:
            return style, m.group(0).strip(), value
    return None


def _enclosed_value(number: str) -> int | None:
    if len(number) != 1:
        return None
    for first, last in _ENCLOSED:
        if first <= ord(number) <= last:
            return ord(number) - first + 1
    return None


def mark_numbering(state: ParseState) -> None:
    """Set label, style, value and level on every paragraph that starts an item."""
    stack: list[str] = []  # styles, outermost first
    last_value: dict[str, int] = {}
    for index, paragraph in enumerate(state.paragraphs):
        if index < state.attached_text_start:
            continue  # the notice above an attached text (see ``attachments.py``)
        found = match_label(paragraph.text)
        # A bare label with nothing after it is not an item.
        if not found or not paragraph.text[len(found[1]) :].strip():
            continue
        style, label, value = found
        name = style.name
        if name not in stack and value != 1 and value != last_value.get(name, -1) + 1:
            name = _twin_in_sequence(name, value, stack, last_value) or name
        if name in stack:
            del stack[stack.index(name) + 1 :]
        elif value == 1 or (stack and value == last_value.get(name, -1) + 1):
            stack.append(name)
        else:
            continue
        if state.body_start is None:
            state.body_start = index
        last_value[name] = value
        paragraph.label, paragraph.style, paragraph.value = label, name, value
        paragraph.level = len(stack)


def _twin_in_sequence(
    name: str, value: int, stack: list[str], last_value: dict[str, int]
) -> str | None:
    """The open style this label continues though its mark differs (a typo: ``3、`` after
    ``1．`` ``2．``): same kind of number, the next value in that style's sequence."""
    family = TWIN_STYLES.get(name)
    for other in stack:
        if other != name and TWIN_STYLES.get(other) == family and last_value[other] == value - 1:
            return other
    return None
