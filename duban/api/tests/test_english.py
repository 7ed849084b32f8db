"""The API's error messages follow the reader's language, like the pages."""

import pytest


def sign_in(client, user, language: str) -> None:
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": language, "next": "/"})


@pytest.mark.django_db
def test_a_missing_unit_is_reported_in_english(client, coordinator):
    sign_in(client, coordinator, "en")

    reply = client.get("/api/v1/units/999999")

    assert reply.status_code == 404
    assert reply.json() == {
        "code": "not_found",
        "message": "Not found, or you may not access it.",
        "field": None,
    }


@pytest.mark.django_db
def test_a_missing_unit_is_reported_in_chinese_by_default(client, coordinator):
    sign_in(client, coordinator, "zh-hans")

    reply = client.get("/api/v1/units/999999")

    assert reply.json()["message"] == "没有找到，或无权访问。"


def test_a_unit_outside_the_plan_is_refused_in_english(client, finance_records, caizheng):
    sign_in(client, caizheng, "en")

    reply = client.post(
        f"/api/v1/tasks/{finance_records.task.pk}/coordination-issues",
        {"title": "x", "blocker": "y", "needed_unit_ids": [2**31 - 1]},
        content_type="application/json",
    )

    assert reply.status_code == 422
    assert reply.json()["message"] == "A unit chosen has no share in this year's plan."
    assert reply.json()["field"] == "needed_unit_ids"
