"""The caller's own messages and channel choices, and a unit's chat-robot address."""

from datetime import datetime
from typing import Annotated

from ninja import Query, Router, Schema
from pydantic import Field

from duban.api.v1.common import Id, Version, answers, paged
from duban.notifications.models import Channel, UnitWebhook
from duban.notifications.permissions import access_notification, access_unit_webhook
from duban.notifications.services import (
    channel_preferences_set,
    channels_for,
    notification_mark_read,
    notifications_for,
    unit_webhook_save,
)

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    link: str
    created_at: datetime
    read_at: datetime | None


class NotificationFilter(Schema):
    unread: bool | None = None
    kind: Annotated[str, Field(max_length=32)] | None = None


class MarkedOut(Schema):
    marked: int


class PreferencesOut(Schema):
    in_app: bool
    email: bool
    webhook: bool


class PreferencesIn(Schema):
    in_app: bool | None = None
    email: bool | None = None
    webhook: bool | None = None


class WebhookOut(Schema):
    unit_id: int
    configured: bool
    url: str
    active: bool
    version: int | None


class WebhookIn(Schema):
    url: Annotated[str, Field(min_length=1, max_length=500)]
    secret: Annotated[str, Field(max_length=128)] = ""
    active: bool = True
    version: Version | None = Field(None, description="null when the unit has no robot yet")


@router.get(
    "/notifications", response=answers(list[NotificationOut]), operation_id="notification_list"
)
@paged("-id")
def notification_list(request, filters: Query[NotificationFilter]):
    """The caller's own messages, newest first."""
    found = notifications_for(request.user).order_by()
    if filters.unread is not None:
        found = found.filter(read_at__isnull=filters.unread)
    if filters.kind:
        found = found.filter(kind=filters.kind)
    return found


def _preferences(user) -> dict:
    on = channels_for([user])[user.pk]
    return {channel: channel in on for channel in Channel.values}


@router.get(
    "/notifications/preferences",
    response=answers(PreferencesOut),
    operation_id="notification_preferences_read",
)
def notification_preferences_read(request):
    return _preferences(request.user)


@router.put(
    "/notifications/preferences",
    response=answers(PreferencesOut),
    operation_id="notification_preferences_set",
)
def notification_preferences_set(request, payload: PreferencesIn):
    """Turn channels on or off; a channel left out keeps its setting; one must stay on."""
    enabled = payload.dict(exclude_none=True)
    channel_preferences_set(user=request.user, enabled=enabled, by=request.user)
    return _preferences(request.user)


@router.post(
    "/notifications/read-all", response=answers(MarkedOut), operation_id="notification_read_all"
)
def notification_read_all(request):
    return {"marked": notification_mark_read(user=request.user)}


@router.get(
    "/notifications/{notification_id}",
    response=answers(NotificationOut),
    operation_id="notification_read",
)
def notification_read(request, notification_id: Id):
    return access_notification(request.user, notification_id)


@router.post(
    "/notifications/{notification_id}/read",
    response=answers(NotificationOut),
    operation_id="notification_mark_read",
)
def notification_mark_read_endpoint(request, notification_id: Id):
    found = access_notification(request.user, notification_id)
    notification_mark_read(user=request.user, notification_ids=[found.pk])
    found.refresh_from_db()
    return found


def _webhook(unit) -> dict:
    webhook = UnitWebhook.objects.filter(unit=unit).first()
    if webhook is None:
        return {
            "unit_id": unit.pk,
            "configured": False,
            "url": "",
            "active": False,
            "version": None,
        }
    return {
        "unit_id": unit.pk,
        "configured": True,
        "url": webhook.url,
        "active": webhook.active,
        "version": webhook.version,
    }


@router.get("/units/{unit_id}/webhook", response=answers(WebhookOut), operation_id="webhook_read")
def webhook_read(request, unit_id: Id):
    """The unit's chat-robot address (its secret is never shown)."""
    return _webhook(access_unit_webhook(request.user, unit_id))


@router.put("/units/{unit_id}/webhook", response=answers(WebhookOut), operation_id="webhook_save")
def webhook_save(request, unit_id: Id, payload: WebhookIn):
    """Set the unit's chat-robot address: https to an allowed robot host only."""
    unit = access_unit_webhook(request.user, unit_id, write=True)
    unit_webhook_save(
        unit=unit,
        by=request.user,
        seen_version=payload.version,
        **payload.dict(exclude={"version"}),
    )
    return _webhook(unit)
