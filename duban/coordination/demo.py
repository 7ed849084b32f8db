"""Demo coordination for the 2012 plan, as it stood on 2012-09-30.

Two issues — 省财政厅 on the small-business tax support of 1.6.2 (the national and local tax
bureaus read the preferential rules differently), 省发展改革委 on the energy-saving fund of 8.1
(who allocates it) — went to the first joint meeting on 6 September. Its minutes hold three
decisions: one carried out and accepted, one due at the end of October (on time), one due on
10 September and still not done (red by the demo's date).

Everything goes through the services the pages use; the stamps are then moved back into 2012.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db import transaction

from duban.coordination import services
from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.directory.models import Unit, User
from duban.plans.models import Plan, Task

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=SHANGHAI)


def _stamp(obj, day: date, hour: int = 10, **fields) -> None:
    """Move `obj`'s newest audit row (and any of its own time stamps) to `day`."""
    if fields:
        type(obj).objects.filter(pk=obj.pk).update(**fields)
    row = obj.history.order_by("-history_id").first()
    type(row).objects.filter(pk=row.pk).update(history_date=_at(day, hour))


def _unit(short_name: str) -> Unit:
    return Unit.objects.get(short_name=short_name)


def _issues(plan: Plan, caizheng: User, fagai: User) -> tuple[CoordinationIssue, CoordinationIssue]:
    tax = services.issue_raise(
        task=Task.objects.get(plan=plan, path="1.6.2", region=None),
        title="小型微型企业税收优惠政策国税、地税执行口径不一致",
        blocker=(
            "小型微型企业所得税减半征收、营业税起征点等优惠政策，国税、地税两个系统的认定标准和"
            "办理程序不一致，部分企业重复报送材料，政策落地慢，影响财税扶持任务按期完成。"
        ),
        needed_units=[_unit("省国税局"), _unit("省地税局"), _unit("省工信委")],
        urgency=CoordinationIssue.Urgency.URGENT,
        evidence="《关于小型微型企业所得税优惠政策有关问题的通知》（财税〔2011〕117号）；兰州、天水两市企业反映材料。",
        by=caizheng,
    )
    _stamp(tax, date(2012, 8, 20), created_at=_at(date(2012, 8, 20)))
    fund = services.issue_raise(
        task=Task.objects.get(plan=plan, path="8.1", region=None),
        title="节能减排专项资金分配办法尚未明确",
        blocker=(
            "节能减排激励约束机制要求以奖代补，但省级节能减排专项资金的分配办法、"
            "考核挂钩方式尚无部门牵头制定，市州项目无法申报。"
        ),
        needed_units=[_unit("省财政厅"), _unit("省工信委")],
        urgency=CoordinationIssue.Urgency.NORMAL,
        by=fagai,
    )
    _stamp(fund, date(2012, 8, 27), created_at=_at(date(2012, 8, 27)))
    reply = services.issue_reply(
        issue=fund,
        text="省财政厅同意会同省发展改革委研究制定分配办法，建议提交联席会议明确分工和时限。",
        by=caizheng,
    )
    _stamp(reply, date(2012, 8, 29), created_at=_at(date(2012, 8, 29)))
    return tax, fund


def _meeting(plan: Plan, coordinator: User, tax, fund) -> Meeting:
    meeting = services.meeting_create(
        plan=plan,
        title="2012年全省经济体制改革第一次联席会议",
        date=date(2012, 9, 6),
        start_time=time(9, 30),
        place="省发展改革委三楼会议室",
        chair="省发展改革委副主任 张明",
        by=coordinator,
    )
    _stamp(meeting, date(2012, 8, 31))
    for issue in (tax, fund):
        item = services.agenda_add_issue(meeting=meeting, issue=issue, by=coordinator)
        _stamp(item, date(2012, 8, 31))
        _stamp(issue, date(2012, 8, 31))
    units = [_unit(n) for n in ("省发展改革委", "省财政厅", "省工信委", "省国税局", "省地税局")]
    meeting = services.meeting_set_units(
        meeting=meeting, units=units, by=coordinator, seen_version=meeting.version
    )
    meeting = services.meeting_convene(
        meeting=meeting, by=coordinator, seen_version=meeting.version
    )
    _stamp(meeting, date(2012, 9, 3), convened_at=_at(date(2012, 9, 3)))
    meeting.refresh_from_db()
    meeting = services.meeting_start(meeting=meeting, by=coordinator, seen_version=meeting.version)
    _stamp(meeting, date(2012, 9, 6), 9)
    return meeting


def _decide(meeting: Meeting, coordinator: User) -> list[Outcome]:
    tax_item, fund_item = meeting.agenda.order_by("position")
    record = services.outcome_record
    record(
        meeting=meeting,
        kind=Outcome.Kind.INFORMATION,
        text="省发展改革委通报了2012年经济体制改革任务上半年推进情况和实施方案备案情况。",
        by=coordinator,
    )
    done = record(
        meeting=meeting,
        kind=Outcome.Kind.DECISION,
        agenda_item=tax_item,
        text="省财政厅会同省工信委制定小型微型企业发展专项资金管理办法，明确扶持范围和申报程序",
        owner_unit=_unit("省财政厅"),
        co_units=[_unit("省工信委")],
        due_date=date(2012, 9, 20),
        by=coordinator,
    )
    on_time = record(
        meeting=meeting,
        kind=Outcome.Kind.DECISION,
        agenda_item=tax_item,
        text="省国税局、省地税局统一小型微型企业税收优惠政策执行口径，联合发文并实行一窗受理",
        owner_unit=_unit("省国税局"),
        co_units=[_unit("省地税局")],
        due_date=date(2012, 10, 31),
        by=coordinator,
    )
    overdue = record(
        meeting=meeting,
        kind=Outcome.Kind.DECISION,
        agenda_item=fund_item,
        text="省财政厅会同省发展改革委制定省级节能减排专项资金分配办法，报省政府审定",
        owner_unit=_unit("省财政厅"),
        co_units=[_unit("省发展改革委")],
        due_date=date(2012, 9, 10),
        by=coordinator,
    )
    for outcome in meeting.outcomes.all():
        _stamp(outcome, date(2012, 9, 6), 11)
    for item in (tax_item, fund_item):
        _stamp(item.issue, date(2012, 9, 6), 11)
    return [done, on_time, overdue]


def _carry_out(done: Outcome, overdue: Outcome, caizheng: User, coordinator: User) -> None:
    note = services.decision_report_progress(
        outcome=done, note="管理办法已起草完成，正在征求省工信委意见。", by=caizheng
    )
    _stamp(note, date(2012, 9, 12), reported_on=date(2012, 9, 12))
    done = services.decision_mark_done(
        outcome=done,
        met_on=date(2012, 9, 18),
        evidence="《甘肃省小型微型企业发展专项资金管理办法》（甘财企〔2012〕86号）已印发。",
        by=caizheng,
        seen_version=done.version,
    )
    _stamp(done, date(2012, 9, 18), 15)
    done = services.decision_accept(outcome=done, by=coordinator, seen_version=done.version)
    _stamp(done, date(2012, 9, 21), 16, accepted_on=date(2012, 9, 21))
    late = services.decision_report_progress(
        outcome=overdue,
        note="分配办法初稿已形成，与省发展改革委在考核挂钩比例上尚有分歧，正在进一步协商。",
        by=caizheng,
    )
    _stamp(late, date(2012, 9, 25), reported_on=date(2012, 9, 25))


@transaction.atomic
def demo_coordination_load(*, plan: Plan, coordinator: User) -> str:
    """Two issues, one joint meeting with minutes and three decisions; skipped if already there."""
    if Meeting.objects.filter(plan=plan).exists():
        return "coordination: already there, skipped"
    caizheng = User.objects.get(username="caizheng")
    fagai = User.objects.get(username="fagai")
    tax, fund = _issues(plan, caizheng, fagai)
    meeting = _meeting(plan, coordinator, tax, fund)
    done, _on_time, overdue = _decide(meeting, coordinator)
    meeting.refresh_from_db()
    meeting = services.meeting_close(
        meeting=meeting,
        summary="会议听取了有关单位的情况汇报，就小型微型企业财税扶持和节能减排专项资金分配问题进行了研究协调。",
        by=coordinator,
        seen_version=meeting.version,
    )
    _stamp(meeting, date(2012, 9, 6), 12, closed_at=_at(date(2012, 9, 6), 12))
    _carry_out(done, overdue, caizheng, coordinator)
    tax.refresh_from_db()
    services.issue_close(
        issue=tax,
        note="会议已明确资金管理办法和税收执行口径两项分工，管理办法已印发，执行口径由国税、地税按期联合发文。",
        by=coordinator,
        seen_version=tax.version,
    )
    _stamp(tax, date(2012, 9, 21), 16)
    return "coordination: 2 issues, 1 joint meeting with minutes, 3 decisions (1 done, 1 due, 1 overdue)"
