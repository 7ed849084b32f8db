"""Demo history: the units' monthly reports on the 2012 plan, January to September.

Deterministic (no randomness): each unit of work gets a profile from its position in the plan,
so that the demo, as of 2012-09-30, shows a realistic office — most tasks 按计划推进, some
存在风险 or 滞后, a few 已完成 and accepted, one report returned (退回), a few units behind with
their reports (late), September's reports half in, and some evidence files (Word, PDF, PNG).
The narratives are built from each task's own text, as a department would write them.
"""

import io
import re
import struct
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import docx
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from duban.audit import chain
from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import User
from duban.execution.models import Evidence, ProgressReport
from duban.execution.progress import default_percent, periods_of_year
from duban.execution.services.evidence import evidence_store
from duban.lib import clock
from duban.plans.models import Assignment, Plan, Task

Status = ProgressReport.Status
Review = ProgressReport.Review

AS_OF = date(2012, 9, 30)
RETURN_REASON = "本期工作进展写得过于笼统，请补充具体完成事项、时间节点和相关佐证材料后重新报送。"


@dataclass(frozen=True)
class Profile:
    """How one unit of work went in the demo year."""

    trouble: str = Status.ON_TRACK  # the status once trouble starts
    trouble_from: int = 13  # month trouble starts (13: never)
    done_in: int = 13  # month the lead reports completion (accepted)
    last_month: int = 9  # the last month the lead reported (earlier: late)
    returned_month: int = 0  # month whose report the coordinator returned


def profile_for(index: int) -> Profile:
    """The profile of the `index`-th unit of work (in path order): a fixed, readable mix."""
    if index in (4, 17, 29):
        return Profile(done_in={4: 6, 17: 7, 29: 8}[index])
    if index in (6, 21, 35):
        return Profile(trouble=Status.DELAYED, trouble_from={6: 5, 21: 6, 35: 7}[index])
    if index % 7 == 2:
        return Profile(trouble=Status.AT_RISK, trouble_from=5 + index % 4)
    if index in (9, 25):
        return Profile(last_month=7)  # August missing: late as of September 30
    if index == 40:
        return Profile(last_month=6)
    if index == 13:
        return Profile(returned_month=8)
    return Profile()


# ---- Narratives -----------------------------------------------------------------------------

CLAUSE_SPLIT = re.compile(r"[，；。]")
CITATION = re.compile(r"《[^》]*》|（[^）]*）")


def clauses(task: Task) -> list[str]:
    """Short action clauses from the task's text (citations dropped), for the narratives."""
    text = CITATION.sub("", task.text or task.title)
    parts = [p.strip() for p in CLAUSE_SPLIT.split(text) if 6 <= len(p.strip()) <= 40]
    parts = [p for p in parts if p != task.title] or [task.title]
    return parts


def _pick(items: list[str], month: int) -> str:
    return items[month % len(items)]


WORK_BY_STAGE = [
    # January–February: organise.
    "研究制定{title}年度工作要点，明确责任处室、责任人和时间节点；召开专题会议对{focus}作出安排部署。",
    # March–April: investigate.
    "围绕“{focus}”组织开展专题调研，赴兰州、天水、酒泉等地实地了解情况，召开座谈会听取基层意见，形成调研报告初稿。",
    # May: file the implementation plan.
    "按照省政府要求制订并报送本单位年度改革实施方案，细化{title}的实施步骤和完成时限；继续推进“{focus}”。",
    # June–July: draft and consult.
    "起草推进“{focus}”的具体措施（征求意见稿），征求相关部门和市州意见，已收到书面反馈意见多条，正在修改完善。",
    # August–September: implement.
    "推动“{focus}”落地实施，对各地落实情况进行督促检查，及时总结推广典型经验做法。",
]
STAGE_OF_MONTH = {1: 0, 2: 0, 3: 1, 4: 1, 5: 2, 6: 3, 7: 3, 8: 4, 9: 4}
PROBLEMS = {
    Status.NOT_STARTED: "年度工作方案尚在研究制定中，具体工作尚未全面启动。",
    Status.ON_TRACK: "",
    Status.AT_RISK: "“{focus}”涉及部门多、政策性强，部分配合单位工作进度不一，按期完成存在一定风险。",
    Status.DELAYED: "受国家相关配套政策尚未出台影响，“{focus}”推进滞后于计划进度，需省级层面协调解决。",
    Status.DONE: "",
}
NEXT_STEPS = {
    Status.NOT_STARTED: "下一步将尽快印发年度工作方案，启动“{next}”等重点工作。",
    Status.ON_TRACK: "下一步将继续抓好“{next}”，加强与配合单位的沟通衔接，确保年底前完成年度任务。",
    Status.AT_RISK: "下一步将主动加强与配合单位的衔接，建立周调度机制，集中力量推进“{next}”。",
    Status.DELAYED: "已向省政府专题报告有关情况，下一步将积极争取国家支持，同步做好“{next}”前期准备工作。",
    Status.DONE: "年度任务已完成，下一步将做好总结评估，巩固改革成果，建立长效机制。",
}
# How the month's account ends, by status.
WORK_TAIL = {
    Status.NOT_STARTED: "",
    Status.ON_TRACK: "各项工作总体按计划推进。",
    Status.AT_RISK: "部分事项进度偏慢，正在加紧推进。",
    Status.DELAYED: "个别关键环节未能按期完成。",
    Status.DONE: "",
}
DONE_WORK = "{title}年度任务已全面完成：“{focus}”等各项措施均已落实到位，相关文件已印发执行。"
CO_WORK = "配合{lead}做好{title}相关工作：围绕“{focus}”，按职责分工落实本单位承担的事项，并按时向牵头单位报送工作情况。"


def narrative(task: Task, month: int, status: str, *, lead_name: str = "") -> dict[str, str]:
    parts = clauses(task)
    focus, upcoming = _pick(parts, month), _pick(parts, month + 1)
    values = {"title": task.title, "focus": focus, "next": upcoming, "lead": lead_name}
    if lead_name:
        work = CO_WORK
    elif status == Status.DONE:
        work = DONE_WORK
    else:
        work = WORK_BY_STAGE[STAGE_OF_MONTH[month]] + WORK_TAIL[status]
    return {
        "work_done": work.format(**values),
        "problems": PROBLEMS[status].format(**values),
        "next_steps": NEXT_STEPS[status].format(**values),
    }


# ---- Evidence files -------------------------------------------------------------------------


def summary_docx(task: Task, unit_name: str, month: int, work_done: str) -> bytes:
    document = docx.Document()
    document.add_heading(f"{unit_name}关于{task.title}{month}月工作进展情况的报告", level=1)
    document.add_paragraph(work_done)
    document.add_paragraph(f"{unit_name}\n2012年{month}月")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def chart_png(percent: int, width: int = 240, height: int = 40) -> bytes:
    """A small real PNG: a progress bar filled to `percent`, drawn without an imaging library."""
    filled = width * percent // 100
    red, grey = b"\xa6\x1b\x1b", b"\xe6\xe8\xeb"
    row = b"\x00" + red * filled + grey * (width - filled)
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _attach(report: ProgressReport, name: str, content: bytes, by: User) -> None:
    evidence = evidence_store(
        name=name, content=content, by=by, reason="演示数据", cause=Cause.SETUP, report=report
    )
    # Uploaded with the report, not on the day the demo was loaded (auto_now_add sets today).
    Evidence.objects.filter(pk=evidence.pk).update(uploaded_at=report.submitted_at)


# ---- Loading --------------------------------------------------------------------------------


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _units_of_work(plan: Plan) -> list[Task]:
    return list(
        Task.objects.active()
        .filter(plan=plan, pk__in=Assignment.objects.leads().values("task_id"))
        .order_by("region_id", "path")
    )


def _reporter(unit, coordinator: User) -> User:
    """The unit's own editor where the demo has one; the reform office's account otherwise."""
    editor = User.objects.filter(unit=unit, role=User.Role.EDITOR, is_active=True).first()
    return editor or coordinator


def _status(profile: Profile, index: int, month: int) -> str:
    if month >= profile.done_in:
        return Status.DONE
    if month >= profile.trouble_from:
        return profile.trouble
    # In January a few units are still drafting their year's work plan.
    return Status.NOT_STARTED if month == 1 and index % 4 == 0 else Status.ON_TRACK


def _review(profile: Profile, index: int, month: int) -> str:
    if month == profile.returned_month:
        return Review.RETURNED
    if month == 9 or (month == 8 and index % 2):
        return Review.SUBMITTED
    return Review.ACCEPTED


def _report(task, unit, start, end, status, review, texts, coordinator) -> ProgressReport:
    # Sent a few days after the period; September's (ending on the demo's today) by the 30th.
    day = end + timedelta(days=1 + task.pk % 4)
    submitted = _at(day if day <= AS_OF else AS_OF - timedelta(days=task.pk % 3))
    report = ProgressReport(
        task=task,
        unit=unit,
        period_start=start,
        period_end=end,
        status=status,
        percent=default_percent(status, end),
        review=review,
        submitted_at=submitted,
        **texts,
    )
    if review in (Review.ACCEPTED, Review.RETURNED):
        report.reviewed_at = min(submitted + timedelta(days=3), _at(AS_OF, 17))
        report.reviewed_by = coordinator
        report.review_comment = RETURN_REASON if review == Review.RETURNED else ""
    return report


def _months(profile: Profile, index: int) -> list[tuple[date, date]]:
    """The periods the task's units reported: up to the last one, stopping once done."""
    periods = []
    for start, end in periods_of_year(2012, Plan.Cadence.MONTHLY, until=AS_OF):
        if start.month > profile.last_month or start.month > profile.done_in:
            break
        # September: about half of the units have filed by the 30th; the rest are not late yet.
        if start.month == 9 and index % 5 in (3, 4):
            break
        periods.append((start, end))
    return periods


@dataclass
class Filed:
    report: ProgressReport
    by: User
    evidence: bool = False


def _task_history(index: int, task: Task, coordinator: User) -> list[Filed]:
    profile = profile_for(index)
    assignments = list(
        task.assignments.filter(withdrawn=False, unit__isnull=False)
        .select_related("unit")
        .order_by("position")
    )
    leads = [a for a in assignments if a.role == Assignment.Role.LEAD]
    lead_name = leads[0].unit.short_name or leads[0].unit.name
    filed = []
    for start, end in _months(profile, index):
        month = start.month
        status = _status(profile, index, month)
        review = _review(profile, index, month)
        # A task the document gives several leads (共同牵头) has a report from each.
        for lead in leads:
            texts = narrative(task, month, status)
            report = _report(task, lead.unit, start, end, status, review, texts, coordinator)
            by = _reporter(lead.unit, coordinator)
            filed.append(Filed(report, by, evidence=month in (6, 9) and index % 3 == 0))
        # Co units report their own part to the lead; their parts are not reviewed for done.
        co_status = Status.DONE if status == Status.DONE else Status.ON_TRACK
        co_review = Review.SUBMITTED if month >= 8 else Review.ACCEPTED
        for co in assignments:
            if co.role != Assignment.Role.CO:
                continue
            texts = narrative(task, month, co_status, lead_name=lead_name)
            report = _report(task, co.unit, start, end, co_status, co_review, texts, coordinator)
            filed.append(Filed(report, _reporter(co.unit, coordinator)))
    return filed


def _save(filed: list[Filed]) -> None:
    """Write the reports with their audit history: the few with files one by one, the rest in
    bulk per reporting account (some 1,500 reports; one query per batch, not two per report)."""
    by_user: dict[int, list[ProgressReport]] = {}
    users = {}
    for item in filed:
        if item.evidence:
            report = audit.save(item.report, by=item.by, cause=Cause.SETUP, reason="演示数据")
            _attach_files(report, item.by)
        else:
            by_user.setdefault(item.by.pk, []).append(item.report)
            users[item.by.pk] = item.by
    for user_id, reports in by_user.items():
        bulk_create_with_history(
            reports,
            ProgressReport,
            batch_size=500,
            default_user=users[user_id],
            default_change_reason="演示数据",
            default_date=clock.now(),
            custom_historical_attrs={
                "history_cause": Cause.SETUP,
                "history_cause_detail": "演示数据",
            },
        )
    # Bulk history rows send no signal; seal them onto the audit chain here.
    chain.adopt(ProgressReport.history.model)


def _attach_files(report: ProgressReport, by: User) -> None:
    month = report.period_start.month
    unit = report.unit
    name = f"{unit.short_name or unit.name}{month}月工作进展报告.docx"
    _attach(report, name, summary_docx(report.task, unit.name, month, report.work_done), by)
    _attach(report, f"{report.task.path}任务进度示意{month}月.png", chart_png(report.percent), by)


@transaction.atomic
def demo_reports_load(*, plan: Plan, by: User) -> str:
    """Fill the 2012 plan with its January–September reports; skipped if any report exists.

    `by` is the reform office's account: it reviews the reports and files those of units
    that have no demo account of their own.
    """
    if ProgressReport.objects.filter(task__plan=plan).exists():
        return "reports 2012: present"
    filed = []
    for index, task in enumerate(_units_of_work(plan)):
        filed.extend(_task_history(index, task, by))
    _save(filed)
    files = Evidence.objects.filter(report__task__plan=plan).count()
    return f"reports 2012: {len(filed)} reports, {files} evidence files"
