from duban.parsing import parse_text
from duban.parsing.tests.fixtures import parametrize_examples


def _render(item) -> str:
    line = f"{item.path} {item.label or '·'} {item.title}"
    if item.departments:
        line += " | " + " ".join(f"{d.name}/{d.role}" for d in item.departments)
    return line


@parametrize_examples("items.txt")
def test_items(example):
    rendered = [_render(item) for item in parse_text(example.text).walk()]
    assert (rendered or ["(none)"]) == example.expected


def test_levels_follow_the_paths():
    doc = parse_text("一、甲\n（一）乙。\n1．丙。\n（1）丁。\n二、戊")
    assert [(i.path, i.level) for i in doc.walk()] == [
        ("1", 1),
        ("1.1", 2),
        ("1.1.1", 3),
        ("1.1.1.1", 4),
        ("2", 1),
    ]


def test_a_unit_childs_text_runs_from_the_previous_list_to_its_own():
    doc = parse_text("一、甲\n（一）乙。做A（省财政厅负责）；做B（省人社厅负责）。余下的话。")
    first, second = doc.items[0].children[0].children
    assert first.text == "乙。做A（省财政厅负责）"
    assert second.text == "做B（省人社厅负责）"
    assert doc.items[0].children[0].departments == []
