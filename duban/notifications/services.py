"""Sending messages: `notify` writes the in-app rows and queues e-mail and webhook deliveries.

Nothing leaves the machine inside a request: deliveries are background tasks enqueued on
commit, so a rolled-back change sends nothing and a slow chat robot slows no page.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.directory.models import User
from duban.lib import clock
from duban.notifications import webhook_url
from duban.notifications.models import Channel, ChannelPreference, Notification, UnitWebhook


def channels_for(users: Iterable[User]) -> dict[int, set[str]]:
    """user id → the channels that user receives (every channel unless turned off)."""
    users = list(users)
    off: dict[int, set[str]] = {}
    for user_id, channel in ChannelPreference.objects.filter(
        user__in=users, enabled=False
    ).values_list("user_id", "channel"):
        off.setdefault(user_id, set()).add(channel)
    everything = set(Channel.values)
    return {user.id: everything - off.get(user.id, set()) for user in users}


@dataclass(frozen=True)
class Message:
    """One message to some people, as `notify` sends it."""

    users: list[User]
    kind: str
    title: str
    body: str = ""
    link: str = ""


@transaction.atomic
def notify(
    *, users: Iterable[User], kind: str, title: str, body: str = "", link: str = "", by=None
) -> list[Notification]:
    """Message each of `users` on the channels they chose; returns the in-app rows.

    Every recipient gets a `Notification` row, the record that the message went out; for one
    who turned the in-app channel off it is born read. E-mail goes to each recipient with an
    address; a unit's webhook is called once per message, however many of its people receive it.
    `by` is who caused the message (None for the scheduled scan); it is kept for the audit trail
    of the change that triggered it, not repeated here.
    """
    return notify_many([Message(list(users), kind, title, body, link)], by=by)


@transaction.atomic
def notify_many(messages: Iterable[Message], *, by=None) -> list[Notification]:
    """`notify` for many messages at once, in the same few queries however many there are
    (the scan sends thousands); returns the in-app rows, message by message."""
    sends = [
        (number, message, user)
        for number, message in enumerate(messages)
        for user in message.users
        if user.is_active
    ]
    channels = channels_for({user.id: user for *_, user in sends}.values())
    now = clock.now()
    rows = Notification.objects.bulk_create(
        Notification(
            user=user,
            kind=message.kind,
            title=message.title[:200],
            body=message.body,
            link=message.link,
            read_at=None if Channel.IN_APP in channels[user.id] else now,
        )
        for _number, message, user in sends
    )
    emails = [
        row.id
        for row, (_number, _message, user) in zip(rows, sends, strict=True)
        if Channel.EMAIL in channels[user.id] and user.email
    ]
    webhooks: dict[tuple[int, int], int] = {}  # (message, unit id) → the notification it carries
    for row, (number, _message, user) in zip(rows, sends, strict=True):
        if Channel.WEBHOOK in channels[user.id] and user.unit_id:
            webhooks.setdefault((number, user.unit_id), row.id)
    active = dict(
        UnitWebhook.objects.filter(
            unit_id__in={unit_id for _, unit_id in webhooks}, active=True
        ).values_list("unit_id", "id")
    )
    calls = [(active[unit], row) for (_, unit), row in webhooks.items() if unit in active]
    transaction.on_commit(lambda: _enqueue(emails, calls))
    return rows


def _enqueue(email_notification_ids: list[int], webhook_calls: list[tuple[int, int]]) -> None:
    # Imported here: the tasks module registers with the task backend, which reads settings.
    from duban.notifications.tasks import deliver_email, deliver_webhook

    # One commit for all of them: a scan queues thousands, and a commit each took most of its time.
    with transaction.atomic():
        for notification_id in email_notification_ids:
            deliver_email.enqueue(notification_id)
        for webhook_id, notification_id in webhook_calls:
            deliver_webhook.enqueue(notification_id, webhook_id)


def notification_mark_read(*, user: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark `user`'s notifications read (all unread ones if no ids); returns how many changed."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=clock.now())


@transaction.atomic
def channel_preferences_set(*, user: User, enabled: dict[str, bool], by: User) -> None:
    """Turn each channel in `enabled` on or off for `user`, audited; at least one stays on."""
    for channel in enabled:
        if channel not in Channel.values:
            raise audit.DomainError(_("未知的接收渠道：%(channel)s") % {"channel": channel})
    # Reminders and 催办 must reach a person somehow; every channel off is a slip, not a choice.
    turned_on = {channel for channel, on in enabled.items() if on}
    kept = channels_for([user])[user.pk] - set(enabled) | turned_on
    if not kept:
        raise audit.DomainError(_("请至少保留一种接收方式，否则将收不到提醒和督办通知。"))
    for channel, on in enabled.items():
        preference, created = ChannelPreference.objects.get_or_create(
            user=user, channel=channel, defaults={"enabled": on}
        )
        if not created and preference.enabled != on:
            preference.enabled = on
            audit.save(preference, by=by, fields=["enabled"], reason="修改接收方式")


@transaction.atomic
def unit_webhook_save(
    *, unit, url: str, secret: str, active: bool, by: User, seen_version: int | None = None
) -> UnitWebhook:
    """Create or change the chat-robot address of `unit`; refused over a stale version."""
    webhook = UnitWebhook.objects.filter(unit=unit).first() or UnitWebhook(unit=unit)
    webhook.url, webhook.active = url, active
    if secret:
        webhook.secret = secret  # an empty field keeps the old secret: it is never shown again
    webhook.full_clean()
    webhook_url.check_webhook_url(webhook.url)
    fields = ["url", "secret", "active"]
    return audit.save(webhook, by=by, fields=fields, seen_version=seen_version, reason="推送地址")


def unread_count(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_for(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)
