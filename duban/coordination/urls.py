from django.urls import path

from duban.coordination import views

app_name = "coordination"
urlpatterns = [
    # Issues and meetings a user sees
    path("", views.index, name="index"),
    # Coordination issues: raised on a task, answered in a thread, withdrawn or closed
    path("tasks/<int:task_id>/issues/new/", views.issue_raise, name="issue-raise"),
    path("issues/<int:issue_id>/", views.issue_detail, name="issue-detail"),
    path("issues/<int:issue_id>/reply/", views.issue_reply, name="issue-reply"),
    path("issues/<int:issue_id>/withdraw/", views.issue_withdraw, name="issue-withdraw"),
    path("issues/<int:issue_id>/close/", views.issue_close, name="issue-close"),
    # Joint meetings: draft → convened → in progress → closed; notice and minutes as .docx
    path("plans/<int:plan_id>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:meeting_id>/units/", views.meeting_units, name="meeting-units"),
    path("meetings/<int:meeting_id>/agenda/", views.agenda_add, name="agenda-add"),
    path("meetings/<int:meeting_id>/convene/", views.meeting_convene, name="meeting-convene"),
    path("meetings/<int:meeting_id>/start/", views.meeting_start, name="meeting-start"),
    path("meetings/<int:meeting_id>/outcomes/", views.outcome_add, name="outcome-add"),
    path("meetings/<int:meeting_id>/close/", views.meeting_close, name="meeting-close"),
    path("meetings/<int:meeting_id>/notice.docx", views.meeting_notice, name="meeting-notice"),
    path("meetings/<int:meeting_id>/minutes.docx", views.meeting_minutes, name="meeting-minutes"),
    # Decisions: the owner reports on them, the reform office accepts
    path("decisions/<int:outcome_id>/", views.decision_detail, name="decision-detail"),
    path("decisions/<int:outcome_id>/progress/", views.decision_progress, name="decision-progress"),
    path("decisions/<int:outcome_id>/done/", views.decision_done, name="decision-done"),
    path("decisions/<int:outcome_id>/accept/", views.decision_accept, name="decision-accept"),
    # The reform office's unit × unit view
    path("collaboration/", views.collaboration, name="collaboration"),
]
