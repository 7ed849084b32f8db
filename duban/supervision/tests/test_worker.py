"""The worker's daily scan: queued once per day, run by the task queue like any other task."""

from datetime import date

from django_tasks_db.models import DBTaskResult

from duban.notifications.tests.conftest import run_queued_tasks
from duban.supervision.management.commands.worker import queue_scan_if_new_day
from duban.supervision.models import Reminder
from duban.supervision.tests.conftest import make_milestone


def test_the_scan_is_queued_once_a_day(settings, db):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    covered = queue_scan_if_new_day(None)
    assert covered == date(2012, 9, 30)
    assert queue_scan_if_new_day(covered) == covered
    assert DBTaskResult.objects.count() == 1
    settings.DUBAN_TODAY = date(2012, 10, 1)
    queue_scan_if_new_day(covered)
    assert DBTaskResult.objects.count() == 2


def test_the_queued_scan_creates_the_reminders(settings, finance_task, finance_unit):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    make_milestone(finance_task, finance_unit, "起草条例", date(2012, 9, 1))
    queue_scan_if_new_day(None)
    assert run_queued_tasks() == 1
    assert Reminder.objects.filter(target="milestone").count() == 1
    queue_scan_if_new_day(None)  # a restarted worker queues it again: harmless
    run_queued_tasks()
    assert Reminder.objects.filter(target="milestone").count() == 1
