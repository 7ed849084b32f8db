from duban.parsing import parse_department_list
from duban.parsing.departments import find_lists
from duban.parsing.tests.fixtures import parametrize_examples


def _render(found) -> str:
    return " ".join(f"{d.name}/{d.role}" for d in found.departments) or "-"


@parametrize_examples("departments.txt")
def test_department_lists(example):
    rendered = [_render(found) for found in find_lists(example.text)]
    assert (rendered or ["(none)"]) == example.expected


def test_a_table_cell_splits_into_lead_and_co():
    departments = parse_department_list("省发展改革委、省财政厅等")
    assert [(d.name, d.role) for d in departments] == [
        ("省发展改革委", "lead"),
        ("省财政厅", "co"),
    ]


def test_a_labelled_table_cell_keeps_its_roles():
    departments = parse_department_list("牵头单位：省编办；配合单位：省人社厅")
    assert [(d.name, d.role) for d in departments] == [("省编办", "lead"), ("省人社厅", "co")]


def test_an_empty_cell_names_nobody():
    assert parse_department_list("  ") == []
