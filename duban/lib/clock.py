"""Today's date for every date rule, so that a past state can be viewed and reported.

`DUBAN_TODAY` fixes it for a whole deployment (the demo runs as of 2012-09-30); tests move it
with time-machine or pass `as_of` explicitly.
"""

from datetime import date

from django.conf import settings
from django.utils import timezone


def today() -> date:
    return settings.DUBAN_TODAY or timezone.localdate()


def as_of_or_today(as_of: date | None) -> date:
    return as_of or today()
