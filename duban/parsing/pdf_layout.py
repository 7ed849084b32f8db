"""Rebuild the paragraphs of a PDF text layer that the page layout broke into lines.

A PDF stores lines, not paragraphs. A line that reaches the right margin continues on the next
line; a new paragraph starts at an indented line (the genre indents two characters), at a
numbered line (`一、` `（二）` `3．`), or after a line that stops short of the margin. Page numbers
(`- 3 -`, `—3—`, `3`, `第3页`) and the running header or footer (the same text at the top or
bottom of most pages) are dropped before joining.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from .blocks import is_date_line, is_footer_line
from .normalize import normalize

PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‒―~～]*\s*\d{1,4}\s*[-—–－‒―~～]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
# A line opening with a label of the genre starts a paragraph.
NUMBERED_LINE = re.compile(
    r"^(?:[一二三四五六七八九十⼀⼆⼘⼋⼗]{1,3}[、⼂]"
    r"|[（(][一二三四五六七八九十⼀⼆⼘⼋⼗\d]{1,3}[）)]"
    r"|\d{1,3}[．.、](?!\d)"
    r"|[①-⑳⑴-⒇⒈-⒛㈠-㈩])"
)
_PARAGRAPH_ENDS = ("。", "；", "：", "！", "？", "”", "）", ")", ";", ":")
_MAX_PUSHED_CHARS = 4
_MIN_RIGHT_MARGIN = 0.75  # as a share of the page width
_MARGIN_SHARE = 0.12  # top/bottom share of the page where headers, footers and numbers sit
_RIGHT_ALIGNED_INDENT = 4  # characters; a paragraph's first line is indented two


@dataclass
class Line:
    """One text line; positions are shares of the page width (x) and height (top, bottom)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    char_width: float


def page_lines(page) -> list[Line]:
    """The text lines of one pdfplumber page, top to bottom, running header and number kept."""
    lines = []
    for raw in page.extract_text_lines(strip=True, return_chars=True):
        text = raw["text"]
        if not text.strip():
            continue
        widths = [c["x1"] - c["x0"] for c in raw.get("chars", []) if c.get("text", " ").strip()]
        width = statistics.median(widths) if widths else 10.0
        lines.append(Line(text, raw["x0"], raw["x1"], raw["top"], raw["bottom"], width))
    width, height = float(page.width), float(page.height)
    for line in lines:
        line.x0, line.x1, line.char_width = (
            line.x0 / width,
            line.x1 / width,
            line.char_width / width,
        )
        line.top, line.bottom = line.top / height, line.bottom / height
    return lines


def rebuild_paragraphs(pages: list[list[Line]]) -> str:
    """The text of `pages` (lines in page-relative coordinates), one paragraph per line."""
    repeated = _repeated_edges(pages)
    pages = [_drop_furniture(lines, repeated) for lines in pages]
    body = [line for lines in pages for line in lines]
    if not body:
        return ""
    char_width = statistics.median(line.char_width for line in body)
    left = _mode(line.x0 for line in body)
    # The right margin is where the longest lines stop: justified lines end exactly there,
    # ragged ones within a character of it. A page of short lines only (headings) has no full
    # line; no text area ends before three quarters of the page width.
    right = max(max(line.x1 for line in body), _MIN_RIGHT_MARGIN)
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in body:
        if previous is None or _starts_paragraph(previous, line, left, right, char_width):
            paragraphs.append(line.text.strip())
        else:
            paragraphs[-1] = _join(paragraphs[-1], line.text.strip())
        previous = line
    return "\n".join(paragraphs)


def _starts_paragraph(previous: Line, line: Line, left: float, right: float, char: float) -> bool:
    if NUMBERED_LINE.match(line.text.lstrip()):
        return True
    # The signature block and the footer (抄送：…, …印发) are lines of their own, though a
    # right-aligned signature line reaches the margin as a full line does.
    previous_text, text = normalize(previous.text.strip()), normalize(line.text.strip())
    if is_date_line(previous_text) or is_footer_line(previous_text) or is_footer_line(text):
        return True
    if (previous.x0 - left) / char > _RIGHT_ALIGNED_INDENT and (right - previous.x1) / char < 1:
        return True
    short_by = (right - previous.x1) / char
    if short_by > 1.5:
        # Line breaking rules (no 。，； at a line start, no break inside 2024) push a word or
        # two to the next line, so a ragged line can stop short by a few characters and still
        # continue: it ends the paragraph only when it ends a sentence or stops well short.
        if short_by > _MAX_PUSHED_CHARS or previous.text.rstrip().endswith(_PARAGRAPH_ENDS):
            return True
    indent = (line.x0 - left) / char
    if indent > 0.8:
        # An indented first line starts a paragraph; a centred line after a full line is the
        # rest of a long centred title that wrapped.
        centred = abs((line.x0 - left) - (right - line.x1)) < char and indent > 3
        return not (centred and short_by <= 1.5)
    return False


def _drop_furniture(lines: list[Line], repeated: set[str]) -> list[Line]:
    kept = []
    for line in lines:
        at_edge = line.top < _MARGIN_SHARE or line.bottom > 1 - _MARGIN_SHARE
        text = re.sub(r"\s+", "", line.text)
        if at_edge and PAGE_NUMBER.match(text):
            continue
        if at_edge and _shape(text) in repeated:
            continue
        kept.append(line)
    return kept


def _repeated_edges(pages: list[list[Line]]) -> set[str]:
    """Texts (digits masked) found at the top or bottom edge of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {
            _shape(re.sub(r"\s+", "", line.text))
            for line in lines
            if line.top < _MARGIN_SHARE or line.bottom > 1 - _MARGIN_SHARE
        }
        counts.update(edge)
    needed = max(2, (len(pages) + 1) // 2 + (1 if len(pages) > 2 else 0))
    return {text for text, count in counts.items() if count >= needed}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _mode(values) -> float:
    rounded = Counter(round(value, 3) for value in values)
    return float(rounded.most_common(1)[0][0])


def _join(head: str, tail: str) -> str:
    if (
        head
        and tail
        and head[-1].isascii()
        and head[-1].isalnum()
        and tail[0].isascii()
        and (tail[0].isalnum())
    ):
        return head + " " + tail
    return head + tail


def join_cell_lines(cell: str) -> str:
    """A table cell's wrapped lines as one text (no space between Chinese characters)."""
    text = ""
    for part in cell.split("\n"):
        text = _join(text, part.strip())
    return text
