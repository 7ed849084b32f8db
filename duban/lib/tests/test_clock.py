from datetime import date

import time_machine

from duban.lib.clock import as_of_or_today, today


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
