"""Stage 2 — lines and blocks: rebuild the logical paragraphs the text was written in.

A ``.txt`` copy of a policy document comes in one of two shapes. Most hold one paragraph per
line (indented with ``\\u3000\\u3000`` or not). Copies taken from PDF are hard-wrapped: every
line is cut at the page width, so a paragraph spans several lines. The shape is detected once
(many long lines ending mid-sentence), and lines are joined accordingly:

- hard-wrapped: a line as long as the page width continues on the next line unless the next
  line is indented (where the copy indents), numbered, a list label or a date;
- one paragraph per line: lines are joined only where the first ends mid-sentence
  (``，`` ``、``), or, above the body, where a short heading line continues on the next
  (``甘肃省2012年经济体制改革`` / ``重点工作意见`` → one title).
"""

from __future__ import annotations

import re
from collections import Counter

from duban.parsing.citations import is_doc_number_line
from duban.parsing.normalize import recognition_view
from duban.parsing.numbering import match_label
from duban.parsing.state import Paragraph, ParseState
from duban.parsing.vocabulary import FOOTER_LINES, WEB_PAGE_FIELDS, WEB_PAGE_OTHER_FIELDS

SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b"
# Marks after which a line is a finished sentence or block.
TERMINAL = "。；;：:！!？?）)」』”》…"
# Above the body a title may break right after a book title it names
# (…关于贯彻《某某条例》 / 加快某某发展的实施意见): there 》 ends no block.
HEADER_TERMINAL = TERMINAL.replace("》", "")
# A sentence's punctuation, which a title's line does not hold.
SENTENCE_MARKS = re.compile("[。，；;,]")
# Marks after which a line surely continues.
CONTINUING = "，,、（(《“"
DATE_LINE = re.compile(
    r"[〇一二三四五六七八九\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月"
    r"\s*[一二三四五六七八九十\d]{1,3}\s*日(?:印发|发布|印)?"
    # the publication note run onto the date's line: 2023年2月20日（此件公开发布）
    r"(?:\s*[（(]此件[^）)]*[）)])?"
)
LIST_LABEL_LINE = re.compile(
    r"[（(]?(?:牵头|责任|配合|参与|协办|主办|承办|协同|主责|实施)(?:单位|部门|主体)?\s*[：:]"
    r"|(?:主管|分管)?省?(?:级)?领导\s*[：:]|(?:完成)?时限\s*[：:]|完成时间\s*[：:]"
)
FOOTER = re.compile("|".join(f"(?:{pattern})" for pattern in FOOTER_LINES))
# The list of attachments under the text (附件：1．…任务分解表 / 2．…名单), and its further lines.
# 附件 / 附件2 / 附件：, alone on its line above the attached text.
ATTACHMENT_HEADING = re.compile(r"附件\s*\d{0,2}\s*[：:]?")
ATTACHMENT_LIST = re.compile(r"附件\s*\d*\s*：")
ATTACHMENT_ENTRY = re.compile(r"\d{1,2}\s*[.．、][^。；：]{1,80}")
# A short label and its value (发文字号：白政办发〔2023〕15号).
FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{2,5}\s*[：:]\s*\S")
# A field of a website's information table: one line, never continued.
WEB_FIELD_LINE = re.compile(
    "(?:"
    + "|".join([*(label for labels in WEB_PAGE_FIELDS.values() for label in labels),
                *WEB_PAGE_OTHER_FIELDS])
    + r")\s*[：:]"
)  # fmt: skip
HEADER_LINE_MAX = 40
SIGNER_MAX = 40
# Header lines that are never the title: the red head (XX人民政府文件), the signer, urgency
# and copy marks, attachment headings.
NOT_A_TITLE = re.compile(
    r".{2,30}文件|签发人.*|特急|加急|急件|平急|明电|\d{4,8}|附件\s*\d*\s*[：:]?"
)
# The red head of an official document (白石市人民政府办公室文件), repeated by some printers.
RED_HEAD = re.compile(r"[^，。；：:、（）()《》]{2,30}文件")
# Page furniture of a copy taken from print: page numbers (— 2 —, 第2页 共4页).
PAGE_NUMBER = re.compile(
    r"[—\-－–~·]*\s*\d{1,3}\s*[—\-－–~·]*|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?"
)


def is_date_line(text: str) -> bool:
    return DATE_LINE.fullmatch(text) is not None


def is_footer_line(text: str) -> bool:
    """抄送 lines, 印发 lines, （此件公开发布）, （联系人：…）, in simplified or traditional."""
    return FOOTER.match(recognition_view(text)) is not None


def split_paragraphs(state: ParseState) -> None:
    lines = _drop_page_furniture(
        [(line.strip(SPACES), line[:1] in SPACES) for line in state.text.split("\n")]
    )
    width = _wrapped_width(lines)
    uses_indent = sum(1 for text, indented in lines if text and indented) >= 3
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    seen_numbering = started_numbered = previous_indented = False
    previous = ""
    for index, (text, indented) in enumerate(lines):
        if not text:
            _flush(paragraphs, parts)
            previous, previous_indented = "", False
            continue
        numbered = match_label(text) is not None
        heading = len(parts) == 1 and started_numbered
        if (
            parts
            and not _is_signer(text, lines, index)
            and _continues(
                previous,
                text,
                indented,
                numbered,
                width,
                uses_indent,
                seen_numbering,
                heading,
                previous_indented,
            )
        ):
            parts.append(text)
        else:
            _flush(paragraphs, parts)
            parts.append(text)
            paragraphs.append(Paragraph(text="", indented=indented))
            started_numbered = numbered
        # An attached text starts over: its title may be broken over lines like the first.
        seen_numbering = (seen_numbering or numbered) and not ATTACHMENT_HEADING.fullmatch(text)
        previous, previous_indented = text, indented
    _flush(paragraphs, parts)
    state.paragraphs = [p for p in paragraphs if p.text]


def _is_signer(text: str, lines: list[tuple[str, bool]], index: int) -> bool:
    """A signing body's line: short, unpunctuated, right above the date line. In a hard-wrapped
    copy it would otherwise continue the full line above it."""
    below = lines[index + 1][0] if index + 1 < len(lines) else ""
    return (
        is_date_line(below)
        and len(text) <= SIGNER_MAX
        and not re.search("[。，；：:;,、《》（）()]", text)
    )


def _flush(paragraphs: list[Paragraph], parts: list[str]) -> None:
    if parts:
        paragraphs[-1].text = "".join(parts)
        parts.clear()


def _continues(
    previous: str,
    line: str,
    indented: bool,
    numbered: bool,
    width: int | None,
    uses_indent: bool,
    in_body: bool,
    heading: bool = False,
    previous_indented: bool = False,
) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``previous``.

    ``heading``: ``previous`` is the first line of a numbered paragraph; ``previous_indented``:
    ``previous`` was indented.
    """
    if (
        numbered
        or LIST_LABEL_LINE.match(recognition_view(line))
        or is_date_line(line)
        or is_doc_number_line(line)
        or is_footer_line(line)
        or ATTACHMENT_LIST.match(line)
    ):
        return False
    if is_date_line(previous) or is_doc_number_line(previous) or is_footer_line(previous):
        return False
    if WEB_FIELD_LINE.match(previous) or (FIELD_LINE.match(previous) and FIELD_LINE.match(line)):
        return False  # 索引号：… / 发文字号：… — a website's information table, a field a line
    if uses_indent and indented:
        # An indented line opens a paragraph, unless it goes on a title centred by indenting
        # each of its lines: short and without a sentence's punctuation, like the line above.
        return (
            not in_body
            and previous_indented
            and not SENTENCE_MARKS.search(line)
            and _title_goes_on(previous, line)
        )
    if (
        not in_body
        and line.startswith("各")
        and line[-1] in "：:"
        and previous[-1] not in CONTINUING
    ):
        return False  # the recipients (各县区人民政府，市政府各部门：) start after the title
    if width and len(previous) >= width * 0.75:
        return uses_indent or previous[-1] not in TERMINAL
    if previous[-1] in CONTINUING:
        return True
    if heading and uses_indent and previous[-1] not in TERMINAL and len(line) <= HEADER_LINE_MAX:
        return True  # a heading broken over lines in an indented copy: the rest is not indented
    if in_body:
        return False
    return (not indented or previous_indented) and _title_goes_on(previous, line)


def _title_goes_on(previous: str, line: str) -> bool:
    """Above the body: a title broken over lines. Headings are short and unpunctuated."""
    return (
        previous[-1] not in HEADER_TERMINAL
        and line[-1] not in "：:"
        and len(previous) <= HEADER_LINE_MAX
        and len(line) <= HEADER_LINE_MAX
        and "：" not in previous
        and ":" not in previous
        and not NOT_A_TITLE.fullmatch(previous)
        and match_label(previous) is None
    )


def _drop_page_furniture(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Leave out page numbers and the running header (the document number, and the red head
    ``XX人民政府文件`` above it, repeated on every page), which would otherwise cut paragraphs
    that run across pages."""
    kept = []
    seen_heads: set[str] = set()
    for text, indented in lines:
        if text and PAGE_NUMBER.fullmatch(text):
            continue
        if text and (is_doc_number_line(text) or RED_HEAD.fullmatch(text)):
            if text in seen_heads:
                continue
            seen_heads.add(text)
        kept.append((text, indented))
    return kept


def _wrapped_width(lines: list[tuple[str, bool]]) -> int | None:
    """The page width of a hard-wrapped copy, or None for one paragraph per line."""
    long_lines = [
        text
        for text, _ in lines
        if len(text) >= 15
        and not LIST_LABEL_LINE.match(recognition_view(text))
        and not is_footer_line(text)
        and not ATTACHMENT_LIST.match(text)
    ]
    if len(long_lines) < 5:
        return None
    unfinished = sum(1 for text in long_lines if text[-1] not in TERMINAL)
    if unfinished / len(long_lines) < 0.4:
        return None
    width, _count = Counter(len(text) for text in long_lines).most_common(1)[0]
    return width
