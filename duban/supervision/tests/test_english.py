"""The supervision pages in English: a unit's notices and calendar, and the 催办 form.

Unit names and task titles are data; the checks cover the page's own words: headings,
navigation, table headers and form labels.
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from duban.supervision.lights import (
    MilestoneFact,
    ReportFact,
    TaskFacts,
    compute_light,
    load_rule_set,
)
from duban.web.tests.english import CJK, own_words, read_in_english, texts


@pytest.mark.django_db
def test_a_units_notices_and_calendar_read_in_english(client, caizheng):
    read_in_english(client, caizheng)
    unit = caizheng.unit.short_name

    inbox = client.get(reverse("supervision:inbox")).content.decode()
    client.post(reverse("supervision:calendar"))
    calendar = client.get(reverse("supervision:calendar")).content.decode()

    assert texts(inbox, "h1") == [f"{unit} · Duban notices"]
    assert texts(calendar, "h1") == [f"{unit} · Calendar subscription"]
    assert "Subscription address" in texts(calendar, "th")
    for page in (inbox, calendar):
        assert not CJK.search(own_words(page, data=unit))


@pytest.mark.django_db
def test_the_urge_form_reads_in_english_with_its_errors(client, coordinator, caizheng):
    read_in_english(client, coordinator)
    url = reverse("supervision:urge-unit", args=[caizheng.unit_id])

    page = client.post(url, {"unit": caizheng.unit_id, "step": "urge", "message": ""})

    html = page.content.decode()
    assert texts(html, "h1") == ["Urge notice"]
    assert texts(html, "label") == ["Level", "Notice text"]
    assert "This field is required." in html
    assert not CJK.search(" ".join(texts(html, "nav") + texts(html, "label")))


def test_a_light_and_its_reason_read_in_english():
    late = TaskFacts(
        start=date(2012, 1, 1),
        due=date(2012, 12, 31),
        milestones=(MilestoneFact("起草条例", date(2012, 8, 29)),),
        reports=(
            ReportFact(date(2012, 8, 1), date(2012, 8, 31), "on_track", 60, date(2012, 9, 3)),
        ),
    )

    with translation.override("en"):
        light = compute_light(late, date(2012, 9, 30), load_rule_set("default"))
        label, reasons = light.label, light.reasons

    assert label == "Red"
    assert reasons[0] == "Red: milestone “起草条例” is 32 days overdue"
