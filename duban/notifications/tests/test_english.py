"""The notification pages in English: headings, navigation, table headers and form labels.

Message titles and unit names are data and stay as written; only the page's own words are
checked for Chinese.
"""

import pytest
from django.urls import reverse

from duban.notifications.models import UnitWebhook
from duban.web.tests.english import CJK, read_in_english, texts


@pytest.mark.django_db
def test_the_inbox_and_preferences_read_in_english(client, caizheng):
    read_in_english(client, caizheng)

    inbox = client.get(reverse("notifications:inbox")).content.decode()
    preferences = client.get(reverse("notifications:preferences")).content.decode()

    assert texts(inbox, "h1") == ["Messages"]
    assert "Mark all as read" in inbox
    assert texts(preferences, "h1") == ["Channels"]
    assert "In-app message" in preferences and "E-mail" in preferences
    for page in (inbox, preferences):
        assert not CJK.search(" ".join(texts(page, "nav") + texts(page, "th")))


@pytest.mark.django_db
def test_the_webhook_page_reads_in_english_down_to_the_stale_edit_error(client, caizheng, settings):
    settings.DUBAN_WEBHOOK_HOSTS = ["robot.example", "1.1.1.1"]
    unit = caizheng.unit
    UnitWebhook.objects.create(unit=unit, url="https://robot.example/hook", active=True)
    read_in_english(client, caizheng)
    url = reverse("notifications:unit-webhook", args=[unit.pk])
    stale = {"url": "https://1.1.1.1/new", "active": "on", "version": "0"}

    page = client.post(url, stale).content.decode()

    heading = texts(page, "h1")[0].replace(unit.short_name, "")
    assert heading.strip() == "· Chat robot"
    assert "Someone else has changed this record" in page
    assert "Webhook address" in texts(page, "label")[0]
    assert not CJK.search(" ".join(texts(page, "nav") + texts(page, "th") + texts(page, "label")))


@pytest.mark.django_db
def test_a_refused_webhook_address_is_explained_in_english(client, caizheng):
    read_in_english(client, caizheng)
    url = reverse("notifications:unit-webhook", args=[caizheng.unit_id])
    page = client.post(url, {"url": "http://127.0.0.1:5432/", "active": "on"}).content.decode()
    assert "must start with https://" in page
