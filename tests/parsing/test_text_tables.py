"""A task table inside plain text: tab-separated rows under a header, after the notice."""

from duban.parsing.files import parse_file
from duban.parsing.text_tables import find_text_table

NOTICE = "关于印发任务分解表的通知\n各县区人民政府：\n　　现印发给你们。\n白石市人民政府办公室\n2023年4月3日\n"
TABLE = (
    "白石市2023年重点任务分解表\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "1\t划定河湖管理范围\t市水利局\t市自然资源局\t6月底前\n"
    "2\t整治入河排污口\t市生态环境局\t市水利局、各县区人民政府\t10月底前\n"
    "\n"
    "注：每季度末报送进展。\n"
)


def test_the_rows_under_a_tab_separated_header_are_a_table():
    table = find_text_table(NOTICE + TABLE)
    assert table.title == "白石市2023年重点任务分解表"
    assert [row[1] for row in table.rows] == ["重点任务", "划定河湖管理范围", "整治入河排污口"]


def test_tabs_without_a_task_table_header_are_no_table():
    assert find_text_table("指标\t2022年\t2023年\n地区生产总值\t100\t105\n") is None


def test_a_notice_without_departments_takes_its_tasks_from_the_table(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE + TABLE, encoding="utf-8")
    document = parse_file(path)
    assert [(item.path, item.title) for item in document.walk()] == [
        ("1", "划定河湖管理范围"),
        ("2", "整治入河排污口"),
    ]
    assert [d.name for d in document.items[1].departments] == [
        "市生态环境局",
        "市水利局",
        "各县区人民政府",
    ]
    assert (document.meta.issuer, document.meta.date) == ("白石市人民政府办公室", "2023-04-03")
