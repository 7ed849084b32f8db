"""Odd input gives a Document or a ParseError, never another exception.

Decisions: empty or blank text → an empty Document; text with no numbering → a Document with
its meta and no items; anything but ``str`` → ``ParseError``.
"""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duban.parsing import ParseError, parse_text
from duban.parsing.tests.test_founding_document import TEXT

PIECES = [
    "一、",
    "（一）",
    "(二)",
    "1．",
    "2.",
    "3、",
    "（1）",
    "①",
    "⼀",
    "（",
    "）",
    "(",
    ")",
    "，",
    "。",
    "；",
    "：",
    "、",
    "《",
    "》",
    "〔",
    "〕",
    "牵头",
    "负责",
    "等负责",
    "牵头单位：",
    "配合单位:",
    "省财政厅",
    "与",
    "和",
    "年底前",
    "6月底前",
    "二○一二年四月二十八日",
    "\n",
    "\r\n",
    "\u3000",
    " ",
    "号",
    "甘政发〔2012〕",
    "力争用2-3年时间",
    "超千亿元",
    "80%以上",
]


@pytest.mark.parametrize("text", ["", " ", "\n\n\u3000\n", "\ufeff"])
def test_empty_text_gives_an_empty_document(text):
    doc = parse_text(text)
    assert (doc.items, doc.cited_documents, doc.closing, doc.meta.title) == ([], [], None, "")


def test_text_without_numbering_gives_no_items_but_keeps_its_meta():
    doc = parse_text(
        "关于做好春耕工作的通知\n各县区：\n　　请做好春耕准备工作。\n某某县人民政府\n2024年3月1日"
    )
    assert doc.items == []
    assert (doc.meta.title, doc.meta.date) == ("关于做好春耕工作的通知", "2024-03-01")


@pytest.mark.parametrize("value", [None, b"\xe4\xb8\x80\xe3\x80\x81", 42])
def test_anything_but_text_is_a_parse_error(value):
    with pytest.raises(ParseError):
        parse_text(value)


def test_unbalanced_brackets_and_bare_labels_parse():
    doc = parse_text("一、\n（一）推进（省财政厅负责\n（二））牵头单位：\n三、")
    # Bare labels open nothing, so （一） is the first style met: level 1.
    assert [(item.path, item.departments) for item in doc.walk()] == [("1", []), ("2", [])]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_random_genre_text_never_raises(pieces):
    parse_text("".join(pieces))


def test_parse_time_grows_linearly():
    text = TEXT.read_text(encoding="utf-8") + "\n"
    one = _seconds(text * 8)
    four = _seconds(text * 32)
    # Linear: about 4×. A quadratic step would give about 16×; the margin absorbs a busy machine.
    assert four < one * 4 * 2, (one, four)


def _seconds(text: str) -> float:
    """The best of three runs, so that another process's burst does not count."""
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        parse_text(text)
        timings.append(time.perf_counter() - start)
    return min(timings)
