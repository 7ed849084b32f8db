"""Properties of the parser on input nobody wrote on purpose.

- `parse_text` and `decode_text` raise nothing but `ParseError`, whatever they are given:
  random text in the genre's alphabet, random bytes, or a founding document mutated at random;
- text encoded as UTF-8, UTF-8 with BOM, UTF-16 or GB18030 decodes back to itself;
- the cost of parsing grows linearly: k concatenated copies cost about k times one copy. The
  check is a ratio of two measurements on the same machine, never a number of seconds.
"""

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.parsing import parse_text
from duban.parsing.document import ParseError
from duban.parsing.readers import decode_text

FOUNDING = Path(__file__).resolve().parents[2] / "samples" / "gansu-2012-reform-opinions.txt"
LOCAL = Path(__file__).parent / "corpus" / "jiangchuan-2023-reform-opinions.txt"
DOCUMENTS = [path.read_text(encoding="utf-8") for path in (FOUNDING, LOCAL) if path.exists()]

# The characters policy documents are made of, weighted towards what the recognizers react to.
GENRE_PIECES = [
    "一、", "二、", "十一、", "（一）", "（十二）", "1．", "2.", "（3）", "①", "⑳", "⼀、",
    "（", "）", "(", ")", "，", "。", "；", "：", ":", "、", "《", "》", "〔", "〕", "[", "]",
    "牵头", "负责", "等负责", "配合", "参与", "牵头单位：", "责任单位:", "配合单位：", "等",
    "省财政厅", "省发展改革委", "市直有关部门", "各县（区）人民政府", "与", "和", "及",
    "年底前", "6月底前", "2024年", "二○二三年三月十五日", "年内", "持续推进",
    "甘政发〔2012〕53号", "现转发给你们", "\n", "\n\n", "\u3000\u3000", " ", "\r\n",
    "达到", "%", "不低于", "亿元", "以上",
]  # fmt: skip
genre_text = st.lists(
    st.one_of(st.sampled_from(GENRE_PIECES), st.text(max_size=4)), max_size=200
).map("".join)
common_text = st.text(
    alphabet=st.sampled_from(
        "改革任务推进深化完善建立健全省市县区政府部门单位一二三年月日，。、；：（）\n"
    ),
    min_size=1,
    max_size=300,
).filter(str.strip)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_or_refuse(text: str) -> None:
    try:
        parse_text(text)
    except ParseError:
        pass


@FAST
@given(genre_text)
def test_parse_text_raises_only_parse_error_on_random_genre_text(text):
    parse_or_refuse(text)


@FAST
@given(st.text(max_size=500))
def test_parse_text_raises_only_parse_error_on_any_unicode(text):
    parse_or_refuse(text)


@st.composite
def mutated_documents(draw):
    text = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start, min(len(text), start + 400)))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        elif action == "insert":
            text = text[:start] + draw(st.sampled_from(GENRE_PIECES)) + text[start:]
        elif action == "swap":
            text = text[start:end] + text[:start] + text[end:]
        else:
            text = text[:start]
    return text


@FAST
@given(mutated_documents())
def test_parse_text_raises_only_parse_error_on_mutated_documents(text):
    parse_or_refuse(text)


@FAST
@given(st.binary(max_size=2000))
def test_decode_text_raises_only_parse_error_on_random_bytes(data):
    try:
        decode_text(data, "upload.txt")
    except ParseError as exc:
        assert "upload.txt" in str(exc)


@FAST
@given(common_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_text_decodes_back_to_itself_in_every_supported_encoding(text, encoding):
    decoded = decode_text(text.encode(encoding), "plan.txt")
    assert decoded.text == text


def _cost(text: str, repeats: int = 3) -> float:
    # CPU time of this process: on a shared machine the wall clock measures the others' work.
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        parse_text(text)
        best = min(best, time.process_time() - started)
    return best


@settings(max_examples=3, deadline=None)
@given(st.sampled_from([4, 6, 8]))
def test_parsing_cost_grows_linearly_with_the_length(copies):
    document = DOCUMENTS[0]
    one = _cost(document)
    many = _cost("\n".join([document] * copies), repeats=2)
    # Linear: about `copies` times one copy. Quadratic behaviour would be `copies` times more
    # again; the factor 3 only absorbs noise on a shared machine.
    assert many < 3 * copies * one, f"{copies} copies cost {many / one:.1f}× one copy"


TABLE_CELLS = ["", "一", "二、", "（三）", "1", "2.", "1.6.1", "推进改革", "省财政厅", "省税务局牵头",
               "年内", "6月底前", "三、强化保障", "序号", "牵头单位", "重点任务"]  # fmt: skip
table_rows = st.lists(
    st.lists(st.one_of(st.sampled_from(TABLE_CELLS), st.text(max_size=6)), max_size=8),
    max_size=12,
)
HEADERS = st.permutations(["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限"])


@FAST
@given(HEADERS, table_rows)
def test_parse_table_raises_only_parse_error_on_random_rows(header, rows):
    from duban.parsing.sources import TableSource
    from duban.parsing.tables import parse_table

    try:
        document = parse_table(TableSource(rows=[list(header), *rows], title="表"), name="t.xlsx")
    except ParseError:
        return
    paths = [item.path for item in document.walk()]
    assert len(paths) == len(set(paths))  # every item has its own path
