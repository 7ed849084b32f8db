"""Read-only views for IT staff: what was sent, and which deliveries failed and why."""

from django.contrib import admin

from duban.notifications.models import DeliveryAttempt, Notification, UnitWebhook


class ReadOnly(admin.ModelAdmin):
    # Messages and deliveries are records; people change them only through the app.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ("created_at", "user", "kind", "title", "read_at")
    list_filter = ("kind",)
    search_fields = ("title", "user__username")


@admin.register(DeliveryAttempt)
class DeliveryAttemptAdmin(ReadOnly):
    list_display = ("at", "channel", "webhook", "attempt", "status", "error", "next_try_at")
    list_filter = ("channel", "status")


@admin.register(UnitWebhook)
class UnitWebhookAdmin(ReadOnly):
    list_display = ("unit", "url", "active")
    exclude = ("secret",)
