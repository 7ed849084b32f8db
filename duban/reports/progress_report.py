"""The report to the provincial government (进展情况报告) as plain data, from the glance.

Every figure comes from `plan_at_a_glance` (which reads the plans, execution and supervision
selectors); the sentences are plain functions so tests can change a record and see the
sentence change. `docx_writer` lays the result out as an official document.
"""

from datetime import date

from duban.lib.dates import chinese_date
from duban.reports import sections as registered
from duban.reports.docx_writer import Figure, OfficialDocument, Section
from duban.reports.figures import area_progress_png, light_trend_png
from duban.reports.selectors import AreaRow, Glance, OverdueItem, TaskState, plan_at_a_glance

CHINESE_ORDINALS = "一二三四五六七八九十"
AUTHORITY = "甘肃省发展和改革委员会文件"
SIGNATORY = "甘肃省发展和改革委员会"


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


def _who_what(state: TaskState) -> str:
    """省财政厅牵头的“深化预算管理制度改革”; a city's instance names the city."""
    lead = state.lead.name if state.lead else "牵头单位未明确"
    return f"{lead}牵头的“{state.task.title}”"


def _reported(state: TaskState) -> str:
    return f"报告进度{state.percent}%" if state.percent is not None else "尚未报告进展"


def done_sentence(states: list[TaskState]) -> str | None:
    if not states:
        return None
    return f"已完成{len(states)}项：" + "；".join(_who_what(s) for s in states) + "。"


def on_track_sentence(states: list[TaskState]) -> str | None:
    if not states:
        return None
    items = (f"{_who_what(s)}（{_reported(s)}）" for s in states)
    return f"按计划推进{len(states)}项：" + "；".join(items) + "。"


def slipping_sentence(states: list[TaskState]) -> str | None:
    """The slipping ones, the most alarming first, each with its light's first reason."""
    if not states:
        return None
    ordered = sorted(states, key=lambda s: -s.light.severity)
    items = (f"{_who_what(s)}（{_reported(s)}，{_first_reason(s)}）" for s in ordered)
    return f"进度滞后{len(states)}项：" + "；".join(items) + "。"


def _first_reason(state: TaskState) -> str:
    """红灯，里程碑“完成调研”已逾期92天: the light and why, as a clause."""
    light = state.light
    first = light.reasons[0] if light.reasons else ""
    return f"{light.label}，{first.removeprefix(f'{light.label}：')}"


def area_paragraphs(area: AreaRow, states: list[TaskState]) -> list[str]:
    by_kind: dict[str, list[TaskState]] = {"done": [], "on_track": [], "slipping": []}
    for state in states:
        by_kind[KIND_OF_LIGHT.get(state.light.colour, "on_track")].append(state)
    sentences = [
        area_sentence(area),
        done_sentence(by_kind["done"]),
        on_track_sentence(by_kind["on_track"]),
        slipping_sentence(by_kind["slipping"]),
    ]
    return [s for s in sentences if s]


# Grey (not started) tasks count as on track: their clock has not started.
KIND_OF_LIGHT = {
    "done": "done",
    "green": "on_track",
    "grey": "on_track",
    "yellow": "slipping",
    "orange": "slipping",
    "red": "slipping",
}


# Millimetres per column of the overdue table, of the 156 mm type area.
OVERDUE_WIDTHS = [11, 45, 27, 32, 22, 19]
TABLE_TITLE_CHARS = 40


def overdue_table(items: list[OverdueItem]) -> list[list[str]]:
    rows = [["序号", "工作任务", "牵头单位", "逾期事项", "完成时限", "逾期天数"]]
    for number, item in enumerate(items, start=1):
        lead = (item.lead.short_name or item.lead.name) if item.lead else ""
        due = f"{item.due.year}.{item.due.month}.{item.due.day}"
        title = shortened(item.task.title)
        rows.append([str(number), title, lead, item.what, due, str(item.days)])
    return rows


def shortened(title: str) -> str:
    """A table cell keeps a long title's start; the area's sentences give it whole."""
    if len(title) <= TABLE_TITLE_CHARS:
        return title
    return title[:TABLE_TITLE_CHARS] + "……"


def problems_sentence(glance: Glance) -> str:
    red = glance.lights.get("red", 0)
    if not red and not glance.overdue:
        return "截至目前，未发现亮红灯或逾期未完成的工作。"
    areas = sorted(glance.areas, key=lambda a: -a.tally.get("red", 0))
    worst = "、".join(
        f"{a.title.split('，')[0]}（{a.tally['red']}项）" for a in areas[:3] if a.tally.get("red")
    )
    where = f"，主要集中在{worst}等领域" if worst else ""
    longest = f"，最长逾期{glance.overdue[0].days}天" if glance.overdue else ""
    return (
        f"截至{chinese_date(glance.as_of)}，共有{red}项工作亮红灯{where}；"
        f"{len(glance.overdue)}个事项已过完成时间仍未完成{longest}，逐项列示如下。"
    )


def overview_sentence(glance: Glance) -> str:
    lights = glance.lights
    elapsed = f"，年度时间进度{glance.time_elapsed}%" if glance.time_elapsed is not None else ""
    return (
        f"截至{chinese_date(glance.as_of)}，《{glance.plan.title}》共{glance.units_of_work}项"
        f"工作，总体进度{glance.percent:.0f}%{elapsed}。已完成{lights.get('done', 0)}项，"
        f"绿灯{lights.get('green', 0)}项，黄灯{lights.get('yellow', 0)}项，"
        f"橙灯{lights.get('orange', 0)}项，红灯{lights.get('red', 0)}项。"
    )


def filing_sentence(glance: Glance) -> str:
    f = glance.filing
    return (
        f"实施方案备案方面，应报送单位{f.owed}个，按时备案{f.on_time}个，逾期备案{f.late}个，"
        f"待审核{f.awaiting}个，退回修改{f.returned}个，逾期未报{f.missing}个。"
    )


def reports_sentence(glance: Glance) -> str | None:
    r = glance.reports
    if r is None:
        return None
    backlog = f"；往期逾期未报{r.overdue_total}份" if r.overdue_total else ""
    return (
        f"进展报告方面，{r.period_end.month}月进展报告应报{r.expected}份，已报{r.filed}份"
        f"（已采纳{r.accepted}份）{backlog}。"
    )


def milestones_sentence(glance: Glance) -> str:
    m = glance.milestones
    return (
        f"里程碑节点方面，共设{m.total}个，按期完成{m.met_on_time}个，逾期完成{m.met_late}个，"
        f"逾期未完成{m.overdue}个，30日内到期{m.coming_due}个。"
    )


def overview_paragraphs(glance: Glance) -> list[str]:
    sentences = [
        overview_sentence(glance),
        filing_sentence(glance),
        reports_sentence(glance),
        milestones_sentence(glance),
    ]
    return [s for s in sentences if s]


def progress_report(*, plan, as_of: date, figures: bool = True) -> OfficialDocument:
    """The report as of `as_of`; `figures=False` leaves the charts out (quicker, for tests)."""
    glance = plan_at_a_glance(plan=plan, as_of=as_of)
    overview = Section(heading="一、总体进展情况", paragraphs=overview_paragraphs(glance))
    if figures:
        overview.figures = [
            Figure(area_progress_png(glance), "图1  各改革领域推进情况"),
            Figure(light_trend_png(glance), "图2  各月末工作任务亮灯情况"),
        ]
    sections = [overview]
    areas = Section(heading="二、各领域推进情况")
    for index, area in enumerate(glance.areas, start=1):
        states = [s for s in glance.tasks if s.area == area.path]
        areas.subsections.append(
            Section(
                heading=f"（{ordinal(index)}）{area.title}",
                paragraphs=area_paragraphs(area, states),
            )
        )
    sections.append(areas)
    problems = Section(heading="三、存在的主要问题", paragraphs=[problems_sentence(glance)])
    if glance.overdue:
        table = overdue_table(glance.overdue)
        overdue = Section(heading="（一）逾期未完成事项", table=table, table_widths=OVERDUE_WIDTHS)
        problems.subsections.append(overdue)
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
