"""The report to the provincial government (进展情况报告) as plain data, from the glance.

Every figure comes from `plan_at_a_glance` (which reads the plans, execution and supervision
selectors); the sentences are plain functions so tests can change a record and see the
sentence change. `docx_writer` lays the result out as an official document.
"""

from datetime import date

from duban.reports import sections as registered
from duban.reports.docx_writer import OfficialDocument, Section
from duban.reports.selectors import AreaRow, Glance, RedItem, plan_at_a_glance

CHINESE_ORDINALS = "一二三四五六七八九十"
AUTHORITY = "甘肃省发展和改革委员会文件"
SIGNATORY = "甘肃省发展和改革委员会"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def ordinal(index: int) -> str:
    """1 → 一, 11 → 十一 (up to 99)."""
    if index <= 10:
        return CHINESE_ORDINALS[index - 1]
    tens, ones = divmod(index, 10)
    head = "" if tens == 1 else CHINESE_ORDINALS[tens - 1]
    return head + "十" + (CHINESE_ORDINALS[ones - 1] if ones else "")


def area_sentence(area: AreaRow) -> str:
    tally = area.tally
    total = sum(tally.values())
    done = tally.get("done", 0)
    on_track = tally.get("green", 0)
    slipping = tally.get("yellow", 0) + tally.get("orange", 0) + tally.get("red", 0)
    return (
        f"本领域共{total}项工作，总体进度{area.percent:.0f}%。其中已完成{done}项，"
        f"按计划推进{on_track}项，进度滞后{slipping}项（红灯{tally.get('red', 0)}项）。"
    )


def red_sentence(item: RedItem) -> str:
    lead = item.lead.name if item.lead else "牵头单位未明确"
    return f"{lead}牵头的“{item.task.title}”亮红灯：{item.reason}。"


def red_table(items: list[RedItem]) -> list[list[str]]:
    rows = [["工作任务", "牵头单位", "原因"]]
    for item in items:
        rows.append([item.task.title, item.lead.name if item.lead else "", item.reason])
    return rows


def overview_sentence(glance: Glance) -> str:
    lights = glance.lights
    elapsed = f"，年度时间进度{glance.time_elapsed}%" if glance.time_elapsed is not None else ""
    return (
        f"截至{chinese_date(glance.as_of)}，《{glance.plan.title}》共{glance.units_of_work}项"
        f"工作，总体进度{glance.percent:.0f}%{elapsed}。已完成{lights.get('done', 0)}项，"
        f"绿灯{lights.get('green', 0)}项，黄灯{lights.get('yellow', 0)}项，"
        f"橙灯{lights.get('orange', 0)}项，红灯{lights.get('red', 0)}项。"
    )


def progress_report(*, plan, as_of: date) -> OfficialDocument:
    glance = plan_at_a_glance(plan=plan, as_of=as_of)
    sections = [Section(heading="一、总体进展情况", paragraphs=[overview_sentence(glance)])]
    areas = Section(heading="二、各领域推进情况")
    for index, area in enumerate(glance.areas, start=1):
        areas.subsections.append(
            Section(heading=f"（{ordinal(index)}）{area.title}", paragraphs=[area_sentence(area)])
        )
    sections.append(areas)
    problems = Section(heading="三、存在的主要问题")
    problems.paragraphs = [red_sentence(item) for item in glance.red] or [
        "截至目前，未发现亮红灯的工作。"
    ]
    if glance.red:
        problems.subsections.append(Section(heading="红灯事项一览", table=red_table(glance.red)))
    sections.append(problems)
    # Coordination, assessment and any other app add their sections, numbered after ours.
    for section in registered.build_all(plan=plan, as_of=as_of):
        section.heading = f"{ordinal(len(sections) + 1)}、{section.heading}"
        sections.append(section)
    return OfficialDocument(
        authority=AUTHORITY,
        number=f"甘发改〔{as_of.year}〕号",
        title=f"关于{glance.plan.title}落实进展情况的报告",
        addressee="省人民政府：",
        sections=sections,
        signatory=SIGNATORY,
        date_text=chinese_date(as_of),
    )
