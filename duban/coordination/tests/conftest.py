"""Coordination fixtures over the execution test plan (`plan_2012`, the only open plan).

- `finance_task` (1.1.1) is led by 省财政厅 (caizheng, viewer) with 省发展改革委 (fagai) co-operating;
- `city_task` (1.3.1) is 兰州市's alone, so caizheng and fagai are strangers to it;
- `issue`: caizheng's issue on 1.1.1 naming 省发展改革委;
- `meeting`: the coordinator's draft meeting with `issue` on its agenda and both units invited;
- `decided`: that meeting held and closed with one decision owed by 省财政厅 by 2012-10-15.
"""

from datetime import date

import pytest

from duban.coordination import services
from duban.coordination.models import Outcome
from duban.execution.tests import conftest as execution
from duban.execution.tests.conftest import make_task

# The execution tests' fixtures, shared (assigned, so that fixture parameters may reuse the names).
finance_task = execution.finance_task
finance_unit = execution.finance_unit
lanzhou_unit = execution.lanzhou_unit
no_demo_plan = execution.no_demo_plan
plan_2012 = execution.plan_2012
reform_unit = execution.reform_unit

DECISION_DUE = date(2012, 10, 15)


@pytest.fixture
def today(settings):
    """The demo's today: 2012-09-30."""
    settings.DUBAN_TODAY = date(2012, 9, 30)
    return settings.DUBAN_TODAY


@pytest.fixture
def city_task(plan_2012, lanzhou_unit):
    return make_task(plan_2012, "1.3.1", title="推进兰州新区体制创新", lead=lanzhou_unit)


@pytest.fixture
def issue(today, finance_task, caizheng, reform_unit):
    return services.issue_raise(
        task=finance_task,
        title="预算改革所需的项目库数据无法共享",
        blocker="省发展改革委的投资项目库与财政预算系统不联通，项目支出预算无法按期编制。",
        needed_units=[reform_unit],
        urgency="urgent",
        evidence="甘财预〔2012〕12号",
        by=caizheng,
    )


@pytest.fixture
def meeting(issue, plan_2012, coordinator, finance_unit, reform_unit):
    meeting = services.meeting_create(
        plan=plan_2012,
        title="预算管理改革联席会议",
        date=date(2012, 9, 28),
        place="省发展改革委三楼会议室",
        chair="省发展改革委副主任 张明",
        by=coordinator,
    )
    services.agenda_add_issue(meeting=meeting, issue=issue, by=coordinator)
    return services.meeting_set_units(
        meeting=meeting,
        units=[finance_unit, reform_unit],
        by=coordinator,
        seen_version=meeting.version,
    )


def hold(meeting, coordinator):
    """Convene and start `meeting`; returns it in progress."""
    meeting = services.meeting_convene(
        meeting=meeting, by=coordinator, seen_version=meeting.version
    )
    return services.meeting_start(meeting=meeting, by=coordinator, seen_version=meeting.version)


@pytest.fixture
def in_progress(meeting, coordinator):
    return hold(meeting, coordinator)


@pytest.fixture
def decided(in_progress, issue, coordinator, finance_unit, reform_unit) -> Outcome:
    outcome = services.outcome_record(
        meeting=in_progress,
        kind=Outcome.Kind.DECISION,
        agenda_item=in_progress.agenda.get(),
        text="省发展改革委向省财政厅开放投资项目库接口",
        owner_unit=finance_unit,
        co_units=[reform_unit],
        due_date=DECISION_DUE,
        by=coordinator,
    )
    in_progress.refresh_from_db()
    services.meeting_close(
        meeting=in_progress, summary="", by=coordinator, seen_version=in_progress.version
    )
    outcome.refresh_from_db()
    return outcome
