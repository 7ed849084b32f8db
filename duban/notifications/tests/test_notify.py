"""`notify`: in-app rows, e-mail and webhooks queued on commit, the channels each person chose."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from duban.notifications.models import Channel, DeliveryAttempt, Notification
from duban.notifications.services import (
    Message,
    channel_preferences_set,
    notification_mark_read,
    notify,
    notify_many,
    unit_webhook_save,
    unread_count,
)
from duban.notifications.tests.conftest import run_queued_tasks


@pytest.fixture(autouse=True)
def addresses(caizheng, viewer):
    """The demo accounts have no e-mail address; these two get one."""
    for user in (caizheng, viewer):
        user.email = f"{user.username}@example.gov.cn"
        user.save(update_fields=["email"])


def send(users, capture):
    with capture(execute=True):
        return notify(
            users=users,
            kind="urge",
            title="催办：请报送8月进展",
            body="请于9月5日前报送。",
            link="/supervision/inbox/",
        )


def test_each_recipient_gets_an_unread_row_and_an_email(
    caizheng, viewer, django_capture_on_commit_callbacks
):
    send([caizheng, viewer], django_capture_on_commit_callbacks)
    assert unread_count(caizheng) == 1
    assert unread_count(viewer) == 1
    assert mail.outbox == []  # nothing leaves inside the request: the worker sends it
    run_queued_tasks()
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([caizheng.email, viewer.email])
    assert mail.outbox[0].subject == "【督办】催办：请报送8月进展"
    assert DeliveryAttempt.objects.filter(channel=Channel.EMAIL, status="sent").count() == 2


def test_nothing_is_queued_when_the_change_rolls_back(caizheng, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(users=[caizheng], kind="urge", title="催办")
    # The callbacks were never run (as when the transaction rolls back): no task is queued.
    assert len(callbacks) == 1
    assert not DBTaskResult.objects.exists()


def test_a_person_who_turned_email_off_gets_none(caizheng, django_capture_on_commit_callbacks):
    channel_preferences_set(user=caizheng, enabled={Channel.EMAIL: False}, by=caizheng)
    send([caizheng], django_capture_on_commit_callbacks)
    run_queued_tasks()
    assert mail.outbox == []
    assert unread_count(caizheng) == 1


def test_a_person_without_an_address_gets_no_email(caizheng, django_capture_on_commit_callbacks):
    caizheng.email = ""
    caizheng.save(update_fields=["email"])
    send([caizheng], django_capture_on_commit_callbacks)
    assert run_queued_tasks() == 0
    assert mail.outbox == []


def test_in_app_off_keeps_the_record_but_no_unread_count(
    caizheng, django_capture_on_commit_callbacks
):
    channel_preferences_set(user=caizheng, enabled={Channel.IN_APP: False}, by=caizheng)
    send([caizheng], django_capture_on_commit_callbacks)
    assert unread_count(caizheng) == 0
    assert Notification.objects.filter(user=caizheng).count() == 1


def test_mark_read_touches_only_ones_own(caizheng, viewer, django_capture_on_commit_callbacks):
    rows = send([caizheng, viewer], django_capture_on_commit_callbacks)
    assert notification_mark_read(user=caizheng, notification_ids=[r.id for r in rows]) == 1
    assert unread_count(caizheng) == 0
    assert unread_count(viewer) == 1


def test_a_units_webhook_is_called_once_per_message(
    caizheng, viewer, chat_robot, django_capture_on_commit_callbacks
):
    url, receiver = chat_robot
    unit_webhook_save(unit=caizheng.unit, url=url, secret="s3cret", active=True, by=caizheng)
    send([caizheng, viewer], django_capture_on_commit_callbacks)
    run_queued_tasks()
    assert len(receiver.bodies) == 1
    body = receiver.bodies[0]
    assert body["msgtype"] == "text"
    assert body["text"]["content"].startswith("【督办】催办：请报送8月进展")
    assert body["duban"]["unit"] == caizheng.unit.name
    assert body["duban"]["link"] == "http://127.0.0.1:8000/supervision/inbox/"
    assert receiver.headers[0]["X-Duban-Signature"].startswith("sha256=")


def test_many_messages_at_once_are_each_sent_as_notify_sends_one(
    caizheng, viewer, chat_robot, django_capture_on_commit_callbacks
):
    url, receiver = chat_robot
    unit_webhook_save(unit=caizheng.unit, url=url, secret="", active=True, by=caizheng)
    channel_preferences_set(user=viewer, enabled={Channel.IN_APP: False}, by=viewer)
    with django_capture_on_commit_callbacks(execute=True):
        rows = notify_many(
            [
                Message([caizheng, viewer], "reminder.due_today", "今天到期", link="/a/"),
                Message([caizheng, viewer], "reminder.before_due", "还有7天", link="/b/"),
                Message([], "reminder.before_due", "无人接收"),
            ]
        )
    assert [(row.user, row.title) for row in rows] == [
        (caizheng, "今天到期"),
        (viewer, "今天到期"),
        (caizheng, "还有7天"),
        (viewer, "还有7天"),
    ]
    assert unread_count(caizheng) == 2 and unread_count(viewer) == 0
    run_queued_tasks()
    assert len(mail.outbox) == 4
    # The unit's robot hears each message once, not once per person nor once for the lot.
    assert sorted(body["duban"]["title"] for body in receiver.bodies) == ["今天到期", "还有7天"]
