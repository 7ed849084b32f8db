"""Attachments on a plan and evidence on a milestone tick: checked by content like report files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duban.execution.models import Evidence
from duban.execution.services.implementation_plans import implementation_plan_submit

from .conftest import ready_plan

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def draft(plan_2012, finance_task, caizheng):
    return ready_plan(plan_2012, finance_task, caizheng)


@pytest.mark.django_db
def test_an_editor_attaches_a_file_to_the_draft_and_the_reform_office_downloads_it(
    client, draft, caizheng, coordinator
):
    client.force_login(caizheng)
    upload = SimpleUploadedFile("实施方案（盖章版）.pdf", PDF)

    client.post(reverse("execution:plan-attach", args=[draft.pk]), {"file": upload})

    evidence = Evidence.objects.get(implementation_plan=draft)
    assert (evidence.original_name, evidence.uploaded_by) == ("实施方案（盖章版）.pdf", caizheng)
    client.force_login(coordinator)
    page = client.get(reverse("execution:plan-detail", args=[draft.pk])).content.decode()
    assert reverse("execution:evidence-download", args=[evidence.pk]) in page
    download = client.get(reverse("execution:evidence-download", args=[evidence.pk]))
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.django_db
def test_a_file_that_is_not_what_it_claims_is_refused(client, draft, caizheng):
    client.force_login(caizheng)
    upload = SimpleUploadedFile("方案.pdf", b"MZ\x90\x00 not a pdf")

    response = client.post(
        reverse("execution:plan-attach", args=[draft.pk]), {"file": upload}, follow=True
    )

    assert "不是可接受的文件类型" in response.content.decode()
    assert not Evidence.objects.filter(implementation_plan=draft).exists()


@pytest.mark.django_db
def test_a_submitted_plan_takes_no_more_attachments(client, draft, caizheng):
    implementation_plan_submit(implementation_plan=draft, by=caizheng)
    client.force_login(caizheng)

    response = client.post(
        reverse("execution:plan-attach", args=[draft.pk]),
        {"file": SimpleUploadedFile("a.pdf", PDF)},
        follow=True,
    )

    assert "正在审核" in response.content.decode()
    assert not Evidence.objects.filter(implementation_plan=draft).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"), [("fagai", 404), ("viewer", 403), ("coordinator", 403)]
)
def test_only_the_units_editor_attaches(client, demo_accounts, draft, persona, status):
    client.force_login(demo_accounts[persona])

    response = client.post(
        reverse("execution:plan-attach", args=[draft.pk]),
        {"file": SimpleUploadedFile("a.pdf", PDF)},
    )

    assert response.status_code == status
    assert not Evidence.objects.filter(implementation_plan=draft).exists()


@pytest.mark.django_db
def test_a_tick_keeps_its_evidence_file(client, filed_plan, caizheng, fagai):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    client.post(
        reverse("execution:milestone-tick", args=[milestone.pk]),
        {
            "version": milestone.version,
            "met_on": "2012-06-29",
            "met_note": "调研报告已印发",
            "evidence": SimpleUploadedFile("调研报告.pdf", PDF),
        },
    )

    evidence = Evidence.objects.get(milestone=milestone)
    assert evidence.original_name == "调研报告.pdf"
    # Another unit cannot fetch it.
    client.force_login(fagai)
    assert client.get(reverse("execution:evidence-download", args=[evidence.pk])).status_code == 404


@pytest.mark.django_db
def test_a_refused_evidence_file_leaves_the_milestone_open(client, filed_plan, caizheng):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    response = client.post(
        reverse("execution:milestone-tick", args=[milestone.pk]),
        {
            "version": milestone.version,
            "met_on": "2012-06-29",
            "met_note": "完成",
            "evidence": SimpleUploadedFile("x.pdf", b"plain text"),
        },
    )

    assert "不是可接受的文件类型" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.met_on is None


def test_an_upload_from_the_page_replaces_only_the_attachments_section(client, draft, caizheng):
    # The edit page posts the file with htmx: the answer is the section alone, so the text
    # typed (and not yet saved) in the plan's other fields stays where it is.
    client.force_login(caizheng)
    response = client.post(
        reverse("execution:plan-attach", args=[draft.pk]),
        {"file": SimpleUploadedFile("方案.pdf", PDF)},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="panel" id="attachments">')
    assert "方案.pdf" in html and "附件已上传" in html


def test_a_refused_upload_in_place_says_why_in_the_section(client, draft, caizheng):
    client.force_login(caizheng)
    response = client.post(
        reverse("execution:plan-attach", args=[draft.pk]),
        {"file": SimpleUploadedFile("方案.pdf", b"MZ\x90\x00 not a pdf")},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'class="return-note"' in response.content.decode()
