"""Every write operation of API v1 with a valid request on 省财政厅's records (conftest).

The tests send each one with another unit's token and with a read-only token; a write
endpoint missing here fails `test_every_write_endpoint_is_listed`, so a new one gets a row.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from duban.api.tests.conftest import PDF, AssessmentRecords, FinanceRecords

WRITE_METHODS = ("post", "put", "patch", "delete")


def _pdf():
    return {"file": SimpleUploadedFile("佐证.pdf", PDF, content_type="application/pdf")}


def _review(version: int) -> dict:
    return {"version": version, "comment": "请补充材料。"}


def requests_for(r: FinanceRecords) -> dict[str, tuple[str, str, dict | None]]:
    """operation id → (method, path, JSON body or `files:` multipart) on 省财政厅's records."""
    ip, m, rep = r.implementation_plan, r.milestone, r.report
    unit = r.assignment.unit_id
    issue, meeting, decision = r.issue, r.meeting, r.decision
    fagai = r.issue.needed_units.get().pk
    return {
        # The directory and the plan's structure: the reform office's (and admin's for units).
        "unit_alias_add": ("post", f"/units/{unit}/aliases", {"name": "财政厅（测试）"}),
        "document_parse": ("post", "/parse", _pdf()),
        "plan_import": ("post", "/plans", _pdf()),
        "plan_update": (
            "patch",
            f"/plans/{r.plan.pk}",
            {"version": r.plan.version, "reason": "测试"},
        ),
        "plan_publish": ("post", f"/plans/{r.plan.pk}/publish", {"version": r.plan.version}),
        "plan_name_map": ("post", f"/plans/{r.plan.pk}/names", {"name": "财政", "unit_id": unit}),
        "task_update": (
            "patch",
            f"/tasks/{r.task.pk}",
            {"version": r.task.version, "reason": "测试"},
        ),
        "task_split": (
            "post",
            f"/tasks/{r.task.pk}/split",
            {"version": r.task.version, "offset": 2},
        ),
        "task_merge": ("post", f"/tasks/{r.task.pk}/merge", {"version": r.task.version}),
        "task_move": (
            "post",
            f"/tasks/{r.task.pk}/move",
            {"version": r.task.version, "direction": "up"},
        ),
        "task_cities_set": (
            "put",
            f"/tasks/{r.task.pk}/cities",
            {"version": r.task.version, "applies": True, "reason": "测试"},
        ),
        "assignment_add": (
            "post",
            f"/tasks/{r.task.pk}/assignments",
            {"unit_id": unit, "role": "co", "reason": "测试"},
        ),
        "assignment_remove": (
            "post",
            f"/assignments/{r.assignment.pk}/withdraw",
            {"reason": "测试"},
        ),
        "assignment_make_lead": (
            "post",
            f"/assignments/{r.assignment.pk}/lead",
            {"reason": "测试"},
        ),
        # 省财政厅's implementation plan, milestones, extensions, reports and evidence.
        "implementation_plan_update": (
            "patch",
            f"/implementation-plans/{ip.pk}",
            {"version": ip.version, "narrative": "改写"},
        ),
        "commitment_update": (
            "patch",
            f"/implementation-plans/{ip.pk}/commitments/{r.task.pk}",
            {"version": 1, "criterion": "改写", "steps": "改写"},
        ),
        "implementation_plan_submit": ("post", f"/implementation-plans/{ip.pk}/submit", {}),
        "implementation_plan_file": (
            "post",
            f"/implementation-plans/{ip.pk}/file",
            _review(ip.version),
        ),
        "implementation_plan_return": (
            "post",
            f"/implementation-plans/{ip.pk}/return",
            _review(ip.version),
        ),
        "implementation_plan_attach": (
            "post",
            f"/implementation-plans/{ip.pk}/attachments",
            _pdf(),
        ),
        "milestone_add": (
            "post",
            f"/implementation-plans/{ip.pk}/tasks/{r.task.pk}/milestones",
            {"title": "新节点", "due_date": "2012-10-31"},
        ),
        "milestone_update": (
            "patch",
            f"/milestones/{m.pk}",
            {"version": m.version, "title": "改写", "due_date": "2012-11-30"},
        ),
        "milestone_withdraw": ("post", f"/milestones/{m.pk}/withdraw", {"version": m.version}),
        "milestone_tick": (
            "post",
            f"/milestones/{m.pk}/tick",
            {"version": m.version, "met_on": "2012-06-10"},
        ),
        "milestone_evidence_attach": ("post", f"/milestones/{m.pk}/evidence", _pdf()),
        "extension_request_milestone": (
            "post",
            f"/milestones/{m.pk}/extensions",
            {"new_due": "2012-12-25", "reason": "测试"},
        ),
        "extension_request_task": (
            "post",
            f"/tasks/{r.task.pk}/extensions",
            {"new_due": "2013-06-30", "reason": "测试"},
        ),
        "extension_approve": ("post", f"/extensions/{r.extension.pk}/approve", _review(1)),
        "extension_refuse": ("post", f"/extensions/{r.extension.pk}/refuse", _review(1)),
        "report_save": (
            "put",
            f"/tasks/{r.task.pk}/reports/2012-06-01",
            {"version": rep.version, "status": "on_track"},
        ),
        "report_submit": ("post", f"/reports/{rep.pk}/submit", None),
        "report_accept": ("post", f"/reports/{rep.pk}/accept", _review(rep.version)),
        "report_return": ("post", f"/reports/{rep.pk}/return", _review(rep.version)),
        "evidence_attach": ("post", f"/reports/{rep.pk}/evidence", _pdf()),
        "evidence_withdraw": ("post", f"/evidence/{r.evidence.pk}/withdraw", None),
        "comment_add": ("post", f"/tasks/{r.task.pk}/comments", {"text": "请抓紧。"}),
        # Supervision: notices to 省财政厅, the office's judgements.
        "urge_send": ("post", "/urges", {"unit_id": unit, "message": "请加快推进。"}),
        "urge_acknowledge": (
            "post",
            f"/urges/{r.urge.pk}/acknowledge",
            {"version": r.urge.version},
        ),
        "judgement_record": (
            "post",
            f"/tasks/{r.task.pk}/judgements",
            {"level": 3, "reason": "测试"},
        ),
        # Coordination: 省财政厅's issue, the meeting it prepares, the decision it owes.
        "issue_raise": (
            "post",
            f"/tasks/{r.task.pk}/coordination-issues",
            {"title": "审批流程需协调", "blocker": "测试", "needed_unit_ids": [fagai]},
        ),
        "issue_reply": ("post", f"/coordination-issues/{issue.pk}/replies", {"text": "已收到。"}),
        "issue_withdraw": (
            "post",
            f"/coordination-issues/{issue.pk}/withdraw",
            {"version": issue.version, "reason": "已另行解决"},
        ),
        "issue_close": (
            "post",
            f"/coordination-issues/{issue.pk}/close",
            {"version": issue.version, "note": "已解决。"},
        ),
        "meeting_units_set": (
            "put",
            f"/meetings/{meeting.pk}/units",
            {"version": meeting.version, "unit_ids": [unit, fagai]},
        ),
        "agenda_add": ("post", f"/meetings/{meeting.pk}/agenda", {"task_id": r.task.pk}),
        "meeting_convene": (
            "post",
            f"/meetings/{meeting.pk}/convene",
            {"version": meeting.version},
        ),
        "meeting_start": ("post", f"/meetings/{meeting.pk}/start", {"version": meeting.version}),
        "outcome_record": (
            "post",
            f"/meetings/{meeting.pk}/outcomes",
            {"kind": "information", "text": "会议通报了进展。"},
        ),
        "meeting_close": ("post", f"/meetings/{meeting.pk}/close", {"version": meeting.version}),
        "decision_progress": (
            "post",
            f"/decisions/{decision.pk}/progress",
            {"note": "已起草办法。"},
        ),
        "decision_done": (
            "post",
            f"/decisions/{decision.pk}/done",
            {"version": decision.version, "met_on": "2012-06-14", "evidence": "甘财预〔2012〕20号"},
        ),
        "decision_accept": (
            "post",
            f"/decisions/{decision.pk}/accept",
            {"version": decision.version},
        ),
        # 省财政厅's people's own messages, its chat robot, its editor's token.
        "notification_mark_read": ("post", f"/notifications/{r.notification.pk}/read", None),
        "webhook_save": (
            "put",
            f"/units/{unit}/webhook",
            {"url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"},
        ),
        "token_revoke": ("post", f"/tokens/{r.token.pk}/revoke", None),
    }


def assessment_requests_for(a: AssessmentRecords) -> dict[str, tuple[str, str, dict | None]]:
    """The assessment's writes, on the computed version and 省财政厅's score and objection."""
    plan, version = a.plan.pk, a.assessment.pk
    return {
        "assessment_scheme_update": (
            "put",
            f"/plans/{plan}/assessment-scheme",
            {"version": 1, "lead_weight": "1.00", "co_weight": "0.50"},
        ),
        "breakthrough_rate": (
            "put",
            f"/plans/{plan}/tasks/{a.multi_year_task.pk}/breakthrough-rating",
            {"rating": "0.5", "reason": "部分突破。"},
        ),
        "assessment_compute": ("post", f"/plans/{plan}/assessments", {"as_of": "2012-06-15"}),
        "assessment_lock": ("post", f"/assessments/{version}/lock", None),
        "assessment_publish": ("post", f"/assessments/{version}/publish", None),
        "objection_file": (
            "post",
            f"/assessment-scores/{a.score.pk}/objections",
            {"reason": "记录有误。"},
        ),
        "objection_answer": (
            "post",
            f"/assessment-objections/{a.objection.pk}/answer",
            {"version": a.objection.version, "answer": "已核实。"},
        ),
    }


# The operations `assessment_requests_for` answers (its records take seconds to compute, so
# only these tests ask for them).
ASSESSMENT_WRITES = frozenset(
    {
        "assessment_scheme_update",
        "breakthrough_rate",
        "assessment_compute",
        "assessment_lock",
        "assessment_publish",
        "objection_file",
        "objection_answer",
    }
)


def request_for(operation: str, request) -> tuple[str, str, dict | None]:
    """The valid request of `operation`, built on the fixture its records come from."""
    if operation in ASSESSMENT_WRITES:
        return assessment_requests_for(request.getfixturevalue("assessment_records"))[operation]
    return requests_for(request.getfixturevalue("finance_records"))[operation]


# Writes with no object of anyone else's to reach: each acts on the caller's own unit or self.
SELF_ONLY = {
    "implementation_plan_start": ("post", "/plans/{plan}/implementation-plan", None),
    "notification_read_all": ("post", "/notifications/read-all", None),
    "notification_preferences_set": ("put", "/notifications/preferences", {"email": True}),
    # A meeting is convened by the caller's own unit (or the reform office).
    "meeting_create": (
        "post",
        "/plans/{plan}/meetings",
        {"title": "协调会", "date": "2012-06-20", "place": "会议室", "chair": "主任"},
    ),
}


def send(client, method: str, path: str, body, **headers):
    url = "/api/v1" + path
    if isinstance(body, dict) and "file" in body:
        return getattr(client, method)(url, body, **headers)
    return getattr(client, method)(url, body or {}, content_type="application/json", **headers)
