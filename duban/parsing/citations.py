"""Stage — cited documents: ``《title》（甘政发〔2011〕41号）`` and bare numbers.

A document number is ``机关代字〔年份〕序号号``. Copies write the year brackets as ``〔〕`` ``[]``
``()`` ``【】`` ``［］`` ``﹝﹞``; all are normalised to ``〔〕``. The 机关代字 is the run of
characters before the bracket, cut after the words that commonly precede a number in running
text (``根据``, ``按照`` …), so ``根据甘政发〔2011〕41号`` cites ``甘政发〔2011〕41号``.
"""

from __future__ import annotations

import re

from duban.parsing.document import CitedDocument

DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,10})\s*[〔\[［【(（﹝]\s*((?:19|20)\d{2})\s*[〕\]］】)）﹞]\s*(\d{1,5})\s*([号號])"
)
# DOC_NUMBER in two parts: the bracketed year and serial, then the code right before them.
_YEAR_AND_SERIAL = re.compile(
    r"[〔\[［【(（﹝]\s*((?:19|20)\d{2})\s*[〕\]］】)）﹞]\s*(\d{1,5})\s*([号號])"
)
_CODE_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,10})\s*$")
# Words that end the running text before a 机关代字: the code starts after the last of them.
_LEADING_WORDS = re.compile(
    r".*(?:根据|按照|依据|对照|参照|贯彻|落实|执行|印发|转发|文件|的|和|及|与|是|见)"
)
_TITLE_BEFORE = re.compile(r"《([^《》\n]{1,300})》\s*[（(]?\s*$")
_DOC_NUMBER_LINE = re.compile(
    r"[（(]?\s*[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（﹝]\s*(?:19|20)\d{2}\s*[〕\]］】)）﹞]\s*\d{1,5}\s*[号號]\s*[）)]?"
)


def is_doc_number_line(text: str) -> bool:
    """A line holding nothing but a document number, as printed under a title."""
    return _DOC_NUMBER_LINE.fullmatch(text) is not None


def find_citations(text: str) -> list[CitedDocument]:
    """Every document number in ``text`` with the title just before it, in order."""
    found: list[CitedDocument] = []
    if "号" not in text and "號" not in text:
        return found  # most paragraphs cite nothing; skip the scan
    previous_end = 0
    for m in _YEAR_AND_SERIAL.finditer(text):
        # The 机关代字 ends right before the bracket; looking back from each bracketed year
        # costs far less than trying DOC_NUMBER's run of characters at every position.
        written = _CODE_BEFORE.search(text, max(previous_end, m.start() - 20), m.start())
        if not written:
            continue
        previous_end = m.end()
        code = _LEADING_WORDS.sub("", written.group(1))
        if not code:
            continue
        number = f"{code}〔{m.group(1)}〕{m.group(2)}{m.group(3)}"
        start = written.start(1) + len(written.group(1)) - len(code)
        window = text[max(0, start - 320) : start]
        title = _TITLE_BEFORE.search(window)
        found.append(CitedDocument(number=number, title=title.group(1) if title else None))
    return found


def unique_citations(
    citations: list[CitedDocument], *, own_number: str | None
) -> list[CitedDocument]:
    """Unique by number in first-seen order, the document's own number left out."""
    seen: dict[str, CitedDocument] = {}
    for citation in citations:
        if citation.number == own_number:
            continue
        if citation.number not in seen:
            seen[citation.number] = citation
        elif seen[citation.number].title is None and citation.title:
            seen[citation.number].title = citation.title
    return list(seen.values())
