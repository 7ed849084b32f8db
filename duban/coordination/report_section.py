"""The report's "协调解决的重大问题" section: what is still unsettled across departments.

Registered with `duban.reports.sections`; None when no issue is open and no decision overdue.
"""

from datetime import date

from duban.coordination.models import Meeting
from duban.coordination.selectors import decisions, open_issues, overdue_decisions
from duban.lib.dates import chinese_date
from duban.reports.docx_writer import Section

HEADING = "协调解决的重大问题"


def _overview(plan, as_of: date) -> str:
    held = Meeting.objects.filter(plan=plan, status=Meeting.Status.CLOSED, date__lte=as_of)
    owed = decisions().filter(meeting__plan=plan)
    done = owed.filter(met_on__isnull=False, met_on__lte=as_of).count()
    return (
        f"截至{chinese_date(as_of)}，共召开联席会议{held.count()}次，形成议定事项{owed.count()}项，"
        f"已办结{done}项。"
    )


def coordination_section(*, plan, as_of: date) -> Section | None:
    issues = list(open_issues(plan))
    late = overdue_decisions(plan, as_of=as_of)
    if not issues and not late:
        return None
    section = Section(heading=HEADING, paragraphs=[_overview(plan, as_of)])
    if issues:
        rows = [["任务", "问题", "提出单位", "需协调单位", "状态"]]
        for issue in issues:
            needed = "、".join(str(u) for u in issue.needed_units.all())
            rows.append(
                [
                    issue.task.path,
                    issue.title,
                    str(issue.raised_by_unit),
                    needed,
                    issue.get_status_display(),
                ]
            )
        section.subsections.append(
            Section(
                heading="（一）尚待协调解决的问题",
                paragraphs=[f"各单位提出、尚未办结的跨部门协调事项{len(issues)}项："],
                table=rows,
            )
        )
    if late:
        rows = [["议定事项", "责任单位", "完成时限", "情况"]]
        for row in late:
            o = row.outcome
            rows.append(
                [
                    o.text,
                    str(o.owner_unit),
                    chinese_date(o.due_date),
                    f"已逾期{(as_of - o.due_date).days}天",
                ]
            )
        section.subsections.append(
            Section(
                heading="（二）逾期未办结的会议议定事项",
                paragraphs=[
                    f"联席会议议定、已超过完成时限尚未办结的事项{len(late)}项，建议督促责任单位加快办理："
                ],
                table=rows,
            )
        )
    return section
