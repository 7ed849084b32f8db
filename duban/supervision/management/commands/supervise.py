"""`duban supervise [--as-of DATE]`: create the reminders due on a date, each exactly once."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from duban.lib import progress
from duban.supervision.services import lights_store, supervise


class Command(BaseCommand):
    help = "Create the reminders due on a date (default today); safe to run any number of times."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="the date to scan as of, YYYY-MM-DD")
        progress.add_argument(parser)

    def handle(self, *args, as_of=None, **options):
        try:
            day = date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError(
                f"--as-of {as_of!r} is not a date (YYYY-MM-DD).", returncode=2
            ) from None
        with progress.for_command(self, options):
            counts = supervise(as_of=day)
            lights = lights_store(as_of=day)
        self.stdout.write(
            f"{counts['items']} open items, {counts['created']} reminders created "
            f"({counts['queued']} to the coordinator's queue), {counts['existing']} already sent; "
            f"{lights} task lights kept for the day"
        )
