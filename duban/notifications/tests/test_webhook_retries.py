"""A chat robot that fails or hangs: each try recorded, retried with backoff, then given up."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from duban.directory.models import User
from duban.notifications.models import Channel, DeliveryAttempt
from duban.notifications.services import notify, unit_webhook_save
from duban.notifications.tests.conftest import run_queued_tasks


@pytest.fixture
def quick_webhooks(settings):
    settings.DUBAN_WEBHOOK_TIMEOUT = 0.2
    settings.DUBAN_WEBHOOK_ATTEMPTS = 3
    settings.DUBAN_WEBHOOK_BACKOFF = 30


def urge(caizheng, url, capture):
    # These tests follow the chat robot alone: no e-mail task beside the webhook's.
    User.objects.filter(pk=caizheng.pk).update(email="")
    caizheng.refresh_from_db()
    unit_webhook_save(unit=caizheng.unit, url=url, secret="", active=True, by=caizheng)
    with capture(execute=True):
        notify(users=[caizheng], kind="urge", title="催办")


def attempts():
    return list(DeliveryAttempt.objects.filter(channel=Channel.WEBHOOK).order_by("attempt"))


def test_a_500_is_retried_with_backoff_then_given_up(
    caizheng, chat_robot, quick_webhooks, django_capture_on_commit_callbacks
):
    url, receiver = chat_robot
    receiver.status = 500
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        urge(caizheng, url, django_capture_on_commit_callbacks)
        assert run_queued_tasks() == 1
        first = attempts()[0]
        assert (first.status, first.attempt) == ("failed", 1)
        assert "500" in first.error
        assert first.next_try_at == start + timedelta(seconds=30)
        # The retry is not due yet: nothing runs until its time comes.
        clock.shift(timedelta(seconds=29))
        assert run_queued_tasks() == 0
        clock.shift(timedelta(seconds=1))
        assert run_queued_tasks() == 1
        assert attempts()[1].next_try_at == timezone.now() + timedelta(seconds=60)
        clock.shift(timedelta(seconds=60))
        assert run_queued_tasks() == 1
    assert [a.status for a in attempts()] == ["failed", "failed", "gave_up"]
    assert attempts()[-1].next_try_at is None
    assert len(receiver.bodies) == 3


def test_a_hanging_robot_times_out_and_is_recorded(
    caizheng, chat_robot, quick_webhooks, django_capture_on_commit_callbacks
):
    url, receiver = chat_robot
    receiver.delay = 1.0  # longer than the 0.2 s timeout
    urge(caizheng, url, django_capture_on_commit_callbacks)
    run_queued_tasks()
    (attempt,) = attempts()
    assert attempt.status == "failed"
    assert "timed out" in attempt.error


def test_a_recovered_robot_gets_the_message(
    caizheng, chat_robot, quick_webhooks, django_capture_on_commit_callbacks
):
    url, receiver = chat_robot
    receiver.status = 500
    with time_machine.travel(timezone.now(), tick=False) as clock:
        urge(caizheng, url, django_capture_on_commit_callbacks)
        run_queued_tasks()
        receiver.status = 200
        clock.shift(timedelta(seconds=31))
        run_queued_tasks()
    assert [a.status for a in attempts()] == ["failed", "sent"]


def test_the_request_that_sends_is_not_slowed_by_the_robot(
    caizheng, chat_robot, quick_webhooks, django_capture_on_commit_callbacks
):
    url, receiver = chat_robot
    receiver.delay = 1.0
    started = timezone.now()
    urge(caizheng, url, django_capture_on_commit_callbacks)
    # notify() only queued the POST; nothing was sent, so nothing waited.
    assert receiver.bodies == []
    assert (timezone.now() - started).total_seconds() < 0.5
