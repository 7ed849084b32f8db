"""A decision as owed work: its light, the owner's reports, acceptance, the owed-work registry and
the assessment measure."""

from datetime import date

import pytest

from duban.audit.services import DomainError
from duban.coordination import services
from duban.coordination.lights import decision_light
from duban.coordination.models import Outcome
from duban.coordination.owed import DECISION, decision_lines
from duban.coordination.selectors import decisions_of_unit
from duban.coordination.tests.conftest import DECISION_DUE
from duban.lib import measures, owed
from duban.notifications.models import Notification
from duban.supervision.lights import load_rule_set

RULES = load_rule_set("default")


def light(as_of, *, met_on=None, accepted_on=None):
    return decision_light(
        title="开放接口",
        decided_on=date(2012, 9, 6),
        due=date(2012, 10, 15),
        met_on=met_on,
        accepted_on=accepted_on,
        as_of=as_of,
        rules=RULES,
    )


@pytest.mark.parametrize(
    ("as_of", "colour"),
    [
        (date(2012, 10, 15), "green"),  # due today, not yet late
        (date(2012, 10, 16), "yellow"),  # passed unmet
        (date(2012, 10, 30), "yellow"),  # 15 days late: still yellow
        (date(2012, 10, 31), "red"),  # more than 15 days late
    ],
)
def test_the_light_follows_the_milestone_thresholds(as_of, colour):
    assert light(as_of).colour == colour


def test_a_late_decision_says_so_in_its_own_words():
    assert "议定事项“开放接口”已逾期16天" in light(date(2012, 10, 31)).reasons[0]


def test_met_is_green_and_accepted_is_done():
    assert light(date(2012, 11, 30), met_on=date(2012, 10, 10)).colour == "green"
    done = light(date(2012, 11, 30), met_on=date(2012, 10, 10), accepted_on=date(2012, 10, 12))
    assert done.colour == "done"


def test_a_stricter_rule_set_is_obeyed():
    strict = load_rule_set("strict")
    assert decision_light(
        title="x",
        decided_on=date(2012, 9, 6),
        due=date(2012, 10, 15),
        met_on=None,
        accepted_on=None,
        as_of=date(2012, 10, 31),
        rules=strict,
    ).colour in ("red", "orange")


def test_the_owner_sees_it_and_it_turns_red_when_overdue(decided, finance_unit, reform_unit):
    (row,) = decisions_of_unit(finance_unit, as_of=date(2012, 9, 30))
    assert row.outcome == decided and row.light.colour == "green"
    (late,) = decisions_of_unit(finance_unit, as_of=date(2012, 11, 1))
    assert late.light.colour == "red"
    assert decisions_of_unit(reform_unit, as_of=date(2012, 9, 30))  # co units see it too


def test_a_decision_is_owed_by_its_owner_until_done(decided, finance_unit, caizheng):
    items = [i for i in owed.due_items(as_of=date(2012, 9, 30)) if i.target == DECISION]
    assert [(i.unit_id, i.due, i.task_id) for i in items] == [
        (finance_unit.pk, DECISION_DUE, decided.tasks.get().pk)
    ]
    services.decision_mark_done(
        outcome=decided,
        met_on=date(2012, 9, 29),
        evidence="接口已开放",
        by=caizheng,
        seen_version=decided.version,
    )
    assert not [i for i in owed.due_items(as_of=date(2012, 9, 30)) if i.target == DECISION]


def test_a_decision_of_a_meeting_still_running_is_not_yet_owed(
    in_progress, coordinator, finance_unit
):
    services.outcome_record(
        meeting=in_progress,
        kind=Outcome.Kind.DECISION,
        text="开放接口",
        owner_unit=finance_unit,
        due_date=DECISION_DUE,
        by=coordinator,
    )
    assert not [i for i in owed.due_items(as_of=date(2012, 9, 30)) if i.target == DECISION]


def test_the_owner_reports_progress_then_done_and_the_office_accepts(
    decided, caizheng, coordinator
):
    services.decision_report_progress(outcome=decided, note="接口联调中", by=caizheng)
    done = services.decision_mark_done(
        outcome=decided,
        met_on=date(2012, 9, 29),
        evidence="联调报告",
        by=caizheng,
        seen_version=decided.version,
    )
    assert done.status == Outcome.Status.DONE
    assert Notification.objects.filter(user=coordinator, kind="coordination.decision_done").exists()
    accepted = services.decision_accept(outcome=done, by=coordinator, seen_version=done.version)
    assert accepted.status == Outcome.Status.ACCEPTED and accepted.accepted_on == date(2012, 9, 30)
    statuses = [h.status for h in accepted.history.order_by("history_id")]
    assert statuses[-2:] == ["done", "accepted"]
    with pytest.raises(DomainError):
        services.decision_report_progress(outcome=accepted, note="x", by=caizheng)


def test_done_needs_evidence_and_a_past_date(decided, caizheng):
    with pytest.raises(DomainError, match="办结依据"):
        services.decision_mark_done(
            outcome=decided,
            met_on=date(2012, 9, 29),
            evidence=" ",
            by=caizheng,
            seen_version=decided.version,
        )
    with pytest.raises(DomainError, match="不能晚于今天"):
        services.decision_mark_done(
            outcome=decided,
            met_on=date(2012, 10, 2),
            evidence="x",
            by=caizheng,
            seen_version=decided.version,
        )


def test_only_a_done_decision_can_be_accepted(decided, coordinator):
    with pytest.raises(DomainError, match="报告办结后"):
        services.decision_accept(outcome=decided, by=coordinator, seen_version=decided.version)


def test_the_measure_scores_owner_and_co_units(
    decided, caizheng, plan_2012, finance_unit, reform_unit
):
    assert measures.get("decisions_on_time").lines is decision_lines
    assert decision_lines(plan=plan_2012, as_of=date(2012, 9, 30)) == []  # not yet due
    late = decision_lines(plan=plan_2012, as_of=date(2012, 10, 20))
    assert {(line.unit_id, line.role, line.score) for line in late} == {
        (finance_unit.pk, "lead", 0.0),
        (reform_unit.pk, "co", 0.0),
    }
    services.decision_mark_done(
        outcome=decided,
        met_on=date(2012, 9, 29),
        evidence="接口已开放",
        by=caizheng,
        seen_version=decided.version,
    )
    on_time = decision_lines(plan=plan_2012, as_of=date(2012, 9, 30))
    assert {(line.role, line.score) for line in on_time} == {("lead", 1.0), ("co", 1.0)}
    assert "按期" in on_time[0].label and on_time[0].task_id == decided.tasks.get().pk


def test_the_supervision_scan_reminds_the_owner_of_an_overdue_decision(decided, caizheng):
    from duban.supervision.models import Reminder
    from duban.supervision.services import supervise

    supervise(as_of=date(2012, 10, 16))
    reminder = Reminder.objects.get(target=DECISION)
    assert reminder.unit_id == decided.owner_unit_id and reminder.days_overdue == 1
    assert Notification.objects.filter(user=caizheng, kind__startswith="reminder.").exists()
