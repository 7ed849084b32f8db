from datetime import date

import time_machine
from django.utils import timezone

from duban.lib.clock import as_of_or_today, end_of_day, now, on_day, today


def test_today_follows_the_clock_in_shanghai(settings):
    settings.DUBAN_TODAY = None
    # 2012-09-30 17:00 UTC is already 1 October in Asia/Shanghai.
    with time_machine.travel("2012-09-30 17:00:00+00:00", tick=False):
        assert today() == date(2012, 10, 1)


def test_a_fixed_today_wins(settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    assert today() == date(2012, 9, 30)
    assert as_of_or_today(date(2012, 6, 1)) == date(2012, 6, 1)
    assert as_of_or_today(None) == date(2012, 9, 30)


def test_now_follows_the_real_clock_without_a_fixed_day(settings):
    settings.DUBAN_TODAY = None
    with time_machine.travel("2026-12-03 05:30:00+00:00", tick=False):
        assert now() == timezone.now()


def test_now_is_the_fixed_day_at_the_time_of_day(settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    # 05:30 UTC is 13:30 in Asia/Shanghai: the stamp keeps the local time of day.
    with time_machine.travel("2026-12-03 05:30:00+00:00", tick=False):
        stamp = timezone.localtime(now())
    assert (stamp.date(), stamp.hour, stamp.minute) == (date(2012, 9, 30), 13, 30)
    assert stamp < end_of_day(date(2012, 9, 30))
    assert stamp >= end_of_day(date(2012, 9, 29))


def test_a_block_can_run_on_another_day(settings):
    settings.DUBAN_TODAY = None
    with on_day(date(2012, 9, 30)):
        assert today() == date(2012, 9, 30)
        assert timezone.localtime(now()).date() == date(2012, 9, 30)
    assert today() != date(2012, 9, 30)
