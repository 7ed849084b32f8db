"""Read-only views for IT staff of what the scan and the reform office did."""

from django.contrib import admin

from duban.notifications.admin import ReadOnly
from duban.supervision.models import EscalationStep, Judgement, Reminder, Urge


@admin.register(Reminder)
class ReminderAdmin(ReadOnly):
    list_display = ("fire_date", "kind", "title", "unit", "due_date", "days_overdue", "queued")
    list_filter = ("kind", "target", "queued")
    search_fields = ("title", "target_key")


@admin.register(Urge)
class UrgeAdmin(ReadOnly):
    list_display = ("sent_at", "step", "unit", "task", "acknowledged_at")
    list_filter = ("step",)


@admin.register(EscalationStep)
class EscalationStepAdmin(ReadOnly):
    list_display = ("at", "step", "unit", "task", "by")
    list_filter = ("step",)


@admin.register(Judgement)
class JudgementAdmin(ReadOnly):
    list_display = ("at", "task", "level", "by")
