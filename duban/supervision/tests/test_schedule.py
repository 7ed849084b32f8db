"""Which reminder a scan on a given day makes sure exists, under the default schedule."""

from datetime import date

import pytest

from duban.supervision.schedule import due_phrase, reminder_due

DUE = date(2012, 10, 5)
DEFAULT = {
    "before_due_days": [7, 1],
    "on_due_date": True,
    "overdue_every_days": 7,
    "catch_up_days": 7,
}

CASES = [
    ("long before", date(2012, 9, 20), None),
    ("seven days before", date(2012, 9, 28), ("before_due", date(2012, 9, 28))),
    ("between the two early ones", date(2012, 10, 1), ("before_due", date(2012, 9, 28))),
    ("the day before", date(2012, 10, 4), ("before_due", date(2012, 10, 4))),
    ("on the day", date(2012, 10, 5), ("due_today", date(2012, 10, 5))),
    ("a week late", date(2012, 10, 12), ("overdue_weekly", date(2012, 10, 12))),
    ("ten days late", date(2012, 10, 15), ("overdue_weekly", date(2012, 10, 12))),
    ("three weeks late", date(2012, 10, 26), ("overdue_weekly", date(2012, 10, 26))),
]


@pytest.mark.parametrize(("case", "as_of", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reminder_due(case, as_of, expected):
    assert reminder_due(DUE, as_of, DEFAULT) == expected


def test_a_reminder_older_than_the_catch_up_window_is_not_sent_late():
    sparse = DEFAULT | {"overdue_every_days": 0, "catch_up_days": 2}
    assert reminder_due(DUE, date(2012, 10, 7), sparse) == ("due_today", DUE)
    assert reminder_due(DUE, date(2012, 10, 8), sparse) is None


def test_due_phrase():
    assert due_phrase(DUE, date(2012, 9, 30)) == "将于10月5日到期（还有5天）"
    assert due_phrase(DUE, DUE) == "今天到期"
    assert due_phrase(DUE, date(2012, 10, 30)) == "已逾期25天（10月5日到期）"
