"""Read-only views for IT staff: the assessment is changed only through its services."""

from django.contrib import admin

from duban.assessment.models import Assessment, Objection, Scheme, Score, ScoreLine
from duban.notifications.admin import ReadOnly


@admin.register(Scheme)
class SchemeAdmin(ReadOnly):
    list_display = ("plan", "lead_weight", "co_weight")


@admin.register(Assessment)
class AssessmentAdmin(ReadOnly):
    list_display = ("plan", "number", "as_of", "status", "computed_at")
    list_filter = ("status",)


@admin.register(Score)
class ScoreAdmin(ReadOnly):
    list_display = ("assessment", "unit", "group", "total", "rank")
    list_filter = ("group",)


@admin.register(ScoreLine)
class ScoreLineAdmin(ReadOnly):
    list_display = ("score", "component", "label", "points")


@admin.register(Objection)
class ObjectionAdmin(ReadOnly):
    list_display = ("score", "status", "filed_on", "answered_on")
