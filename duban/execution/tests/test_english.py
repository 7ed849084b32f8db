"""The execution pages in English: desk, review queue, report list and progress summary.

Unit names, task titles and dates (written 2012年5月20日 in every language, as documents do)
are data; the checks cover the page's own words: headings, navigation and table headers.
"""

import pytest
from django.urls import reverse

from duban.plans.models import Plan
from duban.web.tests.english import CJK, own_words, read_in_english, texts


@pytest.mark.django_db
def test_an_editors_desk_and_reports_read_in_english(client, caizheng):
    read_in_english(client, caizheng)
    unit = caizheng.unit.short_name

    desk = client.get(reverse("execution:workspace")).content.decode()
    reports = client.get(reverse("execution:report-list")).content.decode()

    assert texts(desk, "h1") == [f"To do for {unit}"]
    assert "Implementation plans to submit" in desk
    assert texts(reports, "h1") == [f"Progress reports of {unit}"]
    for page in (desk, reports):
        assert not CJK.search(own_words(page, data=unit))


@pytest.mark.django_db
def test_the_review_queue_and_progress_summary_read_in_english(client, coordinator):
    plan = Plan.objects.filter(status=Plan.Status.PUBLISHED).latest("year")
    read_in_english(client, coordinator)

    queue = client.get(reverse("execution:queue")).content.decode()
    progress = client.get(reverse("execution:progress-plan", args=[plan.pk])).content.decode()

    assert texts(queue, "h1") == ["Review and supervision"]
    assert "Implementation plans late or not submitted" in queue
    assert "Overall progress" in progress
    assert not CJK.search(own_words(queue))
    assert not CJK.search(own_words(progress, data=plan.title))
