"""Stage 1 — text normalisation: one spelling for what the recognizers look for.

What is folded, and why:
- line ends (Windows ``\\r\\n``, old Mac ``\\r``) and form feeds → ``\\n``;
- Kangxi radicals (U+2F00–U+2FD5) and CJK Radicals Supplement forms → the unified ideograph
  they were mistaken for (``⼀`` → ``一``); PDF extraction produces them. Not a blanket NFKC,
  which would also turn full-width punctuation half-width;
- ``○``/``零``/``O`` inside a written-out year (``二○一二年``) → ``〇``;
- full-width digits → ASCII digits (``１２月底前``).
Every fold keeps one character for one character, except the line ends, so what the
recognizers find can be shown as written.

``recognition_view`` is what the recognizers read (department lists, labels, time phrases):
half-width ``( ) , : ;`` become full-width and traditional forms of the genre's markers
(``負責`` → ``负责``, ``牽頭`` → ``牵头``) simplified, from a reviewable table. It is separate
from ``normalize`` because names and titles are kept as the copy writes them (``省財政廳``,
``(试行)``); it keeps one character for each character, so a span found in the view slices
the text as written.
"""

from __future__ import annotations

import re
import unicodedata

from duban.parsing.vocabulary import RADICAL_SUPPLEMENT, TRADITIONAL_MARKERS

_KANGXI = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
_CHARACTER_FOLDS = str.maketrans(
    {
        **_KANGXI,
        **RADICAL_SUPPLEMENT,
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "\f": "\n",
        "\v": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\ufeff": "",
    }
)
_TRADITIONAL = re.compile(
    "|".join(sorted(map(re.escape, TRADITIONAL_MARKERS), key=len, reverse=True))
)
# A year written digit by digit in Chinese; ○ (circle), 零 and Latin O stand for 〇 there.
_WRITTEN_YEAR = re.compile(r"[一二三四五六七八九〇○零OoＯ]{4}(?=年)")
_ZERO_LOOKALIKES = str.maketrans({"○": "〇", "零": "〇", "O": "〇", "o": "〇", "Ｏ": "〇"})

# One character for one: spans found in the recognition view must slice the text as written.
assert all(len(k) == len(v) for k, v in TRADITIONAL_MARKERS.items())
_PUNCTUATION_FOLDS = (("(", "（"), (")", "）"), (",", "，"), (":", "："), (";", "；"))
_FOLDED_CHARACTER = re.compile("[" + "".join(re.escape(chr(c)) for c in _CHARACTER_FOLDS) + "]")
# Any character a traditional marker opens with: without one, no marker can match.
_TRADITIONAL_OPENING = re.compile(
    "[" + "".join({re.escape(m[0]) for m in TRADITIONAL_MARKERS}) + "]"
)


def normalize(text: str) -> str:
    """Return ``text`` with line ends, radicals, digits and written-out years folded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # str.translate looks every character up; a scan for the few that fold is far cheaper,
    # and most texts hold none of them.
    if _FOLDED_CHARACTER.search(text):
        text = text.translate(_CHARACTER_FOLDS)
    return _WRITTEN_YEAR.sub(lambda m: _fold_year(m.group()), text)


def _fold_year(year: str) -> str:
    # Only a run of four numerals ending in 年 with at least one real Chinese digit is a year.
    if not re.search(r"[一二三四五六七八九]", year):
        return year
    return year.translate(_ZERO_LOOKALIKES)


def recognition_view(text: str) -> str:
    """Punctuation full-width and markers simplified, one character for one."""
    # Five str.replace scans cost far less than one str.translate over CJK text.
    for half, full in _PUNCTUATION_FOLDS:
        if half in text:
            text = text.replace(half, full)
    if not _TRADITIONAL_OPENING.search(text):
        return text
    return _TRADITIONAL.sub(lambda m: TRADITIONAL_MARKERS[m.group()], text)
