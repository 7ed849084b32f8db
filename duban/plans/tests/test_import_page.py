"""The 导入文件 page: an upload becomes a draft plan on the review screen; a file the parser
cannot read is refused with its name, and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duban.plans.models import Plan, SourceDocument
from duban.plans.tests.conftest import SMALL_DOCUMENT

pytestmark = pytest.mark.django_db


def test_an_upload_becomes_a_draft_on_the_review_screen(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("试点意见.txt", SMALL_DOCUMENT.encode("gb18030"))
    response = client.post(reverse("plans:plan-import"), {"file": upload, "year": 2013})
    plan = Plan.objects.get(year=2013)
    assert response["Location"] == reverse("plans:plan-review", args=[plan.pk])
    assert plan.status == Plan.Status.DRAFT
    assert plan.source.original_name == "试点意见.txt"
    assert "推进预算公开" in plan.source.text


def test_an_unreadable_file_is_refused_with_its_name(client, coordinator):
    client.force_login(coordinator)
    sources = SourceDocument.objects.count()
    upload = SimpleUploadedFile("坏文件.docx", b"not a zip archive")
    response = client.post(reverse("plans:plan-import"), {"file": upload, "year": 2013})
    assert response.status_code == 422
    assert "坏文件.docx：文件已损坏或扩展名不符" in response.content.decode()
    assert SourceDocument.objects.count() == sources


def test_a_zip_bomb_is_refused_in_chinese_and_in_english(client, coordinator):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * 30_000_000)
    client.force_login(coordinator)
    upload = SimpleUploadedFile("炸弹.docx", buffer.getvalue())
    response = client.post(reverse("plans:plan-import"), {"file": upload, "year": 2013})
    assert response.status_code == 422
    assert "炸弹.docx：压缩比" in response.content.decode()
    client.cookies["django_language"] = "en"
    upload = SimpleUploadedFile("炸弹.docx", buffer.getvalue())
    response = client.post(reverse("plans:plan-import"), {"file": upload, "year": 2013})
    assert "refused as a zip bomb" in response.content.decode()


def test_other_kinds_of_file_are_refused_by_the_form(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("名单.csv", b"a,b")
    response = client.post(reverse("plans:plan-import"), {"file": upload})
    assert response.status_code == 422
    assert "只能上传" in response.content.decode()


def test_a_leader_cannot_upload(client, leader):
    client.force_login(leader)
    upload = SimpleUploadedFile("试点意见.txt", SMALL_DOCUMENT.encode())
    assert client.post(reverse("plans:plan-import"), {"file": upload}).status_code == 403
    assert not Plan.objects.filter(year=2013).exists()


def test_the_same_file_imported_again_warns_and_names_the_earlier_plan(client, coordinator):
    client.force_login(coordinator)
    content = SMALL_DOCUMENT.encode("gb18030")
    client.post(reverse("plans:plan-import"), {"file": SimpleUploadedFile("a.txt", content)})
    first = Plan.objects.get(year=2013)
    response = client.post(
        reverse("plans:plan-import"), {"file": SimpleUploadedFile("b.txt", content)}, follow=True
    )
    assert f"编号{first.pk}" in response.content.decode()
    assert "请勿重复建立" in response.content.decode()


def test_a_failed_import_leaves_no_file_on_disk(coordinator, settings, monkeypatch):
    from duban.plans.services import importing

    def fail(*args, **kwargs):
        raise RuntimeError("the citations could not be stored")

    monkeypatch.setattr(importing, "_cite", fail)
    with pytest.raises(RuntimeError):
        importing.plan_import(
            parse={"meta": {"date": "2013-03-01"}, "items": []},
            year=None,
            by=coordinator,
            original_name="失败.txt",
            content=b"some text",
        )
    assert not [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]
    assert not SourceDocument.objects.filter(original_name="失败.txt").exists()


UNDATED = SMALL_DOCUMENT.replace("2013年3月1日", "")


def test_a_document_without_a_date_asks_for_the_year_and_keeps_the_file(
    client, coordinator, settings, tmp_path
):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("无日期意见.txt", UNDATED.encode())
    response = client.post(reverse("plans:plan-import"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 422
    assert "请指明计划年度" in page and "无日期意见.txt" in page and "无须重新选择文件" in page
    assert not Plan.objects.filter(source__original_name="无日期意见.txt").exists()
    # The year alone, no file: the kept file is imported, then let go.
    response = client.post(reverse("plans:plan-import"), {"year": 2014})
    plan = Plan.objects.get(source__original_name="无日期意见.txt")
    assert plan.year == 2014
    assert response["Location"] == reverse("plans:plan-review", args=[plan.pk])
    assert not list((settings.MEDIA_ROOT / "imports" / "held").iterdir())


def test_no_file_and_nothing_kept_is_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("plans:plan-import"), {"year": 2014})
    assert response.status_code == 422
    assert "请选择要上传的文件" in response.content.decode()


def test_the_region_chosen_on_import_is_the_plans(client, coordinator):
    from duban.directory.models import Region

    client.force_login(coordinator)
    city = Region.objects.get(name="兰州市")
    upload = SimpleUploadedFile("试点意见.txt", SMALL_DOCUMENT.encode())
    client.post(reverse("plans:plan-import"), {"file": upload, "year": 2013, "region": city.pk})
    assert Plan.objects.get(year=2013).region == city
