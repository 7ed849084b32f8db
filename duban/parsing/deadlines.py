"""Deadlines: find the genre's time phrases and resolve them against the plan year.

The phrases are data (``vocabulary.DEADLINE_PHRASES``: a pattern with slots and the name of
the rule that resolves it); this module fills the slots, finds the phrases and applies the
rules. The phrase is always kept as written beside the dates.

Resolution, for plan year Y (``start`` is set only where the phrase names a period):
``年内``/``年底前`` → end Y-12-31; ``6月底前`` → end Y-06-30; ``5月中旬前`` → Y-05-11 … Y-05-20;
``上半年`` → Y-01-01 … Y-06-30; ``下半年`` → Y-07-01 … Y-12-31; ``一季度`` → Y-01-01 … Y-03-31;
``两年之内``/``三年内`` (N years, this one counted) → end (Y+N-1)-12-31;
``力争用2-3年时间`` → the range of year ends (Y+1)-12-31 … (Y+2)-12-31;
``2012年6月底前``/``到2015年`` carry their own year; ``长期坚持``/``持续推进`` → no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import re._parser as _re_parser
from collections.abc import Callable

from duban.parsing.document import Deadline
from duban.parsing.normalize import recognition_view
from duban.parsing.numbering import chinese_number
from duban.parsing.vocabulary import DEADLINE_PHRASES, XUN

_SMALL_NUMBER = r"\d{1,2}|十[一二]?|[一二两三四五六七八九十]"
_SLOTS = {
    "year": r"(?P<year>(?:19|20)\d{2})",
    "month": r"(?<!\d)(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])",
    "day": r"(?P<day>[0-3]?\d|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])",
    "xun": "(?P<xun>" + "|".join(XUN) + ")",
    "quarter": r"(?P<quarter>[一二三四1-4])",
    "n": rf"(?<!\d)(?P<n>{_SMALL_NUMBER})",
    "n2": rf"(?P<n2>{_SMALL_NUMBER})",
}
# Every phrase of the vocabulary holds one of these characters.
_MARKS = "年月季期持"
PHRASES = [(re.compile(pattern.format(**_SLOTS)), rule) for pattern, rule in DEADLINE_PHRASES]


def _required_characters(pattern: str) -> str:
    """The characters every match of a phrase pattern holds: what is left once the slots,
    the groups and the optional characters are taken out (``{month}月(?:底|末)前?`` → 月)."""
    return re.sub(r"\{\w+\}|\(\?:[^)]*\)\??|.\?", "", pattern)


# A pattern is run only over a text holding its characters: a scan for a character is far
# cheaper than trying the pattern at every position, and most texts lack most phrases.
_REQUIRED = [frozenset(_required_characters(pattern)) for pattern, _rule in DEADLINE_PHRASES]
# Each phrase is looked for only near one of its characters (the rarest in the genre): a
# match holds that character and is at most ``width`` long, so it lies within ``width`` of it.
# Searching those stretches finds what a search of the whole text finds, for far less.
_RARE_FIRST = "坚续推长期季度用半上下今底日前内月年"
_ANCHORS = [
    (min(sorted(required), key=_RARE_FIRST.find), _re_parser.parse(pattern.pattern).getwidth()[1])
    for (pattern, _rule), required in zip(PHRASES, _REQUIRED, strict=True)
]  # fmt: skip
# Which of them a text holds is asked once per character (``in`` is a fast scan; building a
# set of the text's characters is not).
_ANY_REQUIRED = sorted(frozenset().union(*_REQUIRED))


def small_number(text: str) -> int:
    """``12`` ``十二`` ``两`` → int; the phrase patterns admit only numerals here."""
    if text.isdigit():
        return int(text)
    value = chinese_number(text)
    if value is None:
        raise ValueError(f"not a numeral: {text!r}")
    return value


def find_deadlines(text: str, year: int | None) -> list[Deadline]:
    """Every time phrase in ``text``, in order; overlapping phrases keep the longest."""
    view = recognition_view(text)
    if not any(mark in view for mark in _MARKS):
        return []  # no phrase without one of these characters; skip the scan
    present = {char for char in _ANY_REQUIRED if char in view}
    candidates = [
        (m, rule)
        for (pattern, rule), required, (anchor, width) in zip(
            PHRASES, _REQUIRED, _ANCHORS, strict=True
        )
        if required <= present
        for start, end in _stretches(view, anchor, width)
        for m in pattern.finditer(view, start, end)
    ]
    candidates.sort(key=lambda c: (-(c[0].end() - c[0].start()), c[0].start()))
    taken: list[tuple[int, int]] = []
    chosen = []
    for m, rule in candidates:
        if any(m.start() < end and start < m.end() for start, end in taken):
            continue
        taken.append((m.start(), m.end()))
        chosen.append((m, rule))
    chosen.sort(key=lambda c: c[0].start())
    return [resolve(text[m.start() : m.end()], m.groupdict(), rule, year) for m, rule in chosen]


def _stretches(view: str, anchor: str, width: int) -> list[tuple[int, int]]:
    """The stretches of ``view`` within ``width`` of an ``anchor``, overlapping ones merged.
    (Lookbehinds see the text before a stretch: ``finditer`` is given positions, not a slice.)"""
    stretches: list[tuple[int, int]] = []
    at = view.find(anchor)
    while at != -1:
        start, end = max(0, at - width + 1), min(len(view), at + width)
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
        at = view.find(anchor, at + 1)
    return stretches


def resolve(text: str, slots: dict[str, str | None], rule: str, year: int | None) -> Deadline:
    own_year = int(slots["year"]) if slots.get("year") else year
    if own_year is None or rule == "open_ended":
        return Deadline(text=text)
    try:
        start, end = RULES[rule](own_year, slots)
    except ValueError:  # 2月30日 and the like: keep the phrase, no date
        return Deadline(text=text)
    return Deadline(text=text, start=start and start.isoformat(), end=end and end.isoformat())


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(slots: dict[str, str | None]) -> int:
    return small_number(slots["month"] or "")


def _xun(year: int, slots: dict[str, str | None]) -> tuple[dt.date, dt.date]:
    first, last = XUN[slots["xun"] or ""]
    month = _month(slots)
    end = dt.date(year, month, last) if last else _month_end(year, month)
    return dt.date(year, month, first), end


def _quarter(year: int, slots: dict[str, str | None]) -> tuple[dt.date, dt.date]:
    quarter = small_number(slots["quarter"] or "")
    return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)


def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


Rule = Callable[[int, dict[str, str | None]], tuple[dt.date | None, dt.date | None]]
RULES: dict[str, Rule] = {
    "year_month_xun": _xun,
    "month_xun": _xun,
    "year_month_end": lambda y, s: (None, _month_end(y, _month(s))),
    "month_end": lambda y, s: (None, _month_end(y, _month(s))),
    "year_month_day": lambda y, s: (None, dt.date(y, _month(s), small_number(s["day"] or ""))),
    "month_day": lambda y, s: (None, dt.date(y, _month(s), small_number(s["day"] or ""))),
    "year_end": lambda y, s: (None, _year_end(y)),
    "plan_year_end": lambda y, s: (None, _year_end(y)),
    "year_first_half": lambda y, s: (dt.date(y, 1, 1), dt.date(y, 6, 30)),
    "first_half": lambda y, s: (dt.date(y, 1, 1), dt.date(y, 6, 30)),
    "year_second_half": lambda y, s: (dt.date(y, 7, 1), _year_end(y)),
    "second_half": lambda y, s: (dt.date(y, 7, 1), _year_end(y)),
    "year_quarter": _quarter,
    "quarter": _quarter,
    "within_years": lambda y, s: (None, _year_end(y + small_number(s["n"] or "") - 1)),
    "year_range": lambda y, s: (
        _year_end(y + small_number(s["n"] or "") - 1),
        _year_end(y + small_number(s["n2"] or "") - 1),
    ),
}
