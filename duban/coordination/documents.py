"""The meeting notice (会议通知) and the minutes (会议纪要) in official layout, written by the
report writer (`duban.reports.docx_writer`, GB/T 9704): the same data the meeting page shows."""

from datetime import date

from django.utils import timezone

from duban.coordination.models import Meeting, Outcome
from duban.lib.clock import today
from duban.lib.dates import chinese_date
from duban.reports.docx_writer import OfficialDocument, Section

ORDINALS = "一二三四五六七八九十"
REQUIREMENTS = (
    "请各参会单位安排一名负责同志参会，于会前一个工作日将参会人员名单报召集单位。"
    "涉及本单位的议题，请提前准备书面材料，会上简要汇报进展、问题和建议。"
)


def _when(meeting: Meeting) -> str:
    when = chinese_date(meeting.date)
    return f"{when}{meeting.start_time:%H:%M}" if meeting.start_time else when


def _unit_names(units) -> str:
    return "、".join(unit.short_name or unit.name for unit in units)


def _issued_on(moment) -> date:
    return timezone.localdate(moment) if moment else today()


def notice(meeting: Meeting) -> OfficialDocument:
    units = list(meeting.units.order_by("region__code", "kind", "name"))
    agenda = [f"{n}. {item.title}" for n, item in enumerate(meeting.agenda.all(), start=1)]
    parts = [
        ("一、会议时间", [_when(meeting)]),
        ("二、会议地点", [meeting.place]),
        ("三、主持人", [meeting.chair]),
        ("四、参会单位", [_unit_names(units) + "。"]),
        ("五、会议议题", agenda),
        ("六、有关要求", [REQUIREMENTS]),
    ]
    return OfficialDocument(
        authority=meeting.convened_by_unit.name,
        number=f"联席会议通知〔{meeting.plan.year}〕{meeting.number or ''}号",
        title=f"关于召开{meeting.title}的通知",
        addressee=f"{_unit_names(units)}：",
        sections=[
            Section(
                heading="",
                paragraphs=[
                    f"为协调解决{meeting.plan.year}年经济体制改革推进中跨部门、跨地区、跨行业的问题，"
                    f"经研究，定于{_when(meeting)}召开{meeting.title}。现将有关事项通知如下："
                ],
            ),
            *(Section(heading=heading, paragraphs=lines) for heading, lines in parts),
        ],
        signatory=meeting.convened_by_unit.name,
        date_text=chinese_date(_issued_on(meeting.convened_at)),
    )


def _decision_sentence(outcome: Outcome) -> str:
    co = _unit_names(outcome.co_units.all())
    who = f"由{outcome.owner_unit}牵头" + (f"，{co}配合" if co else "")
    return f"{outcome.text.rstrip('。')}。{who}，{chinese_date(outcome.due_date)}前完成。"


def _numbered(lines: list[str]) -> list[str]:
    return [f"（{ORDINALS[n] if n < 10 else n + 1}）{line}" for n, line in enumerate(lines)]


def minutes(meeting: Meeting) -> OfficialDocument:
    outcomes = list(meeting.outcomes.select_related("owner_unit").prefetch_related("co_units"))
    informed = [o.text for o in outcomes if o.kind == Outcome.Kind.INFORMATION]
    decided = [_decision_sentence(o) for o in outcomes if o.is_owed]
    topics = "、".join(f"“{item.title}”" for item in meeting.agenda.all())
    opening = (
        f"{_when(meeting)}，{meeting.chair.replace(' ', '')}在{meeting.place}主持召开{meeting.title}，"
        f"研究{topics}等议题。{meeting.summary.strip()}现将会议议定事项纪要如下："
    )
    sections = [Section(heading="", paragraphs=[opening])]
    if informed:
        sections.append(Section(heading="一、会议通报的情况", paragraphs=_numbered(informed)))
    heading = f"{ORDINALS[len(sections) - 1]}、会议议定的事项"
    sections.append(Section(heading=heading, paragraphs=_numbered(decided) or ["无。"]))
    sections.append(
        Section(
            heading=f"{ORDINALS[len(sections) - 1]}、督促落实",
            paragraphs=[
                "各责任单位要按照议定事项和完成时限抓紧落实，每月在督办系统中报送进展，"
                "办结后报告办结依据；省发展改革委（体改处）跟踪督办，逾期未办结的纳入年度考核。"
            ],
        )
    )
    attended = _unit_names(meeting.units.order_by("region__code", "kind", "name"))
    return OfficialDocument(
        authority="经济体制改革联席会议纪要",
        number=f"〔{meeting.plan.year}〕第{meeting.number or ''}期",
        title=f"{meeting.title}纪要",
        addressee="",
        sections=sections,
        signatory="",
        date_text=chinese_date(
            _issued_on(meeting.closed_at) if meeting.closed_at else meeting.date
        ),
        trailer=["", f"出席单位：{attended}。", f"分送：{attended}，省人民政府办公厅。"],
    )
