"""`duban worker`: run the background tasks and queue the supervision scan once a day.

The tasks (e-mail, webhooks, the scan) live in the database (django-tasks-db), so the worker
needs no other service. A small thread queues the scan when the worker starts and again each
time the date (`duban.lib.clock.today`) changes; the main thread runs `db_worker`. Running
the scan more than once a day, or from two workers, sends nothing twice: reminders are keyed
by item and day.
"""

import threading
from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from duban.lib.clock import today


def queue_scan_if_new_day(queued_for: date | None) -> date:
    """Queue the scan unless it was already queued for today; returns the day now covered."""
    # Imported here: the task module registers with the task backend once settings are ready.
    from duban.supervision.tasks import supervise_task

    day = today()
    if day != queued_for:
        supervise_task.enqueue(day.isoformat())
    return day


def schedule_daily_scan(stop: threading.Event, every_seconds: float) -> None:
    queued_for = None
    while not stop.is_set():
        queued_for = queue_scan_if_new_day(queued_for)
        connection.close()  # this thread's own connection; the worker keeps its own
        stop.wait(every_seconds)


class Command(BaseCommand):
    help = "Run background tasks (e-mail, webhooks) and queue the supervision scan daily."

    def add_arguments(self, parser):
        parser.add_argument("--no-scan", action="store_true", help="do not queue the daily scan")
        parser.add_argument(
            "--check-every", type=float, default=300, help="seconds between date checks"
        )
        parser.add_argument(
            "--interval", type=float, default=1, help="seconds between polls of an empty queue"
        )

    def handle(self, *args, no_scan=False, check_every=300, interval=1, **options):
        stop = threading.Event()
        if not no_scan:
            thread = threading.Thread(
                target=schedule_daily_scan, args=(stop, check_every), daemon=True
            )
            thread.start()
        try:
            call_command("db_worker", interval=interval)
        finally:
            stop.set()
