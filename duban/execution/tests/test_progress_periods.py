"""Reporting periods, due dates and default percents: the calendar rules, checked by hand."""

from datetime import date

import pytest

from duban.execution.progress import (
    default_percent,
    elapsed_share,
    is_late,
    period_for,
    periods_of_year,
    report_due,
)


@pytest.mark.parametrize(
    ("day", "cadence", "period"),
    [
        (date(2012, 9, 30), "monthly", (date(2012, 9, 1), date(2012, 9, 30))),
        (date(2012, 2, 10), "monthly", (date(2012, 2, 1), date(2012, 2, 29))),  # leap year
        (date(2012, 8, 3), "quarterly", (date(2012, 7, 1), date(2012, 9, 30))),
        (date(2012, 12, 31), "quarterly", (date(2012, 10, 1), date(2012, 12, 31))),
    ],
)
def test_a_day_falls_in_its_month_or_quarter(day, cadence, period):
    assert period_for(day, cadence) == period


def test_an_unknown_cadence_is_refused():
    with pytest.raises(ValueError):
        period_for(date(2012, 1, 1), "weekly")


def test_the_year_runs_from_january_to_the_period_containing_the_day():
    periods = list(periods_of_year(2012, "monthly", until=date(2012, 9, 30)))
    assert len(periods) == 9
    assert periods[0] == (date(2012, 1, 1), date(2012, 1, 31))
    assert periods[-1] == (date(2012, 9, 1), date(2012, 9, 30))
    assert len(list(periods_of_year(2012, "quarterly", until=date(2012, 9, 30)))) == 3


def test_a_report_is_due_on_the_fifth_day_after_its_period():
    assert report_due(date(2012, 8, 31)) == date(2012, 9, 5)
    assert not is_late(date(2012, 8, 31), date(2012, 9, 5))
    assert is_late(date(2012, 8, 31), date(2012, 9, 6))


def test_the_elapsed_share_is_rounded_to_five():
    assert elapsed_share(date(2012, 9, 30)) == 75  # day 274 of 366 = 74.9%
    assert elapsed_share(date(2012, 6, 30)) == 50
    assert elapsed_share(date(2012, 12, 31)) == 100


@pytest.mark.parametrize(
    ("status", "percent"),
    [("not_started", 0), ("on_track", 75), ("at_risk", 65), ("delayed", 55), ("done", 100)],
)
def test_each_status_has_its_default_percent(status, percent):
    assert default_percent(status, date(2012, 9, 30)) == percent


def test_a_default_never_falls_below_zero():
    assert default_percent("delayed", date(2012, 1, 31)) == 0
