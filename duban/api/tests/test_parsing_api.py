from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "gansu-2012-reform-opinions.txt"


def test_the_coordinator_parses_a_document_with_canonical_names(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("意见.txt", SAMPLE.read_bytes(), content_type="text/plain")
    parsed = client.post("/api/v1/parse", {"file": upload}).json()
    assert parsed["schema"] == "duban.document/1"
    assert len(parsed["items"]) == 9
    first = parsed["items"][0]["children"][0]["departments"][0]
    assert first == {"name": "省工信委", "role": "lead", "canonical": "甘肃省工业和信息化委员会"}


def test_an_unreadable_upload_is_named_in_the_error(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("任务表.xlsx", b"PK\x03\x04 not really a workbook")
    refused = client.post("/api/v1/parse", {"file": upload})
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == "unreadable_document" and "任务表.xlsx" in body["message"]


def test_an_editor_cannot_use_the_parser(client, caizheng):
    client.force_login(caizheng)
    upload = SimpleUploadedFile("意见.txt", SAMPLE.read_bytes())
    assert client.post("/api/v1/parse", {"file": upload}).status_code == 403
