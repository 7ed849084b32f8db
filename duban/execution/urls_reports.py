from django.urls import path

from duban.execution.views import evidence, ledger, reports, review

urlpatterns = [
    # The unit's reports: what it owes, filling one in, reading and reviewing one.
    path("reports/", reports.report_list, name="report-list"),
    path("reports/new/<int:task_id>/<str:period>/", reports.report_fill, name="report-fill"),
    path("reports/<int:report_id>/", reports.report_detail, name="report-detail"),
    path("reports/<int:report_id>/edit/", reports.report_edit, name="report-edit"),
    path("reports/<int:report_id>/submit/", reports.report_submit, name="report-submit"),
    path("reports/<int:report_id>/accept/", reports.report_accept, name="report-accept"),
    path("reports/<int:report_id>/return/", reports.report_return, name="report-return"),
    # The reform office's review queue: filters, pages, bulk accept.
    path("reviews/", review.review_queue, name="review-queue"),
    path("reviews/accept/", review.review_accept_many, name="review-accept-many"),
    # Evidence files of a report.
    path("reports/<int:report_id>/evidence/", evidence.evidence_add, name="evidence-add"),
    path("evidence/<int:evidence_id>/", evidence.evidence_download, name="evidence-download"),
    path(
        "evidence/<int:evidence_id>/withdraw/",
        evidence.evidence_withdraw_view,
        name="evidence-withdraw",
    ),
    # The ledger: everything owed as one .xlsx, and back.
    path("reports/ledger.xlsx", ledger.ledger_download_view, name="ledger-download"),
    path("reports/ledger/upload/", ledger.ledger_upload_view, name="ledger-upload"),
    # The plan's progress roll-up.
    path("progress/<int:plan_id>/", reports.plan_progress_page, name="progress-plan"),
]
