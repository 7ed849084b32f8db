"""Paragraphs rebuilt from PDF lines: continuation, indents, numbers, page furniture.

Lines are given as data, positions as shares of the page: the text area runs from 0.15 to 0.87
of the page width, a character is 0.025 wide.
"""

from duban.parsing.pdf_layout import Line, rebuild_paragraphs

LEFT, RIGHT, CHAR = 0.15, 0.87, 0.025


def line(text: str, *, indent: int = 0, full: bool = True, top: float = 0.5) -> Line:
    x0 = LEFT + indent * CHAR
    x1 = RIGHT if full else x0 + len(text) * CHAR
    return Line(text, x0, x1, top, top + 0.02, CHAR)


def page(*lines: Line, number: str | None = None, header: str | None = None) -> list[Line]:
    furniture = []
    if header:
        furniture.append(Line(header, 0.4, 0.6, 0.05, 0.06, 0.015))
    body = list(lines)
    if number:
        furniture.append(Line(number, 0.47, 0.53, 0.94, 0.95, CHAR))
    return ([furniture[0]] if header else []) + body + ([furniture[-1]] if number else [])


def test_a_full_line_continues_and_a_short_line_ends_the_paragraph():
    text = rebuild_paragraphs(
        [
            page(
                line("甲甲甲甲", indent=2),
                line("乙乙乙乙"),
                line("丙丙。", full=False),
                line("丁丁丁", indent=2, full=False),
            )
        ]
    )
    assert text.splitlines() == ["甲甲甲甲乙乙乙乙丙丙。", "丁丁丁"]


def test_an_indented_or_numbered_line_starts_a_paragraph_even_after_a_full_line():
    text = rebuild_paragraphs(
        [
            page(
                line("一、总体要求"),
                line("（一）基本原则"),
                line("续行", full=False),
                line("新段", indent=2),
            )
        ]
    )
    assert text.splitlines() == ["一、总体要求", "（一）基本原则续行", "新段"]


def test_page_numbers_and_a_running_header_are_dropped_and_paragraphs_join_across_pages():
    pages = [
        page(line("第一段开头", indent=2), line("跨页"), number="— 1 —", header="川政发〔2024〕3号"),
        page(line("继续。", full=False), line("第二段", indent=2, full=False), number="—2—",
             header="川政发〔2024〕3号"),
        page(line("第三段", indent=2, full=False), number="第3页", header="川政发〔2024〕3号"),
    ]  # fmt: skip
    assert rebuild_paragraphs(pages).splitlines() == ["第一段开头跨页继续。", "第二段", "第三段"]


def test_a_bare_page_number_at_the_foot_is_dropped_but_not_in_the_body():
    pages = [
        page(line("一、任务", full=False), line("3", full=False), number="3"),
        page(line("二、保障", full=False), number="- 4 -"),
    ]
    assert rebuild_paragraphs(pages).splitlines() == ["一、任务", "3", "二、保障"]


def test_latin_words_split_over_lines_keep_a_space():
    text = rebuild_paragraphs([page(line("推广 DRG", indent=2), line("payment 改革", full=False))])
    assert text == "推广 DRG payment 改革"


def test_a_ragged_line_pushed_short_by_line_breaking_rules_continues():
    # "委；" cannot start a line, so "委" moved down with it: the line stops two characters short.
    ragged = Line("牵头单位：市发展改革", LEFT, RIGHT - 2 * CHAR, 0.5, 0.52, CHAR)
    text = rebuild_paragraphs([page(ragged, line("委；责任单位：市财政局。", full=False))])
    assert text == "牵头单位：市发展改革委；责任单位：市财政局。"


def test_a_line_ending_a_sentence_short_of_the_margin_ends_the_paragraph():
    ended = Line("制定本方案。", LEFT, RIGHT - 2 * CHAR, 0.5, 0.52, CHAR)
    text = rebuild_paragraphs([page(ended, line("（一）加强领导", full=False))])
    assert text.splitlines() == ["制定本方案。", "（一）加强领导"]


def test_a_long_centred_title_that_wrapped_is_one_paragraph():
    middle = (LEFT + RIGHT) / 2
    title = [
        Line("云阳市关于印发深化营商环境改革实施方案的通", LEFT, RIGHT, 0.1, 0.12, CHAR),
        Line("知", middle - CHAR / 2, middle + CHAR / 2, 0.12, 0.14, CHAR),
    ]
    text = rebuild_paragraphs([page(*title, line("正文开始。", indent=2, full=False))])
    assert text.splitlines() == ["云阳市关于印发深化营商环境改革实施方案的通知", "正文开始。"]
