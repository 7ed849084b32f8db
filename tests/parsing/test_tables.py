"""Task-table rows → the document tree: areas, tasks, units, departments and deadlines."""

import pytest

from duban.parsing.document import ParseError
from duban.parsing.readers import TableSource
from duban.parsing.tables import parse_table

HEADER = ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限"]


def outline(document) -> list[tuple]:
    return [
        (item.path, item.level, item.label, item.title,
         [(d.name, d.role) for d in item.departments])
        for item in document.walk()
    ]  # fmt: skip


def parse(rows, title="江川省2024年重点任务分解表", header=HEADER, **kwargs):
    return parse_table(TableSource(rows=[header, *rows], title=title, **kwargs), name="t.xlsx")


def test_without_area_rows_the_tasks_are_level_one():
    document = parse(
        [
            ["1", "推进改革", "具体措施。", "省财政厅", "省税务局、省审计厅", "年内"],
            ["2", "完善机制", "具体措施。", "省发展改革委", "", ""],
        ]
    )
    assert outline(document) == [
        ("1", 1, "1", "推进改革", [("省财政厅", "lead"), ("省税务局", "co"), ("省审计厅", "co")]),
        ("2", 1, "2", "完善机制", [("省发展改革委", "lead")]),
    ]


def test_area_rows_by_chinese_number_or_a_lone_text_open_level_one_items():
    document = parse(
        [
            ["一、", "深化国企改革", "", "", "", ""],
            ["1", "推进整合", "", "省国资委", "", ""],
            ["", "二、优化营商环境", "", "", "", ""],  # only one cell filled
            ["2", "清理壁垒", "", "省市场监管局", "", ""],
            ["三、强化保障", "三、强化保障", "三、强化保障", "三、强化保障", "三、强化保障", ""],
            ["3", "加强督查", "", "省政府督查室", "", ""],
        ]
    )
    assert [(p, level, label, title) for p, level, label, title, _ in outline(document)] == [
        ("1", 1, "一、", "深化国企改革"),
        ("1.1", 2, "1", "推进整合"),
        ("2", 1, "二、", "优化营商环境"),
        ("2.1", 2, "2", "清理壁垒"),
        ("3", 1, "三、", "强化保障"),
        ("3.1", 2, "3", "加强督查"),
    ]


def test_without_a_task_column_the_title_is_the_first_sentence_of_the_content():
    header = ["序号", "工作措施", "牵头单位", "配合单位"]
    document = parse(
        [
            [
                "1",
                "建立协调机制。每季度召开一次会议。（省发展改革委负责）",
                "省发展改革委",
                "省财政厅",
            ]
        ],
        header=header,
    )
    (item,) = document.items
    assert item.title == "建立协调机制"
    assert item.text.startswith("建立协调机制。每季度")


def test_a_lone_responsibility_column_keeps_the_roles_it_writes():
    header = ["序号", "重点任务", "责任单位"]
    document = parse([["1", "推进改革", "省财政厅牵头，省税务局参与"]], header=header)
    assert outline(document)[0][4] == [("省财政厅", "lead"), ("省税务局", "co")]


def test_deadlines_resolve_against_the_year_in_the_title():
    document = parse([["1", "推进改革", "", "省财政厅", "", "6月底前"]])
    (deadline,) = document.items[0].deadlines
    assert (deadline.text, deadline.end) == ("6月底前", "2024-06-30")


def test_an_explicit_year_wins_over_the_title():
    document = parse([["1", "推进改革", "", "省财政厅", "", "年底前"]])
    assert document.items[0].deadlines[0].end == "2024-12-31"
    document = parse_table(
        TableSource(rows=[HEADER, ["1", "推进改革", "", "省财政厅", "", "年底前"]], title="表"),
        year=2031,
    )
    assert document.items[0].deadlines[0].end == "2031-12-31"


def test_the_document_number_and_date_around_the_table_become_meta():
    document = parse(
        [["1", "推进改革。按照《某办法》（川政发〔2023〕9号）执行。", "", "省财政厅", "", ""]],
        notes=["川政发〔2024〕3号　2024-01-18"],
    )
    assert (document.meta.doc_number, document.meta.date) == ("川政发〔2024〕3号", "2024-01-18")
    assert [c.number for c in document.cited_documents] == ["川政发〔2023〕9号"]


def test_rows_without_a_header_are_refused():
    with pytest.raises(ParseError, match="t.xlsx"):
        parse_table(TableSource(rows=[["a", "b"], ["c", "d"]]), name="t.xlsx")


def test_a_notes_row_under_the_table_is_closing_text_not_a_task():
    note = "注：各牵头单位于每月5日前报送上月工作进展情况。"
    document = parse(
        [
            ["一、", "深化国企改革", "", "", "", ""],
            ["1", "推进整合", "", "省国资委", "", ""],
            [note] * 6,  # merged across the row, as Excel fills it
            ["", "", "", "", "", "2．完成时限以月底为准。"],
        ]
    )
    assert [(p, title) for p, _, _, title, _ in outline(document)] == [
        ("1", "深化国企改革"),
        ("1.1", "推进整合"),
    ]
    assert document.closing.text == note + "\n2．完成时限以月底为准。"


def test_other_header_words_of_the_genre_name_the_columns():
    header = ["编号", "具体任务", "工作举措", "主责单位", "协同单位", "完成期限"]
    document = parse(
        [["1", "建设政务云", "整合资源。", "市大数据局", "市财政局", "2024年6月底前"]],
        header=header,
    )
    assert outline(document) == [
        ("1", 1, "1", "建设政务云", [("市大数据局", "lead"), ("市财政局", "co")]),
    ]
    assert document.items[0].deadlines[0].end == "2024-06-30"
