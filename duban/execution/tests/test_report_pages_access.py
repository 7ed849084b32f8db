"""Every report URL, for each persona: the allowed path beside the denied one.

The report at stake belongs to 兰州市 (a city task) or to 省发展改革委 (a task 省财政厅 co-operates
on). An editor of 省财政厅 never sees the edit form of, nor posts to, another unit's report: 404
when the report is not its business at all, 403 when it reads it as a co unit of the task;
a viewer never writes (403); the coordinator reviews but never fills in.
"""

from datetime import date

import pytest
from django.urls import reverse

from duban.execution.models import Milestone, ProgressReport
from duban.execution.tests.conftest import make_task

pytestmark = pytest.mark.usefixtures("no_demo_plan")

SEP = date(2012, 9, 1)


@pytest.fixture
def city_report(plan_2012, finance_task, lanzhou, file_report):
    """兰州市's draft report on its own instance of 1.1.1: nobody else's business to edit."""
    task = make_task(
        plan_2012, "1.1.1", lead=lanzhou.unit, region=lanzhou.unit.region, origin=finance_task
    )
    return file_report(task, lanzhou, SEP, review="draft")


@pytest.fixture
def lead_report(reform_task, fagai, file_report):
    """省发展改革委's submitted report on 1.2.1, where 省财政厅 is a co unit."""
    return file_report(reform_task, fagai, SEP)


@pytest.fixture
def own_report(finance_task, caizheng, file_report):
    """省财政厅's own draft on 1.1.1."""
    return file_report(finance_task, caizheng, SEP, review="draft")


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def post(client, user, url, data=None):
    client.force_login(user)
    return client.post(url, data or {})


REPORT_FORM = {"status": "on_track", "work_done": "按计划推进。", "submit": "1"}


# ---- The edit form and every write, on another unit's report -------------------------------


@pytest.mark.parametrize("name", ["report-edit", "report-submit", "evidence-add"])
def test_finance_editor_cannot_reach_a_city_report(client, caizheng, city_report, name):
    url = reverse(f"execution:{name}", args=[city_report.pk])
    if name == "report-edit":
        assert get(client, caizheng, url).status_code == 404
    assert post(client, caizheng, url, REPORT_FORM).status_code == 404


def test_finance_editor_cannot_read_a_city_report(client, caizheng, city_report):
    url = reverse("execution:report-detail", args=[city_report.pk])
    assert get(client, caizheng, url).status_code == 404


def test_a_co_unit_reads_the_leads_report_but_cannot_edit_it(client, caizheng, lead_report):
    detail = reverse("execution:report-detail", args=[lead_report.pk])
    assert get(client, caizheng, detail).status_code == 200
    # It already sees the report, so the refusal is a 403, not a 404.
    edit = reverse("execution:report-edit", args=[lead_report.pk])
    assert get(client, caizheng, edit).status_code == 403
    assert post(client, caizheng, edit, REPORT_FORM).status_code == 403
    lead_report.refresh_from_db()
    assert lead_report.work_done == "按计划推进各项工作。"


def test_the_owner_edits_and_submits_its_own_report(client, caizheng, own_report):
    edit = reverse("execution:report-edit", args=[own_report.pk])
    assert get(client, caizheng, edit).status_code == 200
    data = REPORT_FORM | {"version": own_report.version}
    response = post(client, caizheng, edit, data)
    assert response.status_code == 302
    own_report.refresh_from_db()
    assert own_report.review == ProgressReport.Review.SUBMITTED


@pytest.mark.parametrize("name", ["report-edit", "report-submit", "evidence-add"])
def test_a_viewer_reads_but_never_writes(client, viewer, own_report, name):
    assert (
        get(client, viewer, reverse("execution:report-detail", args=[own_report.pk])).status_code
        == 200
    )
    url = reverse(f"execution:{name}", args=[own_report.pk])
    assert post(client, viewer, url, REPORT_FORM).status_code == 403


@pytest.mark.parametrize("persona", ["coordinator", "leader"])
def test_the_office_and_leaders_read_but_do_not_fill_in(client, request, own_report, persona):
    user = request.getfixturevalue(persona)
    assert (
        get(client, user, reverse("execution:report-detail", args=[own_report.pk])).status_code
        == 200
    )
    edit = reverse("execution:report-edit", args=[own_report.pk])
    assert post(client, user, edit, REPORT_FORM).status_code == 403


# ---- A new report for a task and period -------------------------------------------------


def fill_url(task):
    return reverse("execution:report-fill", args=[task.pk, "2012-09-01"])


def test_a_new_report_starts_from_the_last_one(client, caizheng, finance_task, file_report):
    file_report(finance_task, caizheng, date(2012, 8, 1), status="at_risk", work_done="完成初稿。")
    response = get(client, caizheng, fill_url(finance_task))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["status"] == "at_risk" and form.initial["work_done"] == "完成初稿。"


def test_the_form_lists_the_units_milestones_with_a_link_to_tick_them(
    client, caizheng, finance_task, fagai
):
    mine = Milestone.objects.create(
        task=finance_task, unit=caizheng.unit, title="出台预算管理办法", due_date=date(2012, 9, 15)
    )
    Milestone.objects.create(
        task=finance_task, unit=fagai.unit, title="配合单位的节点", due_date=date(2012, 9, 15)
    )
    page = get(client, caizheng, fill_url(finance_task)).content.decode()
    assert "出台预算管理办法" in page and "配合单位的节点" not in page
    assert reverse("execution:milestone-tick", args=[mine.pk]) in page


def test_the_editor_files_a_new_report(client, caizheng, finance_task):
    response = post(client, caizheng, fill_url(finance_task), REPORT_FORM)
    report = ProgressReport.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/reports/{report.pk}/")
    assert report.review == ProgressReport.Review.SUBMITTED and report.percent == 75


def test_a_percent_without_reason_is_shown_on_the_form(client, caizheng, finance_task):
    response = post(client, caizheng, fill_url(finance_task), REPORT_FORM | {"percent": 90})
    assert response.status_code == 422
    assert "进度说明" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_a_stale_edit_is_refused_with_a_message(client, caizheng, own_report):
    edit = reverse("execution:report-edit", args=[own_report.pk])
    response = post(client, caizheng, edit, REPORT_FORM | {"version": own_report.version - 1})
    assert response.status_code == 422
    assert "已被他人修改" in response.content.decode()


def test_finance_editor_cannot_file_for_a_task_it_is_not_on(client, caizheng, plan_2012, lanzhou):
    task = make_task(plan_2012, "3.1.1", lead=lanzhou.unit)
    assert get(client, caizheng, fill_url(task)).status_code == 404
    assert post(client, caizheng, fill_url(task), REPORT_FORM).status_code == 404
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("persona", ["viewer", "coordinator"])
def test_read_only_roles_cannot_file(client, request, finance_task, persona):
    # The viewer's unit leads 1.1.1 and the coordinator's unit co-operates: both are refused.
    user = request.getfixturevalue(persona)
    assert post(client, user, fill_url(finance_task), REPORT_FORM).status_code == 403


def test_a_leader_does_not_see_a_fill_form(client, leader, finance_task):
    assert get(client, leader, fill_url(finance_task)).status_code == 404


def test_an_existing_report_opens_in_its_edit_form(client, caizheng, finance_task, own_report):
    response = get(client, caizheng, fill_url(finance_task))
    assert response.status_code == 302
    assert response.url == reverse("execution:report-edit", args=[own_report.pk])


# ---- Review --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report-accept", "report-return"])
def test_only_the_coordinator_reviews(
    client, coordinator, caizheng, fagai, leader, lanzhou, lead_report, name
):
    url = reverse(f"execution:{name}", args=[lead_report.pk])
    data = {"version": lead_report.version, "comment": "请补充佐证材料。"}
    assert post(client, fagai, url, data).status_code == 403  # its own report
    assert post(client, leader, url, data).status_code == 403
    assert post(client, lanzhou, url, data).status_code == 404
    assert post(client, caizheng, url, data).status_code == 403  # reads it as a co unit
    assert post(client, coordinator, url, data).status_code == 302
    lead_report.refresh_from_db()
    expected = "accepted" if name == "report-accept" else "returned"
    assert lead_report.review == expected


def test_a_returned_report_shows_the_reason_to_its_unit(client, coordinator, fagai, lead_report):
    url = reverse("execution:report-return", args=[lead_report.pk])
    post(client, coordinator, url, {"version": lead_report.version, "comment": "请补充数据。"})
    page = get(client, fagai, reverse("execution:report-list")).content.decode()
    assert "被退回的报告" in page and "请补充数据。" in page


# ---- Lists and the progress page -----------------------------------------------------------


def test_the_report_list_shows_late_and_current_items(client, caizheng, finance_task, settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    page = get(client, caizheng, reverse("execution:report-list")).content.decode()
    assert "逾期未报" in page and "本期应报" in page and "已逾期" in page


def test_nothing_owed_says_so(client, caizheng, db, settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    page = get(client, caizheng, reverse("execution:report-list")).content.decode()
    assert "本期没有应报的进展报告" in page


def test_the_coordinator_list_leads_to_the_plans_reviews_and_late_units(
    client, coordinator, plan_2012, finance_task, caizheng, settings, file_report
):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    waiting = file_report(finance_task, caizheng, SEP)
    page = get(client, coordinator, reverse("execution:report-list")).content.decode()
    assert reverse("execution:progress-plan", args=[plan_2012.pk]) in page
    assert reverse("execution:report-detail", args=[waiting.pk]) in page
    assert "逾期未报 16" in page  # 1.1.1: 省财政厅 and 省发展改革委, January to August


@pytest.mark.parametrize("persona", ["coordinator", "leader", "caizheng", "viewer", "lanzhou"])
def test_every_role_reads_the_progress_page_with_its_formula(
    client, request, plan_2012, finance_task, persona
):
    response = get(
        client,
        request.getfixturevalue(persona),
        reverse("execution:progress-plan", args=[plan_2012.pk]),
    )
    assert response.status_code == 200
    assert "Σ(wᵢ × Pᵢ) ÷ Σwᵢ" in response.content.decode()


@pytest.mark.parametrize("persona", ["leader", "caizheng", "viewer", "lanzhou", "admin_user"])
def test_a_draft_plans_progress_is_the_offices_only(
    client, request, coordinator, plan_2012, persona
):
    plan_2012.status = "draft"
    plan_2012.save(update_fields=["status"])
    url = reverse("execution:progress-plan", args=[plan_2012.pk])
    assert get(client, request.getfixturevalue(persona), url).status_code == 404
    assert get(client, coordinator, url).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, own_report):
    response = client.get(reverse("execution:report-detail", args=[own_report.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_a_draft_is_submitted_from_its_page(client, caizheng, own_report):
    url = reverse("execution:report-submit", args=[own_report.pk])
    assert post(client, caizheng, url).status_code == 302
    own_report.refresh_from_db()
    assert own_report.review == ProgressReport.Review.SUBMITTED


def test_a_submitted_reports_edit_form_sends_back_to_the_report(client, caizheng, own_report):
    post(client, caizheng, reverse("execution:report-submit", args=[own_report.pk]))
    response = get(client, caizheng, reverse("execution:report-edit", args=[own_report.pk]))
    assert response.status_code == 302
    assert response.url == reverse("execution:report-detail", args=[own_report.pk])


def test_a_viewer_sees_the_units_list_without_fill_buttons(client, viewer, finance_task, settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    page = get(client, viewer, reverse("execution:report-list")).content.decode()
    assert "逾期未报" in page
    assert reverse("execution:report-fill", args=[finance_task.pk, "2012-09-01"]) not in page
    assert reverse("execution:ledger-download") not in page
