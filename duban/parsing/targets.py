"""Targets: quantitative indicators in a task's text (``80%以上``, ``50亿元``, ``20类大病``).

A target is a number with a unit, an optional comparator before or after it
(``不低于``/``超``, ``以上``/``左右``), and, after a counting classifier (``项``, ``类`` …), the
thing counted (``14项重点工程``). A comparator with no number (``不低于全部贷款平均增速``)
is a target too, with ``value`` null. Comparators are ``>=``, ``>``, ``<=``, ``<`` or ``~``.
"""

from __future__ import annotations

import re

from duban.parsing.document import Target
from duban.parsing.vocabulary import (
    COMPARATORS_AFTER,
    COMPARATORS_BEFORE,
    COUNTED_CLASSIFIERS,
    TARGET_MAGNITUDES,
    TARGET_NOUN_STOPS,
    TARGET_UNITS,
)


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_BEFORE = dict(COMPARATORS_BEFORE)
_AFTER = dict(COMPARATORS_AFTER)


def _first_characters(*word_lists) -> str:
    return "".join(sorted({re.escape(word[0]) for words in word_lists for word in words}))


# Every part before the unit is optional, so without a look at the first character the
# engine would try every alternative at every position; the lookahead lets it skip them. A
# target opens with its number or a comparator (超千亿元): a unit alone is none.
QUANTITY = re.compile(
    rf"(?=[\d{_first_characters(_BEFORE)}])"
    rf"(?P<before>{_alternation(_BEFORE)})?"
    r"(?<![\d.〔\[])(?P<number>\d+(?:\.\d+)?)?"
    rf"(?P<magnitude>{_alternation(TARGET_MAGNITUDES)})?"
    rf"(?P<unit>{_alternation(TARGET_UNITS)})"
    rf"(?P<after>{_alternation(_AFTER)})?"
)
COMPARISON = re.compile(
    rf"(?=[{_first_characters(k for k in _BEFORE if len(k) > 1)}])"
    rf"(?P<before>{_alternation(k for k in _BEFORE if len(k) > 1)})"
    r"(?P<reference>[^，。；、\d\n（）]{2,20}?)(?=[，。；、\n（]|$)"
)
_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,8}")
_NOUN_STOP = re.compile(f"(?:{_alternation(TARGET_NOUN_STOPS)})")


def find_targets(text: str) -> list[Target]:
    """Every target in ``text``, in order of appearance."""
    found: list[tuple[int, Target]] = []
    for m in QUANTITY.finditer(text):
        target = _quantity(text, m)
        if target:
            found.append((m.start(), target))
    for m in COMPARISON.finditer(text):
        comparator = _BEFORE[m.group("before")]
        found.append((m.start(), Target(text=m.group(), comparator=comparator)))
    found.sort(key=lambda pair: pair[0])
    return [target for _, target in found]


def _quantity(text: str, m: re.Match[str]) -> Target | None:
    number, magnitude, unit = m.group("number"), m.group("magnitude") or "", m.group("unit")
    if number is None:
        # 超千亿元: a round magnitude with no digits stands for 1,000 (亿元).
        if not (m.group("before") and magnitude[:1] in ("千", "百")):
            return None
        value: float | int = 1000 if magnitude[0] == "千" else 100
        magnitude = magnitude[1:]
    else:
        value = float(number) if "." in number else int(number)
    phrase = m.group()
    if unit in COUNTED_CLASSIFIERS and not m.group("after"):
        noun = _COUNTED_NOUN.match(text, m.end())
        if noun:
            stop = _NOUN_STOP.search(noun.group(), 1)
            phrase += noun.group()[: stop.start()] if stop else noun.group()
    comparator = _AFTER.get(m.group("after") or "") or _BEFORE.get(m.group("before") or "")
    unit = "%" if unit == "％" else unit
    return Target(text=phrase, value=value, unit=magnitude + unit, comparator=comparator)
