"""Background deliveries: e-mail and chat-robot webhooks, each try recorded, failures retried.

They run in the worker (`duban worker`), never in a request. A webhook gets a short timeout
(`DUBAN_WEBHOOK_TIMEOUT`) and, on failure, is queued again after `DUBAN_WEBHOOK_BACKOFF`
seconds, doubling each time, until `DUBAN_WEBHOOK_ATTEMPTS` tries have failed.
"""

import hashlib
import hmac
import json
import urllib.error
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from duban.lib import clock
from duban.notifications import webhook_url
from duban.notifications.models import Channel, DeliveryAttempt, Notification, UnitWebhook

Status = DeliveryAttempt.Status


def absolute(link: str) -> str:
    return urljoin(settings.DUBAN_SITE_URL, link) if link else ""


def payload(notification: Notification, webhook: UnitWebhook) -> bytes:
    """The JSON body: a `text` message most chat robots accept, and the fields for the others."""
    link = absolute(notification.link)
    text = "\n".join(part for part in (notification.title, notification.body, link) if part)
    return json.dumps(
        {
            "msgtype": "text",
            "text": {"content": f"【督办】{text}"},
            "duban": {
                "kind": notification.kind,
                "title": notification.title,
                "body": notification.body,
                "link": link,
                "unit": webhook.unit.name,
                "created_at": notification.created_at.isoformat(),
            },
        },
        ensure_ascii=False,
    ).encode("utf-8")


def post(webhook: UnitWebhook, body: bytes) -> None:
    """POST `body` to the webhook; raises on a timeout, a refused connection or a non-2xx reply.

    The address is checked again here (its DNS may have changed since it was saved), the
    connection goes to the address that was checked, and a redirect is never followed.
    """
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "Duban"}
    if webhook.secret:
        digest = hmac.new(webhook.secret.encode(), body, hashlib.sha256).hexdigest()
        headers["X-Duban-Signature"] = f"sha256={digest}"
    webhook_url.post(webhook.url, body, headers, timeout=settings.DUBAN_WEBHOOK_TIMEOUT)


def backoff(attempt: int) -> timedelta:
    return timedelta(seconds=settings.DUBAN_WEBHOOK_BACKOFF * 2 ** (attempt - 1))


@task()
def deliver_webhook(notification_id: int, webhook_id: int, attempt: int = 1) -> str:
    notification = Notification.objects.get(pk=notification_id)
    webhook = UnitWebhook.objects.select_related("unit").get(pk=webhook_id)
    if not webhook.active:
        return "inactive"
    try:
        post(webhook, payload(notification, webhook))
    except (urllib.error.URLError, TimeoutError, OSError, ValueError, ValidationError) as error:
        return _failed(notification, webhook, attempt, error)
    DeliveryAttempt.objects.create(
        notification=notification,
        channel=Channel.WEBHOOK,
        webhook=webhook,
        attempt=attempt,
        status=Status.SENT,
    )
    return Status.SENT


def _failed(notification, webhook, attempt: int, error: Exception) -> str:
    last = attempt >= settings.DUBAN_WEBHOOK_ATTEMPTS
    # The queue runs on the real clock; the record shows the retry on the office's clock.
    next_try = None if last else timezone.now() + backoff(attempt)
    shown_next_try = None if last else clock.now() + backoff(attempt)
    DeliveryAttempt.objects.create(
        notification=notification,
        channel=Channel.WEBHOOK,
        webhook=webhook,
        attempt=attempt,
        status=Status.GAVE_UP if last else Status.FAILED,
        error=f"{type(error).__name__}: {error}"[:2000],
        next_try_at=shown_next_try,
    )
    if not last:
        deliver_webhook.using(run_after=next_try).enqueue(notification.id, webhook.id, attempt + 1)
    return Status.GAVE_UP if last else Status.FAILED


@task()
def deliver_email(notification_id: int) -> str:
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    try:
        send_mail(
            subject=f"【督办】{notification.title}",
            message="\n\n".join(p for p in (notification.body, absolute(notification.link)) if p),
            from_email=None,
            recipient_list=[notification.user.email],
        )
    except Exception as error:  # any backend failure (SMTP refused, DNS, …) is recorded as such
        DeliveryAttempt.objects.create(
            notification=notification,
            channel=Channel.EMAIL,
            attempt=1,
            status=Status.GAVE_UP,
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        return Status.GAVE_UP
    DeliveryAttempt.objects.create(
        notification=notification, channel=Channel.EMAIL, attempt=1, status=Status.SENT
    )
    return Status.SENT
