"""The periodic scan: reminders before, on and after due dates, each created exactly once."""

import threading
import time
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from duban.execution.models import ImplementationPlan, ProgressReport
from duban.notifications.models import Notification
from duban.supervision.models import EscalationStep, Reminder
from duban.supervision.services import supervise
from duban.supervision.tests.conftest import at, make_milestone, make_report


@pytest.fixture
def reported(finance_task, finance_unit, reform_unit):
    """Both units reported every month through August; both filed their implementation plans."""
    for unit in (finance_unit, reform_unit):
        for month in range(1, 9):
            make_report(finance_task, unit, month)
        ImplementationPlan.objects.create(
            plan=finance_task.plan, unit=unit, first_submitted_at=at(date(2012, 5, 15))
        )
    return finance_task


def reminders(**filters):
    return list(Reminder.objects.filter(**filters).order_by("fire_date", "target_key"))


def test_a_milestone_is_reminded_a_week_before(reported, finance_unit, caizheng, viewer):
    make_milestone(reported, finance_unit, "起草条例", date(2012, 10, 7))
    counts = supervise(as_of=date(2012, 9, 30))
    (reminder,) = reminders(target="milestone")
    assert (reminder.kind, reminder.fire_date) == ("before_due", date(2012, 9, 30))
    assert counts["created"] == 1 + 2  # and each unit's September report, due 10-05
    titles = Notification.objects.filter(user=caizheng).values_list("title", flat=True)
    assert "到期前提醒：1.1.1 里程碑“起草条例”将于10月7日到期（还有7天）" in titles
    assert Notification.objects.filter(user=viewer).count() == 2  # the unit's viewer too


def test_running_twice_sends_nothing_twice(reported, finance_unit):
    make_milestone(reported, finance_unit, "起草条例", date(2012, 9, 1))
    first = supervise(as_of=date(2012, 9, 30))
    sent = Notification.objects.count()
    second = supervise(as_of=date(2012, 9, 30))
    assert first["created"] > 0
    assert second["created"] == 0
    assert second["existing"] == first["created"]
    assert Notification.objects.count() == sent


def test_a_daily_scan_sends_each_reminder_on_its_day(reported, finance_unit):
    make_milestone(reported, finance_unit, "起草条例", date(2012, 10, 7))
    supervise(as_of=date(2012, 9, 30))
    for day in range(1, 8):
        supervise(as_of=date(2012, 10, day))
    kinds = [r.kind for r in reminders(target="milestone")]
    assert kinds == ["before_due", "before_due", "due_today"]


def test_an_overdue_milestone_is_reminded_weekly_and_queued_after_15_days(reported, finance_unit):
    make_milestone(reported, finance_unit, "起草条例", date(2012, 9, 1))
    supervise(as_of=date(2012, 9, 8))
    supervise(as_of=date(2012, 9, 15))
    supervise(as_of=date(2012, 9, 22))
    weekly = reminders(target="milestone", kind="overdue_weekly")
    assert [(r.fire_date, r.days_overdue, r.queued) for r in weekly] == [
        (date(2012, 9, 8), 7, False),
        (date(2012, 9, 15), 14, False),
        (date(2012, 9, 22), 21, True),
    ]
    # Each weekly reminder is the ladder's first rung, recorded.
    assert EscalationStep.objects.filter(step="reminder", unit=finance_unit).count() == 3


def test_a_met_milestone_is_not_reminded(reported, finance_unit):
    make_milestone(reported, finance_unit, "起草条例", date(2012, 9, 1), met_on=date(2012, 8, 30))
    supervise(as_of=date(2012, 9, 8))
    assert reminders(target="milestone") == []


def test_a_missing_report_is_reminded_to_the_unit_that_owes_it(
    finance_task, finance_unit, reform_unit
):
    for month in range(1, 8):
        make_report(finance_task, finance_unit, month)
    for month in range(1, 9):
        make_report(finance_task, reform_unit, month)
    supervise(as_of=date(2012, 9, 12))
    late = reminders(target="report", kind="overdue_weekly")
    assert [(r.unit, r.title, r.due_date) for r in late] == [
        (finance_unit, "1.1.1 2012年8月进展报告", date(2012, 9, 5))
    ]


def test_a_draft_report_is_still_owed(finance_task, finance_unit):
    make_report(finance_task, finance_unit, 8, review=ProgressReport.Review.DRAFT)
    supervise(as_of=date(2012, 9, 5))
    keys = [r.target_key for r in reminders(target="report", unit=finance_unit)]
    assert f"report:{finance_task.pk}:{finance_unit.pk}:2012-08-01" in keys


def test_an_implementation_plan_not_submitted_is_reminded(finance_task, finance_unit):
    supervise(as_of=date(2012, 5, 13))  # the filing deadline is 2012-05-20
    (reminder,) = reminders(target="implementation_plan", unit=finance_unit)
    assert reminder.kind == "before_due"
    assert reminder.title == "2012年改革实施方案报送备案"


def test_the_command_twice_creates_the_reminders_once(reported, finance_unit):
    make_milestone(reported, finance_unit, "起草条例", date(2012, 9, 1))
    first, second = StringIO(), StringIO()
    call_command("supervise", "--as-of", "2012-09-30", stdout=first)
    call_command("supervise", "--as-of", "2012-09-30", stdout=second)
    assert "3 reminders created" in first.getvalue()
    assert "0 reminders created" in second.getvalue()
    assert "3 already sent" in second.getvalue()


def test_only_a_lead_unit_is_reminded_to_file_an_implementation_plan(finance_task, reform_unit):
    # 省发展改革委 only co-operates on 1.1.1: it supports the lead and files no plan of its own.
    supervise(as_of=date(2012, 5, 13))
    assert reminders(target="implementation_plan", unit=reform_unit) == []


def test_the_calendar_shows_the_filing_deadline_to_lead_units_only(
    finance_task, finance_unit, reform_unit
):
    from duban.supervision.selectors import calendar_events

    def filing(unit):
        return [e for e in calendar_events(unit) if e.uid.startswith("implementation-plan")]

    assert len(filing(finance_unit)) == 1
    assert filing(reform_unit) == []


def test_the_scan_chases_whatever_an_app_registers(finance_task, finance_unit, caizheng):
    from duban.lib import owed

    def inspections(*, as_of, lookahead_days, unit_id):
        return [
            owed.DueItem(
                target="inspection",
                key="inspection:1",
                unit_id=finance_unit.pk,
                plan_id=finance_task.plan_id,
                title="专项督查整改事项",
                due=as_of,
                link="/",
            )
        ]

    owed.register("inspection", "督查整改事项", inspections)
    try:
        supervise(as_of=date(2012, 9, 30))
    finally:
        owed._providers.pop("inspection")
    (reminder,) = reminders(target="inspection")
    assert (reminder.kind, reminder.unit) == ("due_today", finance_unit)
    assert owed.label("inspection") == "inspection"  # gone once unregistered


def test_a_rerun_creates_no_row_and_queues_no_delivery(
    reported, finance_unit, caizheng, django_capture_on_commit_callbacks
):
    caizheng.email = "caizheng@example.gov.cn"
    caizheng.save(update_fields=["email"])
    make_milestone(reported, finance_unit, "起草条例", date(2012, 9, 1))
    with django_capture_on_commit_callbacks(execute=True):
        supervise(as_of=date(2012, 9, 30))
    before = _everything_sent()
    with django_capture_on_commit_callbacks(execute=True):
        supervise(as_of=date(2012, 9, 30))
    assert _everything_sent() == before
    assert before[-1] > 0  # the e-mails of the first run were queued


def _everything_sent() -> tuple[int, ...]:
    from django_tasks_db.models import DBTaskResult

    return (
        Reminder.objects.count(),
        EscalationStep.objects.count(),
        Notification.objects.count(),
        DBTaskResult.objects.count(),
    )


def test_a_run_after_a_partial_run_sends_only_what_is_missing(reported, finance_unit, caizheng):
    for day in (1, 2, 3):
        make_milestone(reported, finance_unit, f"里程碑{day}", date(2012, 9, day))
    first = supervise(as_of=date(2012, 9, 30))
    told = sorted(Notification.objects.filter(user=caizheng).values_list("title", flat=True))
    # As if the run had stopped before its last chunk: that chunk's rows never committed.
    lost = Reminder.objects.get(target="milestone", title__contains="里程碑3")
    lost.escalations.all().delete()
    Notification.objects.filter(title__contains="里程碑3").delete()
    lost.delete()

    second = supervise(as_of=date(2012, 9, 30))

    assert (second["created"], second["existing"]) == (1, first["created"] - 1)
    titles = Notification.objects.filter(user=caizheng).values_list("title", flat=True)
    assert sorted(titles) == told
    assert EscalationStep.objects.filter(reminder__target="milestone").count() == 3


def test_interleaved_runs_create_each_reminder_once(reported, finance_unit, monkeypatch):
    from duban.lib import owed
    from duban.supervision import services

    for day in range(1, 6):
        make_milestone(reported, finance_unit, f"里程碑{day}", date(2012, 9, day))
    monkeypatch.setattr(services, "CHUNK", 2)
    as_of = date(2012, 9, 30)
    items = owed.due_items(as_of=as_of, lookahead_days=7)
    # One run does its first chunk; a second whole run; then the first one's other chunks.
    rules = services.active_rules()
    people = services.unit_recipients({finance_unit.pk})
    wanted = services._reminders_due(items, as_of, rules)
    early = services._remind(wanted[:2], as_of, people)
    whole = supervise(as_of=as_of)
    late = services._remind(services._reminders_due(items, as_of, rules)[2:], as_of, people)

    assert len(early) == 2 and late == []
    assert whole["created"] == len(wanted) - 2
    assert Reminder.objects.count() == len(wanted)
    sent = Notification.objects.values_list("user_id", "title")
    assert len(sent) == len(set(sent))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_a_concurrent_worker_waits_and_then_sends_nothing(reported, finance_unit):
    """While one worker's rows are not committed, the other's insert waits on them; once they
    are, it skips them: every reminder and message exactly once, whoever wins."""
    make_milestone(reported, finance_unit, "起草条例", date(2012, 9, 1))
    second = {}

    def other_worker():
        try:
            second.update(supervise(as_of=date(2012, 9, 30)))
        finally:
            connection.close()

    with transaction.atomic():
        first = supervise(as_of=date(2012, 9, 30))
        worker = threading.Thread(target=other_worker)
        worker.start()
        assert _a_query_waits_on_a_lock()  # the other worker's insert, behind these rows
    worker.join(timeout=30)

    assert first["created"] > 0
    assert (second["created"], second["existing"]) == (0, first["created"])
    assert Reminder.objects.count() == first["created"]
    sent = Notification.objects.values_list("user_id", "title")
    assert len(sent) == len(set(sent))


def _a_query_waits_on_a_lock(seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            # Statistics are read once per transaction unless the snapshot is dropped.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.05)
    return False


def test_the_scan_makes_as_many_queries_for_forty_more_items(reported, finance_unit):
    make_milestone(reported, finance_unit, "起草条例", date(2012, 9, 1))
    few = _queries_of_a_scan(created=3)
    for number in range(40):
        make_milestone(reported, finance_unit, f"里程碑{number}", date(2012, 10, 7))
    assert _queries_of_a_scan(created=43) == few


def _queries_of_a_scan(*, created: int) -> int:
    """The queries of a scan on 2012-09-30 that creates `created` reminders, then undone."""
    with CaptureQueriesContext(connection) as queries:
        counts = supervise(as_of=date(2012, 9, 30))
    assert counts["created"] == created
    Notification.objects.all().delete()
    EscalationStep.objects.all().delete()
    Reminder.objects.all().delete()
    return len(queries)
