"""Stage — meta: title, document number, issuer, date and recipients.

They are read from the paragraphs above the first numbered item (the header) and from the
signature block at the very end (the trailer), which documents without a cover note print
after the text. A cover note that forwards a text
(``省政府同意省发展改革委《…》，现转发给你们``) names the forwarded text's title, which is the
title Duban keeps (corpus convention 7).
"""

from __future__ import annotations

import datetime as dt
import re

import cn2an

from duban.parsing.blocks import (
    ATTACHMENT_ENTRY,
    ATTACHMENT_HEADING,
    ATTACHMENT_LIST,
    FIELD_LINE,
    NOT_A_TITLE,
    is_date_line,
    is_footer_line,
)
from duban.parsing.citations import DOC_NUMBER, is_doc_number_line
from duban.parsing.state import Paragraph, ParseState
from duban.parsing.vocabulary import BODY_WORDS, WEB_PAGE_FIELDS

COVER_NOTE = re.compile(
    r"《([^《》\n]{4,200})》[^《》。\n]{0,40}?(?:[转轉印下])?[发發][给給]你[们們]"
)
_NESTED_TITLE_MARKS = str.maketrans("〈〉", "《》")
_PUNCTUATION = re.compile(r"[。，；：:;,！？]")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_WEB_FIELD = {
    field: re.compile(r"(?:" + "|".join(labels) + r")\s*[：:]\s*(.+)")
    for field, labels in WEB_PAGE_FIELDS.items()
}
_ISO_DATE = re.compile(r"((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})")
ISSUER_MAX = 40
TITLE_MAX = 90


def read_meta(state: ParseState) -> None:
    paragraphs = state.paragraphs
    body_start = len(paragraphs) if state.body_start is None else state.body_start
    header = paragraphs[:body_start]
    state.trailer_start = _trailer_start(paragraphs, body_start)
    trailer = paragraphs[state.trailer_start :]
    meta = state.meta
    meta.doc_number = _doc_number(header)
    meta.recipients = _recipients(header)
    meta.date, meta.issuer = _date_and_issuer(header)
    if meta.date is None:
        meta.date, meta.issuer = _date_and_issuer(trailer)
    _fill_from_web_page_fields(meta, header)
    meta.title = _title(header, meta.recipients)
    if state.year is None:
        state.year = _document_year(meta.title, meta.date, meta.doc_number)


def _fill_from_web_page_fields(meta, header: list[Paragraph]) -> None:
    """What the document itself does not print, from a website's information table."""
    for paragraph in header:
        for field, pattern in _WEB_FIELD.items():
            m = pattern.match(paragraph.text)
            if not m or getattr(meta, field) is not None:
                continue
            value = m.group(1).strip()
            if field == "doc_number":
                cited = DOC_NUMBER.search(value)
                value = (
                    cited
                    and f"{cited.group(1)}〔{cited.group(2)}〕{cited.group(3)}{cited.group(4)}"
                )
            elif field == "date":
                iso = _ISO_DATE.match(value)
                value = _iso_date(*iso.groups()) if iso else parse_date(value)
            setattr(meta, field, value or None)


def _iso_date(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """``二〇一二年四月二十八日`` or ``2012年4月28日`` → ``2012-04-28``."""
    try:
        arabic = cn2an.transform(text, "cn2an")
    except (ValueError, KeyError, IndexError):
        arabic = text
    m = _DATE.search(arabic)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _trailer_start(paragraphs: list[Paragraph], body_start: int) -> int:
    """Index of the signature and footer block at the end (attachment list, issuer, date,
    抄送 …), or of the signature when attachments that are no numbered text follow it."""
    start = _footer_start(paragraphs, body_start)
    if start == len(paragraphs) or not is_date_line(paragraphs[start].text):
        signed = _signature_before_attachments(paragraphs, body_start)
        if signed is not None:
            return signed
    return start


def _signature_before_attachments(paragraphs: list[Paragraph], body_start: int) -> int | None:
    """The last signature (an issuer's line above a date line) that an attachment heading
    follows with no numbered item after it: a 附件 table or list printed below the signature
    (``find_attached_text`` takes numbered attached text as the body instead)."""
    for index in range(len(paragraphs) - 2, body_start, -1):
        if paragraphs[index].level:
            return None
        if (
            is_date_line(paragraphs[index].text)
            and ATTACHMENT_HEADING.match(paragraphs[index + 1].text)
            and _looks_like_issuer(paragraphs[index - 1].text)
        ):
            return index - 1
    return None


def _footer_start(paragraphs: list[Paragraph], body_start: int) -> int:
    start = len(paragraphs)
    while start > body_start:
        text = paragraphs[start - 1].text
        below = paragraphs[start].text if start < len(paragraphs) else ""
        is_issuer = is_date_line(below) and _looks_like_issuer(text)
        if is_date_line(text) or is_footer_line(text) or is_issuer:
            start -= 1
            continue
        # The list of attachments, above the signature or below it.
        above = _attachment_list_start(paragraphs, body_start, start)
        if above == start:
            break
        start = above
    return start


def _attachment_list_start(paragraphs: list[Paragraph], body_start: int, end: int) -> int:
    """Where the list of attachments right above ``end`` starts (``附件：1．…`` and its further
    entries ``2．…``), or ``end`` when there is none: the list names files, it is no item."""
    start = end
    while start > body_start and ATTACHMENT_ENTRY.fullmatch(paragraphs[start - 1].text):
        start -= 1
    if start > body_start and ATTACHMENT_LIST.match(paragraphs[start - 1].text):
        return start - 1
    return end


def _looks_like_issuer(text: str) -> bool:
    return len(text) <= ISSUER_MAX and not _PUNCTUATION.search(text) and "《" not in text


def _doc_number(header: list[Paragraph]) -> str | None:
    for paragraph in header:
        if is_doc_number_line(paragraph.text):
            m = DOC_NUMBER.search(paragraph.text)
            if m:
                return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}{m.group(4)}"
    return None


def _recipients(header: list[Paragraph]) -> list[str]:
    for paragraph in header:
        text = paragraph.text
        if (
            text[-1] in "：:"
            and len(text) <= 150
            and not re.search("[。《》]", text)
            and ("各" in text or text[:-1].endswith(BODY_WORDS))
        ):
            return [name.strip() for name in re.split("[，,；;]", text[:-1]) if name.strip()]
    return []


def _date_and_issuer(paragraphs: list[Paragraph]) -> tuple[str | None, str | None]:
    for index, paragraph in enumerate(paragraphs):
        if is_date_line(paragraph.text):
            date = parse_date(paragraph.text)
            above = paragraphs[index - 1].text if index else ""
            return date, above if above and _looks_like_issuer(above) else None
    return None, None


def _title(header: list[Paragraph], recipients: list[str]) -> str:
    # A notice whose 附件 holds the text: the attached text's title is the document's (a
    # 附件 heading standing alone, then the title), whatever the notice calls it.
    attached = next((i for i, p in enumerate(header) if ATTACHMENT_HEADING.fullmatch(p.text)), None)
    if attached is not None:
        title = _first_title_line(header[attached + 1 :])
        if title:
            return title
    for paragraph in header:
        m = COVER_NOTE.search(paragraph.text)
        if m:
            # Inside 《》 a title's own book titles are written 〈〉; standing alone, 《》 again.
            return m.group(1).strip().translate(_NESTED_TITLE_MARKS)
    return _first_title_line(header)


def _first_title_line(header: list[Paragraph]) -> str:
    for index, paragraph in enumerate(header):
        text = paragraph.text
        below = header[index + 1].text if index + 1 < len(header) else ""
        if (
            is_doc_number_line(text)
            or is_date_line(text)
            or is_date_line(below)
            or text[-1] in "。：:；;"
            or len(text) > TITLE_MAX
            or is_footer_line(text)
            or NOT_A_TITLE.fullmatch(text)
            or FIELD_LINE.match(text)
        ):
            continue
        return re.sub(r"\s+", "", text)
    return ""


def _document_year(title: str, date: str | None, doc_number: str | None) -> int | None:
    for source in (title, date and date[:4] + "年", doc_number and _bracket_year(doc_number)):
        m = _YEAR.search(source or "")
        if m:
            return int(m.group(1))
    return None


def _bracket_year(doc_number: str) -> str | None:
    m = re.search(r"〔(\d{4})〕", doc_number)
    return m.group(1) + "年" if m else None
