"""The report's 协调解决的重大问题 section: open issues and overdue decisions, or nothing."""

from datetime import date

from duban.coordination.report_section import HEADING, coordination_section
from duban.reports import sections


def test_nothing_to_say_gives_no_section(plan_2012):
    assert coordination_section(plan=plan_2012, as_of=date(2012, 9, 30)) is None


def test_open_issues_are_listed(issue, plan_2012):
    section = coordination_section(plan=plan_2012, as_of=date(2012, 9, 30))
    assert section.heading == HEADING
    (issues,) = section.subsections
    assert issues.table[1][:3] == ["1.1.1", issue.title, "省财政厅"]


def test_overdue_decisions_are_listed_with_their_delay(decided, plan_2012):
    section = coordination_section(plan=plan_2012, as_of=date(2012, 10, 20))
    late = section.subsections[-1]
    assert late.table[1][:2] == [decided.text, "省财政厅"]
    assert late.table[1][3] == "已逾期5天"
    assert "形成议定事项1项" in section.paragraphs[0]


def test_the_section_is_registered_for_the_report(issue, plan_2012):
    built = sections.build_all(plan=plan_2012, as_of=date(2012, 9, 30))
    assert HEADING in [s.heading for s in built]
