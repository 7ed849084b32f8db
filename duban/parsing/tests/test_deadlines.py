import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.parsing import resolve_deadlines
from duban.parsing.deadlines import PHRASES, find_deadlines, recognition_view, resolve

# phrase as written in a task, plan year 2012 → (phrase kept, start, end)
DEADLINES = [
    ("年内完成", "年内", None, "2012-12-31"),
    ("年底前出台", "年底前", None, "2012-12-31"),
    ("6月底前完成", "6月底前", None, "2012-06-30"),
    ("2月底前完成", "2月底前", None, "2012-02-29"),
    ("于5月中旬前报省政府备案", "5月中旬前", "2012-05-11", "2012-05-20"),
    ("9月上旬前", "9月上旬前", "2012-09-01", "2012-09-10"),
    ("11月下旬", "11月下旬", "2012-11-21", "2012-11-30"),
    ("十二月底前", "十二月底前", None, "2012-12-31"),
    ("上半年出台实施办法", "上半年", "2012-01-01", "2012-06-30"),
    ("下半年启动", "下半年", "2012-07-01", "2012-12-31"),
    ("一季度完成", "一季度", "2012-01-01", "2012-03-31"),
    ("第三季度完成", "第三季度", "2012-07-01", "2012-09-30"),
    ("省级政府在两年之内全面公开", "两年之内", None, "2013-12-31"),
    ("三年内免征部分收费", "三年内", None, "2014-12-31"),
    ("力争用2-3年时间基本完成", "力争用2-3年时间", "2013-12-31", "2014-12-31"),
    ("2012年6月底前出台", "2012年6月底前", None, "2012-06-30"),
    ("2013年底前完成", "2013年底前", None, "2013-12-31"),
    ("到2015年基本建成", "到2015年", None, "2015-12-31"),
    ("12月15日前报送", "12月15日前", None, "2012-12-15"),
    ("长期坚持", "长期坚持", None, None),
    ("持续推进", "持续推进", None, None),
]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"), DEADLINES, ids=[d[0] for d in DEADLINES]
)
def test_a_time_phrase_resolves_against_the_plan_year(text, phrase, start, end):
    [deadline] = resolve_deadlines(text, 2012)
    assert (deadline.text, deadline.start, deadline.end) == (phrase, start, end)


def test_without_a_plan_year_the_phrase_is_kept_without_dates():
    [deadline] = resolve_deadlines("年底前完成", None)
    assert (deadline.text, deadline.start, deadline.end) == ("年底前", None, None)


def test_several_phrases_come_in_order():
    found = resolve_deadlines("6月底前出台办法，年底前全面推开，长期坚持", 2024)
    assert [d.text for d in found] == ["6月底前", "年底前", "长期坚持"]


def test_traditional_phrases_are_found_and_kept_as_written():
    [deadline] = resolve_deadlines("年內持續推進", 2012)[:1]
    assert (deadline.text, deadline.end) == ("年內", "2012-12-31")


def test_years_and_numbers_that_are_not_deadlines_are_ignored():
    assert resolve_deadlines("2012年是关键之年，完成14项重点工程", 2012) == []


# The search near each phrase's rarest character finds what a search of the whole text finds.
_PIECES = ["年", "月", "日", "前", "底", "内", "季度", "上半年", "下半", "今", "本年度", "用", "至",
           "2012", "12", "6", "十二", "三", "两", "中旬", "，", "（", "持续推进", "长期坚持", "完成"]  # fmt: skip


def _whole_text_search(text: str, year: int) -> list:
    view = recognition_view(text)
    candidates = [(m, rule) for pattern, rule in PHRASES for m in pattern.finditer(view)]
    candidates.sort(key=lambda c: (-(c[0].end() - c[0].start()), c[0].start()))
    taken, chosen = [], []
    for m, rule in candidates:
        if not any(m.start() < end and start < m.end() for start, end in taken):
            taken.append((m.start(), m.end()))
            chosen.append((m, rule))
    chosen.sort(key=lambda c: c[0].start())
    return [resolve(text[m.start() : m.end()], m.groupdict(), rule, year) for m, rule in chosen]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_searching_near_the_anchors_finds_what_a_whole_text_search_finds(pieces):
    text = "".join(pieces)
    assert find_deadlines(text, 2012) == _whole_text_search(text, 2012)
