"""The unit × unit picture: tasks units share and the issues open between them."""

from duban.coordination.selectors import collaboration, network_data
from duban.execution.tests.conftest import make_task


def test_shared_tasks_and_open_issues_are_counted(
    issue, plan_2012, finance_unit, reform_unit, lanzhou_unit
):
    make_task(plan_2012, "1.2.1", lead=reform_unit, co=(finance_unit,))
    make_task(plan_2012, "1.3.1", lead=lanzhou_unit)
    picture = collaboration(plan_2012)
    assert picture.cell(finance_unit, reform_unit) == (2, 1)
    assert picture.cell(reform_unit, finance_unit) == (2, 1)
    assert lanzhou_unit not in picture.units  # shares nothing with anyone


def test_the_network_links_the_same_pairs(issue, plan_2012, finance_unit, reform_unit):
    data = network_data(collaboration(plan_2012))
    assert {n["id"] for n in data["nodes"]} == {str(finance_unit.pk), str(reform_unit.pk)}
    (link,) = data["links"]
    assert (link["shared"], link["issues"]) == (1, 1)
