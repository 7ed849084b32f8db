"""Word automatic numbering: the label Word displays but does not store in the paragraph text.

A numbered paragraph carries `w:numPr` (`w:numId`, `w:ilvl`), directly or through its style.
`w:numId` points at a `w:num`, which names a `w:abstractNum` whose `w:lvl` elements give, per
level, the number format (`w:numFmt`: chineseCounting → 一, decimal → 1, decimalEnclosedCircle
→ ①), the label template (`w:lvlText`: `%1、`, `（%2）`, `%3.`) and the first value
(`w:start`, possibly overridden per `w:num` by `w:lvlOverride/w:startOverride`). Counters are
kept per numId and level; a number at one level restarts every deeper level, as Word does.
"""

from __future__ import annotations

import re

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CHINESE_DIGITS = "〇一二三四五六七八九"
_CHINESE_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_PLACEHOLDER = re.compile(r"%([1-9])")


def chinese_counting(number: int, digits: str = _CHINESE_DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 35 → 三十五, 105 → 一百零五 (Word's chineseCounting)."""
    if number <= 0:
        return digits[0]
    if number < 10:
        return digits[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        head = ten if tens == 1 else digits[tens] + ten
        return head + (digits[ones] if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        if not rest:
            return digits[hundreds] + "百"
        tail = chinese_counting(rest, digits, ten)
        if rest < 10:
            return digits[hundreds] + "百零" + tail
        if rest < 20:
            tail = digits[1] + tail  # 一百一十二, not 一百十二
        return digits[hundreds] + "百" + tail
    return str(number)


def _roman(number: int) -> str:
    table = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = ""
    for value, letters in table:
        while number >= value:
            out += letters
            number -= value
    return out


def _letters(number: int) -> str:
    # Word repeats the letter: 27 → aa.
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _enclosed(number: int, first: int, last_number: int = 20) -> str:
    return chr(first + number - 1) if 1 <= number <= last_number else str(number)


def format_number(number: int, num_fmt: str) -> str:
    """One counter value in a `w:numFmt` format; unknown formats fall back to decimal."""
    formats = {
        "decimal": lambda n: str(n),
        "decimalZero": lambda n: f"{n:02d}",
        "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH_DIGITS),
        "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH_DIGITS),
        "decimalHalfWidth": lambda n: str(n),
        "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460),
        "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460),
        "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474),
        "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488),
        "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
        "chineseCounting": chinese_counting,
        "chineseCountingThousand": chinese_counting,
        "taiwaneseCounting": chinese_counting,
        "taiwaneseCountingThousand": chinese_counting,
        "japaneseCounting": chinese_counting,
        "ideographLegalTraditional": lambda n: chinese_counting(n, _CHINESE_LEGAL, "拾"),
        "chineseLegalSimplified": lambda n: chinese_counting(n, _CHINESE_LEGAL, "拾"),
        "ideographDigital": lambda n: "".join(_CHINESE_DIGITS[int(d)] for d in str(n)),
        "ideographTraditional": lambda n: _HEAVENLY_STEMS[(n - 1) % 10],
        "lowerLetter": _letters,
        "upperLetter": lambda n: _letters(n).upper(),
        "lowerRoman": lambda n: _roman(n).lower(),
        "upperRoman": _roman,
        "none": lambda n: "",
        "bullet": lambda n: "",
    }
    return formats.get(num_fmt, formats["decimal"])(number)


class _Level:
    def __init__(self, element):
        def value(tag: str, default: str) -> str:
            child = element.find(_W + tag)
            return child.get(_W + "val", default) if child is not None else default

        self.num_fmt = value("numFmt", "decimal")
        self.text = value("lvlText", "")
        self.start = int(value("start", "1") or 1)


class Numbering:
    """Synthesises the displayed labels of numbered paragraphs, in document order."""

    def __init__(self, numbering_element, styles_element):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNumId → numbering style it defers to
        self._num_abstract: dict[str, str] = {}
        self._start_override: dict[tuple[str, int], int] = {}
        self._style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self._style_based_on: dict[str, str] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if numbering_element is not None:
            self._load_numbering(numbering_element)
        if styles_element is not None:
            self._load_styles(styles_element)

    @classmethod
    def from_document(cls, document) -> Numbering:
        part = document.part
        numbering = None
        for rel in part.rels.values():
            if rel.reltype.endswith("/numbering") and not rel.is_external:
                numbering = rel.target_part.element
        styles = part.styles.element if _has_styles(part) else None
        return cls(numbering, styles)

    def _load_numbering(self, root) -> None:
        for abstract in root.iter(_W + "abstractNum"):
            levels = {
                int(lvl.get(_W + "ilvl", "0")): _Level(lvl) for lvl in abstract.iter(_W + "lvl")
            }
            abstract_id = abstract.get(_W + "abstractNumId")
            self._abstract[abstract_id] = levels
            link = abstract.find(_W + "numStyleLink")
            if link is not None:
                self._style_link[abstract_id] = link.get(_W + "val")
        for num in root.iter(_W + "num"):
            num_id = num.get(_W + "numId")
            abstract_id = num.find(_W + "abstractNumId")
            if abstract_id is not None:
                self._num_abstract[num_id] = abstract_id.get(_W + "val")
            for override in num.iter(_W + "lvlOverride"):
                start = override.find(_W + "startOverride")
                if start is not None:
                    level = int(override.get(_W + "ilvl", "0"))
                    self._start_override[(num_id, level)] = int(start.get(_W + "val", "1"))

    def _load_styles(self, root) -> None:
        for style in root.iter(_W + "style"):
            style_id = style.get(_W + "styleId")
            based_on = style.find(_W + "basedOn")
            if based_on is not None:
                self._style_based_on[style_id] = based_on.get(_W + "val")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self._style_numpr[style_id] = _read_numpr(num_pr)

    def _numpr_of(self, paragraph_element) -> tuple[str | None, int]:
        num_id, level = None, None
        own = paragraph_element.find(f"{_W}pPr/{_W}numPr")
        if own is not None:
            num_id, level = _read_numpr(own)
        style = paragraph_element.find(f"{_W}pPr/{_W}pStyle")
        style_id = style.get(_W + "val") if style is not None else None
        seen = set()
        while style_id and style_id not in seen and (num_id is None or level is None):
            seen.add(style_id)
            style_num, style_level = self._style_numpr.get(style_id, (None, None))
            num_id = num_id if num_id is not None else style_num
            level = level if level is not None else style_level
            style_id = self._style_based_on.get(style_id)
        return num_id, level or 0

    def label_for(self, paragraph) -> str:
        """The displayed label of `paragraph` ('' when it is not numbered); advances counters."""
        num_id, level = self._numpr_of(paragraph._p)
        if not num_id or num_id == "0":
            return ""
        levels = self._levels(num_id)
        if level not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        start = self._start(num_id, level, levels)
        counters[level] = counters[level] + 1 if level in counters else start
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a number at this level restarts the deeper ones

        def placeholder(match: re.Match) -> str:
            ref = int(match.group(1)) - 1
            if ref not in levels:
                return ""
            value = counters.get(ref, self._start(num_id, ref, levels))
            return format_number(value, levels[ref].num_fmt)

        if levels[level].num_fmt == "bullet":
            return ""
        label = _PLACEHOLDER.sub(placeholder, levels[level].text)
        if label and label[-1].isalnum():
            label += "\u3000"  # Word shows a tab after a bare number; keep it apart from text
        return label

    def _levels(self, num_id: str, depth: int = 0) -> dict[int, _Level]:
        """The level definitions of a list, following `w:numStyleLink`: Word's multilevel lists
        tied to a numbering style keep their levels on the style's own abstractNum."""
        abstract_id = self._num_abstract.get(num_id, "")
        levels = self._abstract.get(abstract_id, {})
        style_id = self._style_link.get(abstract_id)
        if levels or not style_id or depth > 3:
            return levels
        linked_num, _ = self._style_numpr.get(style_id, (None, None))
        return self._levels(linked_num, depth + 1) if linked_num else {}

    def _start(self, num_id: str, level: int, levels: dict[int, _Level]) -> int:
        return self._start_override.get((num_id, level), levels[level].start)


def _read_numpr(num_pr) -> tuple[str | None, int | None]:
    num_id = num_pr.find(_W + "numId")
    ilvl = num_pr.find(_W + "ilvl")
    return (
        num_id.get(_W + "val") if num_id is not None else None,
        int(ilvl.get(_W + "val", "0")) if ilvl is not None else None,
    )


def _has_styles(part) -> bool:
    return any(rel.reltype.endswith("/styles") for rel in part.rels.values())
