"""The bulletin of red lights (红灯事项通报) to the leadership: the escalation ladder's top rung.

Supervision records a bulletin as a step (`Step.BULLETIN`) on a unit or a task; this is the
document itself, drawn from the glance like the progress report: every unit of work on red
with its lead, why, how long, and the notices already sent about it, then the lead units with
the most red. `docx_writer` lays it out; `pdf.write_report` makes the PDF.
"""

from datetime import date, timedelta

from duban.lib.dates import chinese_date
from duban.reports.docx_writer import OfficialDocument, Section
from duban.reports.progress_report import AUTHORITY, SIGNATORY, shortened
from duban.reports.selectors import Glance, escalations_by_task, plan_at_a_glance
from duban.supervision.models import Step

# The lead units report what they did about their red items within this many days.
ANSWER_DAYS = 10
BULLETIN_WIDTHS = [12, 44, 26, 44, 30]
STEP_WORDS = ((Step.URGE, "催办"), (Step.WARNING, "书面预警"), (Step.BULLETIN, "通报"))


def steps_taken(counts: dict[str, int]) -> str:
    """催办2次、书面预警1次, or 尚未督办."""
    taken = [f"{word}{counts[step]}次" for step, word in STEP_WORDS if counts.get(step)]
    return "、".join(taken) or "尚未督办"


def opening(glance: Glance) -> str:
    red = len(glance.red)
    units = len({item.lead.pk for item in glance.red if item.lead})
    if not red:
        return f"截至{chinese_date(glance.as_of)}，全省{glance.units_of_work}项改革工作中没有亮红灯的事项。"
    return (
        f"截至{chinese_date(glance.as_of)}，全省{glance.units_of_work}项改革工作中有{red}项亮红灯，"
        f"涉及{units}个牵头单位。现将有关情况通报如下。"
    )


def red_table(glance: Glance, escalations: dict) -> list[list[str]]:
    rows = [["序号", "工作任务", "牵头单位", "亮灯原因", "已采取督办措施"]]
    for number, item in enumerate(glance.red, start=1):
        lead = (item.lead.short_name or item.lead.name) if item.lead else ""
        steps = steps_taken(escalations.get(item.task.pk, {}))
        rows.append([str(number), shortened(item.task.title), lead, item.reason, steps])
    return rows


def units_sentence(glance: Glance) -> str:
    rows = glance.units_most_red
    if not rows:
        return "没有牵头单位亮红灯。"
    named = "、".join(f"{row.unit.name}（{row.tally['red']}项）" for row in rows)
    return f"红灯事项较多的牵头单位依次为：{named}。"


def closing(as_of: date) -> str:
    answer = chinese_date(as_of + timedelta(days=ANSWER_DAYS))
    return (
        "请各牵头单位对照红灯事项，逐项分析原因，明确整改措施和完成时限，"
        f"于{answer}前将整改情况书面报送省发展改革委（省经济体制改革办公室）。"
    )


def red_bulletin(*, plan, as_of: date) -> OfficialDocument:
    glance = plan_at_a_glance(plan=plan, as_of=as_of)
    escalations = escalations_by_task([item.task.pk for item in glance.red], as_of)
    facts = Section(heading="一、红灯事项基本情况", paragraphs=[opening(glance)])
    if glance.red:
        facts.table, facts.table_widths = red_table(glance, escalations), BULLETIN_WIDTHS
    sections = [
        facts,
        Section(heading="二、红灯事项较多的牵头单位", paragraphs=[units_sentence(glance)]),
        Section(heading="三、有关要求", paragraphs=[closing(as_of)]),
    ]
    return OfficialDocument(
        authority=AUTHORITY,
        number=f"甘发改督〔{as_of.year}〕号",
        title=f"关于《{glance.plan.title}》红灯事项的通报",
        addressee="省政府领导同志：",
        sections=sections,
        signatory=SIGNATORY,
        date_text=chinese_date(as_of),
    )
