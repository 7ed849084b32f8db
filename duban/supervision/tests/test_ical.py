"""The calendar feed: RFC 5545 text, CRLF and folded lines, reachable only by a live token."""

from datetime import UTC, date, datetime

from django.urls import reverse

from duban.supervision.ical import Event, calendar, fold
from duban.supervision.services import calendar_token_create, calendar_token_revoke
from duban.supervision.tests.conftest import make_milestone


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    line = "SUMMARY:" + "里程碑" * 30
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line


def test_a_calendar_is_crlf_with_escaped_text():
    text = calendar(
        "督办",
        [Event("m-1@duban", date(2012, 10, 7), "起草条例; 征求意见, 报批")],
        stamp=datetime(2012, 9, 30, 4, 0, tzinfo=UTC),
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTART;VALUE=DATE:20121007\r\nDTEND;VALUE=DATE:20121008\r\n" in text
    assert "SUMMARY:起草条例\\; 征求意见\\, 报批\r\n" in text
    assert "DTSTAMP:20120930T040000Z" in text


def test_the_feed_lists_the_units_due_dates(client, caizheng, finance_task, finance_unit):
    make_milestone(finance_task, finance_unit, "起草条例", date(2012, 10, 7))
    token = calendar_token_create(unit=finance_unit, by=caizheng)
    response = client.get(reverse("supervision:ical", args=[token.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "SUMMARY:里程碑：起草条例" in body
    assert "报送8月进展报告（1项任务）" in body
    assert "DTSTART;VALUE=DATE:20120905" in body  # August's report, due on the 5th
    assert "2012年改革实施方案报送备案截止" in body


def test_a_revoked_token_is_gone(client, caizheng, finance_unit):
    token = calendar_token_create(unit=finance_unit, by=caizheng)
    calendar_token_revoke(token=token, by=caizheng)
    assert client.get(reverse("supervision:ical", args=[token.token])).status_code == 404


def test_a_made_up_token_is_gone(client, db):
    assert client.get(reverse("supervision:ical", args=["guess"])).status_code == 404


def test_an_editor_makes_and_revokes_the_address(client, caizheng):
    client.force_login(caizheng)
    client.post(reverse("supervision:calendar"))
    token = caizheng.unit.calendar_tokens.get()
    assert client.post(reverse("supervision:calendar-revoke", args=[token.pk])).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_viewer_sees_the_addresses_but_makes_none(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("supervision:calendar")).status_code == 200
    assert client.post(reverse("supervision:calendar")).status_code == 403


def test_another_unit_cannot_revoke_the_address(client, caizheng, lanzhou):
    token = calendar_token_create(unit=caizheng.unit, by=caizheng)
    client.force_login(lanzhou)
    url = reverse("supervision:calendar-revoke", args=[token.pk])
    assert client.post(url).status_code == 404
