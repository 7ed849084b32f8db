"""Every coordination URL, allowed and denied: who reaches each page and who may do each action.

Each test shares its setup between the allowed and the denied call, so a refusal happens for the
reason claimed; a refused write changes nothing.
"""

from datetime import date

import pytest
from django.urls import reverse

from duban.coordination import services
from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.coordination.tests.conftest import DECISION_DUE, hold
from duban.web.tests.personas import REFUSED


@pytest.fixture
def as_user(client, demo_accounts):
    def call(username, url, data=None):
        client.force_login(demo_accounts[username])
        return client.post(url, data) if data is not None else client.get(url)

    return call


def refused(as_user, usernames, url, data=None):
    for username in usernames:
        status = as_user(username, url, data).status_code
        assert status in REFUSED, f"{username} got {status} on {url}"


# ---- Pages ----------------------------------------------------------------------------------


def test_the_coordination_page(as_user, issue):
    url = reverse("coordination:index")
    for username in ("coordinator", "leader", "caizheng", "fagai", "lanzhou", "viewer"):
        assert as_user(username, url).status_code == 200
    assert issue.title in as_user("fagai", url).content.decode()
    assert issue.title not in as_user("lanzhou", url).content.decode()
    refused(as_user, ["admin"], url)


def test_raising_an_issue(as_user, finance_task, reform_unit, today):
    url = reverse("coordination:issue-raise", args=[finance_task.pk])
    assert as_user("caizheng", url).status_code == 200
    data = {
        "title": "数据共享",
        "blocker": "不联通",
        "needed_units": [reform_unit.pk],
        "urgency": "normal",
    }
    refused(as_user, ["viewer", "coordinator", "leader", "lanzhou", "admin"], url, data)
    assert not CoordinationIssue.objects.exists()
    response = as_user("caizheng", url, data)
    assert response.status_code == 302
    assert CoordinationIssue.objects.get().raised_by_unit.short_name == "省财政厅"


def test_a_bad_issue_form_names_the_field(as_user, finance_task, today):
    url = reverse("coordination:issue-raise", args=[finance_task.pk])
    response = as_user("caizheng", url, {"title": "", "blocker": "x", "urgency": "normal"})
    assert response.status_code == 422
    assert "needed_units" in response.context["form"].errors


def test_the_issue_page(as_user, issue):
    url = reverse("coordination:issue-detail", args=[issue.pk])
    for username in ("coordinator", "leader", "caizheng", "fagai", "viewer"):
        assert as_user(username, url).status_code == 200
    refused(as_user, ["lanzhou", "admin"], url)


def test_answering_an_issue(as_user, issue):
    url = reverse("coordination:issue-reply", args=[issue.pk])
    refused(as_user, ["viewer", "leader", "lanzhou", "admin"], url, {"text": "答复"})
    assert not issue.replies.exists()
    assert as_user("fagai", url, {"text": "同意开放接口"}).status_code == 302
    assert issue.replies.get().unit.short_name == "省发展改革委"


def test_withdrawing_an_issue(as_user, issue):
    url = reverse("coordination:issue-withdraw", args=[issue.pk])
    data = {"version": issue.version, "reason": "已解决"}
    refused(as_user, ["fagai", "coordinator", "viewer", "lanzhou"], url, data)
    as_user("caizheng", url, data)
    issue.refresh_from_db()
    assert issue.status == CoordinationIssue.Status.WITHDRAWN


def test_closing_an_issue(as_user, issue):
    url = reverse("coordination:issue-close", args=[issue.pk])
    data = {"version": issue.version, "note": "已解决"}
    refused(as_user, ["caizheng", "fagai", "leader", "lanzhou"], url, data)
    as_user("coordinator", url, data)
    issue.refresh_from_db()
    assert issue.status == CoordinationIssue.Status.CLOSED


# ---- Meetings -------------------------------------------------------------------------------


def test_convening_a_meeting(as_user, plan_2012, finance_task, today):
    url = reverse("coordination:meeting-create", args=[plan_2012.pk])
    data = {"title": "联席会议", "date": "2012-10-10", "place": "会议室", "chair": "张明"}
    refused(as_user, ["viewer", "leader", "lanzhou", "admin"], url, data)
    assert not Meeting.objects.exists()
    assert as_user("caizheng", url).status_code == 200  # 省财政厅 leads 1.1.1
    assert as_user("coordinator", url, data).status_code == 302
    assert Meeting.objects.get().convened_by_unit.short_name == "省发展改革委"


def test_the_meeting_page(as_user, meeting):
    url = reverse("coordination:meeting-detail", args=[meeting.pk])
    for username in ("coordinator", "leader", "caizheng", "fagai", "viewer"):
        assert as_user(username, url).status_code == 200
    assert "可列入的议题" in as_user("coordinator", url).content.decode()
    assert "可列入的议题" not in as_user("caizheng", url).content.decode()
    refused(as_user, ["lanzhou", "admin"], url)


def test_choosing_units(as_user, meeting, finance_unit, lanzhou_unit, city_task):
    url = reverse("coordination:meeting-units", args=[meeting.pk])
    data = {"version": meeting.version, "units": [finance_unit.pk, lanzhou_unit.pk]}
    refused(as_user, ["caizheng", "leader", "viewer", "lanzhou"], url, data)
    assert as_user("coordinator", url, data).status_code == 302
    assert lanzhou_unit in Meeting.objects.get(pk=meeting.pk).units.all()


def test_adding_to_the_agenda(as_user, meeting, finance_task):
    url = reverse("coordination:agenda-add", args=[meeting.pk])
    data = {"task": finance_task.pk, "reason": "红灯"}
    refused(as_user, ["caizheng", "leader", "lanzhou"], url, data)
    assert meeting.agenda.count() == 1
    as_user("fagai", url, data)  # an editor of the convening unit runs the meeting too
    assert meeting.agenda.count() == 2


@pytest.mark.parametrize("step", ["convene", "start"])
def test_convening_and_starting(as_user, meeting, coordinator, step):
    if step == "start":
        meeting = services.meeting_convene(
            meeting=meeting, by=coordinator, seen_version=meeting.version
        )
    url = reverse(f"coordination:meeting-{step}", args=[meeting.pk])
    refused(as_user, ["caizheng", "leader", "viewer", "lanzhou"], url, {"version": meeting.version})
    assert Meeting.objects.get(pk=meeting.pk).status == meeting.status
    as_user("coordinator", url, {"version": meeting.version})
    expected = {"convene": Meeting.Status.CONVENED, "start": Meeting.Status.IN_PROGRESS}[step]
    assert Meeting.objects.get(pk=meeting.pk).status == expected


def test_recording_an_outcome(as_user, in_progress, finance_unit, issue):
    url = reverse("coordination:outcome-add", args=[in_progress.pk])
    data = {
        "kind": "decision",
        "text": "开放接口",
        "owner_unit": finance_unit.pk,
        "due_date": "2012-10-15",
        "issues": [issue.pk],
        "agenda_item": "",
    }
    refused(as_user, ["caizheng", "leader", "lanzhou"], url, data)
    assert not Outcome.objects.exists()
    assert as_user("coordinator", url, data).status_code == 302
    assert Outcome.objects.get().issues.get() == issue


def test_a_decision_without_owner_is_refused_with_the_reason(as_user, in_progress):
    url = reverse("coordination:outcome-add", args=[in_progress.pk])
    response = as_user("coordinator", url, {"kind": "decision", "text": "研究", "agenda_item": ""})
    assert response.status_code == 422
    assert "责任单位和完成时限" in response.content.decode()


def test_closing_a_meeting(as_user, in_progress):
    url = reverse("coordination:meeting-close", args=[in_progress.pk])
    data = {"version": in_progress.version, "summary": "会议研究了……"}
    refused(as_user, ["caizheng", "leader", "lanzhou"], url, data)
    as_user("coordinator", url, data)
    assert Meeting.objects.get(pk=in_progress.pk).status == Meeting.Status.CLOSED


def test_the_notice_and_minutes_downloads(as_user, meeting, coordinator):
    notice = reverse("coordination:meeting-notice", args=[meeting.pk])
    minutes = reverse("coordination:meeting-minutes", args=[meeting.pk])
    assert as_user("caizheng", notice).status_code == 302  # not sent yet: back to the page
    hold(meeting, coordinator)
    for url in (notice, minutes):
        response = as_user("caizheng", url)
        assert response.status_code == 200 and response.content[:2] == b"PK"
        assert "attachment" in response["Content-Disposition"]
        refused(as_user, ["lanzhou", "admin"], url)


# ---- Decisions ------------------------------------------------------------------------------


def test_the_decision_page(as_user, decided):
    url = reverse("coordination:decision-detail", args=[decided.pk])
    for username in ("coordinator", "leader", "caizheng", "fagai", "viewer"):
        assert as_user(username, url).status_code == 200
    assert "报告办结" in as_user("caizheng", url).content.decode()
    assert "报告办结" not in as_user("fagai", url).content.decode()
    refused(as_user, ["lanzhou", "admin"], url)


def test_reporting_progress(as_user, decided):
    url = reverse("coordination:decision-progress", args=[decided.pk])
    refused(as_user, ["fagai", "viewer", "coordinator", "leader", "lanzhou"], url, {"note": "进展"})
    assert not decided.progress.exists()
    as_user("caizheng", url, {"note": "接口联调中"})
    assert decided.progress.get().note == "接口联调中"


def test_marking_done(as_user, decided):
    url = reverse("coordination:decision-done", args=[decided.pk])
    data = {"version": decided.version, "met_on": "2012-09-29", "evidence": "联调报告"}
    refused(as_user, ["fagai", "coordinator", "viewer", "lanzhou"], url, data)
    assert as_user("caizheng", url, data).status_code == 302
    assert Outcome.objects.get(pk=decided.pk).status == Outcome.Status.DONE


def test_accepting(as_user, decided, caizheng):
    done = services.decision_mark_done(
        outcome=decided,
        met_on=date(2012, 9, 29),
        evidence="联调报告",
        by=caizheng,
        seen_version=decided.version,
    )
    url = reverse("coordination:decision-accept", args=[done.pk])
    refused(as_user, ["caizheng", "fagai", "leader", "lanzhou"], url, {"version": done.version})
    as_user("coordinator", url, {"version": done.version})
    assert Outcome.objects.get(pk=done.pk).status == Outcome.Status.ACCEPTED


def test_an_unfinished_meetings_decision_cannot_be_reported(
    as_user, in_progress, coordinator, finance_unit
):
    outcome = services.outcome_record(
        meeting=in_progress,
        kind="decision",
        text="x",
        owner_unit=finance_unit,
        due_date=DECISION_DUE,
        by=coordinator,
    )
    refused(
        as_user,
        ["caizheng"],
        reverse("coordination:decision-progress", args=[outcome.pk]),
        {"note": "x"},
    )


# ---- The collaboration view -----------------------------------------------------------------


def test_the_collaboration_view(as_user, issue):
    url = reverse("coordination:collaboration")
    for username in ("coordinator", "leader"):
        response = as_user(username, url)
        assert (
            response.status_code == 200
            and 'id="collaboration-network"' in response.content.decode()
        )
    refused(as_user, ["caizheng", "fagai", "viewer", "lanzhou", "admin"], url)


# ---- Hooks on other apps' pages -------------------------------------------------------------


def test_the_task_page_offers_to_raise_an_issue_to_its_units_only(as_user, issue, finance_task):
    url = reverse("plans:task-detail", args=[finance_task.pk])
    page = as_user("caizheng", url).content.decode()
    assert (
        reverse("coordination:issue-raise", args=[finance_task.pk]) in page and issue.title in page
    )
    assert (
        reverse("coordination:issue-raise", args=[finance_task.pk])
        not in as_user("viewer", url).content.decode()
    )


def test_the_workspace_lists_the_units_decisions(as_user, decided):
    page = as_user("caizheng", reverse("execution:workspace")).content.decode()
    assert 'id="decisions-owed"' in page and decided.text in page
    assert (
        'id="decisions-owed"'
        not in as_user("lanzhou", reverse("execution:workspace")).content.decode()
    )


def test_the_done_form_offers_today(as_user, decided):
    page = as_user("caizheng", reverse("coordination:decision-detail", args=[decided.pk]))
    assert 'type="date" name="met_on" value="2012-09-30"' in page.content.decode()


def test_a_unit_owing_only_a_decision_is_not_told_it_owes_nothing(
    as_user, in_progress, coordinator, lanzhou_unit
):
    services.outcome_record(
        meeting=in_progress,
        kind=Outcome.Kind.DECISION,
        agenda_item=in_progress.agenda.get(),
        text="兰州市牵头制定新区体制创新试点方案",
        owner_unit=lanzhou_unit,
        co_units=[],
        due_date=DECISION_DUE,
        by=coordinator,
    )
    in_progress.refresh_from_db()
    services.meeting_close(
        meeting=in_progress, summary="", by=coordinator, seen_version=in_progress.version
    )

    page = as_user("lanzhou", reverse("execution:workspace")).content.decode()

    assert 'id="decisions-owed"' in page
    assert "目前没有待办事项" not in page
