"""Notification pages: the inbox with mark-read, the channel preferences, a unit's chat robot."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.notifications.forms import PreferencesForm, WebhookForm
from duban.notifications.models import Channel, DeliveryAttempt, UnitWebhook
from duban.notifications.permissions import (
    access_notification,
    access_unit_webhook,
    can_edit_unit_webhook,
)
from duban.notifications.services import (
    channel_preferences_set,
    channels_for,
    notification_mark_read,
    notifications_for,
    unit_webhook_save,
)


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    page = Paginator(notifications_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@require_POST
@login_required
def mark_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = access_notification(request.user, notification_id)
    notification_mark_read(user=request.user, notification_ids=[notification.pk])
    if request.htmx:
        notification.refresh_from_db()
        return render(request, "notifications/_row.html", {"n": notification})
    return redirect("notifications:inbox")


@require_POST
@login_required
def mark_all_read(request: HttpRequest) -> HttpResponse:
    notification_mark_read(user=request.user)
    return redirect("notifications:inbox")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    current = channels_for([request.user])[request.user.pk]
    form = PreferencesForm(request.POST or None, initial={c: c in current for c in Channel.values})
    if request.method == "POST" and form.is_valid():
        channel_preferences_set(user=request.user, enabled=form.cleaned_data, by=request.user)
        messages.success(request, _("接收方式已保存。"))
        return redirect("notifications:preferences")
    status = 422 if form.errors else 200
    return render(request, "notifications/preferences.html", {"form": form}, status=status)


@login_required
def unit_webhook(request: HttpRequest, unit_id: int) -> HttpResponse:
    write = request.method == "POST"
    unit = access_unit_webhook(request.user, unit_id, write=write)
    webhook = UnitWebhook.objects.filter(unit=unit).first()
    initial = (
        {"url": webhook.url, "active": webhook.active, "version": webhook.version}
        if webhook
        else {}
    )
    form = WebhookForm(request.POST or None, initial=initial)
    if write and form.is_valid():
        data = form.cleaned_data
        try:
            unit_webhook_save(
                unit=unit,
                url=data["url"],
                secret=data["secret"],
                active=data["active"],
                by=request.user,
                seen_version=data["version"] if webhook else None,
            )
        except audit.StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("推送地址已保存。"))
            return redirect("notifications:unit-webhook", unit.pk)
    attempts = DeliveryAttempt.objects.filter(webhook__unit=unit).select_related("notification")[
        :50
    ]
    context = {
        "unit": unit,
        "webhook": webhook,
        "form": form,
        "attempts": attempts,
        "can_edit": can_edit_unit_webhook(request.user, unit),
    }
    return render(request, "notifications/webhook.html", context)
