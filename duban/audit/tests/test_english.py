"""The audit app's words in English: the stale-edit refusal people see, and the causes of a
change. The audit app has no pages of its own; its message reaches people through every form
that saves a versioned record."""

import pytest
from django.utils import translation

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.notifications.models import UnitWebhook
from duban.web.tests.english import CJK


@pytest.mark.django_db
def test_a_stale_save_is_refused_in_the_readers_language(caizheng):
    webhook = UnitWebhook.objects.create(unit=caizheng.unit, url="https://robot.example/hook")
    webhook.url = "https://robot.example/new"

    with translation.override("en"), pytest.raises(audit.StaleEdit) as refused:
        audit.save(webhook, by=caizheng, fields=["url"], seen_version=webhook.version - 1)

    assert str(refused.value) == (
        "Someone else has changed this record; reload the page and try again."
    )


@pytest.mark.django_db
def test_a_stale_save_is_refused_in_chinese_by_default(caizheng):
    webhook = UnitWebhook.objects.create(unit=caizheng.unit, url="https://robot.example/hook")

    with pytest.raises(audit.StaleEdit) as refused:
        audit.save(webhook, by=caizheng, fields=["url"], seen_version=webhook.version - 1)

    assert str(refused.value) == "此记录已被他人修改，请刷新页面后重试。"


def test_every_cause_of_a_change_has_an_english_label():
    with translation.override("en"):
        labels = [str(label) for _, label in Cause.choices]

    assert "Scheduled rule" in labels
    assert not [label for label in labels if CJK.search(label)]
